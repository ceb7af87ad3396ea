extension Identifier {
  /// The full identification an analysis reports: the licence, its segments when the file holds
  /// several (and is not as a whole an exact or template match of one), and its clause differences when it is a modified catalogue licence.
  ///
  /// - Parameters:
  ///   - text: the document's plain text.
  ///   - clauses: the clauses extracted from it (clauses of other documents, such as a separate
  ///     use policy, are ignored).
  ///   - library: SPDX templates from a corpus folder, for `template` matches.
  /// - Complexity: O(n) in the text plus a few identifications.
  public func identification(
    of text: TokenizedText, clauses: [Clause], library: TemplateLibrary? = nil
  ) -> Identification? {
    identification(of: text, clauses: clauses, library: library, roles: nil)
  }

  /// The same, with the licence and policy parts already found (the analyzer has them from its own
  /// segmentation, which saves a second pass over the text).
  func identification(
    of text: TokenizedText, clauses: [Clause], library: TemplateLibrary?, roles: (() -> [TextSegment])?
  ) -> Identification? {
    guard var id = identify(text, library: library) else { return nil }
    // Segments are only reported (and only restrict the differences) when the whole file is not an
    // exact or template match; skipping them then saves a second pass over every piece.
    // A notice names one licence: its pieces are not licence texts either.
    let whole = id.method == "exact" || id.method == "template" || id.method == "notice"
    let segments =
      whole ? [] : identifySegments(text, roles: roles?() ?? ClauseExtractor.segments(of: text), library: library)
    // A whole-file exact or template match is one known licence, even a composite one
    // (OpenSSL is the OpenSSL and SSLeay licences): its parts are not reported as segments.
    if segments.count > 1, id.method != "exact", id.method != "template" {
      id.segments = segments
      id = bundled(id, segments)
    }
    if id.method == "similarity", id.confidence < 1, let entry = catalogue.entry(id: id.id) {
      var own = clauses.filter { $0.document == nil }
      // In a file of several licences, only the identified licence's lines are its clauses.
      if let seg = segments.first(where: { $0.id == id.id }) {
        own = own.filter { $0.span.line >= seg.lineStart && $0.span.line <= seg.lineEnd }
      }
      id.differences = ClauseComparison.differences(clauses: own, entry: entry)
    }
    return id
  }

  /// A file of several licences (a package's own licence, then those of vendored code): unless the
  /// whole file is one known licence (confidence at least ``bundleWholeConfidence``), the first
  /// segment's licence is the primary id, and the file's expression joins the segments' licences
  /// with `AND`, in order (use policies, which are part of their licence, left out).
  func bundled(_ id: Identification, _ segments: [IdentifiedSegment]) -> Identification {
    var ids: [String] = []
    for s in segments where !ids.contains(s.id) && catalogue.entry(id: s.id)?.kind != .usePolicy { ids.append(s.id) }
    guard ids.count > 1 else { return id }
    var out = id
    if id.confidence < Self.bundleWholeConfidence, let first = segments.first, first.id != id.id,
      catalogue.entry(id: first.id)?.kind != .usePolicy
    {
      let license = index.licenses.firstIndex { $0.id == first.id }
      let version = TitleEvidence.NamePatterns.version(ofID: first.id)
      let entry = catalogue.entry(id: first.id)
      out = Identification(
        id: first.id, name: entry?.name ?? license.map { index.licenses[$0].name } ?? first.id,
        family: entry?.family ?? (version == nil ? nil : Self.family(ofID: first.id)),
        version: entry?.version ?? version, confidence: first.confidence, method: first.method,
        candidates: [IdentificationCandidate(id: id.id, confidence: id.confidence)] + id.candidates.prefix(4))
      out.segments = segments
      if first.confidence < Identification.lowConfidenceThreshold { out.lowConfidence = true }
    }
    out.expression = ids.joined(separator: " AND ")
    return out
  }

  /// A file this similar as a whole to one known licence is that licence, even when its parts
  /// look like several (Sleepycat holds a BSD licence).
  static let bundleWholeConfidence = 0.9
}
