#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A plain text and its tokens.
///
/// ```swift
/// let t = TokenizedText("Licensed under the Apache License, Version 2.0")
/// t.raw(t.tokens[0])         // "Licensed"
/// t.normalized(t.tokens[3])  // "apache"
/// ```
public struct TokenizedText: Sendable, Equatable {
  /// The plain text.
  public let text: String
  /// Its UTF-8 bytes (what every offset indexes).
  public let bytes: [UInt8]
  /// Tokens in text order.
  public let tokens: [Token]
  /// Normal forms of all tokens, back to back; each token holds its range.
  public let normalizedBytes: [UInt8]
  /// Byte offset of the start of each line; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// The comment leaders the tokens skip (see ``CommentLeaders``); empty unless asked for.
  public let commentLeaders: [Range<Int>]

  /// Tokenises a text.
  ///
  /// - Complexity: O(n) in the text's UTF-8 length.
  public init(_ text: String) {
    self.init(text, skippingCommentLeaders: false)
  }

  /// Tokenises a text, optionally reading it as if pasted out of a source comment.
  ///
  /// - Parameter skippingCommentLeaders: read a licence pasted from a source comment as the plain
  ///   licence: the `#`, `//` and C-block `*` at line starts make no tokens (clause extraction asks
  ///   for it; identification matches reference texts as written).
  /// - Complexity: O(n) in the text's UTF-8 length.
  public init(_ text: String, skippingCommentLeaders: Bool) {
    self.text = text
    let bytes = Array(text.utf8)
    self.bytes = bytes
    let skips = skippingCommentLeaders ? CommentLeaders.ranges(bytes) : []
    commentLeaders = skips
    var t = Tokenizer(bytes: bytes, skips: skips)
    t.run()
    tokens = t.tokens
    normalizedBytes = t.norm
    lineStarts = t.lineStarts
  }

  /// The token's text exactly as written.
  public func raw(_ token: Token) -> Substring {
    let u = text.utf8
    let lo = u.index(u.startIndex, offsetBy: Int(token.start))
    let hi = u.index(lo, offsetBy: Int(token.end - token.start))
    return text[lo..<hi]
  }

  /// The token's normal form (lowercase, equivalent spellings unified, quotes and dashes folded).
  public func normalized(_ token: Token) -> String {
    String(decoding: normalizedBytes[Int(token.normStart)..<Int(token.normEnd)], as: UTF8.self)
  }

  /// The normal form's bytes, without allocating a string.
  public func normalizedSlice(_ token: Token) -> ArraySlice<UInt8> {
    normalizedBytes[Int(token.normStart)..<Int(token.normEnd)]
  }

  /// The text between two byte offsets.
  public func slice(_ span: Span) -> String {
    String(decoding: bytes[span.start..<span.end], as: UTF8.self)
  }

