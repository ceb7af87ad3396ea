/// Splits a tokenised text into sentences, numbered sections, headings and definitions.
///
/// ```swift
/// let text = TokenizedText(plain)
/// let structure = Segmenter.segment(text)
/// structure.definition(named: "Licensee")?.definitionSpan
/// ```
public enum Segmenter {
  /// The structure of a text.
  ///
  /// Three linear passes: lines (section markers, list items, headings), tokens (sentence
  /// ends) and quoted terms (definitions).
  ///
  /// - Complexity: O(n) in the number of tokens.
  public static func segment(_ text: TokenizedText) -> TextStructure {
    var lines = LinePass(text: text)
    lines.run()
    let split = SentenceSplitter(text: text, flags: lines.flags).split()
    let definitions = DefinitionFinder(
      text: text, sentences: split.sentences, hard: split.hard, flags: lines.flags
    ).find()
    return TextStructure(
      sentences: split.sentences, sections: lines.sections, headings: lines.headings, definitions: definitions)
  }
}

/// Per-token hints the line pass leaves for the sentence splitter.
enum TokenFlag {
  /// A sentence starts here (list item, section marker, heading).
  static let breakBefore: UInt8 = 1
  /// Part of a section marker: its `.` does not end a sentence.
  static let marker: UInt8 = 2
  /// A sentence ends after this token (end of a heading).
  static let breakAfter: UInt8 = 4
}

/// The kind of numbering a section marker uses; markers nest by kind.
enum MarkerKind: Equatable {
  case arabic
  case decimal
  case lowerLetter
  case upperLetter
  case lowerRoman
  case upperRoman
  /// `Section`, `Article`, `§` …: the keyword's hash, so `Section 1` can nest inside `Article I`.
  case keyword(UInt64)
}

/// One reading of a section marker (`i.` may be the ninth letter or roman one).
struct MarkerCandidate {
  var kind: MarkerKind
  /// `.`, `)`, `(`, or 0 for none; part of the style, so `a.` and `(a)` are different lists.
  var format: UInt8
  var ordinal: Int
  var number: String
  /// Number of components of a dotted number (`1.2.3` → 3).
  var depth: Int

  func sameStyle(_ o: MarkerCandidate) -> Bool {
    kind == o.kind && format == o.format && depth == o.depth
  }
}

/// A section marker found at the start of a line.
struct SectionMarker {
  var range: Range<Int>
  var candidates: [MarkerCandidate]
}

/// The line pass: section markers, list items and headings, one line at a time.
struct LinePass {
  let text: TokenizedText
  var flags: [UInt8]
  var sections: [Section] = []
  var headings: [Heading] = []

  struct Line {
    var first: Int
    var end: Int
    var indent: Int
  }

  struct Open {
    var cand: MarkerCandidate
    var indent: Int
    var path: String
    var level: Int
    var builder: Int
  }

  struct Building {
    var number: String
    var path: String
    var heading: String?
    var level: Int
    var start: Int
    var end: Int
    var markerSpan: Span
  }

  var stack: [Open] = []
  var building: [Building] = []

  init(text: TokenizedText) {
    self.text = text
    flags = [UInt8](repeating: 0, count: text.tokens.count)
  }

  static let keywords = TextLexicon.set([
    "section", "article", "part", "chapter", "clause", "schedule", "exhibit", "attachment", "appendix", "annex",
  ])
  /// Keywords of material appended to the terms: always top level.
  static let appendixKeywords = TextLexicon.set(["schedule", "exhibit", "attachment", "appendix", "annex"])
  static let section = wordHash("§")
  static let copyright = wordHash("copyright")
  /// List bullets; `.` is a bullet mangled by conversion (". work around …"), never a sentence end
  /// at a line start.
  static let bullets: Set<UInt64> = [
    wordHash("•"), wordHash("-"), wordHash("*"), wordHash("+"), wordHash("o"), wordHash("."),
  ]

  var tokens: [Token] { text.tokens }

