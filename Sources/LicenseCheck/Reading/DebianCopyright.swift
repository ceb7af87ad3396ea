/// A Debian machine-readable copyright file (DEP-5, `debian/copyright`,
/// `/usr/share/doc/PACKAGE/copyright`), split into its stanzas.
///
/// The format is a sequence of paragraphs separated by blank lines; each paragraph holds
/// `Field: value` lines, continued by lines that start with a space or a tab, where a line of a
/// single `.` stands for an empty line. The first paragraph is the header (`Format:`); `Files:`
/// paragraphs say which files a licence covers; stand-alone `License:` paragraphs hold the text of
/// a licence the `Files:` paragraphs name. The first line of a `License:` field is the licence's
/// short name (`GPL-2+`, `Expat`, `BSD-3-clause or GPL-2`); the lines after it are its text.
///
/// Reading the stanzas lets identification check each declared name against the text that
/// follows it, instead of seeing the whole file as one unknown licence.
public struct DebianCopyright: Sendable, Codable, Equatable, Hashable {
  /// The kind of a paragraph.
  public enum StanzaKind: String, Sendable, Codable, Equatable, Hashable {
    /// The first paragraph, with `Format:`.
    case header
    /// A paragraph with `Files:`: the licence of some files.
    case files
    /// A stand-alone `License:` paragraph: the text behind a short name.
    case license
  }

  /// One paragraph.
  public struct Stanza: Sendable, Codable, Equatable, Hashable {
    /// Header, files or licence paragraph.
    public var kind: StanzaKind
    /// The `Files:` patterns, in order (empty for other paragraphs).
    public var files: [String]
    /// The short name on the first line of `License:` as written, when there is one.
    public var license: String?
    /// First line of the paragraph (1-based).
    public var lineStart: Int
    /// Last line of the paragraph (1-based, inclusive).
    public var lineEnd: Int
    /// The lines of the licence text after the short name (1-based, inclusive), when there are some.
    public var textLines: ClosedRange<Int>?
    /// The licence text with the format's markup removed: one leading space or tab dropped from
    /// each line, and `.` lines made empty.
    public var text: String?

    /// Creates a stanza.
    public init(
      kind: StanzaKind, files: [String], license: String?, lineStart: Int, lineEnd: Int,
      textLines: ClosedRange<Int>?, text: String?
    ) {
      self.kind = kind
      self.files = files
      self.license = license
      self.lineStart = lineStart
      self.lineEnd = lineEnd
      self.textLines = textLines
      self.text = text
    }
  }

  /// The paragraphs, in file order.
  public var stanzas: [Stanza]

  /// Creates a copyright file from its stanzas.
  public init(stanzas: [Stanza]) {
    self.stanzas = stanzas
  }

  /// Paragraphs read at most: a real file has a few hundred; more is not worth the time.
  static let stanzaLimit = 20_000

  /// Whether the first bytes of a file are a DEP-5 header: a first paragraph whose `Format:`
  /// field names the copyright format (`copyright-format` or `dep5` in its URL).
  ///
  /// - Parameter head: the first bytes, lowercased or not.
  /// - Complexity: O(n) in `head`.
  static func isHeader(_ head: ArraySlice<UInt8>) -> Bool {
    var i = head.startIndex
    // Skip blank lines and comment lines before the first field.
    while i < head.endIndex {
      let b = head[i]
      if b == 0x0A || b == 0x0D || b == 0x20 || b == 0x09 {
        i += 1
      } else if b == UInt8(ascii: "#") {
        while i < head.endIndex, head[i] != 0x0A { i += 1 }
      } else {
        break
      }
    }
    let field = Array("format:".utf8)
    guard head.endIndex - i > field.count else { return false }
    for (k, c) in field.enumerated() where lower(head[i + k]) != c { return false }
    var lineEnd = i
    while lineEnd < head.endIndex, head[lineEnd] != 0x0A { lineEnd += 1 }
    let value = head[(i + field.count)..<lineEnd].map(lower)
    return ["copyright-format", "dep5", "dep-5"].contains { value.firstRange(of: Array($0.utf8)) != nil }
  }

  private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

