/// Maps byte offsets in a document's plain text back to byte offsets in its source.
///
/// The plain text is built from runs of the source. A run either copies source
/// bytes one for one (or, for UTF-16, one plain byte per two source bytes of an
/// ASCII character), or stands for a replaced piece of markup (an entity, a
/// decoded character) whose plain offsets all map to the start of that piece.
public struct SourceMap: Sendable, Codable, Equatable, Hashable {
  /// One run of plain text and where it came from.
  public struct Run: Sendable, Codable, Equatable, Hashable {
    /// How plain bytes correspond to source bytes within the run.
    public enum Kind: String, Sendable, Codable, Equatable, Hashable {
      /// One plain byte per source byte.
      case copy
      /// One plain byte per two source bytes (ASCII from UTF-16).
      case utf16
      /// The whole run stands for the whole source piece (an entity, a decoded character).
      case replaced
    }
    /// How the run maps.
    public let kind: Kind
    /// First plain-text byte of the run.
    public let plainStart: Int
    /// First source byte of the run.
    public let sourceStart: Int
    /// Plain bytes in the run.
    public let plainLength: Int
    /// Source bytes in the run.
    public let sourceLength: Int

    /// Creates a run.
    public init(kind: Kind, plainStart: Int, sourceStart: Int, plainLength: Int, sourceLength: Int) {
      self.kind = kind
      self.plainStart = plainStart
      self.sourceStart = sourceStart
      self.plainLength = plainLength
      self.sourceLength = sourceLength
    }
  }

  /// Runs in plain-text order.
  public private(set) var runs: [Run]

  /// An empty map; add runs with ``append(plainStart:sourceStart:plainLength:sourceLength:)``.
  public init() { runs = [] }

  /// The identity map for text that is its own source, shifted by `sourceOffset` (a dropped BOM).
  public static func identity(length: Int, sourceOffset: Int = 0) -> SourceMap {
    var m = SourceMap()
    m.append(plainStart: 0, sourceStart: sourceOffset, plainLength: length, sourceLength: length)
    return m
  }

  /// Appends a run, merging it with the previous one when both copy bytes contiguously.
  ///
  /// Without a `kind`, equal lengths mean ``Run/Kind/copy`` and unequal ones ``Run/Kind/replaced``.
  public mutating func append(
    plainStart: Int, sourceStart: Int, plainLength: Int, sourceLength: Int, kind: Run.Kind? = nil
  ) {
    guard plainLength > 0 else { return }
    let k = kind ?? (plainLength == sourceLength ? .copy : .replaced)
    if k != .replaced, let last = runs.last, last.kind == k,
      last.plainStart + last.plainLength == plainStart,
      last.sourceStart + last.sourceLength == sourceStart
    {
      runs[runs.count - 1] = Run(
        kind: k, plainStart: last.plainStart, sourceStart: last.sourceStart,
        plainLength: last.plainLength + plainLength, sourceLength: last.sourceLength + sourceLength)
      return
    }
    runs.append(
      Run(
        kind: k, plainStart: plainStart, sourceStart: sourceStart, plainLength: plainLength,
        sourceLength: sourceLength))
  }

  /// The source offset of a plain-text offset.
  ///
  /// - Complexity: O(log r) for r runs.
  public func sourceOffset(ofPlain offset: Int) -> Int {
    guard !runs.isEmpty else { return offset }
    var lo = 0
    var hi = runs.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if runs[mid].plainStart <= offset { lo = mid } else { hi = mid - 1 }
    }
    let r = runs[lo]
    let delta = offset - r.plainStart
    if delta <= 0 { return r.sourceStart }
    if delta >= r.plainLength { return r.sourceStart + r.sourceLength + (delta - r.plainLength) }
    switch r.kind {
    case .copy: return r.sourceStart + delta
    case .utf16: return r.sourceStart + 2 * delta
    case .replaced: return r.sourceStart
    }
  }

  /// The source range of a plain-text span.
  public func sourceSpan(of span: Span) -> Span {
    let s = sourceOffset(ofPlain: span.start)
    guard span.end > span.start else { return Span(start: s, end: s) }
    // The end is where the span's last byte ends in the source, not where the next plain
    // byte starts: after markup (`word</em>`) the next run begins elsewhere.
    let e = sourceEnd(ofPlain: span.end - 1)
    return Span(start: s, end: Swift.max(s, e))
  }

  /// One past the source bytes of the plain byte at `offset`.
  func sourceEnd(ofPlain offset: Int) -> Int {
    guard !runs.isEmpty else { return offset + 1 }
    var lo = 0
    var hi = runs.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if runs[mid].plainStart <= offset { lo = mid } else { hi = mid - 1 }
    }
    let r = runs[lo]
    let delta = offset - r.plainStart
    if delta < 0 { return r.sourceStart }
    if delta >= r.plainLength { return r.sourceStart + r.sourceLength + (delta - r.plainLength) + 1 }
    switch r.kind {
    case .copy: return r.sourceStart + delta + 1
    case .utf16: return r.sourceStart + 2 * delta + 2
    case .replaced: return r.sourceStart + r.sourceLength
    }
  }
}
