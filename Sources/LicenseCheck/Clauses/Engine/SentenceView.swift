/// One sentence seen as a sequence of words (punctuation dropped), for phrase matching.
struct SentenceView {
  /// Index of the sentence in ``TextStructure/sentences``.
  let index: Int
  /// Token indexes of the sentence's words.
  let wordTokens: [Int]
  /// Normal-form hashes of those words (`n't` folded to `not`).
  let hashes: [UInt64]
  /// The sentence's byte span.
  let span: Span
  let text: TokenizedText

  init(index: Int, sentence: Sentence, text: TokenizedText) {
    self.index = index
    self.text = text
    self.span = sentence.span
    var idx: [Int] = []
    var hs: [UInt64] = []
    idx.reserveCapacity(sentence.tokenRange.count)
    let toks = text.tokens
    for i in sentence.tokenRange {
      let t = toks[i]
      guard t.isWordLike else { continue }
      var h = t.hash
      // "don't", "can't": the tokeniser splits at the apostrophe; fold the "t" to "not".
      if h == Lexicon.tHash, i > 0, toks[i - 1].kind == .punctuation, toks[i - 1].hash == Lexicon.apostropheHash {
        h = Lexicon.notHash
      }
      idx.append(i)
      hs.append(h)
    }
    wordTokens = idx
    hashes = hs
  }

  var count: Int { hashes.count }

  /// Whether the phrase matches at word position `at`.
  func matches(_ phrase: Phrase, at: Int) -> Bool {
    guard at + phrase.count <= hashes.count else { return false }
    for (k, piece) in phrase.pieces.enumerated() {
      switch piece {
      case .word(let h): if hashes[at + k] != h { return false }
      case .any: continue
      case .prefix(let p):
        let slice = text.normalizedSlice(text.tokens[wordTokens[at + k]])
        if slice.count < p.count || !slice.starts(with: p) { return false }
      }
    }
    return true
  }

  /// All non-overlapping matches of any phrase of the set, in order, as word ranges.
  func find(_ set: PhraseSet, in range: Range<Int>? = nil) -> [Range<Int>] {
    let r = range ?? 0..<hashes.count
    var out: [Range<Int>] = []
    var i = r.lowerBound
    outer: while i < r.upperBound {
      if set.mayStart(hashes[i]), let cands = set.byFirst[hashes[i]] {
        for ph in cands where i + ph.count <= r.upperBound && matches(ph, at: i) {
          out.append(i..<(i + ph.count))
          i += ph.count
          continue outer
        }
      }
      if !set.others.isEmpty, set.mayStartPrefix(firstByte(i)) {
        for ph in set.others where i + ph.count <= r.upperBound && matches(ph, at: i) {
          out.append(i..<(i + ph.count))
          i += ph.count
          continue outer
        }
      }
      i += 1
    }
    return out
  }

  /// The first match, if any.
  func first(_ set: PhraseSet, in range: Range<Int>? = nil) -> Range<Int>? {
    let r = range ?? 0..<hashes.count
    var i = r.lowerBound
    while i < r.upperBound {
      if set.mayStart(hashes[i]), let cands = set.byFirst[hashes[i]] {
        for ph in cands where i + ph.count <= r.upperBound && matches(ph, at: i) { return i..<(i + ph.count) }
      }
      if !set.others.isEmpty, set.mayStartPrefix(firstByte(i)) {
        for ph in set.others where i + ph.count <= r.upperBound && matches(ph, at: i) { return i..<(i + ph.count) }
      }
      i += 1
    }
    return nil
  }

  func has(_ set: PhraseSet) -> Bool { first(set) != nil }

  /// The first byte of the normal form of the word at a position.
  @inline(__always) func firstByte(_ i: Int) -> UInt8 {
    let t = text.tokens[wordTokens[i]]
    return t.normEnd > t.normStart ? text.normalizedBytes[Int(t.normStart)] : 0
  }

  /// Whether a negation word stands within `window` words before `pos` (and after the previous clause break).
  func negated(before pos: Int, window: Int = 5) -> Bool {
    var k = pos - 1
    let stop = Swift.max(0, pos - window)
    while k >= stop {
      if Lexicon.negations.contains(hashes[k]) { return true }
      if Lexicon.clauseBreakers.contains(hashes[k]) { return false }
      k -= 1
    }
    return false
  }

  /// Byte span of a word range.
  func byteSpan(_ r: Range<Int>) -> Span {
    let a = text.tokens[wordTokens[r.lowerBound]]
    let b = text.tokens[wordTokens[r.upperBound - 1]]
    return Span(start: Int(a.start), end: Int(b.end))
  }

  /// The raw text of a word range.
  func raw(_ r: Range<Int>) -> String { text.slice(byteSpan(r)) }

  /// The normal form of the word at a position.
  func word(_ i: Int) -> String { text.normalized(text.tokens[wordTokens[i]]) }

  /// The raw form of the word at a position.
  func rawWord(_ i: Int) -> Substring { text.raw(text.tokens[wordTokens[i]]) }

  /// Whether the word at a position starts with a capital letter (proper nouns, defined terms).
  func isCapitalised(_ i: Int) -> Bool {
    guard let f = text.bytes[Int(text.tokens[wordTokens[i]].start)...].first else { return false }
    return f >= 0x41 && f <= 0x5A
  }
}