  mutating func run() {
    let lines = collectLines()
    var prevWasMarker = false
    var prevWasHeading = false
    for (li, line) in lines.enumerated() {
      let blankBefore = li == 0 || tokens[line.first].line - tokens[lines[li - 1].end - 1].line > 1
      var t = line.first
      var bullet = false
      while t + 1 < line.end, text.tokens[t].kind == .punctuation || text.is(t, wordHash("o")),
        Self.bullets.contains(tokens[t].hash), !text.touchesNext(t)
      {
        // A bullet ends no sentence (a `.` bullet before a capital would).
        flags[t] |= TokenFlag.marker
        t += 1
        bullet = true
      }
      var isMarker = false
      var isHeading = false
      if let m = marker(at: t, end: line.end) {
        let prev = li > 0 ? lines[li - 1] : nil
        var allowed = blankBefore || prevWasMarker || prevWasHeading || bullet
        if !allowed, let prev {
          allowed = line.indent > prev.indent || endsClause(prev.end - 1) || continuesList(m, line: line, prev: prev)
        }
        if allowed {
          let prevColon = prev.map { text.isPunct($0.end - 1, UInt8(ascii: ":")) } ?? false
          openSection(m, line: line, prevEndsColon: prevColon)
          isMarker = true
        }
      }
      if !isMarker {
        if bullet {
          flags[line.first] |= TokenFlag.breakBefore
        } else if blankBefore, isStandaloneHeading(line, next: li + 1 < lines.count ? lines[li + 1] : nil) {
          let allCaps = isAllCaps(line.first, line.end)
          let level = allCaps || stack.isEmpty ? 1 : stack[stack.count - 1].level + 1
          headings.append(
            Heading(
              text: text.slice(text.span(line.first, line.end - 1)), span: text.span(line.first, line.end - 1),
              level: level))
          flags[line.first] |= TokenFlag.breakBefore
          flags[line.end - 1] |= TokenFlag.breakAfter
          isHeading = true
        }
      }
      prevWasMarker = isMarker
      prevWasHeading = isHeading
    }
    if let last = tokens.last {
      while let o = stack.popLast() { building[o.builder].end = Int(last.end) }
    }
    sections = building.map {
      Section(
        number: $0.number, path: $0.path, heading: $0.heading, level: $0.level,
        span: Span(start: $0.start, end: max($0.start, $0.end)), markerSpan: $0.markerSpan)
    }
  }

  func collectLines() -> [Line] {
    var lines: [Line] = []
    var i = 0
    let n = tokens.count
    while i < n {
      let line = tokens[i].line
      var j = i + 1
      while j < n, tokens[j].line == line { j += 1 }
      // Indentation in columns, a tab counting four.
      var indent = 0
      var k = text.lineStarts[Int(line) - 1]
      while k < Int(tokens[i].start) {
        indent += text.bytes[k] == 0x09 ? 4 : 1
        k += 1
      }
      lines.append(Line(first: i, end: j, indent: indent))
      i = j
    }
    return lines
  }

  /// Whether a line ending at token `i` ends a clause, so a marker on the next line starts an item
  /// rather than continuing a wrapped sentence.
  func endsClause(_ i: Int) -> Bool {
    func terminal(_ k: Int) -> Bool {
      for c in ".:;!?".utf8 where text.isPunct(k, c) { return true }
      return false
    }
    if terminal(i) { return true }
    // A line that ends with an address ("… at this location: https://…") has no words left to wrap.
    if text.tokens[i].kind == .url { return true }
    if i > 0,
      text.isPunct(i, UInt8(ascii: ")")) || text.isPunct(i, UInt8(ascii: "\""))
        || text.isPunct(i, UInt8(ascii: "'")), terminal(i - 1)
    {
      return true
    }
    if text.is(i, H.and) || text.is(i, H.or) { return true }
    // "…; and," / "…, or,": the joining word before a comma still closes the item.
    return i > 0 && text.isPunct(i, UInt8(ascii: ",")) && (text.is(i - 1, H.and) || text.is(i - 1, H.or))
  }

  /// Words that end a line introducing a list whose first item follows without a colon.
  static let listIntro: Set<UInt64> = Set(["that", "provided", "following"].map(wordHash))

  /// Whether a marker is the next item of an open list, back at that list's indentation after a more
  /// indented line ("3. … acknowledgement:\n     This product includes …\n4. The name …"): an item,
  /// whatever the line before it ends with.
  func continuesList(_ m: SectionMarker, line: Line, prev: Line) -> Bool {
    // "… provided that\n1. Every copy …": a first numbered item after words that introduce a list
    // ("provided that\n(i) you comply …, and (ii) …" runs on in the sentence: only `1.` and `1)`).
    if Self.listIntro.contains(tokens[prev.end - 1].hash),
      m.candidates.contains(where: {
        $0.kind == .arabic && $0.ordinal == 1 && ($0.format == UInt8(ascii: ".") || $0.format == UInt8(ascii: ")"))
      })
    {
      return true
    }
    guard line.indent < prev.indent else { return false }
    return stack.contains { o in
      o.indent == line.indent && m.candidates.contains { $0.sameStyle(o.cand) && $0.ordinal == o.cand.ordinal + 1 }
    }
  }