  /// The text between two byte offsets with the skipped comment leaders as spaces (for values
  /// quoted from the text, such as a notice or a place, that may run over several lines).
  public func sliceWithoutLeaders(_ span: Span) -> String {
    guard !commentLeaders.isEmpty else { return slice(span) }
    var out = Array(bytes[span.start..<span.end])
    for r in commentLeaders where r.upperBound > span.start && r.lowerBound < span.end {
      for k in Swift.max(r.lowerBound, span.start)..<Swift.min(r.upperBound, span.end) { out[k - span.start] = 0x20 }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The 1-based line holding a byte offset.
  ///
  /// - Complexity: O(log lines).
  public func line(ofOffset offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo + 1
  }
}

/// The scanner behind ``TokenizedText``: one pass over the bytes.
///
/// It reads the text through an unchecked pointer and writes tokens and normal forms into
/// ``GrowingBuffer``s, copied into exact-size arrays at the end: this runs over every byte of every
/// input, and an `Array` append in the loop paid a uniqueness and a capacity check per word and per
/// byte (about 350 instructions per word in all, now about a third of that).
struct Tokenizer {
  let bytes: [UInt8]
  var tokens: [Token] = []
  var norm: [UInt8] = []
  var lineStarts: [Int] = [0]

  /// Byte ranges that make no tokens (comment leaders), in order.
  let skips: [Range<Int>]

  init(bytes: [UInt8], skips: [Range<Int>] = []) {
    self.bytes = bytes
    self.skips = skips
  }

  mutating func run() {
    let skips = skips
    let (t, n, l) = bytes.withUnsafeBufferPointer { src -> ([Token], [UInt8], [Int]) in
      var scan = TokenScan(src: src)
      defer { scan.free() }
      scan.run(skips: skips)
      return (scan.tokens.array(), scan.norm.array(), scan.lineStarts)
    }
    tokens = t
    norm = n
    lineStarts = l
  }

  enum ScalarClass {
    case space
    case punct(String)
    case letter
  }

  static func classify(_ s: UInt32) -> ScalarClass {
    switch s {
    case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x85, 0x2028, 0x2029: return .space
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0xB4: return .punct("'")
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0xAB, 0xBB, 0x301D, 0x301E: return .punct("\"")
    case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0xAD: return .punct("-")
    case 0x2022, 0x2023, 0x25AA, 0x25CF, 0x25E6, 0x2043, 0x2219, 0xB7: return .punct("•")
    case 0xA9: return .punct("©")
    case 0x2026: return .punct("...")
    case 0x80...0xBF, 0x2016...0x2017, 0x2020...0x2021, 0x2024...0x2025, 0x2027, 0x2030...0x205E,
      0x20A0...0x20CF, 0x2100...0x214F, 0x2190...0x2BFF, 0x3001...0x3003, 0x3008...0x3011, 0xFF01...0xFF0F,
      0xFF1A...0xFF20:
      return .punct(String(UnicodeScalar(s).map(Character.init) ?? "?"))
    default: return .letter
    }
  }
}

/// A growable buffer of plain values (no references): appends check only the capacity. The owner
/// copies it out with ``array()`` and releases it with ``free()``.
struct GrowingBuffer<Element> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = Swift.max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  @inline(__always) mutating func append(_ x: Element) {
    if count == capacity { grow(count + 1) }
    (base + count).initialize(to: x)
    count += 1
  }

  /// Room for `k` more elements: the address where they go (``commit(_:)`` counts them in).
  @inline(__always) mutating func reserve(_ k: Int) -> UnsafeMutablePointer<Element> {
    if count + k > capacity { grow(count + k) }
    return base + count
  }

  @inline(__always) mutating func commit(_ k: Int) { count += k }

  /// Drops the elements from `c` on (plain values need no deinitialisation).
  @inline(__always) mutating func truncate(to c: Int) { count = c }

  @inline(never) private mutating func grow(_ needed: Int) {
    var c = capacity * 2
    while c < needed { c *= 2 }
    let b = UnsafeMutablePointer<Element>.allocate(capacity: c)
    b.moveInitialize(from: base, count: count)
    base.deallocate()
    base = b
    capacity = c
  }

  func array() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

  func free() { base.deallocate() }
}

/// The tokeniser's pass over one text (see ``Tokenizer``).
private struct TokenScan {
  let p: UnsafePointer<UInt8>
  let n: Int
  var tokens: GrowingBuffer<Token>
  var norm: GrowingBuffer<UInt8>
  var lineStarts: [Int] = [0]
  var line: Int32 = 1
  /// Held here so that the word loop does not pass a lazy global's check per word.
  let equivalents = Equivalents.hashed

  init(src: UnsafeBufferPointer<UInt8>) {
    // An empty array's buffer may have no address; nothing is read from it then.
    p = src.baseAddress ?? UnsafePointer(bitPattern: 1)!
    n = src.count
    tokens = GrowingBuffer(capacity: src.count / 5)
    norm = GrowingBuffer(capacity: src.count + 16)
  }

