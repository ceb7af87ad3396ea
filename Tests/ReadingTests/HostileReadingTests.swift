import Foundation
import LicenseCheck
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 18, reading layer: front matter, numbers, special files, line endings, SPDX XML nesting.
/// Each input is generated here or written under fixtures/fuzz/; each must give a clean result or a
/// clean error (a hang or a crash fails the run).
struct HostileReadingTests {
  static func card(_ frontMatter: String, body: String = "# Card\n\nYou may use the model for any purpose.\n")
    -> [UInt8]
  {
    Array(("---\n" + frontMatter + "---\n" + body).utf8)
  }

  static func read(_ bytes: [UInt8], path: String = "README.md") throws -> Document {
    try DocumentReader.read(bytes: bytes, path: path)
  }

  /// Seven levels of anchors, each a list of nine aliases of the previous (9^7 nodes if expanded).
  static func aliasBomb(levels: Int) -> String {
    var y = "a0: &a0 [x]\n"
    for i in 1...levels {
      y += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    return y + "license: *a\(levels)\ntags: *a\(levels)\n"
  }

  // MARK: 1, 2: front matter

  @Test(arguments: [7, 30])
  func aliasBombIsRefusedAndTheBodyRead(levels: Int) throws {
    let doc = try Self.read(Self.card(Self.aliasBomb(levels: levels)))
    #expect(doc.metadata["license"] == nil)
    #expect(doc.metadata["tags"] == nil)
    #expect(doc.warnings.contains { $0.code == "front-matter-refused" && $0.message.contains("alias") })
    #expect(doc.text.contains("You may use the model for any purpose."))
  }

  @Test func aliasBombFixtureIsRefused() throws {
    let doc = try DocumentReader.read(path: Corpus.fixture("fuzz/alias-bomb/README.md"))
    #expect(doc.metadata["license"] == nil)
    #expect(doc.warnings.contains { $0.code == "front-matter-refused" })
    #expect(doc.text.contains("Quillwort"))
  }

  @Test(arguments: ["[", "{", "- "])
  func deepNestingIsRefusedWithoutRecursion(opener: String) throws {
    let deep = "license: " + String(repeating: opener, count: 20_000) + "\n"
    let doc = try Self.read(Self.card(deep))
    #expect(doc.metadata["license"] == nil || doc.metadata["license"] == .string(""))
    #expect(doc.text.contains("You may use the model"))
    let nestedList = "tags:\n" + String(repeating: "- ", count: 20_000) + "x\n"
    let doc2 = try Self.read(Self.card(nestedList))
    #expect(doc2.metadata["tags"] == nil)
    #expect(doc2.warnings.contains { $0.code == "front-matter-refused" })
  }

  @Test func theKeysLicencecheckUsesAreRead() throws {
    let yaml = """
      # a comment
      license: "apache-2.0" # trailing comment
      license_name: 'quillwort ''community'''
      license_link: >
        https://example.org/quillwort/LICENSE
      base_model: &base org/quillwort-7b
      datasets: [org/one, "org/two", 'org/three']
      tags:
        - text-generation
        - !!str gardening
      model-index:
        - name: quillwort
          results:
            - task: {type: text-generation}
      language:
      - en

      """
    let doc = try Self.read(Self.card(yaml))
    #expect(doc.metadataString("license") == "apache-2.0")
    #expect(doc.metadataString("license_name") == "quillwort 'community'")
    #expect(doc.metadataString("license_link") == "https://example.org/quillwort/LICENSE")
    #expect(doc.metadataString("base_model") == "org/quillwort-7b")
    #expect(doc.metadata["datasets"] == .list([.string("org/one"), .string("org/two"), .string("org/three")]))
    #expect(doc.metadata["tags"] == .list([.string("text-generation"), .string("gardening")]))
    // Keys licensecheck does not use are not kept.
    #expect(doc.metadata["model-index"] == nil)
    #expect(doc.warnings.isEmpty)
  }

  @Test func oversizedValuesAreRefused() throws {
    let long = "license: " + String(repeating: "x", count: 10_000) + "\n"
    let doc = try Self.read(Self.card(long))
    #expect(doc.metadata["license"] == nil)
    #expect(doc.warnings.contains { $0.code == "front-matter-refused" })
    let many = "tags: [" + (0..<5_000).map { "t\($0)" }.joined(separator: ", ") + "]\n"
    let doc2 = try Self.read(Self.card(many))
    #expect(doc2.metadata["tags"] == nil)
  }

  // MARK: 3: numbers

  @Test(arguments: [
    "greater than 9300000000000000000 trillion users",
    "more than 1" + String(repeating: "0", count: 310) + " monthly active users",
    "revenue over US$ 99999999999999999999 billion",
  ])
  func hugeNumbersStayTextWithAWarning(phrase: String) throws {
    let text = "You may not use the software if you have \(phrase).\n"
    let doc = try Self.read(Array(text.utf8), path: "LICENSE")
    #expect(doc.warnings.contains { $0.code == "number-out-of-range" })
    let quantities = Quantities.find(in: TokenizedText(doc.text))
    #expect(quantities.allSatisfy { $0.value.isFinite && $0.value < Quantities.maximum })
  }

  @Test func ordinaryAmountsAreStillQuantities() {
    let q = Quantities.find(in: TokenizedText("more than 700 million monthly active users and US$10 trillion"))
    #expect(q.map(\.value) == [7e8, 1e13])
  }

  // MARK: 5: special files

  @Test func fifosAreRefusedWithoutBlocking() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lc-fifo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("LICENSE").path
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(throws: ReadError(.notRegularFile, path: fifo)) { try DocumentReader.read(path: fifo) }
    #expect(throws: ReadError(.notRegularFile, path: fifo)) { try DocumentReader.bytes(path: fifo, limit: 100) }
  }

