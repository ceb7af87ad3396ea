/// One sentence seen as a sequence of words (punctuation dropped), for phrase matching.
///
/// A final class rather than a struct: every rule walks every view, and copying a struct that holds
/// the whole ``TokenizedText`` (five reference-counted buffers) per visit dominated extraction time.
/// All properties are immutable, so sharing a view is indistinguishable from copying it.
final class SentenceView {
  /// Index of the sentence in ``TextStructure/sentences``.
  let index: Int
  /// Token indexes of the sentence's words.
  let wordTokens: [Int]
  /// Normal-form hashes of those words (`n't` folded to `not`).
  let hashes: [UInt64]
  /// The sentence's byte span.
  let span: Span
  let text: TokenizedText
  /// Which first-word filter bits (see ``PhraseSet/firstWordFilter``) the sentence's words set:
  /// a phrase set whose filter shares no bit with it cannot match anywhere in the sentence.
  private let wordBits: PhraseSet.Bits
  /// First bytes of the sentence's words' normal forms, as a 256-bit set (for prefix phrases).
  private let byteBits: (UInt64, UInt64, UInt64, UInt64)
  /// The catalogue matcher and what it found here, computed at the first question about a
  /// catalogued set (see ``SentenceMatcher``): words `0..<matcher.setWords` are a bitset of the
  /// slots of the sets with a match somewhere in the sentence (bit `s` of word `s >> 6`), then one
  /// word per match, in position order: `position << 40 | phrase << 16 | key` (the phrase id and
  /// its ``SentenceMatcher/phraseKey``). One buffer, so a sentence's matches cost one allocation.
  /// Written once, by the first question (a view is used by one thread), so not access-checked; a
  /// plain allocation the view frees, not an array, so that a question reads it without retaining
  /// and releasing it (a million and a half questions over the SPDX texts).
  private let matcher: SentenceMatcher
  @exclusivity(unchecked) private var hitBase: UnsafeMutablePointer<UInt64>? = nil
  @exclusivity(unchecked) private var hitCount = 0

  deinit { hitBase?.deallocate() }

  init(index: Int, sentence: Sentence, text: TokenizedText) {
    self.index = index
    self.text = text
    self.span = sentence.span
    self.matcher = PhraseCatalogue.matcher
    // One pass over the sentence's tokens, on the buffers (this runs for every sentence of every
    // text); the arrays are sized for the whole range so they never grow.
    let range = sentence.tokenRange
    var idx: [Int] = []
    var hs: [UInt64] = []
    idx.reserveCapacity(range.count)
    hs.reserveCapacity(range.count)
    var bits = PhraseSet.Bits()
    var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    let tHash = Lexicon.tHash
    let notHash = Lexicon.notHash
    let apostrophe = Lexicon.apostropheHash
    let curlyApostrophe = Lexicon.curlyApostropheHash
    text.tokens.withUnsafeBufferPointer { toks in
      text.normalizedBytes.withUnsafeBufferPointer { norm in
        for i in range {
          let t = toks[i]
          guard t.isWordLike else { continue }
          var h = t.hash
          // "don't", "can't": the tokeniser splits at the apostrophe; fold the "t" to "not".
          if h == tHash, i > 0, toks[i - 1].kind == .punctuation,
            toks[i - 1].hash == apostrophe || toks[i - 1].hash == curlyApostrophe
          {
            h = notHash
          }
          idx.append(i)
          hs.append(h)
          bits.insert(h)
          let b = t.normEnd > t.normStart ? norm[Int(t.normStart)] : 0
          let bit: UInt64 = 1 << UInt64(b & 63)
          switch b >> 6 {
          case 0: bytes.0 |= bit
          case 1: bytes.1 |= bit
          case 2: bytes.2 |= bit
          default: bytes.3 |= bit
          }
        }
      }
    }
    wordTokens = idx
    hashes = hs
    wordBits = bits
    byteBits = bytes
  }

  /// Whether some phrase of the set may match somewhere in the sentence (no false negatives).
  @inline(__always) func mayContain(_ set: PhraseSet) -> Bool {
    if set.firstWords.intersects(wordBits) { return true }
    guard !set.others.isEmpty else { return false }
    let p = set.prefixFirstBytes
    return (p.0 & byteBits.0) | (p.1 & byteBits.1) | (p.2 & byteBits.2) | (p.3 & byteBits.3) != 0
  }

  var count: Int { hashes.count }

