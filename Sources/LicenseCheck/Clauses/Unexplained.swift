/// A sentence that carries a normative cue ("must", "may not", "only", "terminate", …) but that no
/// extracted clause covers: what the tool read and did not understand.
///
/// A reviewer reads these to see what the clause model leaves out; the rule writer reads them as the
/// error-analysis queue.
public struct UnexplainedSentence: Sendable, Codable, Equatable, Hashable {
  /// Byte span of the sentence in the plain text, with its 1-based first line.
  public let span: ClauseSpan
  /// The section path or number holding it, when the text is numbered.
  public let section: String?
  /// The normative cue words found in it, as written in the cue list (`must`, `may not`, `only`).
  public let cues: [String]
  /// The sentence, with line breaks folded to spaces.
  public let text: String

  /// Creates an entry.
  public init(span: ClauseSpan, section: String?, cues: [String], text: String) {
    self.span = span
    self.section = section
    self.cues = cues
    self.text = text
  }
}

/// How much of a document's normative language the extracted clauses cover.
public struct NormativeCoverage: Sendable, Codable, Equatable, Hashable {
  /// Sentences with a normative cue (headings and definitions excluded).
  public let normative: Int
  /// Those that some clause covers.
  public let explained: Int
  /// `explained / normative`, or 1 when the text has no normative sentence.
  public var ratio: Double { normative == 0 ? 1 : Double(explained) / Double(normative) }

  /// Creates a coverage figure.
  public init(normative: Int, explained: Int) {
    self.normative = normative
    self.explained = explained
  }

  enum CodingKeys: String, CodingKey { case normative, explained, ratio }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    normative = try c.decode(Int.self, forKey: .normative)
    explained = try c.decode(Int.self, forKey: .explained)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(normative, forKey: .normative)
    try c.encode(explained, forKey: .explained)
    // Three decimals: a stable figure for diffs and tables.
    try c.encode((ratio * 1000).rounded() / 1000, forKey: .ratio)
  }
}

/// Finds normative sentences that no clause covers.
public enum UnexplainedFinder {
  /// The cues: modal duties and bans, agreement, exclusivity, conditions and ending words, in their
  /// negated and passive forms too ("is not permitted", "shall be terminated").
  static let cues: PhraseSet = [
    "must", "shall", "may not", "must not", "shall not", "cannot", "can not", "will not", "won not", "wo not",
    "agree", "agrees",
    "prohibited", "prohibit*", "forbidden", "only", "solely", "exclusively", "restricted", "restrict*",
    "terminate*", "termination", "subject to", "without the prior", "without prior", "required", "requires",
    "not permitted", "not allowed", "is conditioned", "conditioned on", "in no event", "under no circumstances",
    "obligat*", "responsible for", "not entitled", "reserves the right", "reserve the right", "may only",
    "not licensed", "no right", "no rights", "not be used", "do not", "does not permit", "except as",
    "expressly permitted", "liable", "waive*", "indemnif*", "governed by", "provided that", "on condition",
  ]

  /// Words that limit a grant from inside its sentence.
  static let grantLimiters: PhraseSet = [
    "only", "solely", "exclusively", "original package", "original distribution", "unmodified", "internal use",
    "internal purposes", "internal business", "within your organization", "within your organisation",
    "not including the right", "excluding the right", "binary form", "binary forms", "as part of a product",
    "as part of your", "as part of an application", "as part of a software",
    "executable form", "sole purpose", "limited purpose", "limited purposes",
  ]
  /// A grant in binary form that names the source too ("in source and binary forms") is no binary-only
  /// limit.
  static let sourceWords: PhraseSet = ["source", "sources", "source code"]
  /// "only if", "only under the terms of this License", "not only": conditions and emphasis, not limits.
  static let notALimit: Set<String> = [
    "if", "under", "when", "to", "where", "after", "upon", "pursuant", "subject", "within",
  ]
  /// The other arm of "unmodified … or …" that grants the modified form too.
  static let modifiedWords: Set<String> = [
    "modified", "derivative", "derivatives", "modification", "modifications", "part", "changed",
  ]
  static let patentWords: PhraseSet = ["patent", "patents"]
  static let misrepresentOrigin: PhraseSet = [
    "not be misrepresented", "not misrepresent", "not claim that you wrote", "not be misrepresented as",
  ]
  /// "the only requirement", "the only conditions": what follows "the only" names a duty.
  static let dutyNouns: Set<String> = [
    "requirement", "requirements", "condition", "conditions", "obligation", "obligations", "restriction",
    "restrictions", "limitation", "limitations", "exception", "exceptions",
  ]
  static let termsWords: Set<String> = [
    "permitted", "expressly", "set", "provided", "allowed", "authorized", "authorised", "described", "specified",
  ]

