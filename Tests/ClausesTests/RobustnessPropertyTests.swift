import Foundation
import LicenseCheck
import Testing

/// Issue 18: properties that hold for any input, checked over generated inputs (licence phrases,
/// numbers, markup, control bytes, odd line endings, mixed at random from fixed seeds).
struct RobustnessPropertyTests {
  /// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  }

  static let pieces = [
    "You may copy, modify and distribute the Software", " provided that you keep this notice", ".",
    " You must not use the Software for military purposes", " if you have more than 700 million monthly active users",
    "\"Licensee\" or \"you\" means you", " (if", ", or", "THE SOFTWARE IS PROVIDED \"AS IS\"", " WITHOUT WARRANTY",
    " governed by the laws of Ruritania", "1.", " 2)", " (a)", " Section 3", " 9300000000000000000 trillion",
    " 1e400", " -5", " $10M", "\n", "\r", "\r\n", "\n\n", "\t", " ", "# Heading\n", "- item\n", "**bold**",
    "[link](https://example.org)", "<b>", "</p>", "&amp;", "\u{1B}[31m", "\u{0007}", "\u{00A0}", "é", "☃", "\u{202E}",
    "---\nlicense: mit\n---\n", "license: *a\n", "\u{FEFF}", "((((", "))", "AND", " OR ", "WITH",
  ]

  static func input(seed: UInt64) -> [UInt8] {
    var g = Generator(state: seed)
    var s = ""
    for _ in 0..<(20 + g.below(200)) { s += pieces[g.below(pieces.count)] }
    var bytes = Array(s.utf8)
    // A few raw bytes anywhere (they may make it Windows-1252, or binary: both are fine outcomes).
    for _ in 0..<g.below(3) where !bytes.isEmpty { bytes[g.below(bytes.count)] = UInt8(g.below(256)) }
    return bytes
  }

  static func json(_ a: LicenseAnalysis) throws -> Data {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys]
    return try e.encode(a)
  }

  @Test(arguments: 0..<8)
  func spansEvidenceJSONAndDeterminism(batch: Int) throws {
    let analyzer = Analyzer()
    for k in 0..<40 {
      let seed = UInt64(batch * 1_000 + k)
      let bytes = Self.input(seed: seed)
      for name in ["LICENSE", "README.md", "page.html"] {
        guard let doc = try? DocumentReader.read(bytes: bytes, path: name) else { continue }
        let plain = Array(doc.text.utf8)
        let first = analyzer.analyze(doc)
        for c in first.clauses {
          #expect(c.span.start >= 0 && c.span.start <= c.span.end && c.span.end <= plain.count, "seed \(seed) \(name)")
          guard c.span.end <= plain.count, c.span.start <= c.span.end else { continue }
          let at = String(decoding: plain[c.span.start..<c.span.end], as: UTF8.self)
          #expect(at.contains(c.evidence), "seed \(seed) \(name): evidence not at its span")
        }
        let data = try Self.json(first)
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "seed \(seed) \(name)")
        let again = try Self.json(analyzer.analyze(try DocumentReader.read(bytes: bytes, path: name)))
        #expect(data == again, "seed \(seed) \(name): output differs between runs")
      }
    }
  }
}
