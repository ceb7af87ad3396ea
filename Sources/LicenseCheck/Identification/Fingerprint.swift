/// The derived, non-reversible form of a licence text that identification compares.
///
/// A fingerprint keeps no words: only a 64-bit hash of the whole normalised word
/// sequence (for exact matches), the word count, and a multiset of 32-bit hashes of
/// word trigrams. Both the index tool and the matcher build fingerprints with this one
/// type, so a text and the index are always normalised the same way.
///
/// Normalisation follows the SPDX matching guidelines where they make texts equal:
/// case, whitespace, punctuation (dropped: only words, numbers and URLs count),
/// varietal spellings (folded by the tokenizer), bullets and list numbering
/// (guideline 7), copyright notices (guideline 10) and, for the exact hash only, the
/// title (guideline 11).
public struct Fingerprint: Sendable, Equatable {
  /// The word n-gram length. Three words are short enough to survive small edits and
  /// long enough that common word pairs do not make every licence look alike.
  public static let ngramLength = 3

  /// FNV-1a over the word hashes after the title block: equal for texts that the SPDX
  /// guidelines treat as the same apart from title, copyright and bullets.
  public let exactHash: UInt64
  /// FNV-1a over all the word hashes, title included: tells apart texts whose exact hashes
  /// agree only because their titles differ.
  public let fullHash: UInt64
  /// Words compared (after copyright lines and bullets are dropped).
  public let wordCount: Int
  /// Sorted distinct trigram hashes.
  public let ngrams: [UInt32]
  /// How often each hash in ``ngrams`` occurs.
  public let counts: [UInt32]

  /// Fingerprints a tokenised text.
  ///
  /// - Complexity: O(n log n) in the number of words (the trigram hashes are sorted).
  public init(_ text: TokenizedText) {
    self.init(words: FingerprintWords(text))
  }

  /// Fingerprints an already normalised word sequence.
  package init(words: FingerprintWords) {
    exactHash = Fingerprint.sequenceHash(words.hashes[words.bodyStart...])
    fullHash = Fingerprint.sequenceHash(words.hashes[...])
    wordCount = words.hashes.count
    var grams = Fingerprint.ngramHashes(words.hashes)
    Fingerprint.radixSort(&grams)
    var keys: [UInt32] = []
    var counts: [UInt32] = []
    keys.reserveCapacity(grams.count)
    counts.reserveCapacity(grams.count)
    for g in grams {
      if let last = keys.last, last == g {
        counts[counts.count - 1] += 1
      } else {
        keys.append(g)
        counts.append(1)
      }
    }
    ngrams = keys
    self.counts = counts
  }

  /// Sorts 32-bit hashes ascending: four byte-wise counting passes (LSD radix sort), linear in the
  /// count. The standard library's comparison sort was 3 % of the analysis; equal hashes are
  /// indistinguishable, so the result is the same array.
  static func radixSort(_ a: inout [UInt32]) {
    let n = a.count
    guard n > 64 else {
      a.sort()
      return
    }
    var tmp = [UInt32](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: 4 * 256)
    a.withUnsafeMutableBufferPointer { src in
      tmp.withUnsafeMutableBufferPointer { dst in
        counts.withUnsafeMutableBufferPointer { c in
          for v in src {
            c[Int(v & 0xFF)] += 1
            c[256 + Int((v >> 8) & 0xFF)] += 1
            c[512 + Int((v >> 16) & 0xFF)] += 1
            c[768 + Int(v >> 24)] += 1
          }
          var from = src
          var to = dst
          for pass in 0..<4 {
            let base = pass * 256
            let shift = UInt32(pass * 8)
            // A pass where every value has the same byte keeps the order: skip it.
            if c[base + Int((from[0] >> shift) & 0xFF)] == n { continue }
            var sum = 0
            for b in 0..<256 {
              let k = c[base + b]
              c[base + b] = sum
              sum += k
            }
            for v in from {
              let b = base + Int((v >> shift) & 0xFF)
              to[c[b]] = v
              c[b] += 1
            }
            swap(&from, &to)
          }
          // An odd number of passes leaves the result in the scratch buffer.
          if from.baseAddress != src.baseAddress {
            src.baseAddress!.update(from: from.baseAddress!, count: n)
          }
        }
      }
    }
  }

