import Foundation

/// Encodes values as one line of JSON, byte for byte what Foundation's `JSONEncoder` writes with
/// `outputFormatting = [.sortedKeys, .withoutEscapingSlashes]` (the `jsonl` output of the CLI),
/// at about half of its cost.
///
/// ```swift
/// let line = try CompactJSON.line(analysis)   // same bytes as JSONEncoder with sorted keys
/// ```
///
/// Why: `JSONEncoder` builds a tree of boxed values, sorts every object's keys through
/// dictionaries and only then writes; for licence analyses that was 23 % of the CLI's instructions.
/// This encoder writes into one byte buffer as the values encode themselves and sorts an object's
/// members once it is complete (keys compared by UTF-8 bytes, as `JSONEncoder` does on Linux).
/// It is generic over `Encodable`, so fields added to the model need no change here.
///
/// What it does not reproduce (nested containers, `superEncoder`, `Date`, `Data`, `URL`,
/// `Decimal`, `Float`, non-finite numbers, a second container from one encoder) makes it fall back to
/// `JSONEncoder` for the whole value, so the output never differs.
public enum CompactJSON {
  /// One JSON line (no trailing newline) for the value.
  /// - Throws: what `JSONEncoder` throws for the value (only on the fallback path).
  public static func line<T: Encodable>(_ value: T) throws -> String {
    // An analysis (the `analyze` jsonl line) has its own field-by-field writer.
    if let a = value as? LicenseAnalysis, let bytes = AnalysisJSONLine.bytes(a) {
      return String(decoding: bytes, as: UTF8.self)
    }
    if let bytes = fastBytes(value) { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: try fallback(value), as: UTF8.self)
  }

  /// The bytes of ``line(_:)``.
  public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
    if let a = value as? LicenseAnalysis, let bytes = AnalysisJSONLine.bytes(a) { return bytes }
    if let bytes = fastBytes(value) { return bytes }
    return Array(try fallback(value))
  }

  static func fallback<T: Encodable>(_ value: T) throws -> Data {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try e.encode(value)
  }

  /// The fast path's bytes, or nil when the value uses something it does not reproduce.
  static func fastBytes<T: Encodable>(_ value: T) -> [UInt8]? {
    let writer = JSONByteWriter()
    do {
      try writer.encodeValue(value)
    } catch {
      return nil
    }
    // A top-level value that encoded nothing is an error for JSONEncoder: let it say so.
    guard !writer.unsupported, !writer.bytes.isEmpty else { return nil }
    return writer.bytes
  }
}

/// Thrown inside the fast path for what it does not reproduce; never escapes ``CompactJSON``.
private struct Unsupported: Error {}

/// The output buffer shared by every encoder and container of one ``CompactJSON`` call.
final class JSONByteWriter {
  // Unchecked: one thread owns a writer and nothing holds an access across calls; the dynamic
  // exclusivity checks on every append were a tenth of the encoder's work.
  @exclusivity(unchecked) var bytes: [UInt8] = []
  @exclusivity(unchecked) var unsupported = false

  init() { bytes.reserveCapacity(4096) }

  /// Encodes a nested value in place: its own encoder, then closing what it opened.
  func encodeValue<T: Encodable>(_ value: T) throws {
    if T.self == URL.self || T.self == Date.self || T.self == Data.self || T.self == Decimal.self {
      throw Unsupported()
    }
    let encoder = JSONNodeEncoder(writer: self, start: bytes.count)
    try value.encode(to: encoder)
    encoder.finish()
  }

  @inline(__always) func append(_ b: UInt8) { bytes.append(b) }

