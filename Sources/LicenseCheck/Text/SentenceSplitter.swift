/// The token pass: splits at real sentence ends, paragraph breaks and the line starts the
/// line pass marked.
struct SentenceSplitter {
  let text: TokenizedText
  let flags: [UInt8]

  /// Words after which a period never ends a sentence.
  static let abbreviations = TextLexicon.set([
    "eg", "ie", "cf", "vs", "viz", "al", "approx", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "sec", "secs",
    "art", "para", "paras", "fig", "figs", "vol", "pp", "ch", "incl", "esp", "resp", "dept", "est", "govt",
  ])
  /// Company suffixes: a period after them ends a sentence only before a capitalised word.
  static let companies = TextLexicon.set([
    "inc", "ltd", "pte", "pty", "corp", "kk", "srl", "spa", "oy", "ab", "nv", "co", "llc", "plc", "gmbh", "bv", "sa",
    "ag", "lp", "llp",
  ])
  /// Words that go on a sentence after a company suffix, never start one.
  static let afterCompany = TextLexicon.set([
    "may", "shall", "must", "will", "not", "is", "are", "be", "should", "can", "cannot", "and", "or", "nor",
  ])
  static let all = wordHash("all")
  static let rights = wordHash("rights")
  static let numberAbbreviations = TextLexicon.set(["no", "nos", "nr"])
  /// The longest sentence, in tokens; far above any real one (the longest in ../shared/corpus is 2,293 tokens, a list).
  static let maxTokens = 4_000

  /// Sentences, and whether each began at a hard break (paragraph, list item, marker, heading)
  /// rather than after a period.
  func split() -> (sentences: [Sentence], hard: [Bool]) {
    var sentences: [Sentence] = []
    var hard: [Bool] = []
    let tokens = text.tokens
    let n = tokens.count
    var start = 0
    var startHard = true
    func emit(_ end: Int) {
      guard end > start else { return }
      sentences.append(
        Sentence(span: Span(start: Int(tokens[start].start), end: Int(tokens[end - 1].end)), tokenRange: start..<end))
      hard.append(startHard)
      start = end
    }
    var i = 0
    // The loop reads the tokens and flags through their buffers (`flags` has one entry per token):
    // it runs over every token of every text, and the bounds and overflow checks were half of it.
    tokens.withUnsafeBufferPointer { tb in
      flags.withUnsafeBufferPointer { fb in
        while i < n {
          // A run with no terminator (hostile or broken input) is cut: rules look across a whole
          // sentence, so unbounded sentences made extraction super-linear.
          if i &- start >= Self.maxTokens {
            emit(i)
            startHard = false
          }
          if i > start, fb[i] & TokenFlag.breakBefore != 0 || tb[i].line &- tb[i &- 1].line > 1 {
            emit(i)
            startHard = true
          }
          if fb[i] & TokenFlag.breakAfter != 0 {
            emit(i &+ 1)
            startHard = true
            i &+= 1
            continue
          }
          if tb[i].kind == .punctuation, let e = sentenceEnd(at: i) {
            emit(e)
            startHard = e < n && (fb[e] & TokenFlag.breakBefore != 0 || tb[e].line &- tb[e &- 1].line > 1)
            i = e
            continue
          }
          i &+= 1
        }
      }
    }
    emit(n)
    return (sentences, hard)
  }

  /// If the punctuation at `i` ends a sentence, the index just past it and any closing quotes
  /// or brackets that touch it.
  func sentenceEnd(at i: Int) -> Int? {
    let dot = text.isPunct(i, UInt8(ascii: "."))
    guard dot || text.isPunct(i, UInt8(ascii: "?")) || text.isPunct(i, UInt8(ascii: "!")) else { return nil }
    if flags[i] & TokenFlag.marker != 0 { return nil }
    let n = text.tokens.count
    var e = i + 1
    while e < n, text.touchesNext(e - 1),
      text.isPunct(e, UInt8(ascii: "\"")) || text.isPunct(e, UInt8(ascii: "'")) || text.isPunct(e, UInt8(ascii: ")"))
        || text.isPunct(e, UInt8(ascii: "]"))
    {
      e += 1
    }
    if e == n { return e }
    // `e.g`, `ai.google.dev`, `...`: no space after the period.
    if e == i + 1, text.touchesNext(i) { return nil }
    if text.startsLower(e) { return nil }
    for c in ",;:".utf8 where text.isPunct(e, c) { return nil }
    if !dot { return e }
    if i > 0, text.touchesNext(i - 1), text.tokens[i - 1].kind == .word {
      let p = i - 1
      // Initials and dotted abbreviations: `U.S.`, `i.e.`, `John A. Smith`.
      if text.length(p) == 1 { return nil }
      if text.isWord(p, in: Self.abbreviations) { return nil }
      if text.isWord(p, in: Self.numberAbbreviations), text.tokens[e].kind == .number { return nil }
      if text.isWord(p, in: Self.companies) {
        // `Example, Inc. (the "Company")`, `Example, Inc. All rights reserved.`
        if text.isPunct(e, UInt8(ascii: "(")) { return nil }
        // `THE NAME OF EXAMPLE INC. MAY NOT BE USED`: in capitals the next word's capital says nothing,
        // and no sentence starts with a modal or "not".
        if text.isWord(e, in: Self.afterCompany) { return nil }
        // `Orbitcraft Pte. Ltd.`, `Kanade Co. Ltd.`: a second suffix continues the name.
        if text.tokens[e].kind == .word, text.isWord(e, in: Self.companies) { return nil }
        if text.is(e, Self.all), e + 1 < text.tokens.count, text.is(e + 1, Self.rights) { return nil }
      }
    }
    return e
  }
}
