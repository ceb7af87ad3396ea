import Foundation
import LicenseCheck
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 18, end to end: every reproduction gives a clean error or a clean result.
struct HostileCLITests {
  static func tempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lc-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static let licence = """
    Quillwort Garden Licence

    1. Grant. The Gardener grants you a worldwide, royalty-free licence to copy and share the catalogue.

    2. Notice. You must keep this notice in every copy you share.

    """

  // MARK: 1: front matter

  @Test func scanOfAnAliasBombCardWarnsAndGoesOn() throws {
    let r = try CLI.run(["text", "fixtures/fuzz/alias-bomb/README.md"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("Quillwort seedling model"))
    #expect(r.stderr.contains("warning") && r.stderr.contains("alias"))
    let scan = try CLI.run(["scan", "--format", "json", "fixtures/fuzz/alias-bomb"])
    #expect(scan.status == 0)
    #expect((try? JSONSerialization.jsonObject(with: scan.data)) != nil)
  }

  // MARK: 10: size — a text past the analysis limit is analysed in part, and says so

  @Test func aTextPastTheAnalysisLimitIsReportedAsCut() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("LICENSE")
    let filler = String(repeating: "The catalogue lists seeds by colour and season.\n", count: 100)
    try (Self.licence + filler).write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["analyze", "--max-analyzed-bytes", "300", "--fail-on", "osd", file.path])
    #expect(r.stdout.contains("Truncated: Only the first"))
    #expect(r.status == 1)
    let j = try CLI.run(["analyze", "--format", "json", "--max-analyzed-bytes", "300", file.path])
    let list = try #require(try JSONSerialization.jsonObject(with: j.data) as? [[String: Any]])
    let object = try #require(list.first)
    let cut = try #require(object["truncated"] as? [String: Any])
    #expect((cut["analyzedBytes"] as? Int ?? 1_000) <= 300)
    #expect(object["osdConformant"] as? Bool == false)
    // Within the default limit the same file is whole.
    let whole = try CLI.run(["analyze", "--format", "json", file.path])
    #expect(!whole.stdout.contains("\"truncated\""))
  }

  // MARK: 3: numbers

  @Test(arguments: ["table", "explain", "analyze"])
  func hugeNumbersNeverTrap(command: String) throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("LICENSE").path
    try
      ("You may not use the software if you have greater than 9300000000000000000 trillion users.\n"
      + "Licensee shall pay 1" + String(repeating: "0", count: 310)
      + " dollars if revenue exceeds -5 trillion dollars.\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    let r = try CLI.run([command, file])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("too large to be a quantity"))
    if command == "analyze" {
      let json = try CLI.run(["analyze", "--format", "json", file])
      #expect(json.status == 0)
      #expect((try? JSONSerialization.jsonObject(with: json.data)) != nil)
    }
  }

  // MARK: 4: SPDX expressions

  @Test func deepExpressionsAreAUsageError() throws {
    let deep = String(repeating: "(", count: 20_000) + "MIT" + String(repeating: ")", count: 20_000)
    let r = try CLI.run(["compat", deep, "MIT"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("nested more than 64"))
    let pairs = try CLI.run(["compat", "--pairs", "-"], stdin: deep + "\tMIT\n")
    #expect(pairs.status == 2)
    #expect(pairs.stderr.contains("nested more than 64"))
    // 64 levels are still fine.
    let ok = String(repeating: "(", count: 64) + "MIT" + String(repeating: ")", count: 64)
    #expect(try CLI.run(["compat", ok, "Apache-2.0"]).status == 0)
  }

  @Test func expressionDepthIsLimitedInTheLibrary() throws {
    let deep = String(repeating: "(", count: 65) + "MIT" + String(repeating: ")", count: 65)
    let error = #expect(throws: LicenseExpressionError.self) { try LicenseExpression(parsing: deep) }
    #expect(error?.message.contains("nested more than 64") == true)
    let ok = String(repeating: "(", count: 64) + "MIT AND Apache-2.0" + String(repeating: ")", count: 64)
    #expect(try LicenseExpression(parsing: ok).terms.count == 2)
  }

  // MARK: 5, 6: special files, stdin limits

  @Test(arguments: ["text", "analyze", "identify", "explain", "table"])
  func fifosAreRefused(command: String) throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("LICENSE").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let r = try CLI.run([command, fifo])
    #expect(r.status == 2)
    #expect(r.stderr.contains("not a regular file"))
  }

  @Test func fifoPairsFileAndPolicyAreRefused() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("pairs.tsv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let r = try CLI.run(["compat", "--pairs", fifo])
    #expect(r.status == 2)
    #expect(r.stderr.contains("not a regular file"))
    let licence = dir.appendingPathComponent("LICENSE").path
    try Self.licence.write(toFile: licence, atomically: true, encoding: .utf8)
    let p = try CLI.run(["analyze", "--policy", fifo, licence])
    #expect(p.status != 0)
    #expect(p.stderr.contains("not a regular file"))
  }

  @Test func pairsFromStandardInputHaveASizeLimit() throws {
    let big = String(repeating: "MIT\tApache-2.0\n", count: 400)
    let r = try CLI.run(["compat", "--max-bytes", "1000", "--pairs", "-"], stdin: big)
    #expect(r.status == 2)
    #expect(r.stderr.contains("limit"))
    #expect(r.stdout.isEmpty)
  }

  // MARK: 11: links in scans

  @Test func scanDoesNotLeaveTheRootsThroughFolderLinks() throws {
    let base = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: base) }
    let outside = base.appendingPathComponent("elsewhere")
    let model = base.appendingPathComponent("model")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
    try Self.licence.write(to: outside.appendingPathComponent("LICENSE"), atomically: true, encoding: .utf8)
    try Self.licence.write(to: model.appendingPathComponent("LICENSE"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: model.appendingPathComponent("escape").path, withDestinationPath: outside.path)
    try FileManager.default.createSymbolicLink(
      atPath: model.appendingPathComponent("root").path, withDestinationPath: "/proc/self/root")
    let r = try CLI.run(["scan", "--format", "json", model.path])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    let folders = try #require(json["folders"] as? [[String: Any]])
    #expect(folders.count == 1)
    let skipped = (json["skipped"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    #expect(skipped.contains { $0.hasSuffix("/escape") })
    #expect(skipped.contains { $0.hasSuffix("/root") })
    // Opting in follows the outside link, never the one into /proc.
    let all = try CLI.run(["scan", "--follow-external-links", "--format", "json", model.path])
    let allJSON = try #require(try JSONSerialization.jsonObject(with: all.data) as? [String: Any])
    #expect((allJSON["folders"] as? [[String: Any]])?.count == 2)
    let allSkipped = (allJSON["skipped"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    #expect(allSkipped.contains { $0.hasSuffix("/root") })
  }

  /// The Hugging Face cache: `snapshots/<rev>/` holds links to `../../blobs/<hash>`; scanning a
  /// snapshot must read them.
  @Test func huggingFaceSnapshotLinksAreRead() throws {
    let base = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: base) }
    let repo = base.appendingPathComponent("models--quillwort--seedling")
    let blobs = repo.appendingPathComponent("blobs")
    let snapshot = repo.appendingPathComponent("snapshots/0123abcd")
    try FileManager.default.createDirectory(at: blobs, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
    try Self.licence.write(to: blobs.appendingPathComponent("9f86d081"), atomically: true, encoding: .utf8)
    try "---\nlicense: other\nlicense_name: quillwort-garden\n---\n# Seedling\n".write(
      to: blobs.appendingPathComponent("60303ae2"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: snapshot.appendingPathComponent("LICENSE").path, withDestinationPath: "../../blobs/9f86d081")
    try FileManager.default.createSymbolicLink(
      atPath: snapshot.appendingPathComponent("README.md").path, withDestinationPath: "../../blobs/60303ae2")
    let r = try CLI.run(["scan", "--format", "json", snapshot.path])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    let folders = try #require(json["folders"] as? [[String: Any]])
    #expect(folders.count == 1)
    let licences = folders.first?["licences"] as? [[String: Any]] ?? []
    #expect(licences.count == 1)
    #expect((json["skipped"] as? [Any] ?? []).isEmpty)
  }

  // MARK: 12: terminal injection

  @Test func controlCharactersInMessagesAreEscaped() throws {
    let r = try CLI.run(["compat", "\u{1B}]0;owned\u{07}MIT\nsecond line", "MIT"])
    #expect(r.status == 2)
    #expect(!r.stderr.contains("\u{1B}"))
    #expect(!r.stderr.contains("\u{07}"))
    #expect(r.stderr.contains("\\u{1B}"))
    #expect(r.stderr.split(separator: "\n").count == 1)
    let missing = try CLI.run(["text", "no-such-\u{1B}[2J-file"])
    #expect(missing.status == 2)
    #expect(!missing.stderr.contains("\u{1B}"))
    // Usage errors quote the bad value too.
    let usage = try CLI.run(["analyze", "--format", "\u{1B}[2Jjson", "LICENSE"])
    #expect(usage.status == 2)
    #expect(!usage.stderr.contains("\u{1B}"))
    #expect(usage.stderr.contains("\\u{1B}"))
  }

  @Test func controlCharactersInTextOutputAreEscaped() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("LICENSE").path
    try (Self.licence + "Keep \u{1B}[2Jthis\u{9B}notice.\n").write(toFile: file, atomically: true, encoding: .utf8)
    for command in ["text", "analyze", "explain"] {
      let r = try CLI.run([command, file])
      #expect(r.status == 0)
      #expect(!r.stdout.contains("\u{1B}"), "\(command)")
      #expect(!r.stdout.unicodeScalars.contains("\u{9B}"), "\(command)")
    }
    let text = try CLI.run(["text", file])
    #expect(text.stdout.contains("Keep \\u{1B}[2Jthis\\u{9B}notice."))
  }
}
