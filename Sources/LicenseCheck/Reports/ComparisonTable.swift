/// The comparison table: one row per licence, columns for the OSD verdicts and for every clause
/// kind present in any row, rendered as Markdown, HTML, CSV or JSON.
///
/// ```swift
/// let analyses = try paths.map { try Analyzer().analyze(path: $0) }
/// let table = try ComparisonTable(analyses, columns: ["licence", "osd", "usage-cap"])
/// print(table.markdown())
/// ```
///
/// Column ids: `licence`, `osd` (conformant or not), `osd-1` … `osd-10`, and clause kind ids
/// (`usage-cap`, `governing-law`, …). A clause cell holds the kind's key parameter
/// (``ClauseSummary/keyParameter(of:)-([Clause])``), or `✓` when the kind has none to show.
public struct ComparisonTable: Sendable, Codable, Equatable {
  /// A column: its stable id and its header.
  public struct Column: Sendable, Codable, Equatable, Hashable {
    /// `licence`, `osd`, `osd-1` … `osd-10`, or a clause kind id.
    public let id: String
    /// The header people see.
    public let title: String
    /// What the column means (the legend and header tooltips).
    public let description: String

    /// Creates a column.
    public init(id: String, title: String, description: String) {
      self.id = id
      self.title = title
      self.description = description
    }
  }

  /// One cell: its text and where it came from.
  public struct Cell: Sendable, Codable, Equatable, Hashable {
    /// The text shown (empty when the licence has no such clause).
    public let text: String
    /// For an OSD column, the verdict (drives the colour).
    public let verdict: OSDVerdict.Verdict?
    /// For the `osd` column, whether the licence is OSD conformant.
    public let conformant: Bool?
    /// The quoted words behind the cell, when a clause decided it.
    public let evidence: String?
    /// Where the evidence is (`§2, line 32`).
    public let location: String?
    /// An explanation in words (for OSD verdicts, why).
    public let note: String?

    /// Creates a cell.
    public init(
      text: String, verdict: OSDVerdict.Verdict? = nil, conformant: Bool? = nil, evidence: String? = nil,
      location: String? = nil, note: String? = nil
    ) {
      self.text = text
      self.verdict = verdict
      self.conformant = conformant
      self.evidence = evidence
      self.location = location
      self.note = note
    }

    /// The tooltip: the note, then the quoted evidence and its location; nil when there is nothing.
    public var tooltip: String? {
      var parts: [String] = []
      if let note, !note.isEmpty { parts.append(note) }
      if let evidence {
        parts.append("“" + evidence + "”" + (location.map { " (" + $0 + ")" } ?? ""))
      } else if let location {
        parts.append(location)
      }
      return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
  }

  /// One licence.
  public struct Row: Sendable, Codable, Equatable, Hashable {
    /// The input path.
    public let path: String
    /// One cell per column, in column order.
    public let cells: [Cell]

    /// Creates a row.
    public init(path: String, cells: [Cell]) {
      self.path = path
      self.cells = cells
    }
  }

  /// The columns, in order.
  public let columns: [Column]
  /// The rows, in input order.
  public let rows: [Row]

  /// Builds the table.
  /// - Parameters:
  ///   - analyses: one analysis per licence, in the order the rows should have.
  ///   - columns: column ids to show, in order; nil shows the default set: licence, osd,
  ///     osd-1 … osd-10, then every clause kind present in any row, in taxonomy order.
  /// - Throws: ``ReportError`` when a column id is unknown.
  /// - Complexity: O(rows × columns × clauses per row).
  public init(_ analyses: [LicenseAnalysis], columns: [String]? = nil) throws(ReportError) {
    let available = Self.defaultColumns(for: analyses)
    var chosen: [Column] = []
    if let ids = columns {
      for id in ids {
        if let column = available.first(where: { $0.id == id }) ?? Self.column(id: id) {
          chosen.append(column)
        } else {
          throw ReportError(
            "unknown column '\(id)'; use licence, osd, osd-1 … osd-10 or a clause kind such as usage-cap")
        }
      }
    } else {
      chosen = available
    }
    self.columns = chosen
    var rows = analyses.map { a in Row(path: a.source.path, cells: chosen.map { Self.cell($0.id, a) }) }
    // Unidentified licences are named by their file name; when that leaves two rows with the same name
    // (three `LICENSE` files), those rows show their paths instead.
    if let k = chosen.firstIndex(where: { $0.id == "licence" }) {
      var counts: [String: Int] = [:]
      for r in rows { counts[r.cells[k].text, default: 0] += 1 }
      for i in rows.indices where counts[rows[i].cells[k].text, default: 0] > 1 && analyses[i].identification == nil {
        var cells = rows[i].cells
        cells[k] = Cell(text: analyses[i].source.path, location: analyses[i].source.path)
        rows[i] = Row(path: rows[i].path, cells: cells)
      }
    }
    self.rows = rows
  }

