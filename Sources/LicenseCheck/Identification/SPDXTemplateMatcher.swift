/// Decides whether a text matches an SPDX licence template under the SPDX matching guidelines.
///
/// ```swift
/// let matcher = SPDXTemplateMatcher(template: info.template)
/// if matcher.matches(TokenizedText(text)) { … }   // report method "template"
/// ```
///
/// The template is compiled once into a small program over normalised words, run as a
/// Pike VM (all alternatives in step, no backtracking blow-up):
/// - words compare by normal form: case, whitespace, quotes, dashes and varietal spellings
///   (guidelines 3, 4, 5.3, 5.4, 8) are folded by the tokenizer; `©`, `(c)` and `copyright`
///   compare equal (9); `http` and `https` (13) too;
/// - punctuation is not compared (a simplification of guideline 5: only words, numbers and
///   URLs are);
/// - `<optional>` and `<titleText>` may be absent (2.5, 11); `<copyrightText>` may be absent
///   or replaced by any notice lines (10); `<bullet>` is ignored, and list markers in either
///   text or template are skipped (7); copyright notice lines in the text are dropped (10);
/// - `<alt match>` is matched with ``TemplateRegex`` against the text from where the
///   previous word ended (2.4).
///
/// The whole text must be consumed: extra text is not a match (2.3), except what the
/// template marks optional.
public struct SPDXTemplateMatcher: Sendable {
  enum Op: Sendable {
    /// Match one word (by hash).
    case word(UInt64)
    /// Continue at both targets.
    case split(Int, Int)
    /// Continue at the target.
    case jump(Int)
    /// Match the regular expression of `alts[n]`.
    case alt(Int)
    /// Consume one or more whole lines of the text (a replacement copyright notice).
    case anyLines
    /// Success when at the end of the text.
    case done
  }

  let program: [Op]
  let alts: [TemplateRegex?]

  static let copyrightHash = wordHash("copyright")
  static let cHash = wordHash("c")

  /// Compiles a template.
  ///
  /// - Complexity: O(template size).
  public init(template: [TemplateNode]) {
    var c = Compiler()
    c.emit(template)
    c.program.append(.done)
    program = c.program
    alts = c.alts
  }

  /// Whether the text matches the template.
  ///
  /// - Complexity: O(words × program size) in the worst case; typically linear in the words.
  public func matches(_ text: TokenizedText) -> Bool {
    run(MatchText(text)).matched
  }

  /// Runs the program; also says how far into the text (in words) any thread got, for diagnostics.
  func run(_ t: MatchText) -> (matched: Bool, furthest: Int, maxPC: Int) {
    // The furthest program point any thread reached, and at which word: where matching broke down.
    var maxPC = (pc: 0, at: 0)
    let n = t.words.count
    // Threads waiting at each word position.
    var pending: [Int: Set<Int>] = [0: [0]]
    var p = 0
    while p <= n {
      guard var work = pending.removeValue(forKey: p).map(Array.init) else {
        guard let next = pending.keys.min() else { return (false, maxPC.at, maxPC.pc) }
        p = next
        continue
      }
      var seen = Set(work)
      var advance: Set<Int> = []
      func add(_ pc: Int) { if seen.insert(pc).inserted { work.append(pc) } }
      func later(_ pos: Int, _ pc: Int) {
        if pos == p { add(pc) } else { pending[pos, default: []].insert(pc) }
      }
      while let pc = work.popLast() {
        if pc > maxPC.pc { maxPC = (pc, p) }
        switch program[pc] {
        case .word(let h):
          if p < n, t.words[p] == h { advance.insert(pc + 1) }
        case .split(let a, let b):
          add(a)
          add(b)
        case .jump(let a):
          add(a)
        case .alt(let k):
          guard let re = alts[k] else {
            // An alt whose pattern is outside the dialect matches its original wording, or anything short.
            for j in p...min(n, p + 8) { later(j, pc + 1) }
            continue
          }
          for j in t.altEnds(re, at: p) { later(j, pc + 1) }
        case .anyLines:
          // One or more whole lines, then again (loop back) or on.
          guard p < n else { continue }
          var j = p
          let line = t.lines[p]
          while j < n, t.lines[j] == line { j += 1 }
          later(j, pc + 1)
          later(j, pc)
        case .done:
          if p == n { return (true, n, pc) }
        }
      }
      // A list marker in the text that the template does not have is skipped (guideline 7), and
      // so is a copyright notice line (guideline 10).
      if p < n, t.markers[p] { advance.formUnion(seen) }
      if let j = t.copyrightSkip[p] { pending[j, default: []].formUnion(seen) }
      if p == n { return (false, maxPC.at, maxPC.pc) }
      if !advance.isEmpty { pending[p + 1, default: []].formUnion(advance) }
      p += 1
    }
    return (false, maxPC.at, maxPC.pc)
  }

