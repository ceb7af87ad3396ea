import Foundation
import Testing

/// One rule everywhere: nothing on stdout for an input that failed, every error line prefixed `licensecheck:`.
struct ErrorPathTests {
  @Test(arguments: [
    ["analyze", "nope.txt"], ["analyze", "--format", "json", "nope.txt"], ["identify", "nope.txt"],
    ["identify", "--format", "json", "nope.txt"], ["identify", "--explain", "nope.txt"], ["table", "nope.txt"],
    ["table", "--format", "html", "nope.txt"], ["scan", "nope"], ["scan", "--format", "json", "nope"],
    ["explain", "nope.txt"], ["diff", "nope.txt", "nope2.txt"], ["text", "nope.txt"], ["compat", "nope.txt", "MIT"],
    ["table", "--columns", "foo", "x"], ["analyze"],
  ])
  func failedInputPrintsNothingOnStdout(_ arguments: [String]) throws {
    let r = try CLI.run(arguments)
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty, "stdout: \(r.stdout)")
    #expect(r.stderr.hasPrefix("licensecheck: error: "), "stderr: \(r.stderr)")
  }

  @Test func goodInputsAreStillReported() throws {
    let r = try CLI.run(["scan", "nope", "fixtures/examples"])
    #expect(r.status == 2)
    #expect(r.stdout.contains("fixtures/examples/heron-model"))
    #expect(!r.stdout.contains("nope"))
    #expect(r.stderr == "licensecheck: error: nope: no such file or folder\n")
  }

  /// Skipped files are listed under the summary with their reason; an XML file that is not SPDX names the
  /// real option (`--input-format`), not `--format` (the output format).
  @Test func scanListsSkippedFiles() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lc-skip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("<?xml version=\"1.0\"?>\n<notes><note>hi</note></notes>\n".utf8).write(
      to: root.appendingPathComponent("LICENSE.xml"))
    try Data([0x4C, 0x00, 0x01, 0x02, 0x00, 0x00]).write(to: root.appendingPathComponent("COPYING"))
    let r = try CLI.run(["scan", root.path])
    let lines = r.stdout.split(separator: "\n").map(String.init)
    let summary = try #require(lines.firstIndex { $0.contains("skipped") && $0.contains("folder") })
    #expect(lines[summary].hasSuffix("2 skipped"))
    #expect(lines.count > summary + 2 && lines[summary + 1] == "skipped:")
    let listed = lines[(summary + 2)...].joined(separator: "\n")
    #expect(listed.contains("LICENSE.xml"))
    #expect(listed.contains("--input-format text"))
    #expect(!listed.contains("--format text"))
    #expect(listed.contains("COPYING"))
    #expect(listed.contains("binary"))
    let forced = try CLI.run(["scan", "--input-format", "text", root.path])
    #expect(forced.stdout.contains("1 skipped"))
  }

  @Test func oneFileIsNotOneFiles() throws {
    let r = try CLI.run(["scan", "fixtures/scan/source-tree"])
    #expect(!r.stdout.contains("1 files"))
  }
}
