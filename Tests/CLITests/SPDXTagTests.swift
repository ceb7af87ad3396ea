import Foundation
import Testing

@testable import LicenseCheck

/// `SPDX-License-Identifier:` tags: only at the start of a comment, parsed as expressions, unknown ids reported.
struct SPDXTagTests {
  @Test(arguments: [
    ("// SPDX-License-Identifier: MIT", "MIT"), ("# SPDX-License-Identifier: Apache-2.0 OR MIT", "Apache-2.0 OR MIT"),
    ("/* SPDX-License-Identifier: GPL-2.0+ */", "GPL-2.0+"),
    (" * SPDX-License-Identifier: BSD-3-Clause", "BSD-3-Clause"),
    ("<!-- SPDX-License-Identifier: CC-BY-4.0 -->", "CC-BY-4.0"), ("-- SPDX-License-Identifier: ISC", "ISC"),
    ("/// SPDX-License-Identifier: MIT", "MIT"), ("SPDX-License-Identifier: 0BSD", "0BSD"),
  ])
  func tagsAtTheStartOfAComment(_ line: String, _ value: String) {
    #expect(SPDXTag.value(ofLine: Array(line.utf8)[...]) == value)
  }

  @Test(arguments: [
    "/// Reads `SPDX-License-Identifier:` lines in the first 4 KB.", "let tag = \"SPDX-License-Identifier: MIT\"",
    "// the SPDX-License-Identifier: line says MIT", "x = 1 # SPDX-License-Identifier: MIT",
  ])
  func proseMentioningTheTagIsIgnored(_ line: String) {
    #expect(SPDXTag.value(ofLine: Array(line.utf8)[...]) == nil)
  }

  @Test func problems() {
    #expect(SPDXTag.problem("MIT OR Apache-2.0") == nil)
    #expect(SPDXTag.problem("GPL-2.0+ WITH Classpath-exception-2.0") == nil)
    #expect(SPDXTag.problem("LicenseRef-mine AND MIT") == nil)
    #expect(SPDXTag.problem("NotARealLicense-9")?.code == .unknownSPDXID)
    #expect(SPDXTag.problem("MIT AND (")?.code == .invalidSPDXExpression)
    #expect(SPDXTag.problem("`")?.code == .invalidSPDXExpression)
  }

  @Test func scanReportsUnknownIDsAsFindings() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lc-tags-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("// SPDX-License-Identifier: NotARealLicense-9\nint x;\n".utf8).write(
      to: root.appendingPathComponent("a.c"))
    try Data("/// Reads `SPDX-License-Identifier:` lines.\nlet y = 1\n".utf8).write(
      to: root.appendingPathComponent("b.swift"))
    try Data("# SPDX-License-Identifier: MIT\n".utf8).write(to: root.appendingPathComponent("c.py"))
    let r = try CLI.run(["scan", "--format", "json", root.path])
    let report = try #require(try JSONSerialization.jsonObject(with: r.data) as? [String: Any])
    let folder = try #require((report["folders"] as? [[String: Any]])?.first)
    let tags = (folder["spdxIdentifiers"] as? [[String: Any]])?.compactMap { $0["identifier"] as? String }
    #expect(tags == ["MIT", "NotARealLicense-9"], "the doc comment is not a tag")
    let findings = folder["findings"] as? [[String: Any]] ?? []
    #expect(findings.map { $0["code"] as? String } == ["unknown-spdx-id"])
    #expect(try CLI.run(["scan", "--fail-on", "mismatch", root.path]).status == 0, "not a card mismatch")
  }
}
