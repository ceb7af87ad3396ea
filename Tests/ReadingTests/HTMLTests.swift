import Foundation
import LicenseCheck
import Testing

/// Checks that every occurrence of `word` in the plain text maps back to the same bytes in the source.
func expectWordRoundTrips(_ doc: Document, _ word: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let plain = Array(doc.text.utf8)
  let needle = Array(word.utf8)
  let hits = plain.ranges(of: needle)
  #expect(!hits.isEmpty, "\(word) not in the plain text", sourceLocation: sourceLocation)
  for hit in hits {
    let source = doc.sourceMap.sourceSpan(of: Span(start: hit.lowerBound, end: hit.upperBound))
    let got = String(decoding: doc.originalBytes[source.start..<source.end], as: UTF8.self)
    #expect(got == word, "\(word) at plain \(hit.lowerBound) maps to \(got)", sourceLocation: sourceLocation)
  }
}

/// The share of word tokens whose source span holds exactly the same bytes. A word
/// assembled across markup (`make<optional>s</optional>`) counts as exact when its
/// source reads the same with the tags taken out.
func exactWordShare(_ doc: Document) -> (exact: Int, total: Int, misses: [String]) {
  let t = TokenizedText(doc.text)
  var exact = 0
  var total = 0
  var misses: [String] = []
  func withoutTags(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    var inTag = false
    for b in bytes {
      if b == 0x3C { inTag = true } else if b == 0x3E, inTag { inTag = false } else if !inTag { out.append(b) }
    }
    return out
  }
  for token in t.tokens where token.kind == .word {
    total += 1
    let source = doc.sourceMap.sourceSpan(of: token.span)
    let raw = t.raw(token)
    if source.end <= doc.originalBytes.count,
      doc.originalBytes[source.start..<source.end].elementsEqual(raw.utf8)
        || withoutTags(doc.originalBytes[source.start..<source.end]).elementsEqual(raw.utf8)
    {
      exact += 1
    } else if misses.count < 5 {
      misses.append(
        "\(raw)→\(String(decoding: doc.originalBytes[source.start..<min(source.end, doc.originalBytes.count)], as: UTF8.self))"
      )
    }
  }
  return (exact, total, misses)
}

struct HTMLTests {
  static func page() throws -> Document {
    try DocumentReader.read(path: Corpus.fixture("reading/licence-page.html"))
  }

  @Test func chromeAndCodeAreDropped() throws {
    let doc = try Self.page()
    #expect(doc.format == .html)
    for hidden in ["SCRIPTWORD", "NAVWORD", "NOSCRIPTWORD", "TEMPLATEWORD", "COMMENTWORD", "font-family", "tracker"] {
      #expect(!doc.text.contains(hidden), "\(hidden) should be dropped")
    }
    // Header and footer stay: pages put titles and notices there.
    #expect(doc.text.contains("Quillwort Garden Software"))
    #expect(doc.text.contains("Contact the gardeners at example.org"))
    #expect(doc.warnings.isEmpty)
  }

  @Test func metadataComesFromTheHead() throws {
    let doc = try Self.page()
    #expect(doc.metadataString("title") == "Quillwort Public Licence \u{2013} Version 1.0")
    #expect(doc.metadataString("license") == "QPL-fixture-1.0")
    #expect(doc.metadataString("og:title") == "Quillwort Licence")
    #expect(doc.metadataString("lang") == "en")
    #expect(doc.metadataString("description")?.hasPrefix("The Quillwort Public Licence") == true)
    // The title is metadata, not body text (the body has its own h1).
    #expect(!doc.text.contains("Version 1.0 \u{2013}"))
  }

  @Test func textIsDecodedCollapsedAndBroken() throws {
    let doc = try Self.page()
    let lines = doc.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.contains("Quillwort Public Licence"))
    #expect(lines.contains("Version 1.0 \u{2014} spring edition"))
    #expect(lines.contains("Copyright \u{A9} 2031 The Quillwort Gardeners & Friends."))
    #expect(
      lines.contains("Anyone who receives a copy of this work may plant, grow, prune and share it, on the terms below.")
    )
    // List items on lines of their own.
    #expect(lines.contains("Keep this notice with every cutting you pass on."))
    #expect(lines.contains("Do not claim that the original seed was yours; \u{201C}credit the grower\u{201D}."))
    #expect(lines.contains("Fees <of any kind> are permitted for planting services."))
    // pre keeps its spacing; br breaks the line; nbsp survives as a character.
    #expect(doc.text.contains("  Section   A:   spacing\n  kept   here"))
    #expect(lines.contains("THE WORK COMES AS\u{A0}IS, with no promise that it will flower."))
    #expect(lines.contains("Second line after a break."))
    #expect(lines.contains("Term Meaning"))
    #expect(lines.contains("grower the person who shares"))
    // Paragraphs are separated by one blank line, never more.
    #expect(!doc.text.contains("\n\n\n"))
    #expect(!doc.text.hasPrefix("\n"))
  }

  @Test(arguments: ["Quillwort", "plant", "grow", "prune", "cutting", "grower", "spacing", "Friends", "flower", "Fees"])
  func wordsMapBackToTheSource(word: String) throws {
    expectWordRoundTrips(try Self.page(), word)
  }

  @Test func everyWordMapsExactlyAndEntitiesMapToTheirReference() throws {
    let doc = try Self.page()
    let share = exactWordShare(doc)
    #expect(share.exact == share.total, "\(share.misses)")
    let plain = Array(doc.text.utf8)
    let copyright = try #require(plain.firstRange(of: Array("\u{A9}".utf8)))
    let source = doc.sourceMap.sourceSpan(of: Span(start: copyright.lowerBound, end: copyright.upperBound))
    #expect(String(decoding: doc.originalBytes[source.start..<source.end], as: UTF8.self) == "&copy;")
  }

  @Test func brokenHTMLIsReadLeniently() throws {
    let html = "<html><body><p>Unclosed <b>bold <i>words</p><li>stray item<div>tail &bogus; end"
    let doc = try DocumentReader.read(bytes: Array(html.utf8), path: "broken.html")
    #expect(doc.text.contains("Unclosed bold words"))
    #expect(doc.text.contains("stray item"))
    #expect(doc.text.contains("tail &bogus; end"))
    expectWordRoundTrips(doc, "stray")
    expectWordRoundTrips(doc, "tail")
  }

  @Test func windowsLineEndingsAndCharacterReferencesMap() throws {
    let html = "<html><body>\r\n<p>First&#32;line\r\nsecond &#x263A; smile</p>\r\n</body></html>"
    let doc = try DocumentReader.read(bytes: Array(html.utf8), path: "crlf.html")
    #expect(doc.text.contains("First line second \u{263A} smile"))
    expectWordRoundTrips(doc, "second")
    expectWordRoundTrips(doc, "smile")
  }
}

extension HTMLTests {
  @Test func textJoinedAcrossAStrayEndTagStillMaps() throws {
    // libxml2 drops the stray </i> and makes "x end" one text node.
    let html = "<html><body><p>unclosed <b>x</i> end</p></body></html>"
    let doc = try DocumentReader.read(bytes: Array(html.utf8), path: "stray.html")
    #expect(doc.text.contains("unclosed x end"))
    #expect(doc.warnings.isEmpty)
    expectWordRoundTrips(doc, "end")
  }
}
