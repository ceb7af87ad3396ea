import LicenseCheck
import Testing

/// Names are decoded once when the catalogue is built: no output shows `&#34;` (or, in HTML, `&amp;#34;`).
struct NameTests {
  /// True when the string holds something that looks like a character reference: `&` then `#` or letters and `;`.
  static func hasEntity(_ s: String) -> Bool {
    let b = Array(s.utf8)
    for (i, c) in b.enumerated() where c == UInt8(ascii: "&") {
      var j = i + 1
      if j < b.count, b[j] == UInt8(ascii: "#") { return true }
      while j < b.count, (b[j] | 0x20) >= 0x61, (b[j] | 0x20) <= 0x7A { j += 1 }
      if j > i + 1, j < b.count, b[j] == UInt8(ascii: ";") { return true }
    }
    return false
  }

  @Test func everyNameIsDecoded() {
    let index = FingerprintIndex.standard.licenses.filter { Self.hasEntity($0.name) }.map(\.id)
    #expect(index.isEmpty, "\(index)")
    let spdx = Catalogue.standard.spdx.filter { Self.hasEntity($0.name) }.map(\.id)
    #expect(spdx.isEmpty, "\(spdx)")
    let entries = Catalogue.standard.entries.filter { Self.hasEntity($0.name) }.map(\.id)
    #expect(entries.isEmpty, "\(entries)")
  }

  @Test func bsd3ClauseHasItsQuotes() throws {
    let bsd = try #require(FingerprintIndex.standard.licenses.first { $0.id == "BSD-3-Clause" })
    #expect(bsd.name == "BSD 3-Clause \"New\" or \"Revised\" License")
  }

  @Test func theCheckSeesEntities() {
    #expect(Self.hasEntity("a &#34;b&#34;"))
    #expect(Self.hasEntity("a &amp; b"))
    #expect(!Self.hasEntity("AT&T and R&D"))
  }
}