  /// The limits a grant sentence states that its grant does not account for.
  static func grantLimits(_ v: SentenceView) -> [Range<Int>] {
    guard v.mayContain(grantLimiters) else { return [] }
    return v.find(grantLimiters).filter { m in
      if m.count == 1, ["only", "solely", "exclusively"].contains(v.word(m.lowerBound)) {
        if m.lowerBound > 0, v.word(m.lowerBound - 1) == "not" { return false }
        if m.upperBound < v.count, notALimit.contains(v.word(m.upperBound)) { return false }
        // "with the only requirement being that this notice remain": a duty, not a limit.
        if m.lowerBound > 0, v.word(m.lowerBound - 1) == "the", m.upperBound < v.count,
          dutyNouns.contains(v.word(m.upperBound))
        {
          return false
        }
        // "only in accordance with the terms of this Agreement", "only as expressly permitted": the
        // licence's own terms, not a limit of their own.
        if m.upperBound + 1 < v.count,
          (v.word(m.upperBound) == "in" && ["accordance", "compliance"].contains(v.word(m.upperBound + 1)))
            || (v.word(m.upperBound) == "as" && termsWords.contains(v.word(m.upperBound + 1)))
        {
          return false
        }
      }
      if ["binary", "executable"].contains(v.word(m.lowerBound)), v.has(sourceWords) { return false }
      // "unmodified or modified versions": both are granted.
      if v.word(m.lowerBound) == "unmodified", m.upperBound + 1 < v.count,
        ["or", "and"].contains(v.word(m.upperBound)), v.word(m.upperBound + 1) == "modified"
      {
        return false
      }
      if v.word(m.lowerBound) == "unmodified" {
        let after = m.upperBound..<min(v.count, m.upperBound + 8)
        // "this complete and unmodified permission notice shall be included": a notice duty.
        if after.prefix(3).contains(where: { v.word($0) == "notice" }) { return false }
        // "on an unmodified basis or as part of Derivative Works": the modified form is granted too.
        if let or = after.first(where: { v.word($0) == "or" }),
          (or..<after.upperBound).contains(where: { modifiedWords.contains(v.word($0)) })
        {
          return false
        }
        // "patent claims covering the unmodified Software": the scope of a patent licence.
        if v.has(patentWords) { return false }
      }
      return true
    }
  }

  /// The unexplained normative sentences of a text and the coverage figure.
  ///
  /// - Parameters:
  ///   - text: the tokenised plain text the clauses were extracted from.
  ///   - structure: its structure.
  ///   - clauses: the clauses extracted from this text (clauses of other documents are ignored).
  ///   - documentName: the `document` value of this text's clauses (nil for the main text).
  /// - Complexity: O(sentences + clauses · log sentences).
  public static func find(
    in text: TokenizedText, structure: TextStructure, clauses: [Clause], documentName: String? = nil
  ) -> (unexplained: [UnexplainedSentence], coverage: NormativeCoverage) {
    find(
      in: text, structure: structure, views: ExtractionContext.makeViews(text, structure), clauses: clauses,
      documentName: documentName)
  }

