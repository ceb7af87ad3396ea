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
    /// From the ScanCode LicenseDB (a `LicenseRef-scancode-…` id, or a ScanCode text of an SPDX licence).
    public static let scancode = Flags(rawValue: 16)
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
/// a string table, sorted distinct hashes, posting offsets, posting licence numbers and counts, then
/// the same postings licence by licence (offsets, hashes, counts) for comparing close variants.
///
/// The hash and posting tables are read in place from the bytes (the embedded index is
/// memory-mapped, so start-up neither copies them nor touches the pages a lookup never needs).
public struct FingerprintIndex: Sendable {
  /// The licences, in index order.
  public let licenses: [IndexedLicense]
  /// Sorted distinct trigram hashes.
  let keys: LittleEndianTable<UInt32>
  /// `postingStart[k] ..< postingStart[k + 1]` are the postings of `keys[k]`.
  let postingStart: LittleEndianTable<UInt32>
  /// Licence number of each posting.
  let postingLicense: LittleEndianTable<UInt16>
  /// Trigram count of each posting (capped at 255).
  let postingCount: LittleEndianTable<UInt8>
  /// `forwardStart[l] ..< forwardStart[l + 1]` are licence `l`'s sampled hashes in ``forwardHash``
  /// (sorted) with their counts in ``forwardCount``: what tells close variants apart.
  let forwardStart: LittleEndianTable<UInt32>
  /// Sampled trigram hashes of each licence, licence after licence.
  let forwardHash: LittleEndianTable<UInt32>
  /// Their counts (capped at 255).
  let forwardCount: LittleEndianTable<UInt8>
  /// For the top 16 bits of a hash, the first key index with those bits (65 537 entries).
  let bucket: [UInt32]
  /// Licence numbers by exact hash.
  let byExactHash: [UInt64: [Int]]
  /// Keeps the bytes the tables point into alive.
  let storage: IndexStorage

  static let magic: [UInt8] = Array("LCFP".utf8)
  static let formatVersion: UInt32 = 2

  /// Reads an index from its binary form.
  ///
  /// - Throws: ``FingerprintIndexError`` when the bytes are not an index of this format version.
  /// - Complexity: O(n) in the size of the data.
  public init(bytes: [UInt8]) throws(FingerprintIndexError) {
    try self.init(storage: IndexStorage(copying: bytes))
  }

