/// JSON string escaping shared by the JSON writers: the exact bytes `JSONEncoder` writes, so that
/// hand-written output and encoder output can be compared byte for byte.
enum JSONEscape {
  /// A JSON string with `JSONEncoder`'s escapes: quote, backslash, and control characters below
  /// 0x20 (`\b \f \n \r \t`, else `\u00xx` in lower-case hex); slashes and everything else as is.
  static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
    var s = s
    bytes.append(0x22)
    s.withUTF8 { buf in
      var mark = 0
      var i = 0
      let n = buf.count
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while i < n {
        // Eight bytes at a time while none is a control character, a quote or a backslash (a
        // word's high bits flag a byte below 0x20, or equal to 0x22 or 0x5C once xored with it;
        // bytes from 0x80 up are never flagged).
        if i &+ 8 <= n {
          let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
          let quote = w ^ (0x22 &* ones)
          let backslash = w ^ (0x5C &* ones)
          let flags =
            ((w &- 0x20 &* ones) & ~w) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
          if flags & highs == 0 {
            i &+= 8
            continue
          }
        }
        let c = buf[i]
        if c >= 0x20 && c != 0x22 && c != 0x5C {
          i += 1
          continue
        }
        if i > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[mark..<i])) }
        bytes.append(0x5C)
        switch c {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x08: bytes.append(0x62)
        case 0x0C: bytes.append(0x66)
        case 0x0A: bytes.append(0x6E)
        case 0x0D: bytes.append(0x72)
        case 0x09: bytes.append(0x74)
        default:
          let hex: StaticString = "0123456789abcdef"
          let h = hex.utf8Start
          bytes.append(contentsOf: [0x75, 0x30, 0x30, h[Int(c >> 4)], h[Int(c & 15)]])
        }
        i += 1
        mark = i
      }
      if n > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[mark..<n])) }
    }
    bytes.append(0x22)
  }
}