  // MARK: Markers

  /// A section marker starting at token `t` of a line ending before token `end`.
  func marker(at t: Int, end e: Int) -> SectionMarker? {
    guard t < e else { return nil }
    let tok = tokens[t]
    // `Section 3:`, `ARTICLE IV`, `§ 4`
    if (tok.kind == .word && text.startsUpper(t) && Self.keywords.contains(tok.hash)) || text.is(t, Self.section) {
      guard t + 1 < e, var cands = label(t + 1, allowDotted: true) else { return nil }
      var m = t + 2
      var format: UInt8 = 0
      if m < e, text.tokens[m].kind == .punctuation {
        for c in ".:)-".utf8 where text.isPunct(m, c) { format = c }
        if format == 0 { return nil }
        if format == UInt8(ascii: "."), !(m + 1 == e || !text.touchesNext(m)) { return nil }
        m += 1
      } else if m < e {
        // No punctuation: the rest of the line must read as a heading ("Section 3 Use Restrictions").
        guard text.startsUpper(m), isTitle(m, e) || isAllCaps(m, e) else { return nil }
      }
      if cands[0].kind != .decimal {
        // Keyword sections nest by keyword; letter/roman ambiguity is settled as roman for `Section I`.
        let c = cands.last!
        cands = [MarkerCandidate(kind: .keyword(tok.hash), format: 0, ordinal: c.ordinal, number: c.number, depth: 0)]
      }
      return SectionMarker(range: t..<m, candidates: cands)
    }
    // `1.`, `1)`, `1.1`, `1.1.`
    if tok.kind == .number {
      guard var cands = label(t, allowDotted: true) else { return nil }
      var m = t + 1
      if m < e, text.touchesNext(t), text.isPunct(m, UInt8(ascii: ".")) || text.isPunct(m, UInt8(ascii: ")")) {
        let f = text.isPunct(m, UInt8(ascii: ".")) ? UInt8(ascii: ".") : UInt8(ascii: ")")
        guard m + 1 == e || !text.touchesNext(m) else { return nil }
        if cands[0].kind != .decimal { cands[0].format = f }
        m += 1
      } else if cands[0].kind == .decimal {
        guard
          m == e
            || (!text.touchesNext(t)
              && (text.startsUpper(m) || text.isPunct(m, UInt8(ascii: "\""))
                || text.isPunct(m, UInt8(ascii: "("))))
        else { return nil }
      } else {
        return nil
      }
      return SectionMarker(range: t..<m, candidates: cands)
    }
    // `(a)`, `(1)`, `(iv)`
    if text.isPunct(t, UInt8(ascii: "(")) {
      guard t + 2 < e, text.touchesNext(t), text.touchesNext(t + 1), text.isPunct(t + 2, UInt8(ascii: ")")),
        t + 3 == e || !text.touchesNext(t + 2), var cands = label(t + 1, allowDotted: false)
      else { return nil }
      // `(c) 2024 Someone` and `(c) Copyright` are copyright notices.
      if text.is(t + 1, wordHash("c")), t + 3 < e, text.tokens[t + 3].kind == .number || text.is(t + 3, Self.copyright)
      {
        return nil
      }
      for k in cands.indices { cands[k].format = UInt8(ascii: "(") }
      return SectionMarker(range: t..<(t + 3), candidates: cands)
    }
    // `a.`, `a)`, `iv.`, `A.`
    if tok.kind == .word, text.length(t) <= 5, t + 1 < e, text.touchesNext(t),
      text.isPunct(t + 1, UInt8(ascii: ".")) || text.isPunct(t + 1, UInt8(ascii: ")")),
      t + 2 == e || !text.touchesNext(t + 1), var cands = label(t, allowDotted: false)
    {
      let f = text.isPunct(t + 1, UInt8(ascii: ".")) ? UInt8(ascii: ".") : UInt8(ascii: ")")
      for k in cands.indices { cands[k].format = f }
      return SectionMarker(range: t..<(t + 2), candidates: cands)
    }
    return nil
  }

