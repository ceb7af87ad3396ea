/// One licence of a file holding several, with the lines it spans.
public struct IdentifiedSegment: Sendable, Codable, Equatable, Hashable {
  /// The identified licence's id.
  public let id: String
  /// First line of the segment (1-based).
  public let lineStart: Int
  /// Last line of the segment (1-based, inclusive).
  public let lineEnd: Int
  /// Confidence of the segment's identification, in [0, 1].
  public let confidence: Double
  /// `exact`, `template`, `similarity`, `notice`, or `declared` (a DEP-5 stanza whose text names
  /// no licence the identifier knows: the id is the packager's declared name, unverified).
  public let method: String
  /// The licence name a Debian copyright file declares for this text (`GPL-2+`), as written.
  public var declared: String? = nil
  /// ``declared`` as an SPDX expression, when it translates with certainty.
  public var declaredID: String? = nil
  /// Whether the text is the declared licence: false is a mismatch a reviewer should look at;
  /// nil when either side is unknown.
  public var matchesDeclared: Bool? = nil

  /// Creates a segment.
  public init(id: String, lineStart: Int, lineEnd: Int, confidence: Double, method: String) {
    self.id = id
    self.lineStart = lineStart
    self.lineEnd = lineEnd
    self.confidence = confidence
    self.method = method
  }
}

extension Identifier {
  /// A piece of a file this sure of its own identification stands as a separate licence.
  static let segmentConfidence = 0.8
  /// …or one containing this share of a licence (a licence plus its own header lines).
  static let segmentCoverage = 0.9
  /// Pieces shorter than this many words never stand alone (headings, separators, notes).
  static let segmentMinimumWords = 30

  /// Identifies each licence of a file holding several: a licence with its use policy appended,
  /// or a dual-licence file.
  ///
  /// Candidate boundaries are the starts of `roles` (the licence/policy split of
  /// ``ClauseExtractor/segments(of:structure:)``), the line after a separator line (`---`, `===`,
  /// `***`), and short title lines naming a licence, agreement, terms or policy after a blank
  /// line. A piece between boundaries starts a new segment only when it is identified on its own
  /// with confidence at least 0.8 (or coverage at least 0.9) as a licence other than the current
  /// segment's; every other piece joins the segment before it. So a single licence whose
  /// headings look like titles stays one segment: its pieces are too partial to be sure of.
  ///
  /// - Parameters:
  ///   - text: the whole file's plain text.
  ///   - roles: its licence and policy parts, when known.
  ///   - library: SPDX templates for `template` matches of each segment, when a corpus is given.
  /// - Returns: two or more segments in line order, or an empty array when the file holds one licence.
  /// - Complexity: O(n) in the text plus one identification per piece.
  public func identifySegments(
    _ text: TokenizedText, roles: [TextSegment] = [], library: TemplateLibrary? = nil
  ) -> [IdentifiedSegment] {
    let lines = text.lineStarts.count
    guard lines > 2 else { return [] }
    var starts = Set(Self.boundaryLines(text))
    for r in roles.dropFirst() { starts.insert(r.startLine) }
    starts.remove(1)
    let cuts = [1] + starts.filter { $0 <= lines }.sorted() + [lines + 1]
    guard cuts.count > 2 else { return [] }

    // Group pieces: a strong piece naming another licence opens a group.
    var groups: [(first: Int, end: Int, id: String?)] = []
    for k in 0..<(cuts.count - 1) {
      let (a, b) = (cuts[k], cuts[k + 1])
      let piece = TokenizedText(text.slice(lineSpan(text, a, b)))
      var strong: String? = nil
      // A notice inside a licence (its How-to-apply section) does not open a segment.
      if piece.tokens.count >= Self.segmentMinimumWords, let id = identify(piece), id.method != "title",
        id.method != "notice",
        id.confidence >= Self.segmentConfidence || id.coverage ?? 0 >= Self.segmentCoverage
      {
        strong = id.id
      }
      if let s = strong, let last = groups.last, last.id != nil, last.id != s {
        groups.append((a, b, s))
      } else if groups.isEmpty {
        groups.append((a, b, strong))
      } else {
        groups[groups.count - 1].end = b
        if groups[groups.count - 1].id == nil { groups[groups.count - 1].id = strong }
      }
    }
    guard groups.count > 1 else { return [] }

    var out: [IdentifiedSegment] = []
    for g in groups {
      let span = lineSpan(text, g.first, g.end)
      let piece = TokenizedText(text.slice(span))
      guard let id = identify(piece, library: library) else { continue }
      // Blank lines at either end belong to no licence.
      var first = g.first
      var last = g.end - 1
      while first < last, isBlank(text, first) { first += 1 }
      while last > first, isBlank(text, last) { last -= 1 }
      if let prev = out.last, prev.id == id.id {
        out[out.count - 1] = IdentifiedSegment(
          id: prev.id, lineStart: prev.lineStart, lineEnd: last, confidence: min(prev.confidence, id.confidence),
          method: prev.method)
        continue
      }
      out.append(
        IdentifiedSegment(id: id.id, lineStart: first, lineEnd: last, confidence: id.confidence, method: id.method))
    }
    return out.count > 1 ? out : []
  }