  @Test func devicesAreRefused() {
    #expect(throws: ReadError(.notRegularFile, path: "/dev/zero")) { try DocumentReader.read(path: "/dev/zero") }
    #expect(throws: ReadError(.notRegularFile, path: "/dev/null")) { try DocumentReader.read(path: "/dev/null") }
  }

  // MARK: 7: SPDX XML

  @Test(arguments: [30, 200])
  func nestedOptionalsReadInLinearTime(levels: Int) throws {
    let body =
      String(repeating: "<optional>", count: levels) + "some words"
      + String(
        repeating: "</optional>", count: levels) + " after"
    let doc = try DocumentReader.read(bytes: HostileInputTests.spdx(body: body), path: "nested.xml")
    #expect(doc.text.contains("some words after"))
  }

  // MARK: Found by fuzzing

  /// The `reader` fuzz target: Markdown without a final newline mapped its last line break one
  /// byte past the input.
  @Test func sourceMapStaysInsideTheInput() throws {
    let path = Corpus.fixture("fuzz/reader-markdown-no-final-newline.md")
    for format in [SourceFormat.markdown, .text, .html] {
      let doc = try DocumentReader.read(path: path, options: ReadOptions(format: format))
      let plain = doc.text.utf8.count
      for offset in 0...plain {
        let s = doc.sourceMap.sourceSpan(of: Span(start: offset, end: offset))
        #expect(s.end <= doc.originalBytes.count, "\(format) plain offset \(offset)")
        if offset < plain {
          let one = doc.sourceMap.sourceSpan(of: Span(start: offset, end: offset + 1))
          #expect(one.end <= doc.originalBytes.count, "\(format) plain byte \(offset)")
        }
      }
    }
  }

  /// Found by the `extractor` fuzz target: an advertising clause ("must display the following
  /// acknowledgement:") followed by a line of punctuation only read the words of a word-less
  /// sentence (a runtime trap). The clause is still found; it just has no text to quote.
  @Test func acknowledgementBeforeAWordlessLine() throws {
    let doc = try DocumentReader.read(path: Corpus.fixture("fuzz/extractor-wordless-acknowledgement.txt"))
    let a = Analyzer().analyze(doc)
    let shown = a.clauses.filter { $0.kind == .attributionDisplay }
    #expect(!shown.isEmpty)
    for c in shown { #expect(c.parameters.text?.contains("Quillwort") != true) }
  }

  // MARK: 13: line endings

  static let threeLines = "Licence of the Quillwort Garden\nYou may copy it.\nYou must keep this notice.\n"

  @Test func carriageReturnsAloneAreLineBreaks() throws {
    let lf = try Self.read(Array(Self.threeLines.utf8), path: "LICENSE")
    let crText = Self.threeLines.replacingOccurrences(of: "\n", with: "\r")
    let cr = try Self.read(Array(crText.utf8), path: "LICENSE")
    #expect(cr.text == lf.text)
    #expect(TokenizedText(cr.text).tokens.map(\.line) == TokenizedText(lf.text).tokens.map(\.line))
    // CRLF is left as written.
    let crlf = try Self.read(Array(Self.threeLines.replacingOccurrences(of: "\n", with: "\r\n").utf8), path: "LICENSE")
    #expect(crlf.text.contains("\r\n"))
    #expect(TokenizedText(crlf.text).tokens.last?.line == 3)
  }

  @Test func carriageReturnFixtureMatchesItsLineFeedTwin() throws {
    let cr = try DocumentReader.read(path: Corpus.fixture("fuzz/cr-only.txt"))
    let lf = try DocumentReader.read(path: Corpus.fixture("fuzz/cr-only.expected.txt"))
    #expect(cr.text == lf.text)
    let a = Analyzer().analyze(cr)
    let b = Analyzer().analyze(lf)
    #expect(a.clauses == b.clauses)
  }

  /// Found by the `reader` fuzz target after 47 minutes: a numeric character reference of ten
  /// digits overflowed a 32-bit value (a runtime trap). Such references are left as written.
  @Test func hugeNumericReferencesStayText() throws {
    let doc = try DocumentReader.read(path: Corpus.fixture("fuzz/reader-entity-overflow.md"))
    #expect(doc.text.contains("&#8888888888;"))
    #expect(doc.text.contains("&#x7FFFFFFFF;"))
    for format in [SourceFormat.html, .markdown] {
      let bytes = Array("x &#9999999999; &#x10FFFF0; y".utf8)
      _ = try DocumentReader.read(bytes: bytes, path: "t", options: ReadOptions(format: format))
    }
  }
}
