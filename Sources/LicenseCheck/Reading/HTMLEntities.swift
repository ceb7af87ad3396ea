/// Character references (`&amp;`, `&#169;`, `&#xA9;`) for the Markdown reader.
///
/// HTML and XML pages are decoded by libxml2; Markdown allows the same references inline.
package enum HTMLEntities {
  static let named: [String: UInt32] = [
    "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "copy": 0xA9,
    "reg": 0xAE, "trade": 0x2122, "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019,
    "ldquo": 0x201C, "rdquo": 0x201D, "hellip": 0x2026, "sect": 0xA7, "para": 0xB6, "middot": 0xB7,
    "bull": 0x2022, "eacute": 0xE9, "egrave": 0xE8, "uuml": 0xFC, "ouml": 0xF6, "auml": 0xE4,
    "szlig": 0xDF, "ccedil": 0xE7, "euro": 0x20AC, "laquo": 0xAB, "raquo": 0xBB,
  ]

  /// The string with every reference it holds decoded (`BSD 3-Clause &#34;New&#34;` → `BSD 3-Clause "New"`);
  /// the string itself when it has no `&`. Licence names in the SPDX XML attributes carry such references.
  package static func decodeAll(_ s: String) -> String {
    guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
    let src = Array(s.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(src.count)
    var i = 0
    while i < src.count {
      if src[i] == UInt8(ascii: "&"), let (v, n) = decode(src, at: i, end: src.count), let scalar = Unicode.Scalar(v) {
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
        i += n
      } else {
        out.append(src[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes a reference starting at `at` (which holds `&`); returns the scalar and the bytes consumed.
  static func decode(_ src: [UInt8], at: Int, end: Int) -> (UInt32, Int)? {
    var p = at + 1
    let limit = Swift.min(end, at + 12)
    if p < limit, src[p] == UInt8(ascii: "#") {
      p += 1
      var hex = false
      if p < limit, src[p] | 0x20 == UInt8(ascii: "x") {
        hex = true
        p += 1
      }
      var v: UInt32 = 0
      let digitsStart = p
      while p < limit, src[p] != UInt8(ascii: ";") {
        let b = src[p]
        let d: UInt32
        if b >= 0x30 && b <= 0x39 {
          d = UInt32(b - 0x30)
        } else if hex, (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 {
          d = UInt32((b | 0x20) - 0x61 + 10)
        } else {
          return nil
        }
        // Past the last code point the value is refused below; stop growing it so ten digits
        // ("&#8888888888;") cannot overflow.
        if v <= 0x10FFFF { v = v * (hex ? 16 : 10) + d }
        p += 1
      }
      guard p < limit, p > digitsStart, v > 0, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return nil }
      return (v, p + 1 - at)
    }
    let nameStart = p
    while p < limit, MarkdownReader.isLetter(src[p]) { p += 1 }
    guard p < limit, src[p] == UInt8(ascii: ";"), p > nameStart else { return nil }
    let name = String(decoding: src[nameStart..<p], as: UTF8.self)
    guard let v = named[name] else { return nil }
    return (v, p + 1 - at)
  }
}
