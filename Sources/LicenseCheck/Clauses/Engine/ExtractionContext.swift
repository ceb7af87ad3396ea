/// The role a document plays in an analysis.
public enum DocumentRole: String, Sendable, Codable, Equatable, Hashable {
  /// The licence or agreement itself.
  case licence
  /// An acceptable-use or prohibited-use policy incorporated by the licence.
  case policy
}

/// What every extractor sees: the tokens, the structure, sentence views and quantities.
struct ExtractionContext {
  let text: TokenizedText
  let structure: TextStructure
  let views: [SentenceView]
  let quantities: [Quantity]
  let role: DocumentRole
  let documentName: String?
  /// Sentences that define a term (`"X" means …`): most rules skip them, since a
  /// definition of "Hosted Service" grants or bans nothing by itself.
  let definitionSentences: Set<Int>
  /// Short title-like sentences ("Grant of Rights.", "Limitation of Liability"): they name a
  /// clause but do not make one, so rules skip them.
  let headingSentences: Set<Int>
  /// For each sentence, whether it sits in a list or passage introduced by a ban
  /// ("you agree not to use the Model … to:").
  let inBanList: [Bool]
  /// Items of a list introduced by a duty ("You must:").
  let inDutyList: [Bool]
  /// The sentences of the segment being analysed (a licence and its appended policy are two segments).
  let active: Range<Int>
  /// What ``sentences(includingDefinitions:)`` returns, computed once: every rule asks for it.
  private let bodyViews: [SentenceView]
  private let nonHeadingViews: [SentenceView]
  /// What rules found that a later rule reads again, kept for the context's life: the rules run one
  /// after the other on one context, and the grants cost as much to find again as the first time.
  let memo = RuleMemo()

  init(
    text: TokenizedText, structure: TextStructure, role: DocumentRole, documentName: String?,
    views: [SentenceView]? = nil, quantities: [Quantity]? = nil, active: Range<Int>? = nil
  ) {
    self.text = text
    self.structure = structure
    self.role = role
    self.documentName = documentName
    let views = views ?? ExtractionContext.makeViews(text, structure)
    self.views = views
    self.active = active ?? 0..<views.count
    self.quantities = (quantities ?? Quantities.find(in: text)).filter { q in
      guard let si = structure.sentenceIndex(containing: q.span.start) else { return false }
      return (active ?? 0..<views.count).contains(si)
    }
    var defs = Set<Int>()
    for d in structure.definitions {
      // Only sentences that ARE definitions ("X" means …), not ones that define a term in passing
      // ("… the Software (the "Work") …"): the term must open the sentence.
      guard let i = structure.sentenceIndex(containing: d.termSpan.start) else { continue }
      let v = views[i]
      if let k = v.wordTokens.firstIndex(where: { Int(text.tokens[$0].start) >= d.termSpan.start }), k <= 1 {
        defs.insert(i)
      }
    }
    definitionSentences = defs
    var heads = Set<Int>()
    for v in views where ExtractionContext.isHeading(v) { heads.insert(v.index) }
    headingSentences = heads
    let seg = views[active ?? 0..<views.count]
    nonHeadingViews = seg.filter { !heads.contains($0.index) }
    bodyViews = nonHeadingViews.filter { !defs.contains($0.index) }
    inDutyList = BanScope.duties(
      views: views, text: text, structure: structure, active: active ?? 0..<views.count)
    inBanList = BanScope.compute(
      views: views, text: text, structure: structure, role: role, active: active ?? 0..<views.count)
  }

  /// At most six words, most of them capitalised, and no modal verb.
  static func isHeading(_ v: SentenceView) -> Bool {
    guard v.count > 0, v.count <= 6 else { return false }
    if v.has(Lexicon.must) || v.has(.mayYou) { return false }
    var caps = 0
    var words = 0
    for i in 0..<v.count where v.text.tokens[v.wordTokens[i]].kind == .word {
      words += 1
      if v.isCapitalised(i) { caps += 1 }
    }
    return words > 0 && caps * 2 >= words + 1
  }

  static func makeViews(_ text: TokenizedText, _ structure: TextStructure) -> [SentenceView] {
    var views: [SentenceView] = []
    views.reserveCapacity(structure.sentences.count)
    for (i, s) in structure.sentences.enumerated() { views.append(SentenceView(index: i, sentence: s, text: text)) }
    return views
  }

  /// The section path or number holding an offset.
  func section(at offset: Int) -> String? {
    guard let s = structure.innermostSection(containing: offset) else { return nil }
    return s.path ?? s.number
  }

  /// Builds a clause whose span is the sentence and whose evidence is the words in `evidence`.
  func clause(
    _ kind: ClauseKind, in view: SentenceView, evidence: Range<Int>?, parameters: ClauseParameters = ClauseParameters()
  ) -> Clause {
    let ev = evidence.map { view.byteSpan($0) } ?? view.span
    // The clause span is the whole sentence; it always contains the evidence.
    let span = view.span.union(ev)
    return Clause(
      kind: kind,
      span: ClauseSpan(start: span.start, end: span.end, line: text.line(ofOffset: span.start)),
      evidence: text.slice(ev), section: section(at: ev.start), document: documentName, parameters: parameters)
  }

  /// Sentences a rule should look at (definitions skipped unless asked for).
  func sentences(includingDefinitions: Bool = false) -> [SentenceView] {
    includingDefinitions ? nonHeadingViews : bodyViews
  }

  /// Whether a sentence imposes a duty: a modal ("must", "shall"), a condition on a grant
  /// ("provided that"), or an imperative at its start ("Keep this notice …").
  func obliges(_ v: SentenceView) -> Bool {
    if v.has(Lexicon.must) || v.has(Lexicon.conditions) || inDutyList[v.index] || inBanList[v.index] { return true }
    // Skip list markers and short headings ("4. Notices. Keep …" arrives as one sentence at worst).
    for i in 0..<v.count where Lexicon.imperatives.contains(v.hashes[i]) {
      if i < 4 || AttributionDisplayRule.startsClause(v, at: i) { return true }
    }
    return false
  }

  /// Defined terms whose defining sentence contains one of the phrases, each as a phrase set
  /// matching the term, with the defining sentence: rules use them to resolve "the AUP",
  /// "Hosted Service" or "Model Derivatives" to what they stand for.
  func definedTerms(whoseDefinitionHas phrases: PhraseSet) -> [(term: PhraseSet, definition: SentenceView)] {
    var out: [(PhraseSet, SentenceView)] = []
    for d in structure.definitions {
      guard let i = structure.sentenceIndex(containing: d.definitionSpan.start) else { continue }
      let v = views[i]
      guard v.has(phrases) else { continue }
      out.append((PhraseSet([d.normalizedTerm]), v))
    }
    return out
  }

  /// The word range spanning two ranges.
  static func cover(_ a: Range<Int>, _ b: Range<Int>) -> Range<Int> {
    Swift.min(a.lowerBound, b.lowerBound)..<Swift.max(a.upperBound, b.upperBound)
  }
}

/// A rule that finds clauses of one kind (or a few closely related kinds).
protocol ClauseRule {
  static func extract(_ context: ExtractionContext) -> [Clause]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let mayYou: PhraseSet = ["may", "you", "is", "are"]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let extractionContext: [PhraseSet] = [
    PhraseSet.mayYou
  ]
}

/// Results of one rule that another rule reads (see ``ExtractionContext/memo``).
final class RuleMemo {
  /// ``CopyrightGrantRule``'s clauses (`work-ban` asks which rights the grants name).
  var grants: [Clause]?
}
