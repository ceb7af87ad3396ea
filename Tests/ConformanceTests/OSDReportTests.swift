import LicenseCheck
import Testing

struct OSDReportTests {
  private func analysis(_ clauses: [Clause]) -> LicenseAnalysis {
    let result = OSDEvaluator.evaluate(clauses)
    return LicenseAnalysis(
      source: SourceInfo(path: "LICENSE", format: .text, bytes: 0, sha256: ""), clauses: clauses,
      osd: result.verdicts, warnings: result.warnings, osdConformant: result.conformant)
  }

  @Test func tenAlignedRowsAndWarnings() throws {
    let text = OSDReport.text(analysis(Fixtures.gemmaLike))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasPrefix("Criterion"))
    let rows = Array(lines[1...10])
    #expect(rows.map { $0.split(separator: " ").first.map(String.init) } == (1...10).map { "osd-\($0)" })
    // The verdict column starts at the same offset on every row, header included.
    let verdictColumn = try #require(lines[0].range(of: "Verdict")).lowerBound.utf16Offset(in: lines[0])
    for row in rows {
      let start = row.index(row.startIndex, offsetBy: verdictColumn)
      #expect(["pass", "fail", "unknown"].contains { row[start...].hasPrefix($0 + " ") })
    }
    #expect(rows[5].contains("fail") && rows[5].contains("[#4, #11]"))
    #expect(text.contains("OSD conformant: no"))
    #expect(text.contains("  remote-restriction: The licensor may restrict use of the work remotely"))
    #expect(text.hasSuffix("\n"))
  }

  @Test func conformantWithoutWarnings() {
    let text = OSDReport.text(analysis(Fixtures.mitLike))
    #expect(text.contains("OSD conformant: yes"))
    #expect(!text.contains("Warnings"))
    #expect(text.split(separator: "\n").count == 12)
  }
}
