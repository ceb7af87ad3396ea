/// Finds the passages introduced by a ban ("You agree not to use the Model to:")
/// so that each listed item counts as a prohibited use, even though the item itself
/// ("Generate malware") carries no negation.
enum BanScope {
  static let intro: PhraseSet = [
    "not use", "not to use", "shall not", "may not", "must not", "will not", "prohibited", "forbidden",
    "not permitted", "not allowed", "agree not", "refrain from", "neither", "nor any", "in no case may",
    "under no circumstances may",
  ]

  /// A list of uses that need the licensor's permission or another licence: "explicit permission or a
  /// commercial license is required for the following scenarios:". Its items are bans on this licence.
  static let needsPermissionIntro: PhraseSet = [
    "required for the following", "requires a commercial licen*", "require a commercial licen*",
    "need a commercial licen*", "requires a separate licen*", "require a separate licen*",
    "must obtain a commercial licen*", "must obtain a separate licen*", "need permission for the following",
    "requires permission for the following", "require permission for the following",
  ]

  /// "… is required for the following:", not "nothing else is required for the following".
  static func needsPermission(_ v: SentenceView) -> Bool {
    guard let m = v.first(needsPermissionIntro) else { return false }
    let before = Swift.max(0, m.lowerBound - 5)..<m.lowerBound
    return !before.contains { ["nothing", "not", "no", "never"].contains(v.word($0)) }
  }

  static func compute(
    views: [SentenceView], text: TokenizedText, structure: TextStructure, role: DocumentRole, active segment: Range<Int>
  ) -> [Bool] {
    var out = [Bool](repeating: false, count: views.count)
    var active = false
    var introLine = 0
    for i in segment {
      let v = views[i]
      guard v.count > 0 else { continue }
      let first = text.tokens[v.wordTokens[0]]
      let sentenceFirstToken = structure.sentences[i].tokenRange.lowerBound
      let startsLine = startsLine(tokenIndex: sentenceFirstToken, text: text)
      if active {
        let isItem = startsLine && (v.count <= 60 || startsWithMarker(sentenceFirstToken, text: text))
        let stillAfterIntro = Int(first.line) > introLine
        if isItem && stillAfterIntro && !looksLikeReportingNote(v) {
          out[i] = true
        } else if role == .policy && !looksLikeReportingNote(v) {
          out[i] = true
        } else {
          active = false
        }
      }
      // "You agree not to use the Model to:", or a bare "The Licensee shall not:" opening a list.
      let endsOnIntro = v.first(intro).map { $0.upperBound >= v.count - 1 } ?? false
      // "You may not" with no colon, then bulleted items (Microsoft's licence terms): a list all the same.
      // A bare "You may not" cannot end a sentence: when a Markdown list lost its bullets, the next line is
      // still its first item.
      let bareLineIntro =
        endsOnIntro && v.count <= 4 && i + 1 < views.count
        && Self.startsLine(tokenIndex: structure.sentences[i + 1].tokenRange.lowerBound, text: text)
      // "2.2 Licensee shall not, unless expressly provided in this Agreement" with no punctuation at its end,
      // then numbered items: the modal ban introduces them as a colon would.
      let openEndedBan =
        v.has(.modalBan) && v.count <= 30 && endsOnWord(structure.sentences[i], text: text)
        && nextStartsNumberedItem(after: i, structure: structure, text: text)
      let colon =
        endsWithColon(structure.sentences[i], text: text)
        || (endsOnIntro && nextStartsItem(after: i, views: views, structure: structure, text: text)) || bareLineIntro
        || openEndedBan
      let bareIntro = colon && endsOnIntro
      // "The User shall not perform any of the following acts:" names no use but opens a ban list.
      let followingIntro = colon && v.has(.following)
      if (colon || role == .policy) && v.has(intro)
        && (v.has(Lexicon.useVerbs) || v.has(.toFor) || bareIntro || followingIntro)
        || (colon && needsPermission(v))
      {
        active = true
        introLine = Int(text.tokens[structure.sentences[i].tokenRange.upperBound - 1].line)
        out[i] = true
      }
    }
    return out
  }