  /// Builds the program.
  struct Compiler {
    var program: [Op] = []
    var alts: [TemplateRegex?] = []
    var altSources: [String] = []

    mutating func emit(_ nodes: [TemplateNode]) {
      for node in nodes { emit(node) }
    }

    mutating func emit(_ node: TemplateNode) {
      switch node {
      case .text(let s):
        emitWords(s)
      case .optional(let inner), .title(let inner), .standardHeader(let inner):
        optional { $0.emit(inner) }
      case .copyright(let inner):
        // Absent, as written, or any other notice lines.
        let split = program.count
        program.append(.split(split + 1, -1))
        emit(inner)
        let jumpOut = program.count
        program.append(.jump(-1))
        program[split] = .split(split + 1, program.count)
        let other = program.count
        program.append(.split(other + 1, -1))
        program.append(.anyLines)
        program[other] = .split(other + 1, program.count)
        program[jumpOut] = .jump(program.count)
      case .alt(_, let match, _):
        // Adjacent alts become one pattern: the first may end inside a word the second
        // continues ("name" + "s \"Apache\""), which word positions cannot express.
        if case .alt(let k)? = program.last, k == alts.count - 1 {
          altSources[k] = "(" + altSources[k] + ") ?(" + match + ")"
          alts[k] = TemplateRegex(altSources[k])
        } else {
          altSources.append(match)
          alts.append(TemplateRegex(match))
          program.append(.alt(alts.count - 1))
        }
      case .bullet(let b):
        // A list marker may be absent or different in the text: its words are optional.
        optional { c in for w in MatchText.words(of: TokenizedText(b)) { c.program.append(.word(w.hash)) } }
      case .paragraphBreak:
        break
      }
    }

    /// `split(body, after) body`.
    mutating func optional(_ body: (inout Compiler) -> Void) {
      let split = program.count
      program.append(.split(split + 1, -1))
      body(&self)
      program[split] = .split(split + 1, program.count)
    }

    /// Literal words; list markers among them (`1.`, `(a)`, `iv)`) are optional.
    mutating func emitWords(_ s: String) {
      let t = TokenizedText(s)
      for w in MatchText.words(of: t) {
        if SPDXTemplateMatcher.isMarker(t, w.token) {
          optional { $0.program.append(.word(w.hash)) }
        } else {
          program.append(.word(w.hash))
        }
      }
    }
  }

  /// Whether token `k` looks like a list marker: a short number, one letter or a small roman
  /// numeral, followed by `.` or `)`.
  static func isMarker(_ t: TokenizedText, _ k: Int) -> Bool {
    let tok = t.tokens[k]
    let len = tok.normEnd - tok.normStart
    let short: Bool
    switch tok.kind {
    case .number: short = len <= 5
    case .word: short = len == 1 || FingerprintWords.romans.contains(tok.hash)
    default: short = false
    }
    guard short, k + 1 < t.tokens.count, t.tokens[k + 1].kind == .punctuation else { return false }
    let p = t.normalizedSlice(t.tokens[k + 1])
    return p.elementsEqual(".".utf8) || p.elementsEqual(")".utf8)
  }
}

/// A text prepared for template matching: its words, which of them may be skipped (list
/// markers, copyright notice lines), and a folded scalar view of the whole text for `<alt>`s.
struct MatchText {
  /// Word hashes, with `c` (from `(c)`) folded into `copyright`.
  let words: [UInt64]
  /// The line of each word.
  let lines: [Int32]
  /// Whether each word is a list marker (`a` of `(a)`, `2` of `2.`).
  let markers: [Bool]
  /// For a word starting a copyright notice line, the word index after that line.
  let copyrightSkip: [Int: Int]
  /// Folded scalars of the text, whitespace runs collapsed to one space.
  let scalars: [UInt32]
  /// For each word, where it starts and ends in ``scalars``.
  let wordStart: [Int]
  let wordEnd: [Int]

  static func canonical(_ h: UInt64) -> UInt64 {
    h == SPDXTemplateMatcher.cHash ? SPDXTemplateMatcher.copyrightHash : h
  }

  /// A word for matching: its hash, token, and byte span (a URL gives one word per path segment).
  struct Word {
    let hash: UInt64
    let token: Int
    let start: Int
    let end: Int
  }

