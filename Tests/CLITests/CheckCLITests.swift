import Foundation
import Testing

/// `licensecheck check`, and `--profile` on `scan` and `table`, end to end.
@Suite("check command")
struct CheckCLITests {
  /// A temporary repository: a vendored model licence and, optionally, a profile file at its root.
  func repository(profile: String?) throws -> URL {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("lc-check-\(UUID().uuidString)")
    let model = root.appendingPathComponent("models/heron")
    try fm.createDirectory(at: model, withIntermediateDirectories: true)
    try fm.copyItem(
      atPath: Corpus.fixture("profiles/cap-more-than.txt"), toPath: model.appendingPathComponent("LICENSE").path)
    if let profile {
      try profile.write(to: root.appendingPathComponent(".licensecheck.yml"), atomically: true, encoding: .utf8)
    }
    return root
  }

  @Test func textTableExitsOneForANeededLicence() throws {
    let r = try CLI.run(["check", "--users", "800M", "--activity", "fine-tune,hosted-service", "Llama-3.1", "MIT"])
    #expect(r.status == 1)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("licence") == true)
    #expect(
      lines.contains {
        $0.hasPrefix("Llama-3.1") && $0.contains("needs-separate-licence") && $0.contains("usage-cap §2")
      })
    #expect(lines.contains { $0.hasPrefix("MIT") && $0.contains("allowed") })
    #expect(r.stdout.contains("conditions:"))
    #expect(r.stdout.contains("\"Llama\" at the beginning"))
  }

  @Test func allowedExitsZero() throws {
    let r = try CLI.run(["check", "--activity", "distribute-modified", "Apache-2.0"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("allowed-with-conditions"))
  }

  @Test func jsonHasTheSchemaVersionTheProfileAndOneVerdictPerInput() throws {
    let r = try CLI.run([
      "check", "--format", "json", "--users", "800M", "--territory", "DE,US", "--as", "company", "--on", "2026-12-01",
      "Llama-3.1", "MIT OR Llama-3.1",
    ])
    #expect(r.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == 1)
    let profile = try #require(object["profile"] as? [String: Any])
    #expect(profile["territories"] as? [String] == ["DE", "US"])
    let verdicts = try #require(object["verdicts"] as? [[String: Any]])
    #expect(verdicts.count == 2)
    #expect(verdicts[0]["verdict"] as? String == "needs-separate-licence")
    let finding = try #require((verdicts[0]["findings"] as? [[String: Any]])?.first)
    #expect(finding["kind"] as? String == "usage-cap")
    #expect(finding["section"] as? String == "2")
    #expect(verdicts[1]["chosen"] as? String == "MIT")
  }

  @Test func jsonlMarkdownCsvAndHtml() throws {
    let args = ["--users", "1M", "--activity", "train-on-outputs", "Llama-2", "Llama-3.1"]
    let jsonl = try CLI.run(["check", "--format", "jsonl"] + args)
    #expect(jsonl.stdout.split(separator: "\n").count == 2)
    #expect(jsonl.status == 1)
    let md = try CLI.run(["check", "--format", "markdown"] + args)
    #expect(md.stdout.hasPrefix("| licence | verdict | deciding clause |"))
    #expect(md.stdout.contains("- [ ] Put \"Llama\""))
    let csv = try CLI.run(["check", "--format", "csv"] + args)
    #expect(csv.stdout.hasPrefix("licence,id,verdict,kind,section,reason,conditions\r\n"))
    #expect(csv.stdout.contains("Llama-2,Llama-2,forbidden,output-use,1.b.v,"))
    let html = try CLI.run(["check", "--format", "html"] + args)
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(HTMLCheck.problem(html.stdout) == nil)
  }

  @Test(arguments: [
    (["--activity", "cooking"], "valid activities"), (["--field", "cooking"], "valid fields"),
    (["--territory", "Atlantis"], "ISO 3166"), (["--as", "robot"], "valid types"), (["--users", "many"], "number"),
    (["--revenue", "2B"], "currency"), (["--on", "soon"], "date"), (["--fail-on", "maybe"], "--fail-on"),
  ])
  func badOptionsAreUsageErrors(_ options: [String], _ hint: String) throws {
    let r = try CLI.run(["check"] + options + ["MIT"])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("licensecheck: error:"))
    #expect(r.stderr.contains(hint))
  }

  @Test func unknownIdsAndBadProfilesExitTwo() throws {
    let unknown = try CLI.run(["check", "Llama-3.9"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lc-prof-\(UUID().uuidString).yml")
    try "colour: blue\n".write(to: dir, atomically: true, encoding: .utf8)
    let bad = try CLI.run(["check", "--profile", dir.path, "MIT"])
    #expect(bad.status == 2)
    #expect(bad.stdout.isEmpty)
    #expect(bad.stderr.contains("valid keys"))
  }

  @Test func failOnIsConfigurable() throws {
    let none = try CLI.run(["check", "--fail-on", "none", "--users", "800M", "Llama-3.1"])
    #expect(none.status == 0)
    let unknown = try CLI.run(["check", "--fail-on", "unknown", "Llama-3.1"])
    #expect(unknown.status == 1)  // no users given: the cap cannot be checked
  }

  @Test func aProfileFileWithCommandLineOverrides() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("lc-prof-\(UUID().uuidString).yml")
    try "monthly-active-users: 800M\nactivities: [hosted-service]\nterritories: [US]\n".write(
      to: file, atomically: true, encoding: .utf8)
    #expect(try CLI.run(["check", "--profile", file.path, "Llama-3.1"]).status == 1)
    #expect(try CLI.run(["check", "--profile", file.path, "--users", "5M", "Llama-3.1"]).status == 0)
  }

  @Test func aFolderUsesItsOwnProfileFile() throws {
    let root = try repository(profile: "monthly-active-users: 2M\nactivities: [use-commercial]\n")
    let r = try CLI.run(["check", "--format", "jsonl", root.path])
    #expect(r.status == 1)
    #expect(r.stdout.contains("needs-separate-licence"))
    #expect(r.stdout.contains("models/heron/LICENSE"))
    let under = try repository(profile: "monthly-active-users: 10k\nactivities: [use-commercial]\n")
    #expect(try CLI.run(["check", under.path]).status == 0)
  }

  @Test func scanIsAGateWithTheRepositoryProfile() throws {
    let root = try repository(profile: "monthly-active-users: 2M\nactivities: [use-commercial]\n")
    let r = try CLI.run(["scan", root.path])
    #expect(r.status == 1)
    #expect(r.stdout.contains("Profile verdicts"))
    #expect(r.stdout.contains("needs-separate-licence"))
    let plain = try repository(profile: nil)
    #expect(try CLI.run(["scan", plain.path]).status == 0)
    let file = root.appendingPathComponent(".licensecheck.yml").path
    #expect(try CLI.run(["scan", "--profile", file, plain.path]).status == 1)
  }

  @Test func tableAddsAVerdictColumn() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("lc-prof-\(UUID().uuidString).yml")
    try "monthly-active-users: 2M\nactivities: [use-commercial]\n".write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run([
      "table", "--profile", file.path, "--columns", "licence,osd", "fixtures/profiles/cap-more-than.txt",
      "fixtures/profiles/cap-at-least.txt",
    ])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.first?.hasSuffix("| verdict |") == true)
    #expect(lines.filter { $0.contains("needs-separate-licence") }.count == 2)
  }

  @Test func aUsePolicyGivenWithPolicy() throws {
    let r = try CLI.run([
      "check", "--activity", "hosted-service", "--field", "medical-advice", "--policy", "fixtures/profiles/policy.txt",
      "fixtures/profiles/with-policy.txt",
    ])
    #expect(r.status == 1)
    #expect(r.stdout.contains("forbidden"))
    #expect(r.stdout.contains("medical-advice is a banned use"))
  }
}
