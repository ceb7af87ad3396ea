import Foundation
import Testing

/// `licensecheck scan` on the fixture folders and on a scratch tree with traps.
struct ScanTests {
  func folder(_ report: [String: Any], _ suffix: String) -> [String: Any]? {
    (report["folders"] as? [[String: Any]])?.first { ($0["path"] as? String)?.hasSuffix(suffix) == true }
  }

  @Test func fixturesPairPolicyAndCheckDeclarations() throws {
    let r = try CLI.run(["scan", "--format", "json", "fixtures/scan"])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty, "no progress bar when stderr is not a terminal")
    let report = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])

    let llama = try #require(folder(report, "/llama-model"))
    #expect((llama["declared"] as? [String: Any])?["license"] as? String == "llama3.1")
    #expect((llama["declaration"] as? [String: Any])?["verdict"] as? String == "matches")
    let licences = llama["licences"] as? [[String: Any]] ?? []
    #expect(licences.count == 1)
    #expect((licences.first?["policy"] as? String)?.hasSuffix("USE_POLICY.md") == true)
    #expect(licences.first?["osdConformant"] as? Bool == false)

    let wrong = try #require(folder(report, "/mislabelled"))
    #expect((wrong["declaration"] as? [String: Any])?["verdict"] as? String == "mismatch")
    let findings = wrong["findings"] as? [[String: Any]] ?? []
    #expect(findings.first?["code"] as? String == "declaredLicenseMismatch")

    let tags = try #require(folder(report, "/source-tree/src"))
    let ids = (tags["spdxIdentifiers"] as? [[String: Any]])?.compactMap { $0["identifier"] as? String }
    #expect(ids == ["Apache-2.0 OR MIT", "MIT"])
    let tree = try #require(folder(report, "/source-tree"))
    #expect((tree["declaration"] as? [String: Any])?["verdict"] as? String == "matches")
  }

  @Test func failOnMismatchExitsOne() throws {
    #expect(try CLI.run(["scan", "--fail-on", "mismatch", "fixtures/scan/mislabelled"]).status == 1)
    #expect(try CLI.run(["scan", "--fail-on", "mismatch", "fixtures/scan/llama-model"]).status == 0)
  }

  @Test func textAndJSONLines() throws {
    let text = try CLI.run(["scan", "fixtures/scan"])
    #expect(text.stdout.contains("finding declaredLicenseMismatch"))
    #expect(text.stdout.contains("LICENSE + USE_POLICY.md"))
    #expect(text.stdout.contains("4 folders, 2 licence files, 1 finding"))
    let lines = try CLI.run(["scan", "--format", "jsonl", "fixtures/scan"]).stdout.split(separator: "\n")
    #expect(lines.count == 4)
    for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
  }

  @Test func missingRootExitsTwoAndOthersStillReport() throws {
    let r = try CLI.run(["scan", "--format", "json", "no/such/folder", "fixtures/scan/llama-model"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("no/such/folder"))
    let report = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    #expect((report["folders"] as? [Any])?.count == 1)
  }

  @Test func skipsLoopsIgnoredFoldersBinariesAndLargeFiles() throws {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("lc-scan-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: root) }
    let model = root.appendingPathComponent("model")
    for sub in ["model/.git", "model/node_modules/dep", "model/.build", "model/deep"] {
      try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    let licence = try String(
      contentsOfFile: Corpus.packageRoot.appendingPathComponent("fixtures/scan/mislabelled/LICENSE").path,
      encoding: .utf8)
    try licence.write(to: model.appendingPathComponent("LICENSE"), atomically: true, encoding: .utf8)
    for ignored in [".git/LICENSE", "node_modules/dep/LICENSE", ".build/COPYING"] {
      try licence.write(to: model.appendingPathComponent(ignored), atomically: true, encoding: .utf8)
    }
    try Data([0x4C, 0x49, 0x00, 0x01, 0x02, 0xFF]).write(to: model.appendingPathComponent("NOTICE.dat"))
    try String(repeating: "Licence words. ", count: 10_000).write(
      to: model.appendingPathComponent("deep/LICENSE-HUGE.txt"), atomically: true, encoding: .utf8)
    // A loop: model/deep/again → model.
    try fm.createSymbolicLink(atPath: model.appendingPathComponent("deep/again").path, withDestinationPath: model.path)
    try fm.createSymbolicLink(
      atPath: model.appendingPathComponent("deep/dangling").path, withDestinationPath: "/no/such/target")

    let r = try CLI.run(["scan", "--format", "json", "--max-bytes", "50000", root.path])
    #expect(r.status == 0)
    let report = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    let folders = report["folders"] as? [[String: Any]] ?? []
    let licencePaths = folders.flatMap { ($0["licences"] as? [[String: Any]]) ?? [] }.compactMap {
      $0["path"] as? String
    }
    #expect(licencePaths == [model.appendingPathComponent("LICENSE").path])
    let skipped = report["skipped"] as? [[String: Any]] ?? []
    let reasons = Dictionary(
      uniqueKeysWithValues: skipped.compactMap { s in
        (s["path"] as? String).map {
          ($0.split(separator: "/").last.map(String.init) ?? $0, s["reason"] as? String ?? "")
        }
      })
    #expect(reasons["NOTICE.dat"] == "binary")
    #expect(reasons["LICENSE-HUGE.txt"]?.hasPrefix("too-large") == true)
  }
}
