import Foundation
import Testing

@testable import LicenseCheck

/// `--corpus` templates, explanations, segments, clause differences, model-card declarations.
struct CorpusFeatureTests {
  static func text(_ relative: String) throws -> String {
    try DocumentReader.read(path: Corpus.path(relative)).text
  }

  static var library: TemplateLibrary? { Corpus.root.flatMap { TemplateLibrary(corpusDirectory: $0.path) } }

  @Test(.needsCorpus) func templateMatchWithACorpusFolder() throws {
    let library = try #require(Self.library)
    let mit = TokenizedText(try Self.text("spdx/test/simpleTestForGenerator/MIT.txt"))
    #expect(Identifier.standard.identify(mit, library: library)?.method == "template")
    #expect(Identifier.standard.identify(mit, library: nil)?.method == "exact")
    // Only the few candidates' files are parsed; an id cannot name a path outside the folder.
    #expect(library.template(id: "MIT") != nil)
    #expect(library.template(id: "../spdx/src/MIT") == nil)
    #expect(library.template(id: "No-Such-Licence") == nil)
    #expect(library.referenceText(id: "Llama-3.1")?.isEmpty == false)
  }

  @Test func corpusOptionAndEnvironment() throws {
    #expect(try TemplateLibrary.resolve(option: nil, environment: [:]) == nil)
    #expect(throws: TemplateLibrary.MissingCorpus.self) {
      try TemplateLibrary.resolve(option: "/nonexistent/licensecheck-corpus", environment: [:])
    }
    guard let root = Corpus.root else { return }
    let fromEnv = try TemplateLibrary.resolve(option: nil, environment: ["LICENSECHECK_CORPUS": root.path])
    #expect(fromEnv?.xmlDirectory == root.path + "/spdx/src")
  }

  @Test(.needsCorpus) func analyzerReportsTemplateMethod() throws {
    let doc = try DocumentReader.read(path: Corpus.path("spdx/test/simpleTestForGenerator/BSD-3-Clause.txt"))
    let analysis = Analyzer(templates: Self.library).analyze(doc)
    #expect(analysis.identification?.id == "BSD-3-Clause")
    #expect(analysis.identification?.method == "template")
  }

  @Test(.needsCorpus) func licenceWithPolicyAppended() throws {
    let licence = try Self.text("ai/llama3_1.LICENSE.txt")
    let policy = try Self.text("ai/llama3_1.USE_POLICY.md")
    let joined = licence + "\n\n" + policy
    let segs = Identifier.standard.identifySegments(
      TokenizedText(joined), roles: ClauseExtractor.segments(of: TokenizedText(joined)))
    #expect(segs.map(\.id) == ["Llama-3.1", "Llama-3.1-AUP"])
    let licenceLines = licence.split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(segs.first?.lineStart == 1)
    #expect(abs((segs.first?.lineEnd ?? 0) - licenceLines) <= 2)
    #expect((segs.last?.lineStart ?? 0) > licenceLines)
  }

  @Test(.needsCorpus) func dualLicenceFileSplitAtSeparator() throws {
    let apache = try Self.text("spdx/test/simpleTestForGenerator/Apache-2.0.txt")
    let mit = try Self.text("spdx/test/simpleTestForGenerator/MIT.txt")
    let text = "This project may be used under either licence below.\n\n" + apache + "\n\n---\n\n" + mit
    let doc = try DocumentReader.read(bytes: Array(text.utf8), path: "dual.txt")
    let id = try #require(Analyzer().analyze(doc).identification)
    let segs = try #require(id.segments)
    #expect(segs.map(\.id) == ["Apache-2.0", "MIT"])
    #expect(segs[0].lineEnd < segs[1].lineStart)
  }

  /// No SPDX test text is reported as several licences (composites such as OpenSSL match whole).
  @Test(.needsCorpus) func singleLicencesStayWhole() throws {
    var split: [String] = []
    for path in Corpus.files("spdx/test/simpleTestForGenerator", ext: "txt") {
      guard let doc = try? DocumentReader.read(path: path) else { continue }
      if Identifier.standard.identification(of: TokenizedText(doc.text), clauses: [])?.segments != nil {
        split.append(URL(fileURLWithPath: path).lastPathComponent)
      }
    }
    #expect(split.isEmpty, "split: \(split)")
  }

  /// A Llama 3.1 text with a territory exclusion of our own: the difference names it.
  @Test(.needsCorpus) func modifiedVariantReportsAddedTerritory() throws {
    let text =
      try Self.text("ai/llama3_1.LICENSE.txt")
      + "\nYou may not use or distribute the Llama Materials in the European Union.\n"
    let doc = try DocumentReader.read(bytes: Array(text.utf8), path: "modified.txt")
    let id = try #require(Analyzer().analyze(doc).identification)
    #expect(id.id == "Llama-3.1")
    #expect(id.method == "similarity")
    #expect(id.confidence < 1)
    let diffs = try #require(id.differences)
    #expect(diffs.contains { $0.change == .added && $0.kind == .territory })
    // The unmodified text is an exact match: nothing to compare.
    let exact = Analyzer().analyze(try DocumentReader.read(path: Corpus.path("ai/llama3_1.LICENSE.txt")))
    #expect(exact.identification?.differences == nil)
  }

  @Test func changedParameterIsReported() throws {
    let entry = try #require(Catalogue.standard.entry(id: "Llama-3.1"))
    var cap = ClauseParameters()
    cap.metric = .monthlyActiveUsers
    cap.threshold = 1_000_000
    let clause = Clause(
      kind: .usageCap, span: ClauseSpan(start: 0, end: 1, line: 3), evidence: "x",
      section: "2", document: nil, parameters: cap)
    let diffs = ClauseComparison.differences(clauses: [clause], entry: entry)
    let changed = try #require(diffs.first { $0.change == .changed && $0.kind == .usageCap })
    #expect(changed.parameter == "threshold")
    #expect(changed.expected == "700000000")
    #expect(changed.found == "1000000")
    #expect(diffs.contains { $0.change == .removed && $0.kind == .governingLaw })
  }

  @Test(
    arguments: [
      ("llama3.1", nil, nil, "Llama-3.1"),
      ("other", "llama3", nil, "Llama-3"),
      ("other", "llama2", nil, "Llama-2"),
      ("other", nil, "https://llama.meta.com/llama3_1/license/", "Llama-3.1"),
      ("other", "my-own-licence", "http://www.llama.meta.com/llama3_1/license", "Llama-3.1"),
      ("apache-2.0", nil, nil, "Apache-2.0"),
      ("bigscience-openrail-m", nil, nil, "BigScience-OpenRAIL-M"),
    ] as [(String?, String?, String?, String)])
  func modelCardFieldsResolve(_ license: String?, _ name: String?, _ link: String?, _ id: String) {
    #expect(Catalogue.standard.resolve(license: license, licenseName: name, licenseLink: link).id == id)
  }

  @Test func modelCardDeclarationInAnalysis() throws {
    let card = "---\nlicense: other\nlicense_name: llama3\n---\n\n# A model card I wrote\n\nWeights for testing.\n"
    let doc = try DocumentReader.read(bytes: Array(card.utf8), path: "README.md")
    let analysis = Analyzer().analyze(doc)
    let declared = try #require(analysis.declaredLicense)
    #expect(declared.id == "Llama-3")
    #expect(declared.resolvedBy == "license_name")
    let plain = Analyzer().analyze(try DocumentReader.read(bytes: Array("No front matter here.".utf8), path: "a.txt"))
    #expect(plain.declaredLicense == nil)
    let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
    #expect(!json.contains("declaredLicense"))
  }

  @Test func wordDiffRuns() {
    let ref = TokenizedText("alpha beta gamma\ndelta epsilon")
    let text = TokenizedText("alpha beta gamma\nzeta delta")
    let d = Identifier.wordDiff(text, ref, reference: "R")
    #expect(d.sharedWords == 4)
    #expect(d.runs.map(\.change) == [.added, .removed])
    #expect(d.runs[0].words == "zeta")
    #expect(d.runs[0].line == 2)
    #expect(d.runs[1].words == "epsilon")
  }

  @Test(.needsCorpus) func explainWithCorpusGivesDiff() throws {
    let text = try Self.text("ai/llama3_1.LICENSE.txt").replacingOccurrences(of: "California", with: "Ruritania")
    let e = Identifier.standard.explain(TokenizedText(text), library: Self.library)
    #expect(e.candidates.first?.id == "Llama-3.1")
    let diff = try #require(e.diff)
    #expect(diff.reference == "Llama-3.1")
    #expect(diff.runs.contains { $0.change == .added && $0.words == "Ruritania" })
    #expect(Identifier.standard.explain(TokenizedText(text), library: nil).diff == nil)
  }

  @Test func versionNamesTheEmbeddedList() {
    #expect(embeddedSPDXListVersion != nil)
    #expect(VersionInfo.current.spdxListVersion == FingerprintIndex.standardManifest?.spdxListVersionAtLeast)
  }
}