  /// The readings of a section label: `3`, `1.2`, `a`, `iv`, `C`.
  func label(_ i: Int, allowDotted: Bool) -> [MarkerCandidate]? {
    let tok = tokens[i]
    let raw = text.bytes[Int(tok.start)..<Int(tok.end)]
    if tok.kind == .number {
      var comps: [Int] = []
      var cur = 0
      var digits = 0
      for b in raw {
        if b == UInt8(ascii: ".") {
          guard digits > 0 else { return nil }
          comps.append(cur)
          cur = 0
          digits = 0
        } else if b >= 0x30 && b <= 0x39 {
          cur = cur * 10 + Int(b - 0x30)
          digits += 1
          if digits > 3 { return nil }
        } else {
          return nil
        }
      }
      guard digits > 0 else { return nil }
      comps.append(cur)
      let number = String(decoding: raw, as: UTF8.self)
      if comps.count == 1 {
        guard cur <= 300 else { return nil }
        return [MarkerCandidate(kind: .arabic, format: 0, ordinal: cur, number: number, depth: 0)]
      }
      guard allowDotted, comps.count <= 4 else { return nil }
      return [MarkerCandidate(kind: .decimal, format: 0, ordinal: cur, number: number, depth: comps.count)]
    }
    guard tok.kind == .word, raw.count <= 5 else { return nil }
    let lower = raw.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    let upper = raw.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    guard lower || upper else { return nil }
    let number = String(decoding: raw, as: UTF8.self)
    var out: [MarkerCandidate] = []
    if raw.count == 1 {
      let ord = Int((raw.first! | 0x20) - 0x60)
      out.append(
        MarkerCandidate(kind: lower ? .lowerLetter : .upperLetter, format: 0, ordinal: ord, number: number, depth: 0))
    }
    if let r = Self.roman(raw) {
      out.append(
        MarkerCandidate(kind: lower ? .lowerRoman : .upperRoman, format: 0, ordinal: r, number: number, depth: 0))
    }
    return out.isEmpty ? nil : out
  }

  /// The value of a roman numeral up to 39 (`i`…`xxxix`), or nil if the letters are not one.
  static func roman<C: Collection>(_ raw: C) -> Int? where C.Element == UInt8 {
    var value = 0
    var prev = 0
    for b in raw.reversed() {
      let v: Int
      switch b | 0x20 {
      case UInt8(ascii: "i"): v = 1
      case UInt8(ascii: "v"): v = 5
      case UInt8(ascii: "x"): v = 10
      default: return nil
      }
      value += v < prev ? -v : v
      prev = max(prev, v)
    }
    guard value > 0, value < 40 else { return nil }
    // Canonical spelling only ("iiii", "vx" are not numerals).
    let tens = ["", "x", "xx", "xxx"]
    let ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
    let canon = tens[value / 10] + ones[value % 10]
    guard canon.utf8.elementsEqual(raw.map { $0 | 0x20 }) else { return nil }
    return value
  }

  // MARK: Nesting

  /// Opens a section for a marker: picks the reading that continues a list on the stack,
  /// pops what it closes and pushes it.
  mutating func openSection(_ m: SectionMarker, line: Line, prevEndsColon: Bool) {
    let (cand, popTo) = place(m, indent: line.indent, prevEndsColon: prevEndsColon)
    let closeAt = line.first > 0 ? Int(tokens[line.first - 1].end) : 0
    while stack.count > popTo {
      let o = stack.removeLast()
      building[o.builder].end = closeAt
    }
    let parent = stack.last
    let path: String
    if let parent {
      path =
        cand.kind == .decimal && cand.number.hasPrefix(parent.path + ".")
        ? cand.number : parent.path + "." + cand.number
    } else {
      path = cand.number
    }
    let markerSpan = text.span(m.range.lowerBound, m.range.upperBound - 1)
    let start = Int(tokens[m.range.lowerBound].start)
    let heading = sectionHeading(from: m.range.upperBound, end: line.end)
    var headingText: String?
    if let h = heading {
      let span = text.span(h.range.lowerBound, h.range.upperBound - 1)
      headingText = text.slice(span)
      headings.append(Heading(text: headingText!, span: span, level: stack.count + 1))
      flags[h.breakAfter] |= TokenFlag.breakAfter
    }
    building.append(
      Building(
        number: cand.number, path: path, heading: headingText, level: stack.count + 1, start: start,
        end: Int(tokens[line.end - 1].end), markerSpan: markerSpan))
    stack.append(Open(cand: cand, indent: line.indent, path: path, level: stack.count + 1, builder: building.count - 1))
    flags[line.first] |= TokenFlag.breakBefore
    for k in m.range { flags[k] |= TokenFlag.marker }
  }

