import Foundation
import Testing

@testable import LicenseCheck

/// The AI licences of the corpus, and versions made from them by editing titles and dates in memory.
struct AIIdentificationTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let file: String
    let id: String
    let family: String
    let version: String?
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(file: "llama1-noncommercial-2023.txt", id: "Llama-1", family: "llama", version: "1"),
    Case(file: "llama2.LICENSE.txt", id: "Llama-2", family: "llama", version: "2"),
    Case(file: "llama2.USE_POLICY.md", id: "Llama-2-AUP", family: "llama", version: "2"),
    Case(file: "llama3.LICENSE.txt", id: "Llama-3", family: "llama", version: "3"),
    Case(file: "llama3.USE_POLICY.md", id: "Llama-3-AUP", family: "llama", version: "3"),
    Case(file: "llama3_1.LICENSE.txt", id: "Llama-3.1", family: "llama", version: "3.1"),
    Case(file: "llama3_1.USE_POLICY.md", id: "Llama-3.1-AUP", family: "llama", version: "3.1"),
    Case(file: "gemma-terms-2024-04-01.txt", id: "Gemma-ToU-2024-04-01", family: "gemma", version: "2024-04-01"),
    Case(
      file: "gemma-prohibited-use-policy-2024-02-21.txt", id: "Gemma-PUP-2024-02-21", family: "gemma",
      version: "2024-02-21"),
    Case(file: "bigscience-openrail-m.txt", id: "BigScience-OpenRAIL-M", family: "openrail", version: nil),
    Case(
      file: "stability-ai-community-2024.txt", id: "Stability-AI-Community-2024", family: "stability-ai", version: nil),
    Case(file: "tongyi-qianwen-2023.txt", id: "Tongyi-Qianwen-2023", family: "qwen", version: nil),
  ]

  static func text(_ file: String) throws -> String {
    try DocumentReader.read(path: Corpus.path("ai/" + file)).text
  }

  @Test(.needsCorpus, arguments: cases) func corpusTextIsIdentified(_ c: Case) throws {
    let got = try #require(Identifier.standard.identify(try Self.text(c.file)))
    #expect(got.id == c.id)
    #expect(got.family == c.family)
    #expect(got.version == c.version)
    #expect(got.confidence > 0.9)
  }

  @Test(.needsCorpus) func everyCorpusTextHasACase() {
    let files = Set(Corpus.files("ai", ext: "txt") + Corpus.files("ai", ext: "md")).map {
      URL(fileURLWithPath: $0).lastPathComponent
    }
    #expect(Set(files) == Set(Self.cases.map(\.file)))
  }

  /// A corpus text with substrings replaced, to make versions the corpus lacks.
  static func edited(_ file: String, _ edits: [(String, String)]) throws -> String {
    var t = try text(file)
    for (a, b) in edits { t = t.replacingOccurrences(of: a, with: b) }
    return t
  }

  struct Variant: CustomTestStringConvertible, Sendable {
    let file: String
    let edits: [(String, String)]
    let id: String
    let note: String
    var testDescription: String { note }
  }

  static let variants: [Variant] = [
    Variant(
      file: "llama3_1.LICENSE.txt",
      edits: [("Llama 3.1", "Llama 3.3"), ("LLAMA 3.1", "LLAMA 3.3"), ("July 23, 2024", "December 6, 2024")],
      id: "Llama-3.3", note: "Llama 3.1 renamed 3.3 throughout"),
    Variant(
      file: "llama3_1.LICENSE.txt", edits: [("LLAMA 3.1 COMMUNITY", "LLAMA 3.3 COMMUNITY")], id: "Llama-3.3",
      note: "Llama 3.1 with only the title changed to 3.3"),
    Variant(
      file: "llama3_1.LICENSE.txt",
      edits: [("Llama 3.1", "Llama 3.2"), ("LLAMA 3.1", "LLAMA 3.2"), ("July 23, 2024", "September 25, 2024")],
      id: "Llama-3.2", note: "Llama 3.1 renamed 3.2"),
    Variant(file: "llama3_1.LICENSE.txt", edits: [], id: "Llama-3.1", note: "Llama 3.1 unchanged"),
    Variant(
      file: "llama3_1.USE_POLICY.md", edits: [("Llama 3.1", "Llama 3.3")], id: "Llama-3.3-AUP",
      note: "Llama 3.1 use policy renamed 3.3"),
    Variant(
      file: "gemma-terms-2024-04-01.txt", edits: [("April 1, 2024", "March 24, 2025")], id: "Gemma-ToU-2025-03-24",
      note: "Gemma terms dated 2025-03-24"),
    Variant(
      file: "gemma-terms-2024-04-01.txt", edits: [("April 1, 2024", "February 21, 2024")],
      id: "Gemma-ToU-2024-02-21", note: "Gemma terms dated 2024-02-21"),
    Variant(
      file: "tongyi-qianwen-2023.txt",
      edits: [
        ("Tongyi Qianwen LICENSE AGREEMENT", "Qwen LICENSE AGREEMENT"), ("August 3, 2023", "September 19, 2024"),
      ],
      id: "Qwen-2024", note: "Tongyi Qianwen retitled Qwen"),
  ]

  @Test(.needsCorpus, arguments: variants) func nearVersionsFollowTheTitle(_ v: Variant) throws {
    let got = try #require(Identifier.standard.identify(try Self.edited(v.file, v.edits)))
    #expect(got.id == v.id, "\(got)")
  }

  @Test(.needsCorpus) func anAddedRestrictionStillIdentifiesTheLicence() throws {
    // A Llama 3.1 text with an extra paragraph of our own.
    let t =
      try Self.text("llama3_1.LICENSE.txt")
      + "\n\n8. Additional Restriction. You may not use the Llama Materials on Tuesdays or for weather forecasting.\n"
    let got = try #require(Identifier.standard.identify(t))
    #expect(got.id == "Llama-3.1")
    #expect(got.method == "similarity")
    #expect((got.coverage ?? 0) > 0.95)
  }

  @Test(.needsCorpus) func aLicenceWithItsPolicyAppendedIsTheLicence() throws {
    let t = try Self.text("llama3_1.LICENSE.txt") + "\n\n" + Self.text("llama3_1.USE_POLICY.md")
    let got = try #require(Identifier.standard.identify(t))
    #expect(got.id == "Llama-3.1")
  }
}
