#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One licence in a ``FingerprintIndex``.
public struct IndexedLicense: Sendable, Equatable, Hashable {
  /// What is known about the licence beyond its text.
  public struct Flags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `isOsiApproved="true"` in the SPDX XML.
    public static let osiApproved = Flags(rawValue: 1)
    /// Deprecated on the SPDX list.
    public static let deprecated = Flags(rawValue: 2)
    /// An SPDX exception rather than a licence.
    public static let exception = Flags(rawValue: 4)
    /// From the project's catalogue (an AI model licence or use policy), not the SPDX list.
    public static let catalogue = Flags(rawValue: 8)
  }

  /// SPDX id or catalogue id.
  public let id: String
  /// Full name.
  public let name: String
  /// Flags.
  public let flags: Flags
  /// ``Fingerprint/exactHash`` of the reference text.
  public let exactHash: UInt64
  /// ``Fingerprint/fullHash`` of the reference text.
  public let fullHash: UInt64
  /// ``Fingerprint/wordCount`` of the reference text.
  public let wordCount: Int
  /// Only trigram hashes divisible by this are kept (2, or 4 for texts of 2 000 words or more):
  /// the gaps keep the index small and make the reference text unrecoverable from it.
  public let modulus: Int
  /// Sum of the kept trigram counts (the size of the sampled multiset).
  public let sampledTotal: Int
}

/// The embedded identification index: per licence an exact hash and a sampled multiset of
/// trigram hashes, stored as an inverted index (hash → licences with counts).
///
/// Built by the `licensecheck-index` tool from the reference corpus; holds no text.
/// Binary layout (little-endian): magic `LCFP`, format version, counts, licence records,
/// a string table, sorted distinct hashes, posting offsets, posting licence numbers and counts.
public struct FingerprintIndex: Sendable {
  /// The licences, in index order.
  public let licenses: [IndexedLicense]
  /// Sorted distinct trigram hashes.
  let keys: [UInt32]
  /// `postingStart[k] ..< postingStart[k + 1]` are the postings of `keys[k]`.
  let postingStart: [UInt32]
  /// Licence number of each posting.
  let postingLicense: [UInt16]
  /// Trigram count of each posting (capped at 255).
  let postingCount: [UInt8]
  /// For the top 16 bits of a hash, the first key index with those bits (65 537 entries).
  let bucket: [UInt32]
  /// Licence numbers by exact hash.
  let byExactHash: [UInt64: [Int]]

  static let magic: [UInt8] = Array("LCFP".utf8)
  static let formatVersion: UInt32 = 1

  /// Reads an index from its binary form.
  ///
  /// - Throws: ``FingerprintIndexError`` when the bytes are not an index of this format version.
  /// - Complexity: O(n) in the size of the data.
  public init(bytes: [UInt8]) throws(FingerprintIndexError) {
    var r = ByteReader(bytes: bytes)
    guard bytes.count >= 32, Array(bytes[0..<4]) == Self.magic else { throw FingerprintIndexError("not an index") }
    r.offset = 4
    guard r.u32() == Self.formatVersion else { throw FingerprintIndexError("unsupported format version") }
    let nLicenses = Int(r.u32())
    let nKeys = Int(r.u32())
    let nPostings = Int(r.u32())
    let nStringBytes = Int(r.u32())
    let recordBytes = 40
    let need = 24 + nLicenses * recordBytes + nStringBytes + nKeys * 8 + 4 + nPostings * 3
    guard bytes.count >= need, nLicenses < Int(UInt16.max) else { throw FingerprintIndexError("truncated index") }
    var records: [(UInt64, UInt32, UInt32, UInt8, UInt8, UInt32, UInt16, UInt16, UInt64)] = []
    records.reserveCapacity(nLicenses)
    for _ in 0..<nLicenses {
      let exact = r.u64()
      let full = r.u64()
      let words = r.u32()
      let total = r.u32()
      let modulus = r.u8()
      let flags = r.u8()
      _ = r.u16()
      let strOff = r.u32()
      let idLen = r.u16()
      let nameLen = r.u16()
      _ = r.u32()
      records.append((exact, words, total, modulus, flags, strOff, idLen, nameLen, full))
    }
    let stringBase = r.offset
    r.offset += nStringBytes
    var licenses: [IndexedLicense] = []
    licenses.reserveCapacity(nLicenses)
    var byExact: [UInt64: [Int]] = [:]
    for (k, rec) in records.enumerated() {
      let s = stringBase + Int(rec.5)
      let idEnd = s + Int(rec.6)
      let nameEnd = idEnd + Int(rec.7)
      guard nameEnd <= stringBase + nStringBytes else { throw FingerprintIndexError("bad string table") }
      licenses.append(
        IndexedLicense(
          id: String(decoding: bytes[s..<idEnd], as: UTF8.self),
          name: String(decoding: bytes[idEnd..<nameEnd], as: UTF8.self),
          flags: IndexedLicense.Flags(rawValue: rec.4), exactHash: rec.0, fullHash: rec.8, wordCount: Int(rec.1),
          modulus: max(1, Int(rec.3)), sampledTotal: Int(rec.2)))
      byExact[rec.0, default: []].append(k)
    }
    self.licenses = licenses
    byExactHash = byExact
    keys = r.array(UInt32.self, count: nKeys)
    postingStart = r.array(UInt32.self, count: nKeys + 1)
    postingLicense = r.array(UInt16.self, count: nPostings)
    postingCount = r.array(UInt8.self, count: nPostings)
    guard postingStart.last.map({ Int($0) == nPostings }) ?? false else {
      throw FingerprintIndexError("bad posting table")
    }
    guard postingLicense.allSatisfy({ Int($0) < nLicenses }) else {
      throw FingerprintIndexError("bad posting licence number")
    }
    var bucket = [UInt32](repeating: 0, count: 65_537)
    var k = 0
    for b in 0..<65_536 {
      while k < keys.count, Int(keys[k] >> 16) < b { k += 1 }
      bucket[b] = UInt32(k)
    }
    bucket[65_536] = UInt32(keys.count)
    self.bucket = bucket
  }

