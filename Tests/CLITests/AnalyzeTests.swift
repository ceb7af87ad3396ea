import Foundation
import Testing

/// `licensecheck analyze`, `identify`, `text`, `version` and usage errors, end to end.
struct AnalyzeTests {
  static let fixtureLicence = "fixtures/scan/llama-model/LICENSE"
  static let fixturePolicy = "fixtures/scan/llama-model/USE_POLICY.md"

  @Test func textReportGroupsByEffectThenOSDTable() throws {
    let r = try CLI.run(["analyze", Self.fixtureLicence])
    #expect(r.status == 0)
    for heading in ["Permissions", "Obligations", "Restrictions", "Legal", "Criterion", "OSD conformant: no"] {
      #expect(r.stdout.contains(heading), "missing \(heading)")
    }
    #expect(r.stdout.contains("usage-cap"))
    #expect(r.stdout.contains("threshold: 700000000"))
    #expect(r.stdout.contains("“700 million monthly active users”"))
    #expect(!r.stdout.contains("\u{1B}["), "no colour when stdout is a pipe")
  }

  /// One shape whatever the number of inputs: an array of analyses.
  @Test func jsonIsAnArrayForOneInputAndForSeveral() throws {
    let one = try CLI.run(["analyze", "--format", "json", Self.fixtureLicence])
    #expect(one.status == 0)
    let list = try #require(try JSONSerialization.jsonObject(with: one.data) as? [[String: Any]])
    #expect(list.count == 1)
    let object = try #require(list.first)
    #expect(object["schemaVersion"] as? Int == 1)
    #expect((object["osd"] as? [Any])?.count == 10)
    #expect(object["osdConformant"] as? Bool == false)
    #expect(object.keys.contains("identification"))

    let two = try CLI.run(["analyze", "--format", "json", Self.fixtureLicence, "fixtures/scan/mislabelled/LICENSE"])
    let array = try #require(try JSONSerialization.jsonObject(with: two.data) as? [[String: Any]])
    #expect(array.count == 2)
  }

  /// Many paths are taken out before ArgumentParser parses the line (its parsing of a repeated
  /// argument is quadratic); options between and after them, `=` forms, `-` and usage errors must
  /// give what parsing them one by one gives.
  @Test func manyPathsWithOptionsAnywhere() throws {
    let a = Self.fixtureLicence
    let b = "fixtures/scan/mislabelled/LICENSE"
    let one = try [a, b, a].map { try CLI.run(["analyze", "--format", "jsonl", $0]).stdout }.joined()
    for line in [
      ["analyze", "--format", "jsonl", a, b, a],
      ["analyze", a, "--format", "jsonl", b, a],
      ["analyze", a, b, a, "--format=jsonl"],
      ["analyze", a, "--max-bytes", "1000000", b, "--format", "jsonl", a],
    ] {
      let r = try CLI.run(line)
      #expect(r.status == 0, "\(line)")
      #expect(r.stdout == one, "\(line)")
    }
    let stdin = try CLI.run(
      ["analyze", "--format", "jsonl", a, "-", a],
      stdin: try String(contentsOfFile: Corpus.packageRoot.appendingPathComponent(b).path, encoding: .utf8))
    #expect(stdin.stdout.split(separator: "\n").count == 3)
    let bad = try CLI.run(["analyze", a, b, "--format", "yaml"])
    #expect(bad.status == 2)
    #expect(bad.stdout.isEmpty)
    let unknown = try CLI.run(["analyze", a, b, "--no-such-option"])
    #expect(unknown.status == 2)
    let missing = try CLI.run(["analyze", a, "no/such/file", b])
    #expect(missing.status == 2)
    #expect(missing.stdout.isEmpty == false)
  }

  /// A plain one-file line is parsed without ArgumentParser (`AnalyzeLine`); a line with any other
  /// option goes through ArgumentParser. Both must print and exit the same, and what the short parser
  /// does not take (bad or repeated values, `--help`, a missing value) must still be reported as before.
  @Test(arguments: ["text", "json", "jsonl"])
  func oneFileLineParsedWithoutArgumentParser(format: String) throws {
    let a = Self.fixtureLicence
    let full = try CLI.run(["analyze", "--max-bytes", "16777216", "--format", format, a])
    for line in [
      ["analyze", "--format", format, a], ["analyze", a, "--format=\(format)"],
      ["analyze", "--format", format, "--fail-on", "osd", a],
    ] {
      let r = try CLI.run(line)
      #expect(r.stdout == full.stdout, "\(line)")
      #expect(r.stderr == full.stderr, "\(line)")
      #expect(r.status == (line.contains("--fail-on") ? 1 : full.status), "\(line)")
    }
    if format == "text" {
      #expect(try CLI.run(["analyze", a]).stdout == full.stdout)
    }
    let missing = try CLI.run(["analyze", "--format", format, "no/such/file"])
    #expect(missing.status == 2)
    #expect(missing.stdout.isEmpty)
    #expect(missing.stderr.hasPrefix("licensecheck: error: "))
    for bad in [
      ["analyze", "--format", "yaml", a], ["analyze", a, "--format"], ["analyze", "--fail-on", "never", a],
    ] {
      let r = try CLI.run(bad)
      #expect(r.status == 2, "\(bad)")
      #expect(r.stdout.isEmpty, "\(bad)")
    }
    let help = try CLI.run(["analyze", "--help", a])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE"))
  }

