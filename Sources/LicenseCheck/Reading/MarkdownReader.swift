/// Markdown to plain text: markup is dropped, words keep their exact source offsets,
/// and YAML front matter becomes metadata.
///
/// This is not a full CommonMark renderer: licences and model cards use a small
/// subset (headings, emphasis, lists, links, tables, code), and what matters is
/// that the words come out in order with exact spans.
enum MarkdownReader {
  static func read(utf8 src: [UInt8]) -> MarkupResult {
    var out = PlainBuilder(capacity: src.count)
    var metadata: [String: MetadataValue] = [:]
    var warnings: [ReadWarning] = []
    var i = 0
    if let fm = frontMatter(src) {
      // Bounded: only the keys licensecheck uses, never a YAML parser (see FrontMatterReader).
      let front = FrontMatterReader.read(src[fm.bodyStart..<fm.bodyEnd])
      metadata = front.metadata
      warnings += front.warnings
      i = fm.end
    }
    var inFence = false
    var inComment = false
    while i < src.count {
      var lineEnd = i
      while lineEnd < src.count, src[lineEnd] != 0x0A { lineEnd += 1 }
      let next = lineEnd < src.count ? lineEnd + 1 : lineEnd
      var contentEnd = lineEnd
      if contentEnd > i, src[contentEnd - 1] == 0x0D { contentEnd -= 1 }
      var s = i
      while s < contentEnd, src[s] == 0x20 || src[s] == 0x09 { s += 1 }
      let line = src[s..<contentEnd]
      if inComment {
        if let close = find(src, "-->", from: s, to: contentEnd) {
          inComment = false
          inline(src, from: close + 3, to: contentEnd, into: &out)
        }
        out.newline(source: lineEnd, length: lineEnd < src.count ? 1 : 0)
        i = next
        continue
      }
      if startsWith(line, "```") || startsWith(line, "~~~") {
        inFence.toggle()
        out.newline(source: lineEnd, length: lineEnd < src.count ? 1 : 0)
        i = next
        continue
      }
      if inFence {
        out.copy(src, s, contentEnd)
        out.newline(source: lineEnd, length: lineEnd < src.count ? 1 : 0)
        i = next
        continue
      }
      if isRule(line) || isTableSeparator(line) {
        out.newline(source: lineEnd, length: lineEnd < src.count ? 1 : 0)
        i = next
        continue
      }
      // Indentation is kept: it tells a nested list item from a wrapped line (see `LinePass`).
      if s > i { out.copy(src, i, s) }
      var p = s
      // Block quote markers.
      while p < contentEnd, src[p] == UInt8(ascii: ">") {
        p += 1
        while p < contentEnd, src[p] == 0x20 { p += 1 }
      }
      // ATX headings.
      var h = p
      while h < contentEnd, src[h] == UInt8(ascii: "#"), h - p < 6 { h += 1 }
      var end = contentEnd
      if h > p, h == contentEnd || src[h] == 0x20 {
        p = h
        while p < contentEnd, src[p] == 0x20 { p += 1 }
        while end > p, src[end - 1] == UInt8(ascii: "#") || src[end - 1] == 0x20 { end -= 1 }
      }
      // Bullet markers are kept, as numbered items keep their numbers: a list item starts a sentence,
      // and "You may not:" reaches the items below it as in the same list in plain text.
      if p + 1 < end, src[p] == UInt8(ascii: "-") || src[p] == UInt8(ascii: "*") || src[p] == UInt8(ascii: "+"),
        src[p + 1] == 0x20
      {
        out.copy(src, p, p + 1)
        p += 1
      }
      if let open = find(src, "<!--", from: p, to: end), find(src, "-->", from: open, to: end) == nil {
        inline(src, from: p, to: open, into: &out)
        inComment = true
      } else {
        inline(src, from: p, to: end, into: &out)
      }
      out.newline(source: lineEnd, length: lineEnd < src.count ? 1 : 0)
      i = next
    }
    return MarkupResult(plain: out.bytes, map: out.map, metadata: metadata, warnings: warnings)
  }

