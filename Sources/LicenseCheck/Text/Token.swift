/// What a token is.
public enum TokenKind: UInt8, Sendable, Codable, Equatable, Hashable {
  /// Letters and digits starting with a letter (`license`, `GPLv3`, `Llama`).
  case word
  /// Digits, with inner `,` or `.` between digits (`700`, `1,000,000`, `3.1`).
  case number
  /// A URL (`https://…`, `www.…`); its normal form drops the scheme.
  case url
  /// Any other visible character (`.`, `"`, `(`, `§`, `©`).
  case punctuation
}

/// One token of a plain text: its kind, exact UTF-8 span, line, and normal form.
///
/// Tokens are plain values with integer offsets; the text they point into is held
/// by ``TokenizedText``, so a token array costs no per-token allocation.
public struct Token: Sendable, Codable, Equatable, Hashable {
  /// The kind.
  public let kind: TokenKind
  /// First byte in the plain text.
  public let start: Int32
  /// One past the last byte.
  public let end: Int32
  /// 1-based line of `start`.
  public let line: Int32
  /// The normal form's first byte in ``TokenizedText/normalizedBytes``.
  public let normStart: Int32
  /// One past the normal form's last byte.
  public let normEnd: Int32
  /// FNV-1a hash of the normal form, for fast comparison with lexicon words.
  public let hash: UInt64

  /// Creates a token.
  public init(
    kind: TokenKind, start: Int32, end: Int32, line: Int32, normStart: Int32, normEnd: Int32, hash: UInt64
  ) {
    self.kind = kind
    self.start = start
    self.end = end
    self.line = line
    self.normStart = normStart
    self.normEnd = normEnd
    self.hash = hash
  }

  /// The token's byte range in the plain text.
  public var span: Span { Span(start: Int(start), end: Int(end)) }

  /// True for words and numbers (what similarity and phrase matching compare).
  public var isWordLike: Bool { kind == .word || kind == .number || kind == .url }
}

/// FNV-1a, 64-bit: stable across runs and platforms (Swift's `Hasher` is seeded per process).
@inlinable public func fnv1a64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
  var h: UInt64 = 0xcbf2_9ce4_8422_2325
  for b in bytes {
    h ^= UInt64(b)
    h &*= 0x0000_0100_0000_01b3
  }
  return h
}

/// The FNV-1a hash of a string's UTF-8 bytes, as ``Token/hash`` would hold for that normal form.
@inlinable public func wordHash(_ s: String) -> UInt64 { fnv1a64(s.utf8) }