  /// Reads an index from bytes that stay valid as long as `storage` lives.
  package init(storage: IndexStorage) throws(FingerprintIndexError) {
    self.storage = storage
    let bytes = storage.bytes
    guard bytes.count >= 24, Array(bytes[0..<4]) == Self.magic else { throw FingerprintIndexError("not an index") }
    var r = RawReader(bytes)
    r.offset = 4
    guard r.u32() == Self.formatVersion else { throw FingerprintIndexError("unsupported format version") }
    let nLicenses = Int(r.u32())
    let nKeys = Int(r.u32())
    let nPostings = Int(r.u32())
    let nStringBytes = Int(r.u32())
    let recordBytes = 40
    // Every posting appears once in the forward lists too.
    let need =
      24 + nLicenses * recordBytes + nStringBytes + nKeys * 8 + 4 + nPostings * 3 + (nLicenses + 1) * 4
      + nPostings * 5
    guard bytes.count >= need, nLicenses < Int(UInt16.max) else { throw FingerprintIndexError("truncated index") }
    let stringBase = 24 + nLicenses * recordBytes
    var licenses: [IndexedLicense] = []
    licenses.reserveCapacity(nLicenses)
    var byExact: [UInt64: [Int]] = [:]
    byExact.reserveCapacity(nLicenses)
    for k in 0..<nLicenses {
      let exact = r.u64()
      let full = r.u64()
      let words = r.u32()
      let total = r.u32()
      let modulus = r.u8()
      let flags = r.u8()
      r.offset += 2
      let strOff = Int(r.u32())
      let idLen = Int(r.u16())
      let nameLen = Int(r.u16())
      r.offset += 4
      let s = stringBase + strOff
      let idEnd = s + idLen
      let nameEnd = idEnd + nameLen
      guard nameEnd <= stringBase + nStringBytes else { throw FingerprintIndexError("bad string table") }
      let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[idEnd..<nameEnd])
      let name = String(decoding: nameBytes, as: UTF8.self)
      licenses.append(
        IndexedLicense(
          id: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[s..<idEnd]), as: UTF8.self),
          // Names from SPDX XML attributes may hold character references (`&#34;New&#34;`): decoded once,
          // here, so every output (text, JSON, HTML, which escapes again) shows the plain name. The
          // ampersand is looked for in the bytes: `String.utf8.contains` costs 1,000 instructions a name.
          name: nameBytes.contains(UInt8(ascii: "&")) ? HTMLEntities.decodeAll(name) : name,
          flags: IndexedLicense.Flags(rawValue: flags), exactHash: exact, fullHash: full, wordCount: Int(words),
          modulus: max(1, Int(modulus)), sampledTotal: Int(total)))
      byExact[exact, default: []].append(k)
    }
    self.licenses = licenses
    byExactHash = byExact
    var offset = stringBase + nStringBytes
    keys = LittleEndianTable(bytes, offset: offset, count: nKeys)
    offset += nKeys * 4
    postingStart = LittleEndianTable(bytes, offset: offset, count: nKeys + 1)
    offset += (nKeys + 1) * 4
    postingLicense = LittleEndianTable(bytes, offset: offset, count: nPostings)
    offset += nPostings * 2
    postingCount = LittleEndianTable(bytes, offset: offset, count: nPostings)
    offset += nPostings
    forwardStart = LittleEndianTable(bytes, offset: offset, count: nLicenses + 1)
    offset += (nLicenses + 1) * 4
    forwardHash = LittleEndianTable(bytes, offset: offset, count: nPostings)
    offset += nPostings * 4
    forwardCount = LittleEndianTable(bytes, offset: offset, count: nPostings)
    // The tables are read without bounds checks, so every offset is checked here.
    var previous: UInt32 = 0
    for k in 0...nKeys {
      let start = postingStart[k]
      guard start >= previous, Int(start) <= nPostings else { throw FingerprintIndexError("bad posting table") }
      previous = start
    }
    guard Int(previous) == nPostings else { throw FingerprintIndexError("bad posting table") }
    // Posting licence numbers are checked where they are read (a compare per posting there costs
    // less than a pass over all 700 000 of them at every start-up).
    previous = 0
    for l in 0...nLicenses {
      let start = forwardStart[l]
      guard start >= previous, Int(start) <= nPostings else { throw FingerprintIndexError("bad forward table") }
      previous = start
    }
    guard Int(previous) == nPostings else { throw FingerprintIndexError("bad forward table") }
    // bucket[b] is the first key whose top 16 bits are b or more: one pass over the sorted keys,
    // filling the buckets up to each key's own.
    let keys = keys
    self.bucket = [UInt32](unsafeUninitializedCapacity: 65_537) { out, count in
      var b = 0
      for k in 0..<nKeys {
        let top = Int(keys[k] >> 16)
        while b <= top {
          out[b] = UInt32(k)
          b += 1
        }
      }
      while b <= 65_536 {
        out[b] = UInt32(nKeys)
        b += 1
      }
      count = 65_537
    }
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

  /// The range of licence `l`'s sampled hashes in the forward tables.
  @inline(__always) func forward(_ l: Int) -> Range<Int> { Int(forwardStart[l])..<Int(forwardStart[l + 1]) }

  /// The number of distinct trigram hashes and of postings (for reports).
  public var sizes: (keys: Int, postings: Int) { (keys.count, postingLicense.count) }

  /// Licence numbers whose reference text has this exact hash.
  public func licenses(withExactHash h: UInt64) -> [Int] { byExactHash[h] ?? [] }
}

