import Foundation
import Testing

@testable import LicenseCheck

/// The streaming scan: folders come out in path order whatever the batch size, and the CLI writes
/// exactly the bytes of the whole report encoded at once.
struct StreamingScanTests {
  /// A scratch tree from the scan fixtures, with folder names whose path order differs from the walk
  /// order (`tree/a-x` sorts between `tree/a` and `tree/a/b`) and a model card whose SPDX tags sit in
  /// a subfolder that comes after a sibling in path order.
  static func makeTree() throws -> URL {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("lc-stream-\(UUID().uuidString)")
    let fixtures = Corpus.packageRoot.appendingPathComponent("fixtures/scan")
    let copies = [
      ("llama-model", "tree/a"), ("mislabelled", "tree/a-x"), ("llama-model", "tree/a/b"),
      ("source-tree", "tree/source-tree"), ("mislabelled", "tree/source-tree-2"), ("mislabelled", "tree/z/y/x"),
    ]
    for (from, to) in copies {
      let target = root.appendingPathComponent(to)
      try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try fm.copyItem(at: fixtures.appendingPathComponent(from), to: target)
    }
    // Two licences and a binary in one folder: pairing by stem, a skipped file, several units.
    let b = root.appendingPathComponent("tree/a/b")
    try fm.copyItem(at: b.appendingPathComponent("LICENSE"), to: b.appendingPathComponent("llama3.LICENSE.txt"))
    try fm.copyItem(at: b.appendingPathComponent("USE_POLICY.md"), to: b.appendingPathComponent("llama3.USE_POLICY.md"))
    try Data([0x4C, 0x49, 0x00, 0x01]).write(to: b.appendingPathComponent("NOTICE.bin.txt"))
    return root
  }

  @Test func batchSizeNeverChangesTheReport() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let roots = [root.appendingPathComponent("tree").path, "no/such/folder"]
    let whole = LicenseScanner().scan(roots)
    let paths = whole.folders.map(\.path)
    #expect(paths == paths.sorted())
    #expect(paths.count == 7)
    #expect(whole.errors.map(\.path) == ["no/such/folder"])
    #expect(whole.skipped.map { $0.path.hasSuffix("NOTICE.bin.txt") } == [true])
    let tree = try #require(whole.folders.first { $0.path.hasSuffix("/tree/source-tree") })
    #expect(tree.declaration?.verdict == .matches, "tags of source-tree/src, after source-tree-2 in path order")
    let pairs = whole.folders.first { $0.path.hasSuffix("/tree/a/b") }?.licences.map {
      [$0.path, $0.policy ?? "-"].map { $0.split(separator: "/").last.map(String.init) ?? $0 }
    }
    #expect(pairs == [["LICENSE", "USE_POLICY.md"], ["llama3.LICENSE.txt", "llama3.USE_POLICY.md"]])

    for size in [1, 2, 3, 5, 1000] {
      let scanner = LicenseScanner(options: ScanOptions(batchSize: size))
      #expect(scanner.scan(roots) == whole, "batch size \(size)")

      var emitted: [FolderReport] = []
      let render: @Sendable (FolderReport) -> String = { $0.path }
      let summary = scanner.scan(scanner.walk(roots), render: render) { folder, rendered in
        #expect(folder.path == rendered)
        emitted.append(folder)
      }
      #expect(emitted == whole.folders)
      #expect(summary.skipped == whole.skipped)
      #expect(summary.errors == whole.errors)
      #expect(summary.folderCount == whole.folders.count)
      #expect(summary.licenceCount == whole.folders.reduce(0) { $0 + $1.licences.count })
      #expect(summary.findingCount == whole.findings.count)
    }
  }

  @Test func progressCountsEveryLicenceLikeFileOnce() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let seen = Seen()
    let scanner = LicenseScanner(options: ScanOptions(batchSize: 2))
    _ = scanner.scan([root.path]) { seen.add($0) }
    let analysing = seen.all.filter { $0.phase == "analysing" }
    // 6 copied folders: 3 + 2 + 3 + 1 + 2 + 2 licence-like files, plus 3 added to tree/a/b.
    #expect(analysing.last == ScanProgress(phase: "analysing", done: 16, total: 16))
    #expect(analysing.map(\.done) == analysing.map(\.done).sorted())
    let reading = seen.all.filter { $0.phase == "reading" }
    #expect(reading.last == ScanProgress(phase: "reading", done: 3, total: 3))
  }

  @Test(arguments: ["json", "jsonl", "text"])
  func cliWritesTheWholeReportsBytes(format: String) throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let roots = [
      root.appendingPathComponent("tree").path, "no/such/folder", root.appendingPathComponent("tree/a").path,
    ]
    let report = LicenseScanner().scan(roots)
    let expected: String
    switch format {
    case "json":
      let e = JSONEncoder()
      e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      expected = String(decoding: try e.encode(report), as: UTF8.self) + "\n"
    case "jsonl":
      let e = JSONEncoder()
      e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      expected = try report.folders.map { String(decoding: try e.encode($0), as: UTF8.self) + "\n" }.joined()
    default:
      expected = report.text()
    }
    let r = try CLI.run(["scan", "--format", format] + roots)
    #expect(r.status == 2, "a missing root")
    #expect(r.stdout == expected)
  }

  @Test func emptyScanIsTheEmptyReport() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lc-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let expected = String(decoding: try e.encode(LicenseScanner().scan([root.path])), as: UTF8.self) + "\n"
    #expect(try CLI.run(["scan", "--format", "json", root.path]).stdout == expected)
    #expect(try CLI.run(["scan", "--format", "jsonl", root.path]).stdout == "")
    #expect(try CLI.run(["scan", root.path]).stdout == "0 folders, 0 licence files, no findings\n")
  }
}

/// Progress events, collected from worker threads.
private final class Seen: @unchecked Sendable {
  private let lock = NSLock()
  private var events: [ScanProgress] = []

  func add(_ p: ScanProgress) {
    lock.lock()
    defer { lock.unlock() }
    events.append(p)
  }

  var all: [ScanProgress] {
    lock.lock()
    defer { lock.unlock() }
    return events
  }
}
