/// The definition pass: quoted terms followed by a defining verb (`"X" means`, `"X" or "Y" shall
/// mean`, `"Source" form shall mean`), quoted terms named in parentheses (`(the "Software")`,
/// `(hereinafter "Licensor")`), and unquoted glossary entries at the start of a paragraph
/// (`Licensor means …`, `Licensor: means …`).
struct DefinitionFinder {
  let text: TokenizedText
  let sentences: [Sentence]
  let hard: [Bool]
  let flags: [UInt8]

  init(text: TokenizedText, sentences: [Sentence], hard: [Bool], flags: [UInt8] = []) {
    self.text = text
    self.sentences = sentences
    self.hard = hard
    self.flags = flags
  }

  enum Kind {
    /// `"X" means …`: the definition runs from the term to the end of its paragraph.
    case leading
    /// `(the "X")`: the definition is the enclosing sentence.
    case parenthetical
  }

  struct Found {
    var termRange: Range<Int>
    var kind: Kind
    var sentence: Int
    var start: Int
  }

  static let verbsAfterModal = TextLexicon.set(["shall", "will", "should", "does", "do", "is", "are", "may"])
  static let meaning = wordHash("meaning")
  static let refer = TextLexicon.set(["refers", "refer"])
  static let to = wordHash("to")
  static let has = TextLexicon.set(["has", "have"])
  static let the = wordHash("the")
  static let defined = wordHash("defined")
  static let connectors = TextLexicon.set(["or", "and", ",", "(", ")", "/"])
  static let parenPrefixes = TextLexicon.set([
    "the", "this", "these", "hereinafter", "hereafter", "collectively", "each", "together", "individually", "jointly",
    "referred", "to", "as", "a", "an", ",", "below", "herein", "called",
  ])
  static let naming = TextLexicon.set(["hereinafter", "hereafter", "referred", "called"])
  static let notTerms = TextLexicon.set(["this", "that", "it", "which", "such", "there", "what", "who"])

  var n: Int { text.tokens.count }

  func find() -> [Definition] {
    let quoted = quotedTerms()
    var found: [Found] = []
    var s = 0
    var q = 0
    while q < quoted.count {
      var g = q + 1
      while g < quoted.count, connectorsOnly(quoted[g - 1].close + 1, quoted[g].open) { g += 1 }
      while s + 1 < sentences.count, sentences[s].tokenRange.upperBound <= quoted[q].open { s += 1 }
      if definingVerb(after: quoted[g - 1].close + 1, sentenceStart: quoted[q].open == firstContent(s)) {
        for k in q..<g {
          found.append(
            Found(
              termRange: (quoted[k].open + 1)..<quoted[k].close, kind: .leading, sentence: s, start: firstContent(s)))
        }
      } else if isParenthetical(open: quoted[q].open, close: quoted[g - 1].close) {
        for k in q..<g {
          found.append(
            Found(
              termRange: (quoted[k].open + 1)..<quoted[k].close, kind: .parenthetical, sentence: s,
              start: sentences[s].tokenRange.lowerBound))
        }
      }
      q = g
    }
    found.append(contentsOf: glossaryEntries())
    found.sort { $0.termRange.lowerBound < $1.termRange.lowerBound }
    var leadingSentences = Set<Int>()
    for f in found where f.kind == .leading { leadingSentences.insert(f.sentence) }
    return found.map { f in
      var end = f.sentence
      // A definition that opens its paragraph runs to the paragraph's end; one inside running
      // text (`…; for this purpose, "control" means …`) is just its sentence.
      if f.kind == .leading, hard[f.sentence] {
        while end + 1 < sentences.count, !hard[end + 1], !leadingSentences.contains(end + 1) { end += 1 }
      }
      let termSpan = text.span(f.termRange.lowerBound, f.termRange.upperBound - 1)
      let term = text.slice(termSpan)
      return Definition(
        term: term, normalizedTerm: Definition.normalize(term), termSpan: termSpan,
        definitionSpan: Span(start: Int(text.tokens[f.start].start), end: sentences[end].span.end),
        termTokenCount: f.termRange.count)
    }
  }

  /// The first token of sentence `s` after any section marker.
  func firstContent(_ s: Int) -> Int {
    var k = sentences[s].tokenRange.lowerBound
    while k < sentences[s].tokenRange.upperBound - 1, k < flags.count, flags[k] & TokenFlag.marker != 0 { k += 1 }
    return k
  }

  /// Pairs of double quotes around a short term (wrapping at most once). An opening quote touches the
  /// term's first token and does not touch a word before it; a closing quote touches the term's last token.
  func quotedTerms() -> [(open: Int, close: Int)] {
    var out: [(open: Int, close: Int)] = []
    var i = 0
    while i < n {
      if text.isPunct(i, UInt8(ascii: "\"")), let c = closingQuote(i) {
        out.append((i, c))
        i = c + 1
      } else {
        i += 1
      }
    }
    return out
  }