  /// Sentences in a list introduced by a duty ("If You Share …, You must:"), so that each item
  /// ("retain the copyright notice") is a duty although it has no modal verb.
  static func duties(views: [SentenceView], text: TokenizedText, structure: TextStructure, active segment: Range<Int>)
    -> [Bool]
  {
    var out = [Bool](repeating: false, count: views.count)
    var active = false
    for i in segment {
      let v = views[i]
      guard v.count > 0 else { continue }
      let firstToken = structure.sentences[i].tokenRange.lowerBound
      if active {
        if startsLine(tokenIndex: firstToken, text: text) && v.count <= 80 {
          out[i] = true
        } else {
          active = false
        }
      }
      // "provided that you do at least ONE of the following:" lists options, not duties.
      // "For any code you distribute, you must" with no colon, then bulleted items, opens a list too.
      let endsOnMust = v.first(Lexicon.must).map { $0.upperBound >= v.count } ?? false
      let opens =
        endsWithColon(structure.sentences[i], text: text)
        || (endsOnMust && nextStartsItem(after: i, views: views, structure: structure, text: text))
      if opens, v.has(Lexicon.must) || v.has(Lexicon.conditions), !v.has(.oneOfTheFollowing) {
        active = true
      }
    }
    return out
  }

  static let reporting: PhraseSet = [
    "report", "reporting", "please", "contact", "questions", "violation of this policy", "email",
  ]

  static func looksLikeReportingNote(_ v: SentenceView) -> Bool {
    v.first(reporting, in: 0..<Swift.min(v.count, 4)) != nil
  }

  /// Whether the sentence after `i` starts a line with a list marker (`•`, `-`, `(a)`, `1.`).
  static func nextStartsItem(after i: Int, views: [SentenceView], structure: TextStructure, text: TokenizedText)
    -> Bool
  {
    guard i + 1 < views.count else { return false }
    let first = structure.sentences[i + 1].tokenRange.lowerBound
    guard first < text.tokens.count else { return false }
    return startsLine(tokenIndex: first, text: text) && startsWithMarker(first, text: text)
  }

  static func endsWithColon(_ s: Sentence, text: TokenizedText) -> Bool {
    guard let last = s.tokenRange.last else { return false }
    let n = text.normalizedSlice(text.tokens[last])
    return n.count == 1 && (n.first == UInt8(ascii: ":") || n.first == UInt8(ascii: "-"))
  }

  /// Whether the sentence after `i` starts a line with a number or a lettered marker ("2.2.1", "(a)", "b)"),
  /// not a bullet: a box of "*" lines around a disclaimer is no list.
  static func nextStartsNumberedItem(after i: Int, structure: TextStructure, text: TokenizedText) -> Bool {
    guard i + 1 < structure.sentences.count else { return false }
    let first = structure.sentences[i + 1].tokenRange.lowerBound
    guard first < text.tokens.count, startsLine(tokenIndex: first, text: text) else { return false }
    let t = text.tokens[first]
    if t.kind == .number { return true }
    let n = text.normalizedSlice(t)
    if t.kind == .punctuation { return n.first == UInt8(ascii: "(") }
    return startsWithMarker(first, text: text)
  }

  /// Whether the sentence ends on a word, with no punctuation: a sibling item ends on "," or ";", a
  /// sentence on a full stop.
  static func endsOnWord(_ s: Sentence, text: TokenizedText) -> Bool {
    guard let last = s.tokenRange.last else { return false }
    return text.tokens[last].kind != .punctuation
  }

  static func startsLine(tokenIndex: Int, text: TokenizedText) -> Bool {
    guard tokenIndex > 0 else { return true }
    return text.tokens[tokenIndex - 1].line < text.tokens[tokenIndex].line
  }

  static func startsWithMarker(_ tokenIndex: Int, text: TokenizedText) -> Bool {
    let t = text.tokens[tokenIndex]
    if t.kind == .number { return true }
    let n = text.normalizedSlice(t)
    // "*" is the Markdown and plain-text bullet ("* reverse engineer …").
    if t.kind == .punctuation,
      n.first == UInt8(ascii: "(") || n.elementsEqual("•".utf8) || n.first == 0x2D || n.first == UInt8(ascii: "*")
    {
      return true
    }
    if t.kind == .word, n.count <= 4, tokenIndex + 1 < text.tokens.count {
      let next = text.normalizedSlice(text.tokens[tokenIndex + 1])
      return next.first == UInt8(ascii: ".") || next.first == UInt8(ascii: ")")
    }
    return false
  }
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let toFor: PhraseSet = ["to", "for", "in"]
  fileprivate static let modalBan: PhraseSet = [
    "shall not", "may not", "must not", "will not", "agree not", "agrees not",
  ]
  fileprivate static let oneOfTheFollowing: PhraseSet = [
    "one of the following", "either of the following", "any of the following options",
  ]
  fileprivate static let following: PhraseSet = ["following", "any of the following", "the following acts"]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let banScope: [PhraseSet] = [
    BanScope.intro,
    BanScope.needsPermissionIntro,
    BanScope.reporting,
    PhraseSet.toFor,
    PhraseSet.modalBan,
    PhraseSet.oneOfTheFollowing,
    PhraseSet.following,
  ]
}