  /// The words of a text: word-like tokens, with URLs split into their alphanumeric runs
  /// (scheme and `www.` dropped, so a template can put an `<alt>` inside a URL) and numbers
  /// split at commas.
  static func words(of text: TokenizedText) -> [Word] {
    var out: [Word] = []
    let b = text.bytes
    func isAlnum(_ c: UInt8) -> Bool {
      (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c >= 0x80
    }
    /// Emits the maximal runs of `b[lo..<hi]` made of bytes satisfying `keep`.
    func runs(_ k: Int, _ lo: Int, _ hi: Int, _ keep: (UInt8) -> Bool) {
      var i = lo
      while i < hi {
        guard keep(b[i]) else {
          i += 1
          continue
        }
        var j = i
        while j < hi, keep(b[j]) { j += 1 }
        let h = fnv1a64(b[i..<j].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        out.append(Word(hash: canonical(h), token: k, start: i, end: j))
        i = j
      }
    }
    for (k, t) in text.tokens.enumerated() where t.isWordLike {
      let start = Int(t.start)
      let end = Int(t.end)
      switch t.kind {
      case .url:
        var i = start
        func skip(_ prefix: String) {
          let p = Array(prefix.utf8)
          if end - i >= p.count, zip(b[i..<i + p.count], p).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) {
            i += p.count
          }
        }
        skip("https://")
        skip("http://")
        skip("www.")
        runs(k, i, end, isAlnum)
      case .number where b[start..<end].contains(UInt8(ascii: ",")):
        // "19,1999" and "19, 1999" compare equal; so do "1,000" and "1, 000" (both sides split).
        runs(k, start, end) { $0 != UInt8(ascii: ",") }
      default:
        out.append(Word(hash: canonical(t.hash), token: k, start: start, end: end))
      }
    }
    return out
  }

  init(_ text: TokenizedText) {
    let tokens = text.tokens
    let ws = MatchText.words(of: text)
    var wordOfToken = [Int](repeating: -1, count: tokens.count + 1)
    for (n, w) in ws.enumerated() where wordOfToken[w.token] < 0 { wordOfToken[w.token] = n }
    words = ws.map(\.hash)
    lines = ws.map { tokens[$0.token].line }
    // Markers: `(a)`, `2.` anywhere; a bare section number (`3.1`, `1.10.1`) starting a line.
    markers = ws.enumerated().map { n, w in
      if SPDXTemplateMatcher.isMarker(text, w.token) { return true }
      let first = w.token == 0 || tokens[w.token - 1].line != tokens[w.token].line
      return first && tokens[w.token].kind == .number && (n + 1 < ws.count && ws[n + 1].token != w.token)
    }
    // Copyright lines: found from each line's first token.
    var skip: [Int: Int] = [:]
    var lastLine: Int32 = -1
    for (k, t) in tokens.enumerated() where t.line != lastLine {
      lastLine = t.line
      guard let end = FingerprintWords.copyrightLineEnd(text, at: k) else { continue }
      var first = k
      while first < end, wordOfToken[first] < 0 { first += 1 }
      var after = end
      while after < tokens.count, wordOfToken[after] < 0 { after += 1 }
      if first < end { skip[wordOfToken[first]] = after < tokens.count ? wordOfToken[after] : ws.count }
    }
    copyrightSkip = skip
    // Scalars with byte offsets, so token byte spans map to scalar indexes.
    var scalars: [UInt32] = []
    var scalarAtByte = [Int](repeating: 0, count: text.bytes.count + 1)
    var byte = 0
    var lastSpace = true
    for s in text.text.unicodeScalars {
      let len = UTF8.width(s)
      let f = TemplateRegex.fold(s.value)
      let isSpace = f == 0x20 || f == 0x0A
      for k in 0..<len { scalarAtByte[byte + k] = scalars.count }
      if isSpace {
        if !lastSpace { scalars.append(0x20) }
      } else {
        scalars.append(f)
      }
      lastSpace = isSpace
      byte += len
    }
    scalarAtByte[text.bytes.count] = scalars.count
    self.scalars = scalars
    wordStart = ws.map { scalarAtByte[$0.start] }
    wordEnd = ws.map { scalarAtByte[$0.end] }
  }

  /// Word positions where an alt starting at word `p` can end.
  func altEnds(_ re: TemplateRegex, at p: Int) -> [Int] {
    let n = words.count
    // The alt may begin right after the previous word (taking punctuation) or at word p.
    var from = p == 0 ? 0 : wordEnd[p - 1]
    let to = p < n ? wordStart[p] : scalars.count
    if from < scalars.count, scalars[from] == 0x20, from < to { from += 1 }
    var ends: Set<Int> = []
    for s in from...max(from, to) { ends.formUnion(re.ends(in: scalars, from: s)) }
    var out: Set<Int> = []
    for e in ends {
      // First word starting at or after e; e must not fall inside a word.
      var lo = p
      var hi = n
      while lo < hi {
        let mid = (lo + hi) / 2
        if wordStart[mid] < e { lo = mid + 1 } else { hi = mid }
      }
      if lo > 0, lo - 1 >= p, wordEnd[lo - 1] > e { continue }
      out.insert(lo)
    }
    return Array(out)
  }
}
