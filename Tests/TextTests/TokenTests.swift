import LicenseCheck
import Testing

struct TokenTests {
  /// Every token's span slices back to exactly what it was made from.
  @Test(arguments: [
    "Plain words, with punctuation.",
    "Curly “quotes” and ‘single’ ones — plus dashes – here.",
    "Ünïcödé wörds and © marks\nsecond line\r\nthird line",
    "See https://example.org/terms. Or www.example.com/x, ok?",
    "Numbers: 1,000,000 and 3.1 and 1M and 10B.",
  ])
  func spansSliceBack(_ s: String) {
    let t = TokenizedText(s)
    #expect(!t.tokens.isEmpty)
    for tok in t.tokens {
      #expect(t.slice(tok.span) == String(t.raw(tok)))
      #expect(tok.end > tok.start)
    }
    // Tokens are in order and do not overlap.
    for (a, b) in zip(t.tokens, t.tokens.dropFirst()) { #expect(a.end <= b.start) }
  }

  @Test func lineNumbers() {
    let t = TokenizedText("one\ntwo three\n\nfour")
    #expect(t.tokens.map(\.line) == [1, 2, 2, 4])
    #expect(t.line(ofOffset: 0) == 1)
    #expect(t.line(ofOffset: 5) == 2)
    #expect(t.line(ofOffset: t.bytes.count - 1) == 4)
  }

  struct NormCase: Sendable, CustomTestStringConvertible {
    let input: String
    let normals: [String]
    var testDescription: String { input }
  }

  @Test(arguments: [
    NormCase(input: "Licence LICENSE licensed licenced", normals: ["license", "license", "licensed", "licensed"]),
    NormCase(input: "“Quoted”", normals: ["\"", "quoted", "\""]),
    NormCase(input: "it’s", normals: ["it", "'", "s"]),
    NormCase(input: "a—b–c", normals: ["a", "-", "b", "-", "c"]),
    NormCase(input: "https://Example.org/Path/", normals: ["example.org/path"]),
    NormCase(input: "http://www.example.org", normals: ["example.org"]),
    NormCase(input: "1,000,000 3.1 1M", normals: ["1,000,000", "3.1", "1m"]),
    NormCase(input: "€5", normals: ["€", "5"]),
  ])
  func normalForms(_ c: NormCase) {
    let t = TokenizedText(c.input)
    #expect(t.tokens.map { t.normalized($0) } == c.normals)
  }

  @Test func kindsAndEquivalentHashes() {
    let t = TokenizedText("licence 700 https://a.example/x .")
    #expect(t.tokens.map(\.kind) == [.word, .number, .url, .punctuation])
    #expect(t.tokens[0].hash == wordHash("license"))
  }
}
