import Foundation
import LicenseCheck
import TestSupport
import Testing

/// Bounds that keep hostile text linear, and line breaks of every convention.
struct HostileTextTests {
  /// Longest sentence (in tokens) the splitter lets through; the same as `SentenceSplitter.maxTokens`.
  static let maxSentenceTokens = 4_000

  @Test func sentencesWithoutTerminatorsAreCut() {
    let text = TokenizedText(String(repeating: "word and ", count: 25_000))
    let s = Segmenter.segment(text)
    #expect(s.sentences.count >= 10)
    #expect(s.sentences.allSatisfy { $0.tokenRange.count <= Self.maxSentenceTokens })
    // Together the pieces still cover every token, in order.
    #expect(s.sentences.first?.tokenRange.lowerBound == 0)
    #expect(s.sentences.last?.tokenRange.upperBound == text.tokens.count)
  }

  /// The bound never cuts a real licence sentence: every corpus text stays under it.
  @Test(.enabled(if: Corpus.available, "needs ../shared/corpus"))
  func corpusSentencesAreUnderTheBound() throws {
    var longest = (0, "")
    for dir in ["ai", "spdx/test/simpleTestForGenerator", "spdx/src", "wild/debian", "scancode/licenses"] {
      for ext in ["txt", "md", "html", "xml", "LICENSE"] {
        for path in Corpus.files(dir, ext: ext) {
          guard let doc = try? DocumentReader.read(path: path) else { continue }
          let s = Segmenter.segment(TokenizedText(doc.text))
          for sentence in s.sentences where sentence.tokenRange.count > longest.0 {
            longest = (sentence.tokenRange.count, path)
          }
        }
      }
    }
    print("longest corpus sentence: \(longest.0) tokens in \(longest.1)")
    #expect(longest.0 < Self.maxSentenceTokens)
  }
}
