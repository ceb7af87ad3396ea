#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns input bytes into UTF-8 text plus a map back to the bytes.
///
/// Decoding is done by hand on bytes, not through Foundation, so that every
/// plain offset keeps an exact source offset and the fallback is predictable.
enum Decoding {
  struct Result {
    var utf8: [UInt8]
    var map: SourceMap
    var encoding: TextEncoding
    var warnings: [ReadWarning]
  }

  static func decode(_ bytes: [UInt8], path: String) throws(ReadError) -> Result {
    var result = try decodeEncoding(bytes, path: path)
    normalizeLoneCarriageReturns(&result.utf8)
    return result
  }

  /// Old Mac files end lines with `\r` alone. Every later stage splits lines at `\n`, so a lone `\r`
  /// becomes `\n` (one byte for one byte: spans and the source map stay as they are); `\r\n` is kept.
  static func normalizeLoneCarriageReturns(_ utf8: inout [UInt8]) {
    // memchr: the usual text has no carriage return, and the generic search cost 5 instructions a byte.
    let first: Int? = utf8.withUnsafeBytes { raw in
      guard let base = raw.baseAddress, let hit = memchr(base, 0x0D, raw.count) else { return nil }
      return base.distance(to: UnsafeRawPointer(hit))
    }
    guard let first else { return }
    var i = first
    let n = utf8.count
    while i < n {
      if utf8[i] == 0x0D, i + 1 == n || utf8[i + 1] != 0x0A { utf8[i] = 0x0A }
      i += 1
    }
  }