  func free() {
    tokens.free()
    norm.free()
  }

  @inline(__always) func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
  @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

  mutating func run(skips: [Range<Int>]) {
    // Comment leaders (`#`, `//`, the `*` column of a C comment block) are layout, not words: the
    // same licence pasted from a source file must read like the plain one.
    var nextSkip = 0
    var skipStart = skips.isEmpty ? Int.max : skips[0].lowerBound
    var i = 0
    while i < n {
      if i >= skipStart {
        if i < skips[nextSkip].upperBound { i = skips[nextSkip].upperBound }
        nextSkip += 1
        skipStart = nextSkip < skips.count ? skips[nextSkip].lowerBound : Int.max
        continue
      }
      let b = p[i]
      if b == 0x0A {
        line += 1
        lineStarts.append(i + 1)
        i += 1
        continue
      }
      if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B {
        i += 1
        continue
      }
      if b < 0x80 {
        if isAlpha(b) {
          // A URL's first letters are followed by `:` (`http:`, `https:`), a dot (`www.`, a bare
          // domain), a hyphen or a digit (a bare domain): `urlEnd` finds none after any other word, so
          // those skip it and keep the letters walked here.
          // The letters are lowercased into the normal forms and hashed while their end is found
          // (one pass); they count only once the word is known to be a plain ASCII one.
          let normStart = norm.count
          let d = norm.reserve(n &- i)
          var h: UInt64 = 0xcbf2_9ce4_8422_2325
          var f = i
          repeat {
            var c = p[f]
            if c &- 0x41 < 26 { c |= 0x20 }
            d[f &- i] = c
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01b3
            f &+= 1
          } while f < n && isAlpha(p[f])
          let maybeURL =
            f < n && ((p[f] == 0x3A && b | 0x20 == 0x68) || p[f] == 0x2E || p[f] == 0x2D || isDigit(p[f]))
          if maybeURL, let end = urlEnd(at: i) {
            emitURL(i, end)
            i = end
          } else if f < n && (isDigit(p[f]) || p[f] >= 0x80) {
            // Digits or a non-ASCII character follow: the general path walks the word again.
            i = word(at: i, from: f)
          } else {
            // What `word(at:from:)` does for a word of ASCII letters only.
            commitWord(start: i, end: f, normStart: normStart, hash: h)
            i = f
          }
        } else if isDigit(b) {
          i = number(at: i)
        } else {
          // One byte of punctuation: its normal form is that byte (a backquote reads as a quote).
          let c: UInt8 = b == 0x60 ? 0x27 : b
          let normStart = norm.count
          norm.append(c)
          let h = (0xcbf2_9ce4_8422_2325 ^ UInt64(c)) &* 0x0000_0100_0000_01b3
          tokens.append(
            Token(
              kind: .punctuation, start: Int32(i), end: Int32(i + 1), line: line, normStart: Int32(normStart),
              normEnd: Int32(normStart + 1), hash: h))
          i += 1
        }
        continue
      }
      // Non-ASCII: decode one scalar and classify it.
      let (scalar, len) = decodeScalar(at: i)
      switch Tokenizer.classify(scalar) {
      case .space:
        i += len
      case .punct(let folded):
        let normStart = norm.count
        for c in folded.utf8 { norm.append(c) }
        push(.punctuation, i, i + len, normStart)
        i += len
      case .letter:
        i = word(at: i, from: i)
      }
    }
  }