  /// Chooses a marker's reading and where it goes: the new stack height before it is pushed.
  func place(_ m: SectionMarker, indent: Int, prevEndsColon: Bool) -> (MarkerCandidate, Int) {
    if let c = m.candidates.first, c.kind == .decimal {
      // Dotted numbers say their depth: close dotted sections at least as deep, keep the rest.
      var lowest: Int?
      var k = stack.count - 1
      while k >= 0 {
        let s = stack[k].cand
        if s.kind == .decimal {
          if s.depth < c.depth { break }
          lowest = k
        }
        k -= 1
      }
      return (c, lowest ?? stack.count)
    }
    var best: (score: Int, cand: MarkerCandidate, popTo: Int)?
    for c in m.candidates {
      var choice: (Int, Int)?
      // The next item of an open list (nearest first).
      for k in stride(from: stack.count - 1, through: 0, by: -1)
      where stack[k].cand.sameStyle(c) && c.ordinal == stack[k].cand.ordinal + 1 {
        choice = (3, k)
        break
      }
      if choice == nil {
        let nearest = stack.lastIndex { $0.cand.sameStyle(c) }
        if c.ordinal <= 1 {
          // A list starts: nested unless an open list of the same style is at the same indentation
          // and the previous line did not introduce it with a colon (then it restarts that list).
          if let k = nearest, indent <= stack[k].indent, !prevEndsColon {
            choice = (2, k)
          } else {
            choice = (2, stack.count)
          }
        } else if let k = stack.lastIndex(where: { $0.cand.sameStyle(c) && $0.cand.ordinal < c.ordinal }) {
          choice = (1, k)
        } else {
          choice = (0, stack.count)
        }
      }
      if let choice, choice.0 > (best?.score ?? -1) { best = (choice.0, c, choice.1) }
    }
    var (_, cand, popTo) = best!
    if case .keyword(let word) = cand.kind, popTo == stack.count {
      // A keyword section is not nested in numbered items, only in another keyword's section;
      // attachments and appendices are always top level.
      if Self.appendixKeywords.contains(word) {
        popTo = 0
      } else if let k = stack.lastIndex(where: {
        if case .keyword(let w) = $0.cand.kind { return w != word } else { return false }
      }) {
        popTo = k + 1
      } else {
        popTo = 0
      }
    }
    return (cand, popTo)
  }

  // MARK: Headings

  /// The heading after a section marker: the rest of the line if it reads as a title, or a
  /// short title ended by a period (`a. Grant of Rights. You are …`).
  func sectionHeading(from m: Int, end e: Int) -> (range: Range<Int>, breakAfter: Int)? {
    var h = m
    while h < e, text.isPunct(h, UInt8(ascii: ":")) || text.isPunct(h, UInt8(ascii: "-")) { h += 1 }
    guard h < e, tokens[h].kind == .word, text.startsUpper(h) || text.firstByte(h) >= 0x80 else { return nil }
    var p = h
    var words = 0
    while p < e {
      // A period followed by a space ends the heading, unless it closes an initial (`U.S.`).
      if text.isPunct(p, UInt8(ascii: ".")), p + 1 == e || !text.touchesNext(p),
        !(p > h && text.touchesNext(p - 1) && text.tokens[p - 1].kind == .word && text.length(p - 1) == 1)
      {
        break
      }
      if text.isPunct(p, UInt8(ascii: ";")) || text.isPunct(p, UInt8(ascii: ":"))
        || text.isPunct(p, UInt8(ascii: "\""))
      {
        return nil
      }
      if tokens[p].kind == .word || tokens[p].kind == .number { words += 1 }
      if words > 12 { return nil }
      p += 1
    }
    if p < e {
      // Ended by a period.
      guard words <= 10, words > 0 else { return nil }
      let title = isTitle(h, p) || isAllCaps(h, p)
      guard title || (words <= 5 && !containsComma(h, p)) else { return nil }
      return (h..<p, p)
    }
    guard !text.isPunct(e - 1, UInt8(ascii: ",")), isTitle(h, e) || isAllCaps(h, e) else { return nil }
    if wrappedCapitals(h, e, words: words) { return nil }
    // A capitalised line that ends on a function word, or a long one with commas, is a sentence in
    // capitals wrapped at the margin ("1. THIS NOTICE IS REPRODUCED IN"), not a heading.
    if Self.continuation.contains(tokens[e - 1].hash) || (words > 6 && containsComma(h, e)) { return nil }
    return (h..<e, e - 1)
  }

