import Foundation
import Testing

/// `licensecheck diff` and `licensecheck explain`.
struct DiffExplainTests {
  static let mislabelled = "fixtures/scan/mislabelled/LICENSE"
  static let llamaLike = "fixtures/scan/llama-model/LICENSE"

  @Test func fixtureDiffListsAddedKindsAndChangedThreshold() throws {
    let r = try CLI.run(["diff", "--format", "json", Self.mislabelled, Self.llamaLike])
    #expect(r.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    let added = (object["added"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
    #expect(added.contains("naming"))
    #expect(added.contains("include-license"))
    #expect(added.contains("governing-law"))
    let changed = object["changed"] as? [[String: Any]] ?? []
    let threshold = changed.first { $0["kind"] as? String == "usage-cap" && $0["parameter"] as? String == "threshold" }
    #expect(threshold?["from"] as? [String] == ["2000000"])
    #expect(threshold?["to"] as? [String] == ["700000000"])
    #expect((object["removed"] as? [Any])?.isEmpty == true)
  }

  @Test func identicalInputsHaveNoDifference() throws {
    let r = try CLI.run(["diff", Self.llamaLike, Self.llamaLike])
    #expect(r.status == 0)
    #expect(r.stdout.contains("No clause-level differences."))
  }

  @Test(.needsCorpus) func llama3ToLlama31DropsTheOutputUseBan() throws {
    let paths = corpusPaths("ai/llama3.LICENSE.txt", "ai/llama3_1.LICENSE.txt")
    let r = try CLI.run(["diff", "--format", "json"] + paths)
    let object = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    let removed = (object["removed"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
    #expect(removed.contains("output-use"))
    // The naming rule: present in both with a new phrase, or new in 3.1, depending on extraction.
    let added = (object["added"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
    let changed = (object["changed"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
    #expect(added.contains("naming") || changed.contains("naming"))
    let osd = object["osd"] as? [[String: Any]] ?? []
    let nine = osd.first { $0["criterion"] as? String == "osd-9" }
    #expect(nine?["from"] as? String == "fail")
    #expect(nine?["to"] as? String == "pass")
    let text = try CLI.run(["diff"] + paths)
    #expect(text.stdout.contains("- output-use"))
    #expect(text.stdout.contains("osd-9  fail → pass"))
  }

  @Test func explainHasEverySectionWithEvidence() throws {
    let r = try CLI.run(["explain", "--policy", "fixtures/scan/llama-model/USE_POLICY.md", Self.llamaLike])
    #expect(r.status == 0)
    for heading in [
      "What you may do", "What you must do", "What you may not do", "Who is excluded",
      "What the licensor can change later",
    ] {
      #expect(r.stdout.contains(heading), "missing \(heading)")
    }
    #expect(r.stdout.contains("Organisations with more than 700 million monthly active users must ask"))
    #expect(r.stdout.contains("Start the name of any model you build from it with “Llama”"))
    #expect(r.stdout.contains("The law of California governs"))
    // The location is `line 16`, with the section (`§4, line 16`) when the text structure finds it.
    #expect(r.stdout.contains("“700 million monthly active users” ("))
    #expect(r.stdout.contains("line 16)"))
    #expect(r.stdout.contains("(policy, "), "policy clauses say they come from the policy")
  }

  @Test func explainJSONHasSixSections() throws {
    let r = try CLI.run(["explain", "--format", "json", Self.mislabelled])
    let object = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    let sections = try #require(object["sections"] as? [[String: Any]])
    #expect(sections.compactMap { $0["id"] as? String } == ["may", "must", "may-not", "excluded", "licensor", "legal"])
    let excluded = sections[3]["points"] as? [[String: Any]] ?? []
    #expect(excluded.first?["kind"] as? String == "usage-cap")
  }
}
