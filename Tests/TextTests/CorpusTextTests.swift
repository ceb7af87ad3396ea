import Foundation
import LicenseCheck
import Testing

/// Reads a corpus text (the suite is skipped without the corpus).
func corpusText(_ relative: String) throws -> TokenizedText {
  return TokenizedText(try String(contentsOfFile: Corpus.path(relative), encoding: .utf8))
}

@Suite(.needsCorpus) struct CorpusTextTests {
  @Test func llama31Definitions() throws {
    let t = try corpusText("ai/llama3_1.LICENSE.txt")
    let s = Segmenter.segment(t)
    for term in ["Llama Materials", "Llama 3.1", "Documentation", "Licensee", "you", "Meta", "we", "Agreement"] {
      let d = try #require(s.definition(named: term), "\(term)")
      #expect(t.slice(d.definitionSpan).contains("means"))
    }
    let licensee = try #require(s.definition(named: "licensee"))
    #expect(s.definition(named: "you")?.definitionSpan == licensee.definitionSpan)
  }

  @Test(arguments: ["ai/llama2.LICENSE.txt", "ai/llama3.LICENSE.txt", "ai/llama3_1.LICENSE.txt"])
  func llamaUserThreshold(_ file: String) throws {
    let t = try corpusText(file)
    let qs = Quantities.find(in: t)
    let q = try #require(qs.first { $0.value == 7e8 })
    #expect(t.slice(q.span) == "700 million")
    // Nothing else in these texts is an amount except small counts; no versions or dates.
    #expect(!qs.contains { $0.value == 3.1 || $0.value == 2024 || $0.value == 2023 })
  }

  @Test func llama31Sections() throws {
    let t = try corpusText("ai/llama3_1.LICENSE.txt")
    let s = Segmenter.segment(t)
    let two = try #require(s.sections.first { $0.path == "2" })
    #expect(two.heading == "Additional Commercial Terms")
    #expect(two.level == 1)
    #expect(s.sections.contains { $0.path == "1.b.i" })
    #expect(s.sections.contains { $0.path == "1.b.iv" })
    #expect(s.sections.first { $0.path == "1.a" }?.heading == "Grant of Rights")
    // The 700 million threshold sits in section 2.
    let q = try #require(Quantities.find(in: t).first { $0.value == 7e8 })
    #expect(s.innermostSection(containing: q.span.start)?.path == "2")
  }

  @Test func apacheSections() throws {
    let t = try corpusText("spdx/test/simpleTestForGenerator/Apache-2.0.txt")
    let s = Segmenter.segment(t)
    let top = s.sections.filter { $0.level == 1 }.compactMap(\.number)
    #expect(top == (1...9).map(String.init))
    #expect(s.sections.first?.heading == "Definitions")
    for term in ["License", "Licensor", "Legal Entity", "You", "Source", "Object", "Work", "Derivative Works"] {
      #expect(s.definition(named: term) != nil, "\(term)")
    }
  }

  @Test func gemmaDefinitionsAndSections() throws {
    let t = try corpusText("ai/gemma-terms-2024-04-01.txt")
    let s = Segmenter.segment(t)
    for term in ["Gemma", "Model Derivatives", "Hosted Service", "Output", "Agreement", "Distribution", "Google"] {
      #expect(s.definition(named: term) != nil, "\(term)")
    }
    #expect(s.sections.first?.number == "1")
    #expect(s.sections.first?.heading == "DEFINITIONS")
    #expect(s.sections.contains { $0.path == "1.1.e" })
    #expect(s.sections.contains { $0.path == "3.2" && $0.heading == "Use Restrictions" })
  }

  @Test func openRailSections() throws {
    let t = try corpusText("ai/bigscience-openrail-m.txt")
    let s = Segmenter.segment(t)
    #expect(s.sections.filter { $0.level == 1 }.compactMap(\.number).prefix(4) == ["I", "II", "III", "IV"])
    #expect(s.sections.contains { $0.number == "5" && $0.path == "III.5" })
    #expect(s.definition(named: "Derivatives of the Model")?.termTokenCount == 4)
  }

  @Test func tongyiThreshold() throws {
    let t = try corpusText("ai/tongyi-qianwen-2023.txt")
    #expect(Quantities.find(in: t).map(\.value) == [1e8])
  }

  @Test func stabilityRevenueCap() throws {
    let t = try corpusText("ai/stability-ai-community-2024.txt")
    let money = Quantities.find(in: t).filter { $0.currency != nil }
    #expect(!money.isEmpty)
    #expect(money.allSatisfy { $0.value == 1e6 && $0.currency == "USD" })
  }

  /// Every SPDX plain text and every AI licence: no crash, spans in bounds and ordered,
  /// sentences partition the tokens, sections nest.
  @Test func wholeCorpusInvariants() throws {
    let files =
      Corpus.files("spdx/test/simpleTestForGenerator", ext: "txt") + Corpus.files("ai", ext: "txt")
      + Corpus.files("ai", ext: "md")
    #expect(files.count >= 819 + 12)
    var totals = (sentences: 0, sections: 0, definitions: 0, quantities: 0)
    for file in files {
      let data = try Data(contentsOf: URL(fileURLWithPath: file))
      let t = TokenizedText(String(decoding: data, as: UTF8.self))
      let s = Segmenter.segment(t)
      let qs = Quantities.find(in: t)
      let size = t.bytes.count
      var next = 0
      var lastEnd = 0
      for sentence in s.sentences {
        if sentence.tokenRange.lowerBound != next || sentence.span.start < lastEnd || sentence.span.end > size
          || sentence.tokenRange.isEmpty
        {
          Issue.record("bad sentence in \(file): \(sentence)")
          break
        }
        next = sentence.tokenRange.upperBound
        lastEnd = sentence.span.end
      }
      #expect(next == t.tokens.count, "\(file)")
      var prev: Section?
      for sec in s.sections {
        #expect(sec.span.end <= size && sec.span.contains(sec.markerSpan), "\(file)")
        if let p = prev { #expect(p.span.start < sec.span.start, "\(file)") }
        prev = sec
      }
      // Laminar: two sections either nest or do not overlap.
      for (a, b) in zip(s.sections, s.sections.dropFirst()) where b.span.start < a.span.end {
        #expect(a.span.contains(b.span) && b.level > a.level, "\(file) \(a.path ?? "") \(b.path ?? "")")
      }
      for h in s.headings { #expect(h.span.end <= size && !h.text.isEmpty, "\(file)") }
      for d in s.definitions {
        #expect(d.definitionSpan.end <= size && d.termSpan.end <= size && d.termTokenCount > 0, "\(file)")
      }
      for (a, b) in zip(qs, qs.dropFirst()) { #expect(a.tokenRange.upperBound <= b.tokenRange.lowerBound) }
      totals.sentences += s.sentences.count
      totals.sections += s.sections.count
      totals.definitions += s.definitions.count
      totals.quantities += qs.count
    }
    print("corpus: \(files.count) files, \(totals)")
  }
}