  func appendASCII(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// A JSON string with `JSONEncoder`'s escapes (``JSONEscape/appendQuoted(_:to:)``).
  func appendString(_ s: String) { JSONEscape.appendQuoted(s, to: &bytes) }

  func appendInteger<I: BinaryInteger>(_ v: I) { bytes.append(contentsOf: v.description.utf8) }

  /// `JSONEncoder` writes a `Double`'s `description` without a trailing `.0` (`Float` goes to the fallback).
  func appendFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ v: F) throws {
    guard F.self == Double.self, v.isFinite else { throw Unsupported() }
    var s = v.description
    if s.hasSuffix(".0") { s.removeLast(2) }
    bytes.append(contentsOf: s.utf8)
  }
}

/// The encoder a value's `encode(to:)` receives; it remembers which container the value opened so
/// that ``finish()`` can close it.
final class JSONNodeEncoder: Encoder {
  enum Kind { case none, keyed, unkeyed, single }
  let writer: JSONByteWriter
  /// Where this value's bytes start in the buffer.
  let start: Int
  @exclusivity(unchecked) var kind = Kind.none
  /// Members of a keyed container: key and the byte range of the value.
  @exclusivity(unchecked) var members: [(key: String, start: Int, end: Int)] = []
  /// Elements written to an unkeyed container.
  @exclusivity(unchecked) var elementCount = 0

  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(writer: JSONByteWriter, start: Int) {
    self.writer = writer
    self.start = start
  }

  private func open(_ k: Kind) {
    if kind == .none {
      kind = k
      if k == .unkeyed { writer.append(0x5B) }
      if k == .keyed { members.reserveCapacity(8) }
    } else if kind != k || k == .single {
      writer.unsupported = true
    }
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    open(.keyed)
    return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    open(.unkeyed)
    return JSONUnkeyedContainer(encoder: self)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    open(.single)
    return JSONSingleContainer(encoder: self)
  }

  /// Closes the container: an object's members sorted by key (UTF-8 bytes), an array's bracket,
  /// `{}` for a value that opened nothing (as `JSONEncoder` writes for a nested empty value).
  func finish() {
    switch kind {
    case .none:
      writer.append(0x7B)
      writer.append(0x7D)
    case .single: break
    case .unkeyed: writer.append(0x5D)
    case .keyed:
      var sorted = members
      var inOrder = true
      for i in sorted.indices.dropFirst() where !Self.precedes(sorted[i - 1].key, sorted[i].key) {
        inOrder = false
        break
      }
      if !inOrder { sorted.sort { Self.precedes($0.key, $1.key) } }
      // Duplicate keys keep the last value in JSONEncoder (a dictionary); not worth reproducing.
      for i in sorted.indices.dropFirst() where sorted[i - 1].key == sorted[i].key {
        writer.unsupported = true
        return
      }
      let values = Array(writer.bytes[start...])
      writer.bytes.removeSubrange(start...)
      writer.append(0x7B)
      var first = true
      for m in sorted {
        if !first { writer.append(0x2C) }
        first = false
        writer.appendString(m.key)
        writer.append(0x3A)
        values.withUnsafeBufferPointer { writer.bytes.append(contentsOf: $0[(m.start - start)..<(m.end - start)]) }
      }
      writer.append(0x7D)
    }
  }

