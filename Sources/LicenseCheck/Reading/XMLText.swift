import CLibXML2

/// Finds where libxml2's text nodes came from in the source bytes.
///
/// libxml2 trees carry line numbers but no byte offsets, so the readers visit every
/// text node in document order and look for its content in the source, starting at a
/// cursor that only moves forward. Markup (tags, comments, declarations) between the
/// cursor and the text is skipped; character references and the predefined (XML) or
/// HTML named entities are decoded while matching, so a text with `&lt;` or `&copy;`
/// still maps exactly, the reference becoming one replaced piece.
struct SourceAligner {
  /// The markup language, which decides the entity names known while matching.
  enum Mode {
    case xml
    case html
  }

  /// What kind of node is being located.
  enum Kind {
    /// Character data: references are decoded while matching.
    case text
    /// A CDATA section (XML): literal bytes after `<![CDATA[`.
    case cdata
    /// Raw text (HTML `script`, `style`): literal bytes, no references.
    case raw
  }

  /// A piece of a text node: content bytes `c0..<c1` came from source bytes `s0..<s1`.
  /// Exact pieces are byte-identical; the others are one decoded reference or a CR LF.
  struct Piece {
    var c0: Int
    var c1: Int
    var s0: Int
    var s1: Int
    var exact: Bool
  }

  let src: [UInt8]
  let mode: Mode
  /// Source offset up to which text has been accounted for.
  private(set) var cursor = 0

  init(src: [UInt8], mode: Mode) {
    self.src = src
    self.mode = mode
  }

  /// Locates a node's content after the cursor and moves the cursor past it.
  ///
  /// - Returns: the pieces, or nil when the content was not found nearby (the cursor
  ///   then stays where it was, so one odd node does not derail the rest).
  /// - Complexity: usually O(content + skipped markup); bounded by a 256 KiB window.
  mutating func locate(_ content: [UInt8], kind: Kind) -> [Piece]? {
    if content.isEmpty { return [] }
    var p = cursor
    let limit = Swift.min(src.count, cursor + Swift.max(1 << 18, 4 * content.count))
    while p < limit {
      if src[p] == 0x3C, let skip = markupEnd(at: p) {
        if skip.cdataStart {
          if kind == .cdata, let pieces = match(content, at: p + 9, literal: true) { return pieces }
        }
        p = skip.end
        continue
      }
      if kind != .cdata, let pieces = match(content, at: p, literal: kind == .raw) { return pieces }
      p += 1
    }
    return nil
  }

  /// Locates an entity reference `&name;` after the cursor and moves the cursor past it.
  mutating func locateReference(_ name: [UInt8]) -> (start: Int, length: Int)? {
    var p = cursor
    let limit = Swift.min(src.count, cursor + (1 << 18))
    let total = name.count + 2
    while p < limit {
      if src[p] == 0x3C, let skip = markupEnd(at: p) {
        p = skip.end
        continue
      }
      if src[p] == 0x26, p + total <= src.count, src[p + total - 1] == 0x3B,
        src[(p + 1)..<(p + 1 + name.count)].elementsEqual(name)
      {
        cursor = p + total
        return (p, total)
      }
      p += 1
    }
    return nil
  }

  /// Matches the whole content starting exactly at `start`.
  private mutating func match(_ content: [UInt8], at start: Int, literal: Bool) -> [Piece]? {
    guard start < src.count, src[start] == content[0] || src[start] == 0x26 || src[start] == 0x0D else {
      return nil
    }
    var pieces: [Piece] = []
    var c = 0
    var s = start
    func add(_ piece: Piece) {
      if piece.exact, let last = pieces.last, last.exact, last.c1 == piece.c0, last.s1 == piece.s0 {
        pieces[pieces.count - 1].c1 = piece.c1
        pieces[pieces.count - 1].s1 = piece.s1
      } else {
        pieces.append(piece)
      }
    }
    while c < content.count {
      guard s < src.count else { return nil }
      let b = src[s]
      if !literal, b == 0x26, let (decoded, length) = reference(at: s),
        content.count - c >= decoded.count, content[c..<(c + decoded.count)].elementsEqual(decoded)
      {
        add(Piece(c0: c, c1: c + decoded.count, s0: s, s1: s + length, exact: false))
        c += decoded.count
        s += length
        continue
      }
      if b == content[c] {
        add(Piece(c0: c, c1: c + 1, s0: s, s1: s + 1, exact: true))
        c += 1
        s += 1
        continue
      }
      // Parsers report CR LF and lone CR as LF.
      if b == 0x0D, content[c] == 0x0A {
        let width = s + 1 < src.count && src[s + 1] == 0x0A ? 2 : 1
        add(Piece(c0: c, c1: c + 1, s0: s, s1: s + width, exact: false))
        c += 1
        s += width
        continue
      }
      // libxml2's HTML recovery ignores stray end tags and joins the text around them
      // (`<b>x</i> end` is one text node "x end"), so HTML text may run across a tag.
      if mode == .html, !literal, b == 0x3C, let skip = markupEnd(at: s), !skip.cdataStart {
        s = skip.end
        continue
      }
      return nil
    }
    cursor = s
    return pieces
  }