  func closingQuote(_ i: Int) -> Int? {
    guard text.touchesNext(i), i + 1 < n,
      text.tokens[i + 1].kind != .punctuation || text.isPunct(i + 1, UInt8(ascii: "("))
    else { return nil }
    if i > 0, text.touchesNext(i - 1), text.tokens[i - 1].kind != .punctuation { return nil }
    let line = text.tokens[i].line
    var k = i + 1
    while k < n, k <= i + 11, text.tokens[k].line - line <= 1 {
      if text.isPunct(k, UInt8(ascii: "\"")) {
        return k > i + 1 && text.touchesNext(k - 1) ? k : nil
      }
      if text.tokens[k].kind == .punctuation {
        for c in ",;:?!".utf8 where text.isPunct(k, c) { return nil }
        if text.isPunct(k, UInt8(ascii: ".")), !(text.touchesNext(k - 1) && text.touchesNext(k)) { return nil }
      }
      k += 1
    }
    return nil
  }

  /// Whether only `or`, `and`, commas, slashes and brackets lie between two quoted terms.
  func connectorsOnly(_ a: Int, _ b: Int) -> Bool {
    guard b > a, b - a <= 3 else { return false }
    return (a..<b).allSatisfy {
      text.tokens[$0].hash == H.or || text.tokens[$0].hash == H.and || Self.connectors.contains(text.tokens[$0].hash)
    }
  }

  /// Whether a defining verb follows a quoted term: `means`, `shall mean`, `refers to`,
  /// `has the meaning`, `is defined as`, after an optional `)` and one extra word (`"Source" form`).
  /// A colon defines too when the term opens its sentence (`"Term": …`).
  func definingVerb(after j: Int, sentenceStart: Bool) -> Bool {
    var k = j
    if k < n, text.isPunct(k, UInt8(ascii: ")")) { k += 1 }
    guard k < n else { return false }
    if text.isPunct(k, UInt8(ascii: ":")) {
      if sentenceStart { return true }
      k += 1
    } else if text.isPunct(k, UInt8(ascii: ",")) {
      k += 1
    }
    if verb(at: k) { return true }
    // One extra word: `"Source" form shall mean`.
    if k < n, text.tokens[k].kind == .word, text.startsLower(k) || text.startsUpper(k), verb(at: k + 1) { return true }
    return false
  }

  func verb(at k: Int) -> Bool {
    guard k < n, text.tokens[k].kind == .word else { return false }
    let h = text.tokens[k].hash
    if h == H.means { return true }
    if Self.refer.contains(h) { return k + 1 < n && text.is(k + 1, Self.to) }
    if Self.verbsAfterModal.contains(h), k + 1 < n {
      let h2 = text.tokens[k + 1].hash
      if h2 == H.mean || h2 == H.means { return true }
      if Self.refer.contains(h2) { return k + 2 < n && text.is(k + 2, Self.to) }
      if h2 == Self.defined { return true }
      if Self.has.contains(h2), k + 3 < n, text.is(k + 2, Self.the), text.is(k + 3, Self.meaning) { return true }
    }
    if Self.has.contains(h), k + 2 < n, text.is(k + 1, Self.the), text.is(k + 2, Self.meaning) { return true }
    return false
  }

  /// `(the "Software")`, `(collectively, the "Services")`, `("Hosted Service")`, `hereinafter "Licensor"`.
  func isParenthetical(open: Int, close: Int) -> Bool {
    var k = open - 1
    var steps = 0
    var naming = false
    while k >= 0, steps < 6, Self.parenPrefixes.contains(text.tokens[k].hash) {
      if Self.naming.contains(text.tokens[k].hash) { naming = true }
      k -= 1
      steps += 1
    }
    if naming { return true }
    guard k >= 0, text.isPunct(k, UInt8(ascii: "(")) else { return false }
    return close + 1 < n && text.isPunct(close + 1, UInt8(ascii: ")"))
  }

  /// `Licensor means …` or `Licensor: means …` at the start of a paragraph or list item.
  func glossaryEntries() -> [Found] {
    var out: [Found] = []
    for (s, sentence) in sentences.enumerated() where hard[s] {
      let a = firstContent(s)
      let end = sentence.tokenRange.upperBound
      guard a < end, text.tokens[a].kind == .word, text.startsUpper(a), !text.isWord(a, in: Self.notTerms) else {
        continue
      }
      var k = a
      var words = 0
      while k < end, words < 5 {
        if text.tokens[k].kind == .word, text.startsUpper(k) {
          words += 1
          k += 1
        } else if text.isPunct(k, UInt8(ascii: "-")), k + 1 < end, text.touchesNext(k) {
          k += 1
        } else {
          break
        }
      }
      guard k > a, k < end else { continue }
      var v = k
      if text.isPunct(v, UInt8(ascii: ":")) { v += 1 }
      guard verb(at: v) else { continue }
      out.append(Found(termRange: a..<k, kind: .leading, sentence: s, start: a))
    }
    return out
  }
}