  /// Inline markup: emphasis, code, links, images, escapes, inline HTML, table pipes.
  static func inline(_ src: [UInt8], from: Int, to: Int, into out: inout PlainBuilder) {
    var p = from
    var runStart = p
    func flush(_ upTo: Int) {
      if upTo > runStart { out.copy(src, runStart, upTo) }
    }
    while p < to {
      let c = src[p]
      switch c {
      case UInt8(ascii: "\\") where p + 1 < to && isPunct(src[p + 1]):
        flush(p)
        out.copy(src, p + 1, p + 2)
        p += 2
        runStart = p
      case UInt8(ascii: "*"), UInt8(ascii: "`"):
        flush(p)
        p += 1
        runStart = p
      case UInt8(ascii: "_"):
        // Emphasis only at word edges: snake_case names keep their underscores.
        let prevWord = p > from && isWordByte(src[p - 1])
        let nextWord = p + 1 < to && isWordByte(src[p + 1])
        if prevWord && nextWord {
          p += 1
        } else {
          flush(p)
          p += 1
          runStart = p
        }
      case UInt8(ascii: "|"):
        flush(p)
        out.replace(with: " ", sourceStart: p, sourceLength: 1)
        p += 1
        runStart = p
      case UInt8(ascii: "!") where p + 1 < to && src[p + 1] == UInt8(ascii: "["):
        flush(p)
        p += 1
        runStart = p
      case UInt8(ascii: "["):
        // [text](url): keep text, then the URL in parentheses so references stay visible.
        if let close = matching(src, p, to, open: UInt8(ascii: "["), close: UInt8(ascii: "]")),
          close + 1 < to, src[close + 1] == UInt8(ascii: "("),
          let paren = matching(src, close + 1, to, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
        {
          flush(p)
          inline(src, from: p + 1, to: close, into: &out)
          let textBytes = src[(p + 1)..<close]
          let url = src[(close + 2)..<paren]
          if !textBytes.elementsEqual(url) {
            out.replace(with: " (", sourceStart: close, sourceLength: 2)
            out.copy(src, close + 2, paren)
            out.copy(src, paren, paren + 1)
          }
          p = paren + 1
          runStart = p
        } else {
          p += 1
        }
      case UInt8(ascii: "<"):
        if p + 1 < to, let gt = findByte(src, UInt8(ascii: ">"), from: p + 1, to: to) {
          let inner = src[(p + 1)..<gt]
          if startsWith(inner, "http://") || startsWith(inner, "https://") || startsWith(inner, "mailto:") {
            flush(p)
            out.copy(src, p + 1, gt)
            p = gt + 1
            runStart = p
          } else if let f = inner.first, isLetter(f) || f == UInt8(ascii: "/") || f == UInt8(ascii: "!") {
            flush(p)
            let tag = String(decoding: inner.prefix(4), as: UTF8.self).lowercased()
            if tag.hasPrefix("br") || tag.hasPrefix("p") || tag.hasPrefix("/p") {
              out.replace(with: " ", sourceStart: p, sourceLength: gt + 1 - p)
            }
            p = gt + 1
            runStart = p
          } else {
            p += 1
          }
        } else {
          p += 1
        }
      case UInt8(ascii: "&"):
        if let (scalar, len) = HTMLEntities.decode(src, at: p, end: to) {
          flush(p)
          var bytes: [UInt8] = []
          Decoding.appendUTF8(of: scalar, to: &bytes)
          out.replace(bytes: bytes, sourceStart: p, sourceLength: len)
          p += len
          runStart = p
        } else {
          p += 1
        }
      default:
        p += 1
      }
    }
    flush(to)
  }

  struct FrontMatterRange {
    var bodyStart: Int
    var bodyEnd: Int
    var end: Int
  }

  /// `---` on the first line, closed by `---` or `...` on a line of its own.
  static func frontMatter(_ src: [UInt8]) -> FrontMatterRange? {
    var s = 0
    while s < src.count, src[s] == 0x0A || src[s] == 0x0D { s += 1 }
    guard src.count >= s + 4, src[s] == 0x2D, src[s + 1] == 0x2D, src[s + 2] == 0x2D else { return nil }
    var p = s + 3
    while p < src.count, src[p] == 0x20 || src[p] == 0x0D { p += 1 }
    guard p < src.count, src[p] == 0x0A else { return nil }
    let bodyStart = p + 1
    var lineStart = bodyStart
    while lineStart < src.count {
      var e = lineStart
      while e < src.count, src[e] != 0x0A { e += 1 }
      var ce = e
      while ce > lineStart, src[ce - 1] == 0x0D || src[ce - 1] == 0x20 { ce -= 1 }
      let l = src[lineStart..<ce]
      if l.elementsEqual("---".utf8) || l.elementsEqual("...".utf8) {
        return FrontMatterRange(bodyStart: bodyStart, bodyEnd: lineStart, end: e < src.count ? e + 1 : e)
      }
      lineStart = e + 1
    }
    return nil
  }

  static func isRule(_ line: ArraySlice<UInt8>) -> Bool {
    guard let f = line.first, f == 0x2D || f == 0x2A || f == 0x5F else { return false }
    var n = 0
    for b in line {
      if b == f { n += 1 } else if b != 0x20 { return false }
    }
    return n >= 3
  }

  static func isTableSeparator(_ line: ArraySlice<UInt8>) -> Bool {
    guard line.contains(UInt8(ascii: "|")), line.contains(UInt8(ascii: "-")) else { return false }
    return line.allSatisfy { $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }
  }

  static func matching(_ src: [UInt8], _ at: Int, _ end: Int, open: UInt8, close: UInt8) -> Int? {
    var depth = 0
    var p = at
    while p < end {
      if src[p] == open {
        depth += 1
      } else if src[p] == close {
        depth -= 1
        if depth == 0 { return p }
      }
      p += 1
    }
    return nil
  }

  static func startsWith(_ s: ArraySlice<UInt8>, _ prefix: String) -> Bool {
    s.starts(with: prefix.utf8)
  }

  static func find(_ src: [UInt8], _ needle: String, from: Int, to: Int) -> Int? {
    let n = Array(needle.utf8)
    guard to - from >= n.count else { return nil }
    var p = from
    while p + n.count <= to {
      if src[p] == n[0], src[p..<(p + n.count)].elementsEqual(n) { return p }
      p += 1
    }
    return nil
  }

  static func findByte(_ src: [UInt8], _ b: UInt8, from: Int, to: Int) -> Int? {
    var p = from
    while p < to {
      if src[p] == b { return p }
      p += 1
    }
    return nil
  }

  static func isPunct(_ b: UInt8) -> Bool {
    (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
  }
  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
  static func isWordByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) || b >= 0x80 }
}