  /// Where a piece of markup starting at `p` (a `<`) ends; nil when the `<` is text.
  private func markupEnd(at p: Int) -> (end: Int, cdataStart: Bool)? {
    let n = src.count
    guard p + 1 < n else { return nil }
    let next = src[p + 1]
    if next == 0x21 {  // <!
      if starts("<!--", at: p) { return (find("-->", from: p + 4).map { $0 + 3 } ?? n, false) }
      if starts("<![CDATA[", at: p) { return (find("]]>", from: p + 9).map { $0 + 3 } ?? n, true) }
      // A declaration such as DOCTYPE, possibly with an internal subset in brackets.
      var i = p + 2
      var quote: UInt8 = 0
      var depth = 0
      while i < n {
        let b = src[i]
        if quote != 0 {
          if b == quote { quote = 0 }
        } else if b == 0x22 || b == 0x27 {
          quote = b
        } else if b == 0x5B {
          depth += 1
        } else if b == 0x5D {
          depth -= 1
        } else if b == 0x3E, depth <= 0 {
          return (i + 1, false)
        }
        i += 1
      }
      return (n, false)
    }
    if next == 0x3F { return (find("?>", from: p + 2).map { $0 + 2 } ?? n, false) }  // <?
    let isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A
    guard isLetter || next == 0x2F || next == 0x5F || next == 0x3A || next >= 0x80 else { return nil }
    var i = p + 1
    var quote: UInt8 = 0
    while i < n {
      let b = src[i]
      if quote != 0 {
        if b == quote { quote = 0 }
      } else if b == 0x22 || b == 0x27 {
        // Quotes only delimit attribute values after `=`; a stray quote in a name is text.
        var k = i - 1
        while k > p, LibXML.isSpace(src[k]) { k -= 1 }
        if src[k] == 0x3D { quote = b }
      } else if b == 0x3E {
        return (i + 1, false)
      }
      i += 1
    }
    return (n, false)
  }

  /// Decodes a character reference or a known named entity at `s` (an `&`).
  private func reference(at s: Int) -> ([UInt8], Int)? {
    let n = src.count
    var i = s + 1
    let limit = Swift.min(n, s + 40)
    guard i < limit else { return nil }
    var scalar: UInt32
    if src[i] == 0x23 {  // &#
      i += 1
      var hex = false
      if i < limit, src[i] | 0x20 == 0x78 {
        hex = true
        i += 1
      }
      let digitsStart = i
      var v: UInt32 = 0
      while i < limit {
        let b = src[i]
        let d: UInt32
        if b >= 0x30 && b <= 0x39 {
          d = UInt32(b - 0x30)
        } else if hex, (b | 0x20) >= 0x61, (b | 0x20) <= 0x66 {
          d = UInt32((b | 0x20) - 0x61 + 10)
        } else {
          break
        }
        v = v &* (hex ? 16 : 10) &+ d
        if v > 0x10FFFF { return nil }
        i += 1
      }
      guard i > digitsStart else { return nil }
      if i < n, src[i] == 0x3B {
        i += 1
      } else if mode == .xml {
        return nil
      }
      scalar = v
    } else {
      let nameStart = i
      while i < limit, (src[i] | 0x20) >= 0x61 && (src[i] | 0x20) <= 0x7A || (src[i] >= 0x30 && src[i] <= 0x39) {
        i += 1
      }
      guard i > nameStart, i < n, src[i] == 0x3B else { return nil }
      let name = Array(src[nameStart..<i])
      i += 1
      switch mode {
      case .xml:
        switch String(decoding: name, as: UTF8.self) {
        case "lt": scalar = 0x3C
        case "gt": scalar = 0x3E
        case "amp": scalar = 0x26
        case "quot": scalar = 0x22
        case "apos": scalar = 0x27
        default: return nil
        }
      case .html:
        guard let desc = (name + [0]).withUnsafeBufferPointer({ htmlEntityLookup($0.baseAddress) }) else {
          return nil
        }
        scalar = desc.pointee.value
      }
    }
    guard scalar > 0, !(0xD800...0xDFFF).contains(scalar) else { return nil }
    var bytes: [UInt8] = []
    Decoding.appendUTF8(of: scalar, to: &bytes)
    return (bytes, i - s)
  }