  /// Words a heading does not end on but a wrapped line often does.
  static let continuation: Set<UInt64> = Set(
    [
      "in", "of", "and", "the", "to", "or", "for", "with", "a", "an", "by", "on", "that", "is", "are", "be", "any",
      "all", "this", "such", "from", "as", "at", "its", "their", "your", "our", "which", "who", "not", "no",
    ].map(wordHash))

  /// A short title-like line standing on its own after a blank line.
  func isStandaloneHeading(_ line: Line, next: Line?) -> Bool {
    let a = line.first
    let e = line.end
    guard e - a <= 30, tokens[a].kind == .word, text.startsUpper(a) || text.firstByte(a) >= 0x80 else { return false }
    if text.is(a, Self.copyright) { return false }
    var words = 0
    for k in a..<e {
      switch tokens[k].kind {
      case .word, .number: words += 1
      case .url: return false
      case .punctuation:
        if text.isPunct(k, UInt8(ascii: ";")) || text.isPunct(k, UInt8(ascii: ":")) || text.is(k, wordHash("©")) {
          return false
        }
        if text.isPunct(k, UInt8(ascii: ".")), k != e - 1 { return false }
      }
      if text.is(k, H.means) { return false }
    }
    guard words >= 1, words <= 12 else { return false }
    let allCaps = isAllCaps(a, e)
    if text.isPunct(e - 1, UInt8(ascii: ".")) || text.isPunct(e - 1, UInt8(ascii: ",")) {
      guard allCaps, text.isPunct(e - 1, UInt8(ascii: ".")) else { return false }
    }
    guard allCaps || isTitle(a, e) else { return false }
    if allCaps, wrappedCapitals(a, e, words: words) { return false }
    // A sentence in capitals wrapped at the margin ends its line on a function word or mid-list.
    if let next, tokens[next.first].line == tokens[e - 1].line + 1,
      Self.continuation.contains(tokens[e - 1].hash) || (words > 6 && containsComma(a, e))
    {
      return false
    }
    // A wrapped sentence continues in lowercase on the next line.
    if let next, tokens[next.first].line == tokens[e - 1].line + 1, text.startsLower(next.first) { return false }
    return true
  }

  /// Words of a sentence that a heading does not hold: modals and the verb "be".
  static let sentenceVerbs: Set<UInt64> = Set(
    ["shall", "must", "may", "will", "is", "are", "be", "should", "can", "cannot", "not"].map(wordHash))

  /// A line in capitals that is the first line of a wrapped sentence, not a heading: the sentence
  /// goes on in the next line and the line is long (eight words or more) or holds a modal or "be".
  /// In capitals every word looks like a title word, so only length and verbs tell the two apart.
  func wrappedCapitals(_ a: Int, _ e: Int, words: Int) -> Bool {
    guard isAllCaps(a, e), e < tokens.count, tokens[e].line == tokens[e - 1].line + 1 else { return false }
    if words >= 8 { return true }
    return (a..<e).contains { tokens[$0].kind == .word && Self.sentenceVerbs.contains(tokens[$0].hash) }
  }

  /// Every word capitalised except short function words ("Grant of Rights").
  func isTitle(_ a: Int, _ e: Int) -> Bool {
    var sawWord = false
    for k in a..<e where tokens[k].kind == .word {
      if !sawWord {
        guard text.startsUpper(k) || text.firstByte(k) >= 0x80 else { return false }
        sawWord = true
        continue
      }
      if text.startsUpper(k) || text.firstByte(k) >= 0x80 || TextLexicon.titleSmallWords.contains(tokens[k].hash) {
        continue
      }
      // `Use-based`, `Non-Commercial`: the part after a hyphen may be lowercase.
      if k > a, text.isPunct(k - 1, UInt8(ascii: "-")), text.touchesNext(k - 1) { continue }
      return false
    }
    return sawWord
  }

  /// No lowercase letters in any word, and at least one word with two or more letters.
  func isAllCaps(_ a: Int, _ e: Int) -> Bool {
    var long = false
    for k in a..<e where tokens[k].kind == .word {
      guard text.isAllCaps(k) else { return false }
      if text.length(k) > 1 { long = true }
    }
    return long
  }

  func containsComma(_ a: Int, _ e: Int) -> Bool {
    (a..<e).contains { text.isPunct($0, UInt8(ascii: ",")) }
  }
}