  /// Reads the stanzas of a DEP-5 text.
  ///
  /// Lenient as packagers are: field names are matched without case, comment lines (`#`) are
  /// skipped, a paragraph with neither `Format:`, `Files:` nor `License:` is left out, and a
  /// paragraph missing its blank line before the next `Files:` is split there.
  ///
  /// - Parameter text: the file's text.
  /// - Returns: nil when the text does not start with a DEP-5 header.
  /// - Complexity: O(n) in the text.
  public static func parse(_ text: String) -> DebianCopyright? {
    let bytes = Array(text.utf8)
    guard isHeader(bytes[...]) else { return nil }
    // Lines as byte ranges, without their line breaks ("\r\n", "\n" or a lone "\r").
    var lines: [Range<Int>] = []
    var start = 0
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x0A || bytes[i] == 0x0D {
        lines.append(start..<i)
        if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
        start = i + 1
      }
      i += 1
    }
    if start < bytes.count { lines.append(start..<bytes.count) }

    func isBlank(_ r: Range<Int>) -> Bool { bytes[r].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    func isContinuation(_ r: Range<Int>) -> Bool {
      !r.isEmpty && (bytes[r.lowerBound] == 0x20 || bytes[r.lowerBound] == 0x09)
    }
    /// The field name of a line (`files`), lowercased, when it starts a field.
    func fieldName(_ r: Range<Int>) -> String? {
      guard !r.isEmpty, !isContinuation(r), bytes[r.lowerBound] != UInt8(ascii: "#") else { return nil }
      var k = r.lowerBound
      while k < r.upperBound, bytes[k] != UInt8(ascii: ":") {
        let b = bytes[k]
        let ok = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
        if !ok { return nil }
        k += 1
      }
      guard k < r.upperBound, k > r.lowerBound else { return nil }
      return String(decoding: bytes[r.lowerBound..<k].map(lower), as: UTF8.self)
    }
    func string(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
    func trimmed(_ s: Substring) -> String {
      String(s.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }

    var stanzas: [Stanza] = []
    var n = 0
    while n < lines.count, stanzas.count < stanzaLimit {
      // Skip blank and comment lines between paragraphs.
      if isBlank(lines[n]) || bytes[lines[n].lowerBound] == UInt8(ascii: "#") {
        n += 1
        continue
      }
      // One paragraph: fields until a blank line (or a new `Files:` field, which must start one).
      let first = n
      var fields: [(name: String, line: Int)] = []
      while n < lines.count, !isBlank(lines[n]) {
        if let name = fieldName(lines[n]) {
          if name == "files", !fields.isEmpty { break }
          fields.append((name, n))
        }
        n += 1
      }
      let last = n - 1
      // Each field's lines: its own line and the continuation lines up to the next field.
      func fieldLines(_ index: Int) -> (head: Range<Int>, body: [Int]) {
        let line = fields[index].line
        let end = index + 1 < fields.count ? fields[index + 1].line : last + 1
        var body: [Int] = []
        if line + 1 < end {
          for l in (line + 1)..<end where bytes[lines[l]].first != UInt8(ascii: "#") { body.append(l) }
        }
        return (lines[line], body)
      }
      func value(_ head: Range<Int>) -> String {
        let s = string(head)
        guard let colon = s.firstIndex(of: ":") else { return "" }
        return trimmed(s[s.index(after: colon)...])
      }
      let names = fields.map(\.name)
      let kind: StanzaKind
      if stanzas.isEmpty && names.contains("format") {
        kind = .header
      } else if names.contains("files") {
        kind = .files
      } else if names.contains("license") {
        kind = .license
      } else {
        continue
      }
      var stanza = Stanza(
        kind: kind, files: [], license: nil, lineStart: first + 1, lineEnd: last + 1, textLines: nil, text: nil)
      if let f = names.firstIndex(of: "files") {
        let (head, body) = fieldLines(f)
        let all = ([value(head)] + body.map { trimmed(string(lines[$0])[...]) }).joined(separator: " ")
        stanza.files = all.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      }
      if let l = names.firstIndex(of: "license") {
        let (head, body) = fieldLines(l)
        let name = value(head)
        stanza.license = name.isEmpty ? nil : name
        if let firstBody = body.first, let lastBody = body.last {
          stanza.textLines = (firstBody + 1)...(lastBody + 1)
          stanza.text =
            body.map { l -> String in
              var s = string(lines[l])[...]
              if let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
              return trimmed(s) == "." ? "" : String(s)
            }.joined(separator: "\n") + "\n"
        }
      }
      stanzas.append(stanza)
    }
    return DebianCopyright(stanzas: stanzas)
  }
}