  /// Whether the phrase matches at word position `at`.
  func matches(_ phrase: Phrase, at: Int) -> Bool {
    guard at + phrase.count <= hashes.count else { return false }
    if let words = phrase.words {
      // Plain words only (most phrases): compare hashes without looking at the pieces.
      return hashes.withUnsafeBufferPointer { h in
        words.withUnsafeBufferPointer { w in
          for k in 0..<w.count where h[at + k] != w[k] { return false }
          return true
        }
      }
    }
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

  /// Runs the catalogue matcher over the sentence once: every word looked up in the table of first
  /// words (and, for longer phrases, of first word pairs), the phrases starting there checked, and
  /// each match recorded; then the sets holding the matched phrases. Works on local copies only
  /// (a class's stored `var`s are access-checked at run time on every use).
  private func scan() -> (UnsafeMutablePointer<UInt64>, Int) {
    let m = matcher
    let h = hashes
    let n = h.count
    let toks = text.tokens
    let norm = text.normalizedBytes
    let wt = wordTokens
    let setWords = m.setWords
    // The set bits first (filled in at the end), then the matches.
    // Room for a match per word: few sentences have more, so the buffer rarely grows.
    var out = GrowingBuffer<UInt64>(capacity: setWords + n + 16)
    for _ in 0..<setWords { out.append(0) }
    let trieNext = m.trieNext
    let trieSymbol = m.trieSymbol
    let trieWidth = m.trieWidth
    // (Appended in place below: a nested function capturing `out` would put it in a box with
    // dynamic exclusivity checks on every append.)
    let key = m.phraseKey
    /// Whether the normal form of word `i` starts with the prefix of piece `k`.
    @inline(__always) func prefixAt(_ i: Int, _ k: Int) -> Bool {
      let t = toks[wt[i]]
      let s = Int(t.normStart)
      let ps = Int(m.prefixStart[k])
      let pe = Int(m.prefixEnd[k])
      guard Int(t.normEnd) - s >= pe - ps else { return false }
      var j = 0
      while ps + j < pe {
        if norm[s + j] != m.prefixBytes[ps + j] { return false }
        j += 1
      }
      return true
    }
    /// Whether phrase `id` fits at `p` and its pieces from `from` on match.
    @inline(__always) func rest(_ id: Int, _ p: Int, _ from: Int) -> Bool {
      let a = Int(m.pieceStart[id])
      let b = Int(m.pieceStart[id + 1])
      guard p + (b - a) <= n else { return false }
      var k = a + from
      var i = p + from
      while k < b {
        switch m.pieceKind[k] {
        case 0: if h[i] != m.pieceHash[k] { return false }
        case 1: if !prefixAt(i, k) { return false }
        default: break
        }
        k += 1
        i += 1
      }
      return true
    }
    // The word loop on buffer pointers: the trie walk runs over most bytes of most words, and
    // bounds checks were a third of it.
    h.withUnsafeBufferPointer { hb in
      toks.withUnsafeBufferPointer { tb in
        wt.withUnsafeBufferPointer { wb in
          norm.withUnsafeBufferPointer { nb in
            trieNext.withUnsafeBufferPointer { tn in
              trieSymbol.withUnsafeBufferPointer { ts in
                m.trieLead.withUnsafeBufferPointer { tl in
                  for p in 0..<n {
                    let w = hb[p]
                    let e = m.firstIndex(w)
                    if e >= 0 {
                      for k in Int(m.singleFrom[e])..<Int(m.singleTo[e]) {
                        out.append(UInt64(p) << 40 | UInt64(m.lists[k]) << 16 | key[Int(m.lists[k])])
                      }
                      if m.hasPairs[e], p + 1 < n, let r = m.pairRange(w, hb[p + 1]) {
                        for k in r where rest(Int(m.lists[k]), p, 2) {
                          out.append(UInt64(p) << 40 | UInt64(m.lists[k]) << 16 | key[Int(m.lists[k])])
                        }
                      }
                      for k in Int(m.otherFrom[e])..<Int(m.otherTo[e]) where rest(Int(m.lists[k]), p, 1) {
                        out.append(UInt64(p) << 40 | UInt64(m.lists[k]) << 16 | key[Int(m.lists[k])])
                      }
                    }
                    // Prefix phrases: one walk down the trie of lead prefixes over the word's
                    // normal form, shortest prefix first. (The order of matches at one position
                    // does not matter: a question takes the largest key of its set's matches.)
                    let t = tb[wb[p]]
                    var node: Int32 = 0
                    var j = Int(t.normStart)
                    let wordEnd = Int(t.normEnd)
                    while j < wordEnd {
                      node = tn[Int(node) &* trieWidth &+ Int(ts[Int(nb[j])])]
                      if node < 0 { break }
                      let l = Int(tl[Int(node)])
                      if l >= 0 {
                        for k in Int(m.leadFrom[l])..<Int(m.leadTo[l]) where rest(Int(m.lists[k]), p, 1) {
                          out.append(UInt64(p) << 40 | UInt64(m.lists[k]) << 16 | key[Int(m.lists[k])])
                        }
                      }
                      j += 1
                    }
                    for id in m.anyFirst where rest(Int(id), p, 1) {
                      out.append(UInt64(p) << 40 | UInt64(id) << 16 | key[Int(id)])
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    m.memberStart.withUnsafeBufferPointer { start in
      m.memberSlots.withUnsafeBufferPointer { slots in
        let o = out.base
        for i in setWords..<out.count {
          let id = Int((o[i] >> 16) & 0xFF_FFFF)
          for k in Int(start[id])..<Int(start[id + 1]) {
            let s = Int(slots[k])
            o[s >> 6] |= 1 << UInt64(s & 63)
          }
        }
      }
    }
    // The view keeps the buffer (and frees it in `deinit`).
    return (out.base, out.count)
  }

  /// What the matcher found here (see ``hitBase``), computed at the first question.
  @inline(__always) private var hits: UnsafeBufferPointer<UInt64> {
    if hitBase == nil { storeScan() }
    return UnsafeBufferPointer(start: hitBase, count: hitCount)
  }

  @inline(never) private func storeScan() {
    (hitBase, hitCount) = scan()
  }

  /// Whether some phrase of the set in this slot matches somewhere in the sentence.
  @inline(__always) private func hit(_ slot: Int) -> Bool {
    hits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
  }

  /// `first` and `find` for a catalogued set: only positions where one of its phrases matched are
  /// looked at, and there the match a scan of the set would report is the one with the largest key
  /// that ends by `r.upperBound` (see ``SentenceMatcher/phraseKey``), so the words are not compared
  /// again. Returns the match at or after `from`, or nil.
  @inline(__always) private static func nextMatch(
    _ hw: UnsafeBufferPointer<UInt64>, _ members: UnsafeBufferPointer<UInt64>, setWords w: Int, slot: Int,
    from: inout Int, upper: Int, cursor k: inout Int
  ) -> Range<Int>? {
    let base = slot >> 6
    let bit: UInt64 = 1 << UInt64(slot & 63)
    while k < hw.count {
      let p = Int(truncatingIfNeeded: hw[k] >> 40)
      if p < from {
        k += 1
        continue
      }
      if p >= upper { return nil }
      var best = -1
      repeat {
        let e = hw[k]
        if members[Int(truncatingIfNeeded: (e >> 16) & 0xFF_FFFF) &* w &+ base] & bit != 0 {
          let key = Int(truncatingIfNeeded: e & 0xFFFF)
          if p + (key & 0x7FFF) <= upper, key > best { best = key }
        }
        k += 1
      } while k < hw.count && Int(truncatingIfNeeded: hw[k] >> 40) == p
      if best >= 0 {
        from = p + (best & 0x7FFF)
        return p..<from
      }
    }
    return nil
  }

  /// ``first(_:in:)`` for the catalogued set in a slot.
  private func firstInCatalogue(slot: Int, in r: Range<Int>) -> Range<Int>? {
    let hw = hits
    guard hw[slot >> 6] & (1 << UInt64(slot & 63)) != 0 else { return nil }
    let w = matcher.setWords
    return matcher.members.withUnsafeBufferPointer { members in
      var from = r.lowerBound
      var k = w
      return Self.nextMatch(hw, members, setWords: w, slot: slot, from: &from, upper: r.upperBound, cursor: &k)
    }
  }

  /// ``find(_:in:)`` for the catalogued set in a slot.
  private func findInCatalogue(slot: Int, in r: Range<Int>) -> [Range<Int>] {
    let hw = hits
    guard hw[slot >> 6] & (1 << UInt64(slot & 63)) != 0 else { return [] }
    let w = matcher.setWords
    return matcher.members.withUnsafeBufferPointer { members in
      var out: [Range<Int>] = []
      var from = r.lowerBound
      var k = w
      while let m = Self.nextMatch(hw, members, setWords: w, slot: slot, from: &from, upper: r.upperBound, cursor: &k) {
        out.append(m)
      }
      return out
    }
  }

  /// All non-overlapping matches of any phrase of the set, in order, as word ranges.
  func find(_ set: PhraseSet, in range: Range<Int>? = nil) -> [Range<Int>] {
    let r = range ?? 0..<hashes.count
    if let slot = matcher.slot(of: set) { return findInCatalogue(slot: slot, in: r) }
    return scanFind(set, in: r)
  }

  /// ``find(_:in:)`` by scanning every position (sets outside the catalogue; tests compare the two).
  func scanFind(_ set: PhraseSet, in r: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    guard mayContain(set) else { return out }
    var i = r.lowerBound
    outer: while i < r.upperBound {
      if set.mayStart(hashes[i]), let cands = set.candidates(hashes[i]) {
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
    if let slot = matcher.slot(of: set) { return firstInCatalogue(slot: slot, in: r) }
    return scanFirst(set, in: r)
  }

  /// ``first(_:in:)`` by scanning every position (sets outside the catalogue; tests compare the two).
  func scanFirst(_ set: PhraseSet, in r: Range<Int>) -> Range<Int>? {
    guard mayContain(set) else { return nil }
    let hasOthers = !set.others.isEmpty
    // One pass with the filters held in registers; the table and the phrases are consulted only
    // for words whose filter bit is set.
    let start: Int? = hashes.withUnsafeBufferPointer { h in
      set.firstWordFilter.withUnsafeBufferPointer { f in
        var i = r.lowerBound
        while i < r.upperBound {
          let w = h[i]
          if f[Int((w >> 6) & 15)] & (1 << (w & 63)) != 0, let cands = set.candidates(w) {
            for ph in cands where i + ph.count <= r.upperBound && matches(ph, at: i) { return i }
          }
          if hasOthers, set.mayStartPrefix(firstByte(i)) {
            for ph in set.others where i + ph.count <= r.upperBound && matches(ph, at: i) { return i }
          }
          i += 1
        }
        return nil
      }
    }
    guard let i = start else { return nil }
    // Re-find which phrase matched (the first that fits, as above) to report its length.
    if set.mayStart(hashes[i]), let cands = set.candidates(hashes[i]) {
      for ph in cands where i + ph.count <= r.upperBound && matches(ph, at: i) { return i..<(i + ph.count) }
    }
    for ph in set.others where i + ph.count <= r.upperBound && matches(ph, at: i) { return i..<(i + ph.count) }
    return nil
  }

  func has(_ set: PhraseSet) -> Bool {
    // A phrase of the set matching anywhere in the sentence is a match of the set there.
    if let slot = matcher.slot(of: set) { return hit(slot) }
    return scanFirst(set, in: 0..<hashes.count) != nil
  }

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

  /// Byte span of a word range; an empty range (a sentence of punctuation only has no words) is
  /// the empty span where it would start, so a rule that forgot to check gets "" instead of a trap.
  func byteSpan(_ r: Range<Int>) -> Span {
    guard !r.isEmpty, r.lowerBound >= 0, r.upperBound <= wordTokens.count else {
      let at =
        r.lowerBound >= 0 && r.lowerBound < wordTokens.count
        ? Int(text.tokens[wordTokens[r.lowerBound]].start) : span.end
      return Span(start: at, end: at)
    }
    let a = text.tokens[wordTokens[r.lowerBound]]
    let b = text.tokens[wordTokens[r.upperBound - 1]]
    return Span(start: Int(a.start), end: Int(b.end))
  }

  /// The raw text of a word range.
  func raw(_ r: Range<Int>) -> String { text.sliceWithoutLeaders(byteSpan(r)) }

  /// The normal form of the word at a position.
  func word(_ i: Int) -> String { text.normalized(text.tokens[wordTokens[i]]) }

  /// The hash of ``word(_:)`` at a position, without making the string: unlike ``hashes``, the `t`
  /// of `n't` is not folded to `not`. Rules compare it with a word's ``wordHash(_:)`` (or a
  /// ``WordSet``) where they compared the word (a `String` per word asked made a tenth of extraction).
  @inline(__always) func unfoldedHash(_ i: Int) -> UInt64 { text.tokens[wordTokens[i]].hash }

  /// The raw form of the word at a position.
  func rawWord(_ i: Int) -> Substring { text.raw(text.tokens[wordTokens[i]]) }

  /// Whether the word at a position starts with a capital letter (proper nouns, defined terms).
  func isCapitalised(_ i: Int) -> Bool {
    guard let f = text.bytes[Int(text.tokens[wordTokens[i]].start)...].first else { return false }
    return f >= 0x41 && f <= 0x5A
  }
}