  private func starts(_ s: StaticString, at p: Int) -> Bool {
    s.withUTF8Buffer { buf in
      guard p + buf.count <= src.count else { return false }
      for k in 0..<buf.count where src[p + k] != buf[k] { return false }
      return true
    }
  }

  private func find(_ s: StaticString, from: Int) -> Int? {
    var p = from
    while p < src.count {
      if starts(s, at: p) { return p }
      p += 1
    }
    return nil
  }
}

/// Builds the plain text of a markup document from its text nodes: collapses
/// whitespace, turns block boundaries into line and paragraph breaks, and maps every
/// emitted byte back to the source through a ``SourceAligner``.
struct MarkupTextBuilder {
  private(set) var out: PlainBuilder
  private(set) var aligner: SourceAligner
  /// Pending separator: 0 none, 1 line break, 2 paragraph break.
  private var pendingBreak = 0
  private var breakSource = 0
  /// Source of a pending space (collapsed whitespace), if any.
  private var pendingSpace: (start: Int, length: Int)?
  /// While set, text comes from an entity expansion and all of it maps to this reference.
  private(set) var entityReference: (start: Int, length: Int)?
  /// Plain bytes produced by entity expansions so far.
  private(set) var expandedBytes = 0
  /// Nodes whose content could not be found in the source (mapped to the cursor instead).
  private(set) var unalignedNodes = 0

  init(src: [UInt8], mode: SourceAligner.Mode) {
    out = PlainBuilder(capacity: src.count)
    aligner = SourceAligner(src: src, mode: mode)
  }

  /// Requests a line break before the next text.
  mutating func lineBreak() {
    if pendingBreak < 1 {
      pendingBreak = 1
      breakSource = aligner.cursor
    }
    pendingSpace = nil
  }

  /// Requests a blank line before the next text.
  mutating func paragraphBreak() {
    if pendingBreak < 2 { breakSource = aligner.cursor }
    pendingBreak = 2
    pendingSpace = nil
  }

  /// Requests a space before the next text (SPDX `spacing="before"`, table cells).
  mutating func space() {
    if pendingSpace == nil { pendingSpace = (aligner.cursor, 0) }
  }

  /// Requests a space before the next text only where two word characters would
  /// otherwise touch (the edges of an SPDX `<alt>` or `<optional>` without `spacing`):
  /// `by<alt>Name</alt>` reads "by Name", while `www.<alt>ogc</alt>.org` stays one URL.
  mutating func wordBoundary() {
    pendingBoundary = true
  }

  private var pendingBoundary = false