/// The bytes of an index: a copy owned here, or a read-only file mapping that lives as long as the
/// process (the embedded index is loaded once, into a `static let`).
package final class IndexStorage: @unchecked Sendable {
  /// The bytes; never written after `init`.
  package let bytes: UnsafeRawBufferPointer
  private let owned: Bool

  /// A copy of `array`.
  init(copying array: [UInt8]) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(array.count, 1), alignment: 16)
    array.withUnsafeBytes { source in
      if let from = source.baseAddress { buffer.baseAddress!.copyMemory(from: from, byteCount: source.count) }
    }
    bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<array.count])
    owned = true
  }

  /// The file at `path`, mapped read-only; nil when it cannot be opened or mapped.
  package init?(mapping path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
    let size = Int(st.st_size)
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
    bytes = UnsafeRawBufferPointer(start: base, count: size)
    owned = false
  }

  deinit {
    if owned {
      bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
    } else if let base = bytes.baseAddress {
      munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
    }
  }
}

/// A read-only table of little-endian integers inside an ``IndexStorage``, at any alignment.
/// Bounds are checked by whoever builds it (and, in debug builds, on every read).
struct LittleEndianTable<T: FixedWidthInteger>: @unchecked Sendable {
  private let base: UnsafeRawPointer?
  /// The number of values.
  let count: Int

  init(_ bytes: UnsafeRawBufferPointer, offset: Int, count: Int) {
    precondition(offset >= 0 && offset + count * MemoryLayout<T>.size <= bytes.count, "table outside the index")
    base = bytes.baseAddress.map { $0 + offset }
    self.count = count
  }

  @inline(__always) subscript(i: Int) -> T {
    assert(i >= 0 && i < count)
    return T(littleEndian: base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self))
  }
}

/// A fingerprint index that could not be read.
public struct FingerprintIndexError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong.
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { "fingerprint index: \(message)" }
}

/// Little-endian reads from bytes whose bounds the caller has checked.
struct RawReader {
  package let bytes: UnsafeRawBufferPointer
  var offset = 0

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  mutating func u8() -> UInt8 {
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func u16() -> UInt16 {
    defer { offset += 2 }
    return UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
  }

  mutating func u32() -> UInt32 {
    defer { offset += 4 }
    return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  mutating func u64() -> UInt64 {
    defer { offset += 8 }
    return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }
}

/// Builds the binary form of a ``FingerprintIndex`` (used by the `licensecheck-index` tool).
package struct FingerprintIndexBuilder {
  struct Entry {
    var id: String
    var name: String
    var flags: IndexedLicense.Flags
    var fingerprint: Fingerprint
    var minimumModulus: Int
  }
  var entries: [Entry] = []

  package init() {}

  /// Adds a licence.
  ///
  /// - Parameter minimumModulus: 4 keeps a quarter of the trigrams even of a short text (the
  ///   ScanCode texts, which are many: they would otherwise slow every lookup).
  package mutating func add(
    id: String, name: String, flags: IndexedLicense.Flags, fingerprint: Fingerprint, minimumModulus: Int = 2
  ) {
    entries.append(Entry(id: id, name: name, flags: flags, fingerprint: fingerprint, minimumModulus: minimumModulus))
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
    var forward: [[(UInt32, UInt8)]] = []
    for (n, e) in entries.enumerated() {
      let fp = e.fingerprint
      let m = max(Self.modulus(wordCount: fp.wordCount), e.minimumModulus)
      var total: UInt32 = 0
      var own: [(UInt32, UInt8)] = []
      for (h, c) in zip(fp.ngrams, fp.counts) where h % UInt32(m) == 0 {
        let c8 = UInt8(min(c, 255))
        postings[h, default: []].append((UInt16(n), c8))
        own.append((h, c8))
        total += UInt32(c8)
      }
      forward.append(own)
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
    var fstart: UInt32 = 0
    for f in forward {
      u32(fstart)
      fstart += UInt32(f.count)
    }
    u32(fstart)
    for f in forward { for p in f { u32(p.0) } }
    for f in forward { for p in f { u8(p.1) } }
    return out
  }
}