  static func decodeEncoding(_ bytes: [UInt8], path: String) throws(ReadError) -> Result {
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      return try utf16(bytes, littleEndian: true, path: path)
    }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      return try utf16(bytes, littleEndian: false, path: path)
    }
    var start = 0
    var encoding = TextEncoding.utf8
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      start = 3
      encoding = .utf8WithBOM
    }
    let body = bytes[start...]
    try refuseBinary(body, path: path)
    if let bad = firstInvalidUTF8(body) {
      // Not UTF-8: most such licence files in the wild are Windows-1252 (or Latin-1, its subset).
      var out: [UInt8] = []
      out.reserveCapacity(body.count + body.count / 8)
      var map = SourceMap()
      for i in body.indices {
        let b = body[i]
        let plainStart = out.count
        if b < 0x80 {
          out.append(b)
        } else {
          appendUTF8(of: windows1252Scalar(b), to: &out)
        }
        map.append(
          plainStart: plainStart, sourceStart: i, plainLength: out.count - plainStart, sourceLength: 1)
      }
      let warning = ReadWarning(
        code: "encoding-fallback",
        message:
          "not valid UTF-8 (first bad byte at offset \(bad)); decoded as Windows-1252, check accented characters")
      return Result(utf8: out, map: map, encoding: .windows1252, warnings: [warning])
    }
    return Result(
      utf8: Array(body), map: .identity(length: body.count, sourceOffset: start), encoding: encoding,
      warnings: [])
  }

  /// Binary input: a NUL byte, or more than 10 % control characters other than whitespace.
  static func refuseBinary(_ body: ArraySlice<UInt8>, path: String) throws(ReadError) {
    let sample = body.prefix(65_536)
    var controls = 0
    let zero: Bool = sample.withUnsafeBufferPointer { p in
      var i = 0
      while i < p.count {
        // Eight bytes at a time while none is below 0x20 (most words of a text: only line ends are);
        // the test (`hasless` of Bit Twiddling Hacks) never misses such a byte.
        if i + 8 <= p.count {
          let w = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
          if (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 == 0 {
            i += 8
            continue
          }
        }
        let end = Swift.min(i + 8, p.count)
        while i < end {
          let b = p[i]
          if b == 0 { return true }
          if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C { controls += 1 }
          i += 1
        }
      }
      return false
    }
    if zero { throw ReadError(.binary, path: path) }
    if !sample.isEmpty, controls * 10 > sample.count { throw ReadError(.binary, path: path) }
  }

  /// The offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
  static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
    b.withUnsafeBufferPointer { p -> Int? in
      var i = 0
      let end = p.count
      while i < end {
        // Eight ASCII bytes at a time: most of a licence text.
        if i + 8 <= end,
          UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          i += 8
          continue
        }
        let c = p[i]
        if c < 0x80 {
          i += 1
          continue
        }
        let n: Int
        var minScalar: UInt32
        var v: UInt32
        if c & 0xE0 == 0xC0 {
          n = 1
          v = UInt32(c & 0x1F)
          minScalar = 0x80
        } else if c & 0xF0 == 0xE0 {
          n = 2
          v = UInt32(c & 0x0F)
          minScalar = 0x800
        } else if c & 0xF8 == 0xF0 {
          n = 3
          v = UInt32(c & 0x07)
          minScalar = 0x10000
        } else {
          return b.startIndex + i
        }
        if i + n >= end { return b.startIndex + i }
        for k in 1...n {
          let cc = p[i + k]
          if cc & 0xC0 != 0x80 { return b.startIndex + i }
          v = (v << 6) | UInt32(cc & 0x3F)
        }
        if v < minScalar || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return b.startIndex + i }
        i += n + 1
      }
      return nil
    }
  }

  static func utf16(_ bytes: [UInt8], littleEndian: Bool, path: String) throws(ReadError) -> Result {
    let count = bytes.count - 2
    if count % 2 != 0 {
      throw ReadError(.invalidEncoding("UTF-16 input has an odd number of bytes (truncated)"), path: path)
    }
    var out: [UInt8] = []
    out.reserveCapacity(count / 2 + 16)
    var map = SourceMap()
    var i = 2
    @inline(__always) func unit(_ at: Int) -> UInt32 {
      littleEndian
        ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 : UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
    }
    var nonWhitespaceControls = 0
    while i < bytes.count {
      let u = unit(i)
      var scalar = u
      var width = 2
      if u >= 0xD800 && u <= 0xDBFF {
        guard i + 4 <= bytes.count else {
          throw ReadError(.invalidEncoding("UTF-16 input ends inside a surrogate pair"), path: path)
        }
        let lo = unit(i + 2)
        guard lo >= 0xDC00 && lo <= 0xDFFF else {
          throw ReadError(.invalidEncoding("unpaired UTF-16 surrogate at offset \(i)"), path: path)
        }
        scalar = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
        width = 4
      } else if u >= 0xDC00 && u <= 0xDFFF {
        throw ReadError(.invalidEncoding("unpaired UTF-16 surrogate at offset \(i)"), path: path)
      }
      if scalar == 0 { throw ReadError(.binary, path: path) }
      if scalar < 0x20, scalar != 0x09, scalar != 0x0A, scalar != 0x0D, scalar != 0x0C {
        nonWhitespaceControls += 1
      }
      let plainStart = out.count
      appendUTF8(of: scalar, to: &out)
      map.append(
        plainStart: plainStart, sourceStart: i, plainLength: out.count - plainStart, sourceLength: width,
        kind: out.count - plainStart == 1 && width == 2 ? .utf16 : .replaced)
      i += width
    }
    if nonWhitespaceControls * 10 > Swift.max(1, count / 2) { throw ReadError(.binary, path: path) }
    return Result(
      utf8: out, map: map, encoding: littleEndian ? .utf16LE : .utf16BE, warnings: [])
  }

  static func appendUTF8(of scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case ..<0x80: out.append(UInt8(scalar))
    case ..<0x800:
      out.append(UInt8(0xC0 | (scalar >> 6)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    case ..<0x10000:
      out.append(UInt8(0xE0 | (scalar >> 12)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (scalar >> 18)))
      out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }

  /// Windows-1252 bytes 0x80–0x9F differ from Latin-1; the rest map to U+00A0–U+00FF.
  static func windows1252Scalar(_ b: UInt8) -> UInt32 {
    let table: [UInt32] = [
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
      0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
    if b >= 0x80 && b <= 0x9F { return table[Int(b - 0x80)] }
    return UInt32(b)
  }
}
