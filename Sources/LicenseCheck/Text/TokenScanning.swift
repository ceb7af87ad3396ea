/// Small word lists compared by hash, so scanners test a token against a list without
/// building a string for it.
enum TextLexicon {
  /// The hashes of some normal forms.
  static func set(_ words: [String]) -> Set<UInt64> { Set(words.map(wordHash)) }

  /// Short words a title may keep in lowercase ("Grant of Rights", "Terms and Conditions").
  static let titleSmallWords = set([
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
    "under", "upon", "via", "per", "nor", "but", "its", "vs", "&", "s",
  ])

  static let months = set([
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  ])
}

/// Byte-level questions about tokens, answered without allocating.
extension TokenizedText {
  /// Whether token `i` is the one-byte punctuation `c` (after folding curly quotes and dashes).
  @inline(__always) func isPunct(_ i: Int, _ c: UInt8) -> Bool {
    let t = tokens[i]
    return t.kind == .punctuation && t.normEnd - t.normStart == 1 && normalizedBytes[Int(t.normStart)] == c
  }

  /// Whether token `i` is a word whose normal form is in `set`.
  @inline(__always) func isWord(_ i: Int, in set: Set<UInt64>) -> Bool {
    tokens[i].kind == .word && set.contains(tokens[i].hash)
  }

  /// Whether token `i` has the normal form with this hash (see ``wordHash(_:)``).
  @inline(__always) func `is`(_ i: Int, _ hash: UInt64) -> Bool { tokens[i].hash == hash }

  /// The first raw byte of token `i`.
  @inline(__always) func firstByte(_ i: Int) -> UInt8 { bytes[Int(tokens[i].start)] }

  /// Whether token `i` starts with an ASCII capital.
  @inline(__always) func startsUpper(_ i: Int) -> Bool {
    let b = firstByte(i)
    return b >= 0x41 && b <= 0x5A
  }

  /// Whether token `i` starts with an ASCII lowercase letter.
  @inline(__always) func startsLower(_ i: Int) -> Bool {
    let b = firstByte(i)
    return b >= 0x61 && b <= 0x7A
  }

  /// Whether token `i` has at least one letter and no ASCII lowercase letter.
  func isAllCaps(_ i: Int) -> Bool {
    let t = tokens[i]
    var letter = false
    for k in Int(t.start)..<Int(t.end) {
      let b = bytes[k]
      if b >= 0x61 && b <= 0x7A { return false }
      if b >= 0x41 && b <= 0x5A { letter = true }
    }
    return letter
  }

  /// Whether tokens `a` and `a + 1` touch (no whitespace between).
  @inline(__always) func touchesNext(_ a: Int) -> Bool {
    a + 1 < tokens.count && tokens[a].end == tokens[a + 1].start
  }

  /// The byte length of token `i`.
  @inline(__always) func length(_ i: Int) -> Int { Int(tokens[i].end - tokens[i].start) }

  /// The span from the start of token `a` to the end of token `b` (inclusive).
  @inline(__always) func span(_ a: Int, _ b: Int) -> Span {
    Span(start: Int(tokens[a].start), end: Int(tokens[b].end))
  }
}

/// Hashes of the normal forms scanners look for, computed once.
enum H {
  static let dot = wordHash(".")
  static let means = wordHash("means")
  static let mean = wordHash("mean")
  static let or = wordHash("or")
  static let and = wordHash("and")
  static let bullet = wordHash("•")
}
