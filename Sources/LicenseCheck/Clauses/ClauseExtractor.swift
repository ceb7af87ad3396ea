/// Turns a tokenised licence into clauses: runs every rule, then orders and de-duplicates.
///
/// ```swift
/// let clauses = ClauseExtractor.extract(from: TokenizedText(doc.text))
/// ```
public enum ClauseExtractor {
  /// Every rule, one per clause kind or family; see ARCHITECTURE.md for where each kind lives.
  static let rules: [any ClauseRule.Type] = [
    CopyrightGrantRule.self, PatentGrantRule.self, OutputRightsRule.self,
    IncludeLicenseRule.self, RetainNoticesRule.self, StateChangesRule.self, AttributionDisplayRule.self,
    NamingRule.self, ShareAlikeRule.self, DiscloseSourceRule.self, NetworkUseDiscloseRule.self, FlowDownRule.self,
    AcceptanceRule.self,
    UsageCapRule.self, AcceptableUsePolicyRule.self, FieldOfUseRule.self, NonCommercialRule.self,
    ResearchOnlyRule.self, OutputUseRule.self, TerritoryRule.self, UserRestrictionRule.self, HostedServiceRule.self,
    TrademarkRule.self, NoReverseEngineeringRule.self,
    RemoteRestrictionRule.self, UnilateralChangeRule.self, TerminationRule.self,
    WarrantyDisclaimerRule.self, LiabilityLimitationRule.self, IndemnificationRule.self, GoverningLawRule.self,
    ExportControlRule.self,
  ]

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
    let ctx = ExtractionContext(
      text: text, structure: structure ?? Segmenter.segment(text), role: role, documentName: documentName)
    var all: [Clause] = []
    for rule in rules { all.append(contentsOf: rule.extract(ctx)) }
    return ordered(all)
  }

  /// Span order, then kind order; exact duplicates dropped.
  static func ordered(_ clauses: [Clause]) -> [Clause] {
    var seen = Set<Clause>()
    var out: [Clause] = []
    for c in clauses.sorted(by: { a, b in
      if a.span.start != b.span.start { return a.span.start < b.span.start }
      if a.kind != b.kind { return a.kind < b.kind }
      return a.span.end < b.span.end
    }) where seen.insert(c).inserted {
      out.append(c)
    }
    return out
  }
}