  func decodeScalar(at i: Int) -> (UInt32, Int) {
    let b = p[i]
    if b & 0xE0 == 0xC0, i + 1 < n { return (UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
    if b & 0xF0 == 0xE0, i + 2 < n {
      return (UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
    }
    if b & 0xF8 == 0xF0, i + 3 < n {
      return (
        UInt32(b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
          | UInt32(p[i + 3] & 0x3F), 4
      )
    }
    return (0xFFFD, 1)
  }

  /// Emits the word starting at `start`, whose bytes before `from` are already known to be letters.
  /// Letters and digits; a non-ASCII letter continues a word.
  mutating func word(at start: Int, from: Int) -> Int {
    var i = from
    while i < n {
      let b = p[i]
      if b < 0x80 {
        if isAlpha(b) || isDigit(b) {
          i += 1
          continue
        }
        break
      }
      let (s, len) = decodeScalar(at: i)
      if case .letter = Tokenizer.classify(s) {
        i += len
        continue
      }
      break
    }
    // Lowercase and hash in one pass; the hash also finds a varietal spelling (what
    // `Equivalents.canonicalise` would hash again) and is the token's hash unless one is found.
    let len = i - start
    let normStart = norm.count
    let d = norm.reserve(len)
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    // (Wrapping index arithmetic: `start + len` is an offset into the text, so it cannot overflow,
    // and an overflow check per byte was a sixth of this loop.)
    let src = p + start
    for k in 0..<len {
      var b = src[k]
      if b &- 0x41 < 26 { b |= 0x20 }
      d[k] = b
      h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
    }
    commitWord(start: start, end: i, normStart: normStart, hash: h)
    return i
  }

  /// Keeps a word whose lowercased bytes were written at `normStart` and hashed into `hash`: its
  /// varietal spelling replaces them when there is one, then the token is appended.
  @inline(__always) mutating func commitWord(start: Int, end: Int, normStart: Int, hash: UInt64) {
    let len = end &- start
    var h = hash
    norm.commit(len)
    if len >= 4, len <= 16, let canon = equivalents.canonical(h) {
      norm.truncate(to: normStart)
      for c in canon { norm.append(c) }
      h = fnv1a64(canon)
    }
    tokens.append(
      Token(
        kind: .word, start: Int32(start), end: Int32(end), line: line, normStart: Int32(normStart),
        normEnd: Int32(norm.count), hash: h))
  }

  /// Digits with inner separators: `1,000,000`, `2.0`, `3.1.4`.
  mutating func number(at start: Int) -> Int {
    var i = start
    while i < n {
      let b = p[i]
      if isDigit(b) {
        i += 1
      } else if b == 0x2C || b == 0x2E, i + 1 < n, isDigit(p[i + 1]), i > start {
        i += 1
      } else {
        break
      }
    }
    // A number glued to letters ("1M", "3B", "2nd") stays one token so quantities see it whole.
    if i < n, isAlpha(p[i]) {
      var j = i
      while j < n, isAlpha(p[j]) || isDigit(p[j]) { j += 1 }
      if j - i <= 3 { i = j }
    }
    let normStart = norm.count
    appendLowercased(start, i)
    push(.number, start, i, normStart)
    return i
  }

  /// Appends the bytes `a..<b` to the normal forms with ASCII capitals lowercased.
  @inline(__always) mutating func appendLowercased(_ a: Int, _ b: Int) {
    let d = norm.reserve(b - a)
    for k in 0..<(b - a) {
      let c = p[a + k]
      d[k] = c &- 0x41 < 26 ? c | 0x20 : c
    }
    norm.commit(b - a)
  }

  /// Whether the bytes at `i` (before `limit`) are `s`, exactly.
  func bytesAt(_ i: Int, _ limit: Int, equal s: StaticString) -> Bool {
    let len = s.utf8CodeUnitCount
    guard i + len <= limit else { return false }
    return s.withUTF8Buffer { buf in
      for k in 0..<len where p[i + k] != buf[k] { return false }
      return true
    }
  }

  /// A URL starting here (`http://`, `https://`, `www.`), ending before whitespace or closing markup.
  /// `ai.google.dev/gemma/terms`: a dotted host ending in letters, then a slash. Abbreviations such as
  /// "e.g." or "U.S." have no slash after them, so they stay words.
  func bareDomainWithPath(at i: Int) -> Bool {
    // Most words are letters followed by a space or punctuation: no dot can follow, so no domain.
    var f = i
    while f < n, isAlpha(p[f]) { f += 1 }
    guard f < n, p[f] == 0x2E || p[f] == 0x2D || isDigit(p[f]) else { return false }
    var e = i
    var dots = 0
    var lastLabelLetters = 0
    while e < n {
      let b = p[e]
      if isAlpha(b) {
        lastLabelLetters += 1
      } else if isDigit(b) || b == 0x2D {
        lastLabelLetters = 0
      } else if b == 0x2E {
        guard lastLabelLetters > 0 || e > i else { return false }
        dots += 1
        lastLabelLetters = 0
      } else {
        break
      }
      e += 1
      if e - i > 253 { return false }
    }
    return dots >= 1 && lastLabelLetters >= 2 && e < n && p[e] == 0x2F && e + 1 < n && p[e + 1] != 0x2F
  }

  func urlEnd(at i: Int) -> Int? {
    /// The scheme, compared without case.
    func has(_ s: StaticString) -> Bool {
      let len = s.utf8CodeUnitCount
      guard i + len <= n else { return false }
      return s.withUTF8Buffer { buf in
        for k in 0..<len where p[i + k] | (buf[k] >= 0x41 ? 0x20 : 0) != buf[k] { return false }
        return true
      }
    }
    // The schemes are tried only for words starting with h or w (most words start none of them).
    let first = p[i] | 0x20
    guard
      (first == 0x68 && (has("http://") || has("https://"))) || (first == 0x77 && has("www."))
        || bareDomainWithPath(at: i)
    else { return nil }
    var e = i
    while e < n {
      let b = p[e]
      if b <= 0x20 || b == 0x22 || b == 0x3C || b == 0x3E || b == 0x29 || b == 0x5D || b == 0x7D || b >= 0x80 {
        break
      }
      e += 1
    }
    // Trailing sentence punctuation is not part of the address.
    while e > i {
      switch p[e - 1] {
      case 0x2E, 0x2C, 0x3B, 0x3A, 0x27, 0x21, 0x3F: e -= 1
      default: return e > i + 4 ? e : nil
      }
    }
    return e > i + 4 ? e : nil
  }

  mutating func emitURL(_ start: Int, _ end: Int) {
    var s = start
    // http and https are equivalent (SPDX guideline); the normal form drops the scheme and "www.".
    if bytesAt(s, end, equal: "https://") {
      s += 8
    } else if bytesAt(s, end, equal: "http://") {
      s += 7
    }
    if bytesAt(s, end, equal: "www.") { s += 4 }
    let normStart = norm.count
    var e = end
    while e > s, p[e - 1] == 0x2F { e -= 1 }
    if e > s { appendLowercased(s, e) }
    push(.url, start, end, normStart)
  }

  mutating func push(_ kind: TokenKind, _ start: Int, _ end: Int, _ normStart: Int) {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    let b = norm.base
    for k in normStart..<norm.count { h = (h ^ UInt64(b[k])) &* 0x0000_0100_0000_01b3 }
    tokens.append(
      Token(
        kind: kind, start: Int32(start), end: Int32(end), line: line, normStart: Int32(normStart),
        normEnd: Int32(norm.count), hash: h))
  }
}

/// Comment leaders at line starts: the byte ranges the tokeniser skips.
///
/// `#` (1–6, a Markdown heading in a `.txt` or a shell comment) and `//` before a space always are;
/// a `*` only in a C comment block, a run of three or more lines that start with it and that has a
/// line of `*` and `/` only or sentences wrapping from one line to the next, since a plain `* item`
/// list keeps its bullets. A box comment's closing `*` at the end of a line goes too.
enum CommentLeaders {
  static func ranges(_ b: [UInt8]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    // The current run of `*` lines: their skip ranges, whether one is bare, wrapped sentences.
    var run: [Range<Int>] = []
    var runLines = 0
    var bare = false
    var wraps = 0
    var prevOpen = false
    var prevLong = false
    func flush() {
      if runLines >= 3, bare || wraps >= 2 { out += run }
      run = []
      runLines = 0
      bare = false
      wraps = 0
      prevOpen = false
      prevLong = false
    }
    @inline(__always) func space(_ x: UInt8) -> Bool { x == 0x20 || x == 0x09 }
    let n = b.count
    var ls = 0
    while ls < n {
      // Most lines start with neither `#`, `/` nor `*`: they only end a run, and their end is found
      // by `memchr` rather than byte by byte.
      var f = ls
      while f < n, space(b[f]) { f += 1 }
      if f >= n || (b[f] != UInt8(ascii: "#") && b[f] != UInt8(ascii: "/") && b[f] != UInt8(ascii: "*")) {
        if runLines > 0 || !run.isEmpty || prevOpen || prevLong || bare || wraps > 0 { flush() }
        ls = lineEnd(b, from: f) + 1
        continue
      }
      var le = ls
      while le < n, b[le] != 0x0A { le += 1 }
      var e = le
      while e > ls, space(b[e - 1]) || b[e - 1] == 0x0D { e -= 1 }
      var s = ls
      while s < e, space(b[s]) { s += 1 }
      var star = false
      if s < e, b[s] == UInt8(ascii: "#") {
        var h = s
        while h < e, b[h] == UInt8(ascii: "#") { h += 1 }
        if h - s <= 6, h == e || space(b[h]) { out.append(s..<h) }
      } else if s + 1 < e, b[s] == UInt8(ascii: "/"), b[s + 1] == UInt8(ascii: "/") {
        var h = s
        while h < e, b[h] == UInt8(ascii: "/") { h += 1 }
        if h == e || space(b[h]) { out.append(s..<h) }
      } else if s < e,
        b[s] == UInt8(ascii: "*") || (b[s] == UInt8(ascii: "/") && s + 1 < e && b[s + 1] == UInt8(ascii: "*"))
      {
        var h = s
        while h < e, b[h] == UInt8(ascii: "*") || b[h] == UInt8(ascii: "/") { h += 1 }
        if h == e {
          // `/*`, ` *`, `*/`, `/*****`: a comment line with no words.
          star = true
          bare = true
          run.append(s..<e)
          prevOpen = false
          prevLong = false
        } else if space(b[h]), h - s == 1 || b[s] == UInt8(ascii: "/") {
          star = true
          run.append(s..<h)
          var c = h
          while c < e, space(b[c]) { c += 1 }
          // The sentence goes on from the previous line: it starts in lowercase after a line with no
          // stop, or (in capitals) after a long line with no stop.
          if prevOpen, c < e, (b[c] >= 0x61 && b[c] <= 0x7A) || (prevLong && b[c] >= 0x41 && b[c] <= 0x5A) {
            wraps += 1
          }
          // A box comment's right edge (` *`) or a closing `*/`.
          var t = e
          while t > c, b[t - 1] == UInt8(ascii: "*") || b[t - 1] == UInt8(ascii: "/") { t -= 1 }
          if t < e, t > c, space(b[t - 1]), b[t..<e].contains(UInt8(ascii: "*")) {
            run.append(t..<e)
            e = t
            while e > c, space(b[e - 1]) { e -= 1 }
          }
          let last = b[e - 1]
          prevOpen = !(last == UInt8(ascii: ".") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":"))
          prevLong = e - c >= 50
        }
      }
      if star {
        runLines += 1
      } else {
        flush()
      }
      ls = le + 1
    }
    flush()
    return out.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// The offset of the first line feed at or after `from`, or `b.count`.
  private static func lineEnd(_ b: [UInt8], from: Int) -> Int {
    guard from < b.count else { return b.count }
    return b.withUnsafeBufferPointer { buf in
      guard let base = buf.baseAddress, let hit = memchr(base + from, 0x0A, buf.count - from) else { return buf.count }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }
  }
}