/// Accumulates plain-text bytes and the source map as markup is stripped.
struct PlainBuilder {
  var bytes: [UInt8] = []
  var map = SourceMap()

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// Copies source bytes verbatim.
  mutating func copy(_ src: [UInt8], _ from: Int, _ to: Int) {
    guard to > from else { return }
    map.append(plainStart: bytes.count, sourceStart: from, plainLength: to - from, sourceLength: to - from)
    bytes.append(contentsOf: src[from..<to])
  }

  /// Emits text that stands for a piece of source (a decoded entity, a separator).
  mutating func replace(with text: String, sourceStart: Int, sourceLength: Int) {
    replace(bytes: Array(text.utf8), sourceStart: sourceStart, sourceLength: sourceLength)
  }

  mutating func replace(bytes new: [UInt8], sourceStart: Int, sourceLength: Int) {
    guard !new.isEmpty else { return }
    map.append(
      plainStart: bytes.count, sourceStart: sourceStart, plainLength: new.count, sourceLength: sourceLength,
      kind: new.count == sourceLength ? .copy : .replaced)
    bytes.append(contentsOf: new)
  }

  /// Ends a line (mapped to the source newline at `source`).
  /// A line break for the source line ending at `source`; `length` 0 for the last line when the
  /// input has no final newline, so the map never points past the input.
  mutating func newline(source: Int, length: Int = 1) {
    replace(with: "\n", sourceStart: source, sourceLength: length)
  }

  /// Ends a paragraph unless the text already ends with a blank line.
  mutating func paragraphBreak(source: Int) {
    if bytes.isEmpty { return }
    if bytes.count >= 2, bytes[bytes.count - 1] == 0x0A, bytes[bytes.count - 2] == 0x0A { return }
    if bytes.last == 0x0A {
      newline(source: source)
    } else {
      newline(source: source)
      newline(source: source)
    }
  }
}