  /// The default columns for these analyses: licence, osd, the ten criteria, then each clause kind
  /// present in any of them.
  /// - Parameter analyses: the rows-to-be.
  /// - Returns: the columns in order.
  public static func defaultColumns(for analyses: [LicenseAnalysis]) -> [Column] {
    let present = Set(analyses.flatMap { $0.clauses.map(\.kind) })
    let fixed = ["licence", "osd"] + OSDCriterion.allCases.map(\.id)
    return fixed.compactMap(column(id:))
      + ClauseKind.allCases.filter(present.contains).compactMap { column(id: $0.rawValue) }
  }

  /// The column with this id, or nil when the id is unknown.
  /// - Parameter id: a column id.
  /// - Returns: the column.
  public static func column(id: String) -> Column? {
    if id == "licence" {
      return Column(id: id, title: "Licence", description: "The identified licence name, or the file name.")
    }
    if id == "osd" {
      return Column(
        id: id, title: "OSD conformant",
        description:
          "yes only with positive evidence: all ten criteria pass, and the text is an OSI-approved licence or every restrictive sentence was understood."
      )
    }
    if let criterion = OSDCriterion(rawValue: id) {
      return Column(
        id: id, title: "OSD \(criterion.number)", description: "OSD \(criterion.number): \(criterion.title).")
    }
    if let kind = ClauseKind(rawValue: id) {
      return Column(
        id: id, title: id,
        description: "The \(id) clause (\(kind.effect.rawValue)): its key parameter, or ✓ when present.")
    }
    return nil
  }

  /// The cell of one column for one analysis.
  static func cell(_ id: String, _ a: LicenseAnalysis) -> Cell {
    if id == "licence" {
      return Cell(text: licenceName(a), location: a.source.path)
    }
    if id == "osd" {
      return Cell(text: a.osdConformant ? "yes" : "no", conformant: a.osdConformant)
    }
    if OSDCriterion(rawValue: id) != nil {
      guard let v = a.osd.first(where: { $0.criterion == id }) else { return Cell(text: "") }
      let first = v.because.first.flatMap { a.clauses.indices.contains($0) ? a.clauses[$0] : nil }
      return Cell(
        text: v.verdict.rawValue, verdict: v.verdict,
        evidence: first.flatMap { $0.evidence.isEmpty ? nil : ClauseSummary.oneLine($0.evidence, limit: 300) },
        location: first.map(ClauseSummary.location(of:)), note: v.explanation)
    }
    if let kind = ClauseKind(rawValue: id) {
      let clauses = a.clauses.filter { $0.kind == kind }
      guard let value = ClauseSummary.keyParameter(of: clauses) else { return Cell(text: "") }
      return Cell(
        text: value,
        evidence: clauses[0].evidence.isEmpty ? nil : ClauseSummary.oneLine(clauses[0].evidence, limit: 300),
        location: ClauseSummary.location(of: clauses[0]))
    }
    return Cell(text: "")
  }

  /// The identified licence name, or the file name (`stdin` for `-`).
  /// - Parameter analysis: an analysis.
  /// - Returns: the name a row is labelled with.
  public static func licenceName(_ analysis: LicenseAnalysis) -> String {
    if let name = analysis.identification?.name { return name }
    let path = analysis.source.path
    if path == "-" { return "stdin" }
    return path.split(separator: "/").last.map(String.init) ?? path
  }
}

/// A report could not be built as asked (for example an unknown table column).
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong and what to do.
  public let message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
