/// How much of one document the clause rules and the identifier read.
///
/// Why: no licence comes near these bounds (the longest of the 3,374 corpus texts is 91 KB and
/// about 1,000 sentences), while a hostile or mistaken input (a 16 MiB log, a million numbered
/// lines) would cost time and memory in proportion to its clauses. Past a bound the rest of the
/// text is not read; the analysis says so in ``LicenseAnalysis/truncated`` and claims nothing it did
/// not read: no `pass` verdict and no "conformant".
public struct AnalysisLimits: Sendable, Codable, Equatable, Hashable {
  /// At most this many bytes of plain text are analysed (cut at a line break where there is one
  /// in the last 64 KiB before the bound).
  public var maxBytes: Int
  /// At most this many sentences are analysed.
  public var maxSentences: Int

  /// 512 KiB and 10,000 sentences: five to ten times the longest licence in the corpus.
  public init(maxBytes: Int = 1 << 19, maxSentences: Int = 10_000) {
    self.maxBytes = max(1, maxBytes)
    self.maxSentences = max(1, maxSentences)
  }

  /// No bound (for callers that accept the cost of any input).
  public static let unlimited = AnalysisLimits(maxBytes: Int.max, maxSentences: Int.max)
}

/// What part of a document an analysis read when the document was past ``AnalysisLimits``.
public struct AnalysisTruncation: Sendable, Codable, Equatable, Hashable {
  /// Bytes of plain text analysed (from the start).
  public let analyzedBytes: Int
  /// Bytes of plain text in the document.
  public let totalBytes: Int
  /// The last line analysed.
  public let lastLine: Int
  /// `bytes` or `sentences`: which bound was reached.
  public let limit: String

  /// Creates a truncation note.
  public init(analyzedBytes: Int, totalBytes: Int, lastLine: Int, limit: String) {
    self.analyzedBytes = analyzedBytes
    self.totalBytes = totalBytes
    self.lastLine = lastLine
    self.limit = limit
  }

  /// One plain sentence for reports.
  public var explanation: String {
    let bound = limit == "sentences" ? "the sentence limit" : "the size limit"
    return "Only the first \(analyzedBytes) of \(totalBytes) bytes (to line \(lastLine)) were analysed: "
      + "\(bound) of the analysis was reached, which no licence comes near. Verdicts rest on that part alone."
  }
}

extension AnalysisLimits {
  /// The text cut to the byte bound: at the last line break in the 64 KiB before it, or else at the
  /// last whole UTF-8 scalar. Nil when the text is within the bound.
  func cutToBytes(_ text: String) -> String? {
    let utf8 = text.utf8
    guard utf8.count > maxBytes else { return nil }
    return Self.prefix(text, bytes: maxBytes)
  }

  /// The first `bytes` bytes of a text, ending at a line break when one is near, never inside a scalar.
  static func prefix(_ text: String, bytes: Int) -> String {
    var text = text
    return text.withUTF8 { buf in
      String(decoding: UnsafeBufferPointer(rebasing: buf[..<cut(buf, at: bytes)]), as: UTF8.self)
    }
  }

  /// Where to cut a buffer near `at`: after the last newline in the 64 KiB before it, else before the
  /// first byte of the scalar that straddles it.
  static func cut(_ buf: UnsafeBufferPointer<UInt8>, at: Int) -> Int {
    let at = min(at, buf.count)
    var i = at
    let floor = max(0, at - 65_536)
    while i > floor {
      if buf[i - 1] == 0x0A { return i }
      i -= 1
    }
    var j = at
    // Continuation bytes (10xxxxxx) belong to the scalar before them.
    while j > 0, j < buf.count, buf[j] & 0xC0 == 0x80 { j -= 1 }
    return j
  }
}
