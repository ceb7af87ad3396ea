extension Identifier {
  /// Identifies a text, then confirms the result against SPDX templates when they are available.
  ///
  /// The embedded index has fingerprints, not templates; a license-list-XML checkout (the
  /// CLI's `--corpus DIR`) supplies them. The identified licence and its close candidates
  /// (confidence at least `minimumCandidateConfidence`) are tried in order; the first whose
  /// template matches under the SPDX guidelines is reported with method `template`.
  ///
  /// - Parameters:
  ///   - text: the licence text.
  ///   - minimumCandidateConfidence: candidates scoring below this are not tried.
  ///   - templates: the template for an SPDX id, or nil when there is none.
  /// - Complexity: one fingerprint lookup plus at most six template runs.
  public func identify(
    _ text: TokenizedText, minimumCandidateConfidence: Double = 0.8, templates: (String) -> [TemplateNode]?
  ) -> Identification? {
    guard let base = identify(text) else { return nil }
    let ids = [base.id] + base.candidates.filter { $0.confidence >= minimumCandidateConfidence }.map(\.id)
    for id in ids.prefix(6) {
      guard let template = templates(id), SPDXTemplateMatcher(template: template).matches(text),
        let license = index.licenses.firstIndex(where: { $0.id == id })
      else { continue }
      let others = ([IdentificationCandidate(id: base.id, confidence: base.confidence)] + base.candidates)
        .filter { $0.id != id }
      return identification(
        license: license, confidence: 1, coverage: 1, method: "template",
        candidates: Array(others.prefix(Self.candidateLimit)))
    }
    return base
  }
}