  /// The byte span of lines `first ..< end` (1-based).
  private func lineSpan(_ text: TokenizedText, _ first: Int, _ end: Int) -> Span {
    let lo = text.lineStarts[first - 1]
    let hi = end - 1 < text.lineStarts.count ? text.lineStarts[end - 1] : text.bytes.count
    return Span(start: lo, end: hi)
  }

  /// The bytes of a line (1-based), without its line break.
  private static func lineBytes(_ text: TokenizedText, _ line: Int) -> ArraySlice<UInt8> {
    let lo = text.lineStarts[line - 1]
    var hi = line < text.lineStarts.count ? text.lineStarts[line] : text.bytes.count
    while hi > lo, text.bytes[hi - 1] == 0x0A || text.bytes[hi - 1] == 0x0D { hi -= 1 }
    return text.bytes[lo..<hi]
  }

  private func isBlank(_ text: TokenizedText, _ line: Int) -> Bool {
    Self.lineBytes(text, line).allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  static let separatorBytes: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "*"), UInt8(ascii: "_")]
  static let titleWords: Set<String> = ["license", "licence", "agreement", "terms", "policy"]

  /// Lines where a new licence may begin: after a separator line, or at a short title line after a blank line.
  ///
  /// - Complexity: O(n) in the text.
  static func boundaryLines(_ text: TokenizedText) -> [Int] {
    var out: [Int] = []
    var previousBlank = true
    for line in 1...text.lineStarts.count {
      let bytes = lineBytes(text, line)
      let visible = bytes.filter { $0 != 0x20 && $0 != 0x09 }
      if visible.isEmpty {
        previousBlank = true
        continue
      }
      if visible.count >= 3, visible.allSatisfy({ separatorBytes.contains($0) }) {
        out.append(line + 1)
        previousBlank = true
        continue
      }
      if previousBlank, isTitleLine(bytes) { out.append(line) }
      previousBlank = false
    }
    return out
  }

  /// A short line (at most 12 words) with a word such as `license`, `agreement` or `policy`.
  static func isTitleLine(_ bytes: ArraySlice<UInt8>) -> Bool {
    var words = 0
    var found = false
    var word: [UInt8] = []
    func flush() {
      guard !word.isEmpty else { return }
      words += 1
      if titleWords.contains(String(decoding: word, as: UTF8.self)) { found = true }
      word.removeAll(keepingCapacity: true)
    }
    for b in bytes {
      let isAlnum = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80
      if isAlnum { word.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) } else { flush() }
      if words > 12 { return false }
    }
    flush()
    return found && words <= 12
  }
}
