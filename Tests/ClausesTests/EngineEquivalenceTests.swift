import Foundation
import TestSupport
import Testing

@testable import LicenseCheck

/// The byte-level fast paths give what the slower string code they replaced gave. Texts written here.
struct EngineEquivalenceTests {
  /// The character-level folding the unexplained finder used before.
  static func foldedByCharacters(_ s: String) -> String {
    s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
  }

  @Test(arguments: [
    "", "\n", "\n\n\t", "one line", "  spaced  ", "a\nb", "a\n\n\nb", "\ta\tb\t", "a\r\nb", "\r\n", "a\r\r\nb",
    "a\n\r\nb\r", "a\rb", "résumé\nnaïve\tœuvre", "x \n y", "\u{301}\nx", "e\n\u{301}", "end\n",
    "Licensee must\n  keep this notice\r\n\tin every copy.",
  ])
  func foldedMatchesCharacterSplit(_ s: String) {
    let bytes = Array(s.utf8)
    #expect(UnexplainedFinder.folded(bytes[...]) == Self.foldedByCharacters(s))
  }
}

/// The one-pass sentence matcher answers every question about a catalogued phrase set exactly as a
/// scan of the sentence does: over the project's own fixture texts, every sentence, every set, the
/// whole sentence and a range inside it.
struct SentenceMatcherEquivalenceTests {
  static let texts: [String] = {
    let dir = URL(fileURLWithPath: Corpus.fixture("texts"))
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.sorted().compactMap { try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
      + [
        "You can't use it, and we won't let you; licensees shall not sublicense. The Licensor's discriminatory acts.",
        "Permission is hereby granted, free of charge, to deal in the Software without restriction.",
      ]
  }()

  @Test func catalogueCoversTheRules() {
    #expect(PhraseCatalogue.all.count > 300)
    #expect(PhraseCatalogue.matcher.setCount > 250)
  }

  @Test func catalogueAnswersEqualScans() {
    #expect(Self.texts.count > 20)
    var questions = 0
    for body in Self.texts {
      let text = TokenizedText(body)
      let views = ExtractionContext.makeViews(text, Segmenter.segment(text))
      for v in views {
        let n = v.count
        var ranges = [0..<n]
        if n > 3 { ranges.append(1..<(n - 1)) }
        if n > 6 { ranges.append((n / 2)..<n) }
        for set in PhraseCatalogue.all {
          #expect(v.has(set) == (v.scanFirst(set, in: 0..<n) != nil))
          for r in ranges {
            questions += 1
            let a = v.first(set, in: r)
            let b = v.scanFirst(set, in: r)
            if a != b {
              Issue.record("first differs: sentence \(v.index) of \(body.prefix(40)), \(set.patterns.prefix(3))")
            }
            let c = v.find(set, in: r)
            let d = v.scanFind(set, in: r)
            if c != d {
              Issue.record("find differs: sentence \(v.index) of \(body.prefix(40)), \(set.patterns.prefix(3))")
            }
          }
        }
      }
    }
    #expect(questions > 10_000)
  }
}

/// The word-hash tables that replaced `Set<UInt64>` and `[UInt64: [UInt8]]` answer as those did.
struct WordTableTests {
  @Test func wordSetMatchesSet() {
    let words = ["the", "licence", "not", "no", "", "x", "zebra"].map(wordHash) + [0, 1, UInt64.max]
    let set = WordSet(words)
    for w in words { #expect(set.contains(w)) }
    for w in ["license", "them", "y", "never"].map(wordHash) + [2, UInt64.max - 1] {
      #expect(set.contains(w) == words.contains(w))
    }
    #expect(!WordSet([UInt64]()).contains(0))
  }

  @Test func equivalentSpellingsFold() {
    for (variant, canonical) in Equivalents.table {
      #expect(Equivalents.hashed.canonical(fnv1a64(variant.utf8)) == Array(canonical.utf8))
    }
    #expect(Equivalents.hashed.canonical(fnv1a64("license".utf8)) == nil)
    #expect(TokenizedText("Licence").normalized(TokenizedText("Licence").tokens[0]) == "license")
  }
}
