import LicenseCheck
import Testing

struct OSADLMatrixTests {
  let matrix = OSADLMatrix.shared

  @Test func shape() {
    #expect(matrix.ids.count == 110)
    #expect(matrix.version == "2024.5.22.10535")
    #expect(matrix.allPairs.count == 110 * 110)
    for id in matrix.ids { #expect(matrix.cell(inbound: id, outbound: id) == .same) }
  }

  /// The cells the issue names, with the matrix's orientation: row = leading (outbound), column = subordinate.
  @Test(arguments: [
    ("Apache-2.0", "GPL-3.0-only", OSADLCell.yes),
    ("Apache-2.0", "GPL-2.0-only", .no),
    ("MIT", "GPL-2.0-only", .yes),
    ("GPL-3.0-only", "MIT", .no),
    ("MPL-2.0", "GPL-2.0-only", .yes),
    ("GPL-2.0-or-later", "GPL-3.0-only", .yes),
    ("GPL-3.0-only", "AGPL-3.0-only", .checkDependency),
    ("AFL-3.0", "GPL-2.0-only", .unknown),
    ("BSD-4-Clause", "GPL-3.0-only", .no),
  ])
  func namedCells(inbound: String, outbound: String, cell: OSADLCell) {
    #expect(matrix.cell(inbound: inbound, outbound: outbound) == cell)
  }

  @Test func caseInsensitiveAndMissing() {
    #expect(matrix.cell(inbound: "mit", outbound: "gpl-2.0-ONLY") == .yes)
    #expect(matrix.canonicalID("apache-2.0") == "Apache-2.0")
    #expect(matrix.cell(inbound: "Llama-3.1", outbound: "MIT") == nil)
  }
}