  /// Whether key `a` sorts before `b`: by UTF-8 bytes, as `JSONEncoder` sorts on Linux.
  @inline(__always) static func precedes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        let n = Swift.min(x.count, y.count)
        if n > 0, let p = x.baseAddress, let q = y.baseAddress {
          let c = memcmp(p, q, n)
          if c != 0 { return c < 0 }
        }
        return x.count < y.count
      }
    }
  }

  func superEncoder() -> any Encoder {
    writer.unsupported = true
    return self
  }

  /// Records one member: its key and where its value's bytes are.
  @inline(__always) func member(_ key: some CodingKey, _ write: () throws -> Void) rethrows {
    let s = writer.bytes.count
    try write()
    members.append((key.stringValue, s, writer.bytes.count))
  }

  /// Writes the separator before an array element.
  @inline(__always) func element(_ write: () throws -> Void) rethrows {
    if elementCount > 0 { writer.append(0x2C) }
    elementCount += 1
    try write()
  }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let encoder: JSONNodeEncoder
  var codingPath: [any CodingKey] { [] }
  var w: JSONByteWriter { encoder.writer }

  mutating func encodeNil(forKey key: Key) throws { encoder.member(key) { w.appendASCII("null") } }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    encoder.member(key) { w.appendASCII(value ? "true" : "false") }
  }
  mutating func encode(_ value: String, forKey key: Key) throws { encoder.member(key) { w.appendString(value) } }
  mutating func encode(_ value: Double, forKey key: Key) throws { try encoder.member(key) { try w.appendFloat(value) } }
  mutating func encode(_ value: Float, forKey key: Key) throws { try encoder.member(key) { try w.appendFloat(value) } }
  mutating func encode(_ value: Int, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: Int8, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: Int16, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: Int32, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: Int64, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: UInt, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { encoder.member(key) { w.appendInteger(value) } }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try encoder.member(key) { try w.encodeValue(value) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    w.unsupported = true
    return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: encoder))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    w.unsupported = true
    return JSONUnkeyedContainer(encoder: encoder)
  }

  mutating func superEncoder() -> any Encoder { encoder.superEncoder() }
  mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.superEncoder() }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
  let encoder: JSONNodeEncoder
  var codingPath: [any CodingKey] { [] }
  var count: Int { encoder.elementCount }
  var w: JSONByteWriter { encoder.writer }

  mutating func encodeNil() throws { encoder.element { w.appendASCII("null") } }
  mutating func encode(_ value: Bool) throws { encoder.element { w.appendASCII(value ? "true" : "false") } }
  mutating func encode(_ value: String) throws { encoder.element { w.appendString(value) } }
  mutating func encode(_ value: Double) throws { try encoder.element { try w.appendFloat(value) } }
  mutating func encode(_ value: Float) throws { try encoder.element { try w.appendFloat(value) } }
  mutating func encode(_ value: Int) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: Int8) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: Int16) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: Int32) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: Int64) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: UInt) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: UInt8) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: UInt16) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: UInt32) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode(_ value: UInt64) throws { encoder.element { w.appendInteger(value) } }
  mutating func encode<T: Encodable>(_ value: T) throws { try encoder.element { try w.encodeValue(value) } }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    w.unsupported = true
    return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: encoder))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    w.unsupported = true
    return self
  }

  mutating func superEncoder() -> any Encoder { encoder.superEncoder() }
}

struct JSONSingleContainer: SingleValueEncodingContainer {
  let encoder: JSONNodeEncoder
  var codingPath: [any CodingKey] { [] }
  var w: JSONByteWriter { encoder.writer }

  mutating func encodeNil() throws { w.appendASCII("null") }
  mutating func encode(_ value: Bool) throws { w.appendASCII(value ? "true" : "false") }
  mutating func encode(_ value: String) throws { w.appendString(value) }
  mutating func encode(_ value: Double) throws { try w.appendFloat(value) }
  mutating func encode(_ value: Float) throws { try w.appendFloat(value) }
  mutating func encode(_ value: Int) throws { w.appendInteger(value) }
  mutating func encode(_ value: Int8) throws { w.appendInteger(value) }
  mutating func encode(_ value: Int16) throws { w.appendInteger(value) }
  mutating func encode(_ value: Int32) throws { w.appendInteger(value) }
  mutating func encode(_ value: Int64) throws { w.appendInteger(value) }
  mutating func encode(_ value: UInt) throws { w.appendInteger(value) }
  mutating func encode(_ value: UInt8) throws { w.appendInteger(value) }
  mutating func encode(_ value: UInt16) throws { w.appendInteger(value) }
  mutating func encode(_ value: UInt32) throws { w.appendInteger(value) }
  mutating func encode(_ value: UInt64) throws { w.appendInteger(value) }
  mutating func encode<T: Encodable>(_ value: T) throws { try w.encodeValue(value) }
}
