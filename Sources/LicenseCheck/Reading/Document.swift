/// The format a document was read as.
public enum SourceFormat: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// Plain text.
  case text
  /// Markdown, optionally with YAML front matter (model cards).
  case markdown
  /// An HTML page.
  case html
  /// An SPDX license-list-XML source file.
  case spdxXML = "spdx-xml"
  /// A Debian machine-readable copyright file (DEP-5); its stanzas are in ``DebianCopyright``.
  case debianCopyright = "debian-copyright"
}

/// The character encoding the input bytes were decoded from.
public enum TextEncoding: String, Sendable, Codable, Equatable, Hashable {
  /// UTF-8 without a byte-order mark.
  case utf8 = "utf-8"
  /// UTF-8 with a byte-order mark (dropped from the plain text).
  case utf8WithBOM = "utf-8-bom"
  /// UTF-16 little-endian, with a byte-order mark.
  case utf16LE = "utf-16le"
  /// UTF-16 big-endian, with a byte-order mark.
  case utf16BE = "utf-16be"
  /// Windows-1252, used when the bytes are not valid UTF-8.
  case windows1252 = "windows-1252"
}

/// A non-fatal finding made while reading a document.
public struct ReadWarning: Sendable, Codable, Equatable, Hashable {
  /// A stable machine-readable code, such as `encoding-fallback`.
  public let code: String
  /// A sentence for people.
  public let message: String

  /// Creates a warning.
  public init(code: String, message: String) {
    self.code = code
    self.message = message
  }
}

/// A half-open range of UTF-8 byte offsets `[start, end)` into a document's plain text.
public struct Span: Sendable, Codable, Equatable, Hashable, Comparable {
  /// The first byte.
  public var start: Int
  /// One past the last byte.
  public var end: Int

  /// Creates a span; `end` must not be before `start`.
  public init(start: Int, end: Int) {
    precondition(end >= start, "span end before start")
    self.start = start
    self.end = end
  }

  /// The number of bytes covered.
  public var length: Int { end - start }

  /// The smallest span covering both.
  public func union(_ other: Span) -> Span {
    Span(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
  }

  /// Whether the span contains the other entirely.
  public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

  public static func < (lhs: Span, rhs: Span) -> Bool {
    lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
  }
}

/// A licence document as read: the original bytes, a plain-text view and the
/// way back from the plain text to the source.
///
/// All later stages work on ``text`` (or its UTF-8 bytes); every span they report is
/// a byte range into it, and ``sourceMap`` turns such a range into source offsets.
public struct Document: Sendable, Equatable {
  /// Where the document came from (a path, `-` for standard input, or a caller's name).
  public let path: String
  /// The format the document was read as.
  public let format: SourceFormat
  /// The encoding the bytes were decoded from.
  public let encoding: TextEncoding
  /// The bytes exactly as given.
  public let originalBytes: [UInt8]
  /// The plain-text view: markup, tags and front matter removed.
  public let text: String
  /// Maps plain-text byte offsets back to offsets in ``originalBytes``.
  public let sourceMap: SourceMap
  /// YAML front matter (Markdown) or `<meta>` data (HTML), as key/value pairs.
  public let metadata: [String: MetadataValue]
  /// SPDX license-list data when the document is an SPDX XML source.
  public let spdx: SPDXLicenseInfo?
  /// Non-fatal findings, such as an encoding fallback.
  public let warnings: [ReadWarning]

  /// Creates a document from its parts. Readers use this; most callers use ``DocumentReader``.
  public init(
    path: String, format: SourceFormat, encoding: TextEncoding, originalBytes: [UInt8],
    text: String, sourceMap: SourceMap, metadata: [String: MetadataValue] = [:],
    spdx: SPDXLicenseInfo? = nil, warnings: [ReadWarning] = []
  ) {
    self.path = path
    self.format = format
    self.encoding = encoding
    self.originalBytes = originalBytes
    self.text = text
    self.sourceMap = sourceMap
    self.metadata = metadata
    self.spdx = spdx
    self.warnings = warnings
  }

  /// The plain text at a span, as a view.
  public subscript(span: Span) -> Substring {
    let u = text.utf8
    let lo = u.index(u.startIndex, offsetBy: span.start)
    let hi = u.index(lo, offsetBy: span.length)
    return Substring(text[lo..<hi])
  }

  /// A short description of the source for reports (`source` in the JSON contract).
  public var sourceInfo: SourceInfo {
    SourceInfo(
      path: path, format: format, bytes: originalBytes.count,
      sha256: SHA256.hexDigest(originalBytes))
  }

  /// A string value of the front matter, if present (`license`, `license_name`, `license_link`).
  public func metadataString(_ key: String) -> String? {
    metadata[key]?.stringValue
  }
}

/// The `source` object of the JSON contract.
public struct SourceInfo: Sendable, Codable, Equatable, Hashable {
  /// The path as given.
  public let path: String
  /// The detected or requested format.
  public let format: SourceFormat
  /// Size of the original input in bytes.
  public let bytes: Int
  /// SHA-256 of the original bytes, lowercase hex.
  public let sha256: String

  /// Creates a source description.
  public init(path: String, format: SourceFormat, bytes: Int, sha256: String) {
    self.path = path
    self.format = format
    self.bytes = bytes
    self.sha256 = sha256
  }
}

/// A value from front matter or page metadata.
public indirect enum MetadataValue: Sendable, Codable, Equatable, Hashable {
  /// A scalar, kept as written.
  case string(String)
  /// A sequence.
  case list([MetadataValue])
  /// A mapping.
  case map([String: MetadataValue])

  /// The scalar, or the first scalar of a list.
  public var stringValue: String? {
    switch self {
    case .string(let s): return s
    case .list(let l): return l.first?.stringValue
    case .map: return nil
    }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let l = try? c.decode([MetadataValue].self) {
      self = .list(l)
    } else {
      self = .map(try c.decode([String: MetadataValue].self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .string(let s): try c.encode(s)
    case .list(let l): try c.encode(l)
    case .map(let m): try c.encode(m)
    }
  }
}