  /// FNV-1a over 64-bit word hashes.
  static func sequenceHash(_ words: ArraySlice<UInt64>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for w in words {
      h ^= w
      h &*= 0x0000_0100_0000_01b3
    }
    return h
  }

  /// The trigram hashes of a word-hash sequence, in text order.
  package static func ngramHashes(_ words: [UInt64]) -> [UInt32] {
    let n = ngramLength
    guard words.count >= n else {
      // A text shorter than one n-gram still gets one hash, so tiny texts are comparable.
      return words.isEmpty ? [] : [combine(words + Array(repeating: 0, count: n - words.count), 0)]
    }
    // Written in place on the buffers (an append per trigram was most of this function).
    let count = words.count - n + 1
    var out = [UInt32](repeating: 0, count: count)
    out.withUnsafeMutableBufferPointer { o in
      words.withUnsafeBufferPointer { w in
        for i in 0..<count {
          var x = w[i]
          x = mix(x ^ (w[i + 1] &+ 0x9E37_79B9_7F4A_7C15))
          x = mix(x ^ (w[i + 2] &+ 0xBF58_476D_1CE4_E5B9))
          o[i] = UInt32(truncatingIfNeeded: x >> 32)
        }
      }
    }
    return out
  }

  /// Mixes three word hashes into 32 bits, order-sensitively (splitmix64 finaliser).
  @inline(__always) static func combine(_ w: [UInt64], _ i: Int) -> UInt32 {
    var x = w[i]
    x = mix(x ^ (w[i + 1] &+ 0x9E37_79B9_7F4A_7C15))
    x = mix(x ^ (w[i + 2] &+ 0xBF58_476D_1CE4_E5B9))
    return UInt32(truncatingIfNeeded: x >> 32)
  }