  /// The postings range of a hash, or nil when no licence has it.
  @inline(__always) func postings(of h: UInt32) -> Range<Int>? {
    let b = Int(h >> 16)
    var lo = Int(bucket[b])
    var hi = Int(bucket[b + 1])
    while lo < hi {
      let mid = (lo + hi) >> 1
      let v = keys[mid]
      if v == h { return Int(postingStart[mid])..<Int(postingStart[mid + 1]) }
      if v < h { lo = mid + 1 } else { hi = mid }
    }
    return nil
  }

  /// The number of distinct trigram hashes and of postings (for reports).
  public var sizes: (keys: Int, postings: Int) { (keys.count, postingLicense.count) }

  /// Licence numbers whose reference text has this exact hash.
  public func licenses(withExactHash h: UInt64) -> [Int] { byExactHash[h] ?? [] }
}

/// A fingerprint index that could not be read.
public struct FingerprintIndexError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong.
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { "fingerprint index: \(message)" }
}

/// Little-endian reads from a byte array; bounds are checked once by the caller.
private struct ByteReader {
  let bytes: [UInt8]
  var offset = 0

  mutating func u8() -> UInt8 {
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func u16() -> UInt16 {
    defer { offset += 2 }
    return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  mutating func u32() -> UInt32 {
    var v: UInt32 = 0
    for k in 0..<4 { v |= UInt32(bytes[offset + k]) << (8 * k) }
    offset += 4
    return v
  }

  mutating func u64() -> UInt64 {
    UInt64(u32()) | UInt64(u32()) << 32
  }

  /// Copies `count` little-endian values in one go (the index is written little-endian, as every
  /// platform Swift supports is).
  mutating func array<T: FixedWidthInteger>(_: T.Type, count: Int) -> [T] {
    let size = MemoryLayout<T>.size
    let out = [T](unsafeUninitializedCapacity: count) { buf, initialized in
      bytes.withUnsafeBytes { raw in
        _ = memcpy(buf.baseAddress!, raw.baseAddress! + offset, count * size)
      }
      initialized = count
    }
    offset += count * size
    #if _endian(little)
      return out
    #else
      return out.map { T(littleEndian: $0) }
    #endif
  }
}

/// Builds the binary form of a ``FingerprintIndex`` (used by the `licensecheck-index` tool).
package struct FingerprintIndexBuilder {
  struct Entry {
    var id: String
    var name: String
    var flags: IndexedLicense.Flags
    var fingerprint: Fingerprint
  }
  var entries: [Entry] = []

  package init() {}

  /// Adds a licence.
  package mutating func add(id: String, name: String, flags: IndexedLicense.Flags, fingerprint: Fingerprint) {
    entries.append(Entry(id: id, name: name, flags: flags, fingerprint: fingerprint))
  }

  /// The subsampling modulus for a text of this many words.
  package static func modulus(wordCount: Int) -> Int {
    wordCount < 2_000 ? 2 : 4
  }

  /// The binary index.
  package func build() -> [UInt8] {
    var out: [UInt8] = FingerprintIndex.magic
    func u8(_ v: UInt8) { out.append(v) }
    func u16(_ v: UInt16) { for k in 0..<2 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    func u32(_ v: UInt32) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    func u64(_ v: UInt64) { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }

    var strings: [UInt8] = []
    var postings: [UInt32: [(UInt16, UInt8)]] = [:]
    var records: [(UInt64, UInt32, UInt32, UInt8, UInt8, UInt32, UInt16, UInt16, UInt64)] = []
    for (n, e) in entries.enumerated() {
      let fp = e.fingerprint
      let m = Self.modulus(wordCount: fp.wordCount)
      var total: UInt32 = 0
      for (h, c) in zip(fp.ngrams, fp.counts) where h % UInt32(m) == 0 {
        let c8 = UInt8(min(c, 255))
        postings[h, default: []].append((UInt16(n), c8))
        total += UInt32(c8)
      }
      let off = UInt32(strings.count)
      strings.append(contentsOf: e.id.utf8)
      strings.append(contentsOf: e.name.utf8)
      records.append(
        (
          fp.exactHash, UInt32(fp.wordCount), total, UInt8(m), e.flags.rawValue, off, UInt16(e.id.utf8.count),
          UInt16(e.name.utf8.count), fp.fullHash
        ))
    }
    let keys = postings.keys.sorted()
    let nPostings = postings.values.reduce(0) { $0 + $1.count }
    u32(FingerprintIndex.formatVersion)
    u32(UInt32(entries.count))
    u32(UInt32(keys.count))
    u32(UInt32(nPostings))
    u32(UInt32(strings.count))
    for r in records {
      u64(r.0)
      u64(r.8)
      u32(r.1)
      u32(r.2)
      u8(r.3)
      u8(r.4)
      u16(0)
      u32(r.5)
      u16(r.6)
      u16(r.7)
      u32(0)
    }
    out.append(contentsOf: strings)
    for k in keys { u32(k) }
    var start: UInt32 = 0
    for k in keys {
      u32(start)
      start += UInt32(postings[k]!.count)
    }
    u32(start)
    for k in keys { for p in postings[k]! { u16(p.0) } }
    for k in keys { for p in postings[k]! { u8(p.1) } }
    return out
  }
}
