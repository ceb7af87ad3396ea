/// Turns a tokenised licence into clauses: runs every rule, then orders and de-duplicates.
///
/// ```swift
/// let clauses = ClauseExtractor.extract(from: TokenizedText(doc.text))
/// ```
public enum ClauseExtractor {
  /// Every rule, one per clause kind or family; see ARCHITECTURE.md for where each kind lives.
  static var rules: [any ClauseRule.Type] {
    [
      CopyrightGrantRule.self, PublicDomainRule.self, PatentGrantRule.self, OutputRightsRule.self,
      IncludeLicenseRule.self, RetainNoticesRule.self, StateChangesRule.self, AttributionDisplayRule.self,
      NamingRule.self, ShareAlikeRule.self, DiscloseSourceRule.self, NetworkUseDiscloseRule.self, FlowDownRule.self,
      AcceptanceRule.self,
      UsageCapRule.self, AcceptableUsePolicyRule.self, FieldOfUseRule.self, NonCommercialRule.self,
      ResearchOnlyRule.self, OutputUseRule.self, TerritoryRule.self, UserRestrictionRule.self, HostedServiceRule.self,
      TrademarkRule.self, NoReverseEngineeringRule.self, WorkBanRule.self,
      ProductionUseRule.self, CompetingUseRule.self, TimeLimitRule.self, SeatLimitRule.self, ProductTieRule.self,
      RemoteRestrictionRule.self, UnilateralChangeRule.self, TerminationRule.self,
      WarrantyDisclaimerRule.self, LiabilityLimitationRule.self, IndemnificationRule.self, GoverningLawRule.self,
      ExportControlRule.self,
    ]
  }

  /// Extracts clauses from a text.
  ///
  /// - Parameters:
  ///   - text: the tokenised plain text.
  ///   - structure: its sentences, sections and definitions (computed when nil).
  ///   - role: whether the text is a licence or a use policy.
  ///   - documentName: set on every clause's `document` (used when several documents are analysed together).
  /// - Returns: clauses in span order; the same input always gives the same output.
  /// - Complexity: O(n) in the text length.
  public static func extract(
    from text: TokenizedText, structure: TextStructure? = nil, role: DocumentRole = .licence,
    documentName: String? = nil
  ) -> [Clause] {
    let structure = structure ?? Segmenter.segment(text)
    return extract(
      from: text, structure: structure, views: ExtractionContext.makeViews(text, structure), role: role,
      documentName: documentName)
  }

  /// The same, on sentence views the caller already built (the analyzer shares them with the
  /// unexplained-sentence finder and the classifier: building views is a large share of the work).
  static func extract(
    from text: TokenizedText, structure: TextStructure, views: [SentenceView], role: DocumentRole = .licence,
    documentName: String? = nil
  ) -> [Clause] {
    let quantities = Quantities.find(in: text)
    var all: [Clause] = []
    for segment in Segments.split(views: views, text: text, role: role, structure: structure) {
      let ctx = ExtractionContext(
        text: text, structure: structure, role: segment.role, documentName: documentName, views: views,
        quantities: quantities, active: segment.sentences)
      for rule in rules { all.append(contentsOf: rule.extract(ctx)) }
    }
    return ordered(all)
  }

  /// The roles of the parts of a text: a whole licence, a whole policy, or a licence with its policy appended.
  public static func segments(of text: TokenizedText, structure: TextStructure? = nil) -> [TextSegment] {
    let structure = structure ?? Segmenter.segment(text)
    return segments(of: text, structure: structure, views: ExtractionContext.makeViews(text, structure))
  }

  /// The same, on sentence views already built.
  static func segments(of text: TokenizedText, structure: TextStructure, views: [SentenceView]) -> [TextSegment] {
    Segments.split(views: views, text: text, role: .licence, structure: structure).map { s in
      let first = structure.sentences[s.sentences.lowerBound].span.start
      let last = structure.sentences[s.sentences.upperBound - 1].span.end
      return TextSegment(
        role: s.role, span: Span(start: first, end: last), startLine: text.line(ofOffset: first),
        endLine: text.line(ofOffset: Swift.max(first, last - 1)))
    }
  }

  /// Span order, then kind order; exact duplicates dropped.
  static func ordered(_ clauses: [Clause]) -> [Clause] {
    // Sort small keys, not whole clauses, and drop duplicates by comparing within a run of equal
    // keys (hashing every clause's strings and parameters cost more than the rules that found them).
    let keys = clauses.map { (start: $0.span.start, kind: $0.kind, end: $0.span.end) }
    let order = clauses.indices.sorted { a, b in
      let x = keys[a]
      let y = keys[b]
      if x.start != y.start { return x.start < y.start }
      if x.kind != y.kind { return x.kind < y.kind }
      if x.end != y.end { return x.end < y.end }
      return a < b
    }
    var out: [Clause] = []
    out.reserveCapacity(clauses.count)
    var runStart = 0
    for i in order {
      let k = keys[i]
      if let last = out.last, last.span.start != k.start || last.kind != k.kind || last.span.end != k.end {
        runStart = out.count
      }
      if out[runStart...].contains(where: { $0 == clauses[i] }) { continue }
      out.append(clauses[i])
    }
    return out
  }
}

extension ClauseExtractor {
  /// A line per sentence with its section and the flags rules see (`H` heading, `D` definition,
  /// `B` in a ban list, `P` policy segment): a development aid for writing rules.
  public static func debugSentences(_ text: TokenizedText) -> String {
    let structure = Segmenter.segment(text)
    let views = ExtractionContext.makeViews(text, structure)
    var lines: [String] = []
    for segment in Segments.split(views: views, text: text, role: .licence, structure: structure) {
      let ctx = ExtractionContext(
        text: text, structure: structure, role: segment.role, documentName: nil, views: views, active: segment.sentences
      )
      for i in segment.sentences {
        let s = structure.sentences[i]
        var flags = ""
        if ctx.headingSentences.contains(i) { flags += "H" }
        if ctx.definitionSentences.contains(i) { flags += "D" }
        if ctx.inBanList[i] { flags += "B" }
        if segment.role == .policy { flags += "P" }
        let body = text.slice(s.span).split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
        lines.append("\(i) [\(ctx.section(at: s.span.start) ?? "-")] \(flags): \(body.prefix(200))")
      }
    }
    return lines.joined(separator: "\n")
  }
}