  @Test func jsonLinesHaveOneObjectPerInput() throws {
    let r = try CLI.run(["analyze", "--format", "jsonl", Self.fixtureLicence, "fixtures/scan/mislabelled/LICENSE"])
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["source"] != nil)
    }
  }

  @Test func standardInputIsDash() throws {
    let text = try String(
      contentsOfFile: Corpus.packageRoot.appendingPathComponent(Self.fixtureLicence).path, encoding: .utf8)
    let r = try CLI.run(["analyze", "--format", "json", "-"], stdin: text)
    #expect(r.status == 0)
    let object = try #require((try JSONSerialization.jsonObject(with: r.data) as? [[String: Any]])?.first)
    #expect((object["source"] as? [String: Any])?["path"] as? String == "-")
    let kinds = (object["clauses"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
    #expect(kinds.contains("usage-cap"))
  }

  @Test func policyClausesAreMarkedAsPolicy() throws {
    let r = try CLI.run(["analyze", "--format", "json", "--policy", Self.fixturePolicy, Self.fixtureLicence])
    let object = try #require((try JSONSerialization.jsonObject(with: r.data) as? [[String: Any]])?.first)
    let clauses = object["clauses"] as? [[String: Any]] ?? []
    let fromPolicy = clauses.filter { $0["document"] as? String == "policy" }
    #expect(!fromPolicy.isEmpty)
    #expect(fromPolicy.contains { $0["kind"] as? String == "field-of-use" })
  }

  @Test func failOnOSDExitsOneForARestrictedLicence() throws {
    let r = try CLI.run(["analyze", "--fail-on", "osd", "--format", "jsonl", Self.fixtureLicence])
    #expect(r.status == 1)
    #expect(r.stdout.split(separator: "\n").count == 1, "the report is still printed")
  }

  @Test(.needsCorpus) func failOnOSDOnCorpusTexts() throws {
    let paths = corpusPaths("ai/llama3_1.LICENSE.txt", "spdx/test/simpleTestForGenerator/Apache-2.0.txt")
    #expect(try CLI.run(["analyze", "--fail-on", "osd", paths[0]]).status == 1)
    #expect(try CLI.run(["analyze", "--fail-on", "osd", paths[1]]).status == 0)
  }

  @Test func missingInputExitsTwoAfterReportingTheOthers() throws {
    let r = try CLI.run(["analyze", "--format", "jsonl", "--fail-on", "osd", "no/such/LICENSE", Self.fixtureLicence])
    #expect(r.status == 2, "a bad input wins over --fail-on")
    #expect(r.stdout.split(separator: "\n").count == 1)
    let errors = r.stderr.split(separator: "\n")
    #expect(errors.count == 1)
    #expect(errors.first?.contains("no/such/LICENSE") == true)
  }

  @Test func badUsageExitsTwo() throws {
    let r = try CLI.run(["analyze", "--format", "yaml", Self.fixtureLicence])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(!r.stderr.isEmpty)
  }

  @Test func identifySaysUnknownForAnUnknownText() throws {
    let r = try CLI.run(["identify", Self.fixtureLicence])
    #expect(r.status == 0)
    #expect(r.stdout.contains("unknown"))
    let json = try CLI.run(["identify", "--format", "json", Self.fixtureLicence])
    let array = try #require(try JSONSerialization.jsonObject(with: json.data) as? [[String: Any]])
    #expect(array.count == 1)
    #expect(array[0]["identification"] is NSNull)
  }

  @Test func textPrintsThePlainView() throws {
    let r = try CLI.run(["text", "fixtures/scan/llama-model/README.md"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("Example fine-tune"))
    #expect(!r.stdout.contains("license: llama3.1"), "front matter is not part of the plain text")
  }

  @Test func versionNamesToolSchemaAndSPDXList() throws {
    let r = try CLI.run(["version"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("licensecheck 0."))
    #expect(r.stdout.contains("schema version 1"))
    #expect(r.stdout.contains("SPDX License List"))
    let json = try CLI.run(["version", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == 1)
  }

  @Test func helpListsEveryCommand() throws {
    let r = try CLI.run(["--help"])
    #expect(r.status == 0)
    for command in ["analyze", "scan", "table", "diff", "explain", "identify", "text", "version"] {
      #expect(r.stdout.contains(command))
    }
  }

  @Test func completionScriptIsGenerated() throws {
    let r = try CLI.run(["--generate-completion-script", "bash"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("licensecheck"))
  }
}