  @inline(__always) static func mix(_ v: UInt64) -> UInt64 {
    var z = v &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The normalised word sequence of a text: word-like tokens minus copyright lines and bullets.
package struct FingerprintWords: Sendable {
  /// Normalised word hashes (``Token/hash``), in text order.
  package var hashes: [UInt64] = []
  /// For each word, the index of its token in the text.
  package var tokenIndexes: [Int32] = []
  /// Index into ``hashes`` where the title block ends.
  package var bodyStart = 0

  static let copyrightWord = wordHash("copyright")
  static let cWord = wordHash("c")
  static let yearWords: Set<UInt64> = [wordHash("year"), wordHash("yyyy"), wordHash("years")]
  static let rightsReserved = [wordHash("all"), wordHash("rights"), wordHash("reserved")]
  static let romans: Set<UInt64> = Set(
    ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"].map(wordHash))

  /// Normalises a tokenised text.
  ///
  /// - Complexity: O(n) in the number of tokens.
  package init(_ text: TokenizedText) {
    let tokens = text.tokens
    let norm = text.normalizedBytes
    hashes.reserveCapacity(tokens.count)
    tokenIndexes.reserveCapacity(tokens.count)
    // Paragraph bookkeeping for the title block: words per paragraph and whether it ends a sentence.
    var paragraphEnds: [(words: Int, sentence: Bool)] = []
    var paraWords = 0
    var paraSentence = false
    var lastLine: Int32 = -1
    var i = 0
    let n = tokens.count
    func punct(_ k: Int) -> UInt8? {
      guard k < n, tokens[k].kind == .punctuation, tokens[k].normEnd - tokens[k].normStart == 1 else { return nil }
      return norm[Int(tokens[k].normStart)]
    }
    while i < n {
      let t = tokens[i]
      if t.line != lastLine {
        // A new line: paragraph break when at least one line was skipped.
        if lastLine >= 0, t.line > lastLine + 1, paraWords > 0 {
          paragraphEnds.append((paraWords, paraSentence))
          paraWords = 0
        }
        lastLine = t.line
        // Copyright notice lines go entirely (guideline 10).
        if let end = Self.copyrightLineEnd(text, at: i) {
          i = end
          continue
        }
        // A list item marker at the start of a line goes (guideline 7).
        if let next = bulletEnd(text, at: i, punct: punct) {
          i = next
          continue
        }
      }
      if t.isWordLike {
        hashes.append(t.hash)
        tokenIndexes.append(Int32(i))
        paraWords += 1
        paraSentence = false
      } else if let p = punct(i) {
        if p == UInt8(ascii: ".") || p == UInt8(ascii: ":") || p == UInt8(ascii: ";") { paraSentence = true }
      }
      i += 1
    }
    if paraWords > 0 { paragraphEnds.append((paraWords, paraSentence)) }
    // Title block: up to three leading short paragraphs that do not end like a sentence.
    var start = 0
    for (k, p) in paragraphEnds.enumerated() {
      guard k < 3, p.words <= 12, !p.sentence, start + p.words < hashes.count else { break }
      start += p.words
    }
    bodyStart = start
  }

  /// The token index after a copyright notice line starting at `i`, or nil when the line is not one.
  static func copyrightLineEnd(_ text: TokenizedText, at i: Int) -> Int? {
    let tokens = text.tokens
    let n = tokens.count
    func punct(_ k: Int, _ s: String) -> Bool {
      k < n && tokens[k].kind == .punctuation && text.normalizedSlice(tokens[k]).elementsEqual(s.utf8)
    }
    var k = i
    if tokens[k].kind == .word, tokens[k].hash == Self.copyrightWord {
      k += 1
      guard k < n, tokens[k].line == tokens[i].line else { return nil }
      // "Copyright (c) 2020", "Copyright 2020", "Copyright © …", "Copyright <year>", "Copyright [yyyy]".
      let next = tokens[k]
      let ok =
        next.kind == .number || punct(k, "©") || punct(k, "<") || punct(k, "[")
        || (punct(k, "(") && k + 1 < n && tokens[k + 1].hash == Self.cWord)
        || (next.kind == .word && (next.hash == Self.cWord || Self.yearWords.contains(next.hash)))
      guard ok else { return nil }
    } else if punct(k, "©") {
      k += 1
    } else if punct(k, "("), k + 2 < n, tokens[k + 1].hash == Self.cWord, punct(k + 2, ")") {
      k += 3
      guard k < n, tokens[k].line == tokens[i].line, tokens[k].kind == .number else { return nil }
    } else if tokens[k].hash == Self.rightsReserved[0], k + 2 < n, tokens[k + 1].hash == Self.rightsReserved[1],
      tokens[k + 2].hash == Self.rightsReserved[2]
    {
      k += 3
    } else {
      return nil
    }
    let line = tokens[i].line
    var end = k
    while end < n, tokens[end].line == line { end += 1 }
    // The notice ends with its line, or earlier at a full stop followed by a capitalised word
    // (a text flattened to one line: "Copyright 2020 Foo. Permission is …"); "All rights
    // reserved." belongs to the notice.
    while k < end {
      if punct(k, "."), k + 1 < end, tokens[k + 1].kind == .word,
        let f = text.bytes[Int(tokens[k + 1].start)...].first, f >= 0x41, f <= 0x5A
      {
        let r = Self.rightsReserved
        if k + 3 < end, tokens[k + 1].hash == r[0], tokens[k + 2].hash == r[1], tokens[k + 3].hash == r[2] {
          k += 4
          continue
        }
        return k + 1
      }
      k += 1
    }
    return end
  }

  /// The token index after a list marker (`1.`, `(a)`, `iv)`, `2.1.`) starting a line, or nil.
  private func bulletEnd(_ text: TokenizedText, at i: Int, punct: (Int) -> UInt8?) -> Int? {
    let tokens = text.tokens
    let n = tokens.count
    var k = i
    let open = punct(k) == UInt8(ascii: "(")
    if open { k += 1 }
    guard k < n, tokens[k].line == tokens[i].line else { return nil }
    let t = tokens[k]
    let len = t.normEnd - t.normStart
    let bulletLike: Bool
    switch t.kind {
    case .number: bulletLike = len <= 5
    case .word: bulletLike = len == 1 || Self.romans.contains(t.hash)
    default: bulletLike = false
    }
    guard bulletLike, let close = punct(k + 1) else { return nil }
    if close == UInt8(ascii: ")") { return k + 2 }
    if close == UInt8(ascii: "."), !open {
      // "a." followed by a word on the same line; "1." likewise.
      guard k + 2 < n, tokens[k + 2].line == t.line else { return nil }
      return k + 2
    }
    return nil
  }
}
