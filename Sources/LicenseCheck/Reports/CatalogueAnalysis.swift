extension LicenseAnalysis {
  /// The analysis of a catalogue entry (`licenses/<id>.json`) from its reviewed clause summary, for rows of
  /// `licensecheck table --catalogue` when no text is at hand. There is no text: `source.path` names the
  /// entry file, `bytes` is 0, clauses have no span (line 0) and no evidence, and identification is the entry
  /// itself (`method: catalogue`). The OSD verdicts are judged from the summary like any clauses.
  /// - Parameter entry: a catalogue entry.
  public init(catalogueEntry entry: CatalogueEntry) {
    let clauses = entry.clauses.map {
      Clause(
        kind: $0.kind, span: ClauseSpan(start: 0, end: 0, line: 0), evidence: "", section: $0.section,
        parameters: $0.parameters ?? ClauseParameters())
    }
    self.init(
      source: SourceInfo(path: "licenses/\(entry.id).json", format: .text, bytes: 0, sha256: ""),
      identification: Identification(
        id: entry.id, name: entry.name, family: entry.family, version: entry.version, confidence: 1,
        method: "catalogue", candidates: []),
      clauses: clauses)
    self = judgedAgainstOSD()
    // A summary lists the clauses a reviewer noted, not always the grant: a missing grant there is not
    // evidence that nothing is granted, so the "no grant" failures become unknown.
    if !clauses.contains(where: { $0.kind == .copyrightGrant }) {
      osd = osd.map { v in
        guard v.verdict == .fail, v.because.isEmpty else { return v }
        return OSDVerdict(
          criterion: v.criterion, title: v.title, verdict: .unknown, because: [],
          explanation: "The catalogue summary of \(entry.id) lists no grant; analyse the licence text to settle this.")
      }
      if !osd.contains(where: { $0.verdict == .fail }) {
        conformance = OSDConformance(
          status: .undetermined, reason: "The catalogue summary lists no grant, so conformance cannot be shown.",
          because: [])
      }
      osdConformant = false
    }
  }
}
