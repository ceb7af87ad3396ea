import Foundation
import LicenseCheck
import Testing

/// Every stage on the repository's own example (`fixtures/examples/heron-model`, our own wording), so that a
/// clone without the shared corpus still tests the whole pipeline, and the README's first commands.
struct ExampleTests {
  static let licence = Corpus.fixture("examples/heron-model/LICENSE")
  static let policy = Corpus.fixture("examples/heron-model/USE_POLICY.md")

  @Test func readingAndText() throws {
    let doc = try DocumentReader.read(path: Self.licence)
    #expect(doc.format == .text)
    #expect(doc.warnings.isEmpty)
    let structure = Segmenter.segment(TokenizedText(doc.text))
    let paths = Set(structure.sections.compactMap(\.path))
    #expect(paths.isSuperset(of: ["1", "1.a", "2", "3.c", "5.a", "6", "10"]))
    #expect(structure.definition(named: "Heron Materials") != nil)
    let card = try DocumentReader.read(path: Corpus.fixture("examples/heron-model/README.md"))
    #expect(card.format == .markdown)
    #expect(card.metadata["license_name"]?.stringValue == "heron-open-weights-1.0")
  }

  @Test func clausesIdentificationAndVerdicts() throws {
    let analysis = Analyzer().analyze(
      try DocumentReader.read(path: Self.licence), policy: try DocumentReader.read(path: Self.policy))
    #expect(analysis.identification == nil, "a made-up licence is not a known one")
    let kinds = Set(analysis.clauses.map(\.kind))
    #expect(
      kinds.isSuperset(of: [
        .copyrightGrant, .includeLicense, .attributionDisplay, .naming, .acceptableUsePolicy, .fieldOfUse,
        .usageCap, .warrantyDisclaimer, .liabilityLimitation, .termination, .governingLaw,
      ]))
    let cap = try #require(analysis.clauses.first { $0.kind == .usageCap })
    #expect(cap.parameters.threshold == 50_000_000)
    #expect(analysis.clauses.contains { $0.kind == .attributionDisplay && $0.parameters.text == "Powered by Heron" })
    #expect(analysis.clauses.contains { $0.kind == .naming && $0.parameters.requiredPhrase == "Heron" })
    #expect(analysis.clauses.contains { $0.document == "policy" && $0.kind == .fieldOfUse })
    let fails = Set(analysis.osd.filter { $0.verdict == .fail }.map(\.criterion))
    #expect(fails == ["osd-1", "osd-5", "osd-6", "osd-7"])
    #expect(!analysis.osdConformant)
  }

  @Test func compatibilityAndReports() throws {
    let checker = CompatibilityChecker()
    let r = checker.check(inbound: Self.licence, outbound: "Apache-2.0")
    #expect(r.verdict == .incompatible)
    #expect(r.basis == .derived)
    let analysis = try Analyzer().analyze(path: Self.licence)
    #expect(TextReport.render(analysis).contains("OSD conformant: no"))
    let table = try ComparisonTable([analysis], columns: ["licence", "osd", "usage-cap"])
    #expect(table.markdown().contains("50M MAU"))
    #expect(Explanation(analysis).text().contains("Heron"))
  }

  @Test func scanningTheExampleFolder() throws {
    let report = LicenseScanner().scan([Corpus.fixture("examples")], progress: nil)
    #expect(report.errors.isEmpty)
    let folder = try #require(report.folders.first { $0.path.hasSuffix("heron-model") })
    #expect(folder.licences.count == 1)
    #expect(folder.licences.first?.policy?.hasSuffix("USE_POLICY.md") == true)
  }

  /// The README's first command, as a user runs it from the repository root.
  @Test func readmeFirstCommand() throws {
    let r = try CLI.run([
      "analyze", "--policy", "fixtures/examples/heron-model/USE_POLICY.md", "fixtures/examples/heron-model/LICENSE",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    #expect(r.stdout.contains("usage-cap"))
    #expect(r.stdout.contains("OSD conformant: no"))
    let scan = try CLI.run(["scan", "fixtures/examples"])
    #expect(scan.status == 0)
    #expect(scan.stdout.contains("LICENSE + USE_POLICY.md"))
  }
}