  static func find(
    in text: TokenizedText, structure: TextStructure, views: [SentenceView], clauses: [Clause],
    documentName: String? = nil
  ) -> (unexplained: [UnexplainedSentence], coverage: NormativeCoverage) {
    var covered = [Bool](repeating: false, count: views.count)
    // Sentences holding a grant and no restriction: a limit inside a grant ("for use with … only", "this
    // ORIGINAL package", "for your internal use") is not understood by the grant that covers it, nor by
    // the duties (keep the notice) that share its sentence.
    var grantHere = [Bool](repeating: false, count: views.count)
    var restrictionHere = [Bool](repeating: false, count: views.count)
    for c in clauses where c.document == documentName {
      // A clause covers every sentence its span touches.
      guard var i = structure.sentenceIndex(containing: c.span.start) else { continue }
      while i < views.count, structure.sentences[i].span.start < max(c.span.end, c.span.start + 1) {
        if c.kind.effect == .permission { grantHere[i] = true }
        if c.kind.effect == .restriction { restrictionHere[i] = true }
        covered[i] = true
        i += 1
      }
    }
    // Definition sentences and where their term starts.
    var definitions: [Int: Int] = [:]
    for d in structure.definitions {
      if let i = structure.sentenceIndex(containing: d.termSpan.start), definitions[i] == nil {
        definitions[i] = d.termSpan.start
      }
    }
    var out: [UnexplainedSentence] = []
    var normative = 0
    var explained = 0
    for v in views {
      let limits = grantHere[v.index] && !restrictionHere[v.index] ? grantLimits(v) : []
      // A term defined inside a grant ("as part of your own software ("Your Software")") does not make
      // the grant's limits a definition.
      guard v.count > 0, v.mayContain(cues) || !limits.isEmpty, !ExtractionContext.isHeading(v) else {
        continue
      }
      // "If you do not wish to do so, delete this exception statement": a choice left to the reader,
      // not a ban.
      // "The origin of this software must not be misrepresented; you must not claim that you wrote the
      // original software" (zlib and its family): honesty about authorship, no restriction on use,
      // copying or distribution.
      let found = v.find(cues).filter { m in
        !(v.word(m.lowerBound) == "do" && m.lowerBound >= 2 && m.upperBound < v.count
          && v.word(m.lowerBound - 2) == "if" && ["wish", "want"].contains(v.word(m.upperBound)))
          && v.first(misrepresentOrigin, in: m.lowerBound..<Swift.min(v.count, m.upperBound + 4)) == nil
      }
      // A definition is no rule, unless a ban comes before its term: "Products derived from this
      // software may not be called "X"" reads as a term defined by "called", but it bans a name.
      if let termStart = definitions[v.index], limits.isEmpty,
        !found.contains(where: { m in
          restrictiveCues.contains(cueText(v, m)) && Int(text.tokens[v.wordTokens[m.lowerBound]].start) < termStart
        })
      {
        continue
      }
      guard !found.isEmpty || !limits.isEmpty else { continue }
      normative += 1
      if covered[v.index] && limits.isEmpty {
        explained += 1
        continue
      }
      var words: [String] = []
      for r in covered[v.index] ? limits : found {
        let w = cueText(v, r)
        if !words.contains(w) { words.append(w) }
      }
      let s = structure.sentences[v.index].span
      let body = folded(text.bytes[s.start..<s.end])
      let section = structure.innermostSection(containing: s.start).flatMap { $0.path ?? $0.number }
      out.append(
        UnexplainedSentence(
          span: ClauseSpan(start: s.start, end: s.end, line: text.line(ofOffset: s.start)), section: section,
          cues: words, text: body))
    }
    return (out, NormativeCoverage(normative: normative, explained: explained))
  }

  /// A matched cue as written in the cue list: "can't" matched as "can not" (the view folds the "t")
  /// is said the way it matched.
  static func cueText(_ v: SentenceView, _ r: Range<Int>) -> String {
    r.map { v.hashes[$0] == Lexicon.notHash ? "not" : v.word($0) }.joined(separator: " ")
  }

  /// The sentence's text with each run of line breaks and tabs folded to one space and the ends
  /// trimmed, on bytes: what splitting the string's characters at "\n", "\r" and "\t" and joining the
  /// pieces with spaces gives (a "\r\n" pair is one character, equal to none of the three, so it
  /// stays), without walking grapheme clusters (that walk was half of this finder's cost).
  static func folded(_ bytes: ArraySlice<UInt8>) -> String {
    // Written straight into the string's storage (the result is never longer than the input), not
    // appended byte by byte to an array and copied.
    guard !bytes.isEmpty else { return "" }
    return bytes.withUnsafeBufferPointer { src in
      String(unsafeUninitializedCapacity: src.count) { out in
        var n = 0
        var pendingSpace = false
        var i = 0
        let end = src.count
        while i < end {
          let b = src[i]
          let pair = b == 0x0D && i + 1 < end && src[i + 1] == 0x0A
          if !pair, b == 0x0A || b == 0x0D || b == 0x09 {
            pendingSpace = true
            i += 1
            continue
          }
          if pendingSpace {
            if n > 0 {
              out[n] = 0x20
              n += 1
            }
            pendingSpace = false
          }
          out[n] = b
          n += 1
          if pair {
            out[n] = 0x0A
            n += 1
            i += 2
          } else {
            i += 1
          }
        }
        return n
      }
    }
  }
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let unexplained: [PhraseSet] = [
    UnexplainedFinder.cues,
    UnexplainedFinder.grantLimiters,
    UnexplainedFinder.sourceWords,
    UnexplainedFinder.patentWords,
    UnexplainedFinder.misrepresentOrigin,
  ]
}