  /// Letters, digits and any non-ASCII byte (part of a letter, usually).
  static func isWordByte(_ b: UInt8) -> Bool {
    (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b >= 0x80
  }

  /// Emits text that is not in the source as such (a bullet's trailing space, say).
  mutating func literal(_ text: String) {
    flushSeparators(next: text.utf8.first ?? 0x20)
    out.replace(bytes: Array(text.utf8), sourceStart: aligner.cursor, sourceLength: 0)
  }

  /// Accounts for an entity reference in the source; text emitted until
  /// ``endEntity()`` maps to it.
  mutating func beginEntity(name: [UInt8]) {
    let ref = aligner.locateReference(name) ?? (aligner.cursor, 0)
    entityReference = ref
  }

  /// Ends an entity expansion started with ``beginEntity(name:)``.
  mutating func endEntity() { entityReference = nil }

  /// Handles one text node.
  ///
  /// - Parameters:
  ///   - content: the node's UTF-8 content as libxml2 decoded it.
  ///   - kind: how to find it in the source.
  ///   - emit: false to only move past it (text of dropped elements).
  ///   - collapse: false inside `pre`, where whitespace is kept.
  mutating func text(_ content: [UInt8], kind: SourceAligner.Kind, emit: Bool, collapse: Bool = true) {
    if let ref = entityReference {
      guard emit else { return }
      // All of it maps to the one reference, so it goes out as a single run.
      var run: [UInt8] = []
      run.reserveCapacity(content.count)
      var space = false
      for b in content {
        if collapse, LibXML.isSpace(b) {
          space = true
          continue
        }
        if space, !run.isEmpty { run.append(0x20) }
        if space, run.isEmpty, pendingSpace == nil { pendingSpace = (ref.start, ref.length) }
        space = false
        run.append(b)
      }
      guard let first = run.first else {
        if space, pendingSpace == nil { pendingSpace = (ref.start, ref.length) }
        return
      }
      flushSeparators(next: first)
      out.replace(bytes: run, sourceStart: ref.start, sourceLength: ref.length)
      expandedBytes += run.count
      if space { pendingSpace = (ref.start, ref.length) }
      return
    }
    let pieces = aligner.locate(content, kind: kind)
    if pieces == nil, !content.allSatisfy(LibXML.isSpace) { unalignedNodes += 1 }
    guard emit else { return }
    guard let pieces else {
      let at = aligner.cursor
      emitRuns(content, collapse: collapse) { builder, a, b in
        builder.out.replace(bytes: Array(content[a..<b]), sourceStart: at, sourceLength: 0)
      } sourceOf: { _ in
        at
      }
      return
    }
    let src = aligner.src
    emitRuns(content, collapse: collapse) { builder, a, b in
      // Pieces are few and sorted; find the first one reaching past `a`.
      var lo = 0
      var hi = pieces.count - 1
      while lo < hi {
        let mid = (lo + hi) / 2
        if pieces[mid].c1 <= a { lo = mid + 1 } else { hi = mid }
      }
      var k = lo
      while k < pieces.count, pieces[k].c0 < b {
        let pc = pieces[k]
        let x = Swift.max(a, pc.c0)
        let y = Swift.min(b, pc.c1)
        if pc.exact {
          builder.out.copy(src, pc.s0 + (x - pc.c0), pc.s0 + (y - pc.c0))
        } else {
          builder.out.replace(bytes: Array(content[x..<y]), sourceStart: pc.s0, sourceLength: pc.s1 - pc.s0)
        }
        k += 1
      }
    } sourceOf: { c in
      for pc in pieces where pc.c0 <= c && c < pc.c1 {
        return pc.exact ? pc.s0 + (c - pc.c0) : pc.s0
      }
      return pieces.last.map { $0.s1 } ?? 0
    }
  }

  /// Splits content into words and whitespace; words go through `emit`, whitespace
  /// becomes pending spaces (or is kept verbatim when not collapsing).
  private mutating func emitRuns(
    _ content: [UInt8], collapse: Bool, emit: (inout MarkupTextBuilder, Int, Int) -> Void,
    sourceOf: (Int) -> Int
  ) {
    guard collapse else {
      if !content.isEmpty {
        flushSeparators(next: content[0])
        emit(&self, 0, content.count)
      }
      return
    }
    var i = 0
    let n = content.count
    while i < n {
      if LibXML.isSpace(content[i]) {
        let s = i
        while i < n, LibXML.isSpace(content[i]) { i += 1 }
        if pendingSpace == nil {
          let start = sourceOf(s)
          pendingSpace = (start, Swift.max(0, sourceOf(i - 1) + 1 - start))
        }
        continue
      }
      let s = i
      while i < n, !LibXML.isSpace(content[i]) { i += 1 }
      flushSeparators(next: content[s])
      emit(&self, s, i)
    }
  }

  /// Writes the pending break or space, if any, before new text.
  private mutating func flushSeparators(next: UInt8) {
    defer {
      pendingBreak = 0
      pendingSpace = nil
      pendingBoundary = false
    }
    guard let last = out.bytes.last else { return }
    if pendingBoundary, pendingBreak == 0, pendingSpace == nil, Self.isWordByte(last), Self.isWordByte(next) {
      pendingSpace = (aligner.cursor, 0)
    }
    if pendingBreak > 0 {
      var trailing = 0
      while trailing < out.bytes.count, out.bytes[out.bytes.count - 1 - trailing] == 0x0A { trailing += 1 }
      if trailing < pendingBreak {
        out.replace(
          bytes: [UInt8](repeating: 0x0A, count: pendingBreak - trailing), sourceStart: breakSource,
          sourceLength: 0)
      }
      return
    }
    if let sp = pendingSpace, let last = out.bytes.last, last != 0x0A, last != 0x20 {
      out.replace(bytes: [0x20], sourceStart: sp.start, sourceLength: sp.length)
    }
  }

  /// The plain text (ending with one newline) and its map.
  mutating func finish() -> (plain: [UInt8], map: SourceMap) {
    if !out.bytes.isEmpty, out.bytes.last != 0x0A {
      out.replace(bytes: [0x0A], sourceStart: aligner.cursor, sourceLength: 0)
    }
    return (out.bytes, out.map)
  }
}
