import Foundation
import LicenseCheck
import Testing

struct TraitsTests {
  /// The generated Swift data is in step with `licenses/compat/*.json`.
  @Test func generatedDataMatchesTheJSONFiles() throws {
    let dir = Corpus.packageRoot.appendingPathComponent("licenses/compat")
    for (file, catalog) in [("traits.json", TraitsCatalog.extracted), ("overrides.json", TraitsCatalog.reviewed)] {
      let data = try Data(contentsOf: dir.appendingPathComponent(file))
      let records = try JSONDecoder().decode([LicenseTraits].self, from: data)
      #expect(!records.isEmpty)
      for record in records {
        var expected = try #require(catalog.traits(for: record.id), "\(record.id) missing from the generated data")
        expected.note = record.note
        expected.origin = record.origin
        var r = record
        if file == "overrides.json" { r.origin = .reviewed }
        #expect(expected == r, "\(record.id) differs: run swift run licensecheck-compat-data swift")
      }
    }
  }

  @Test func everyMatrixLicenceHasTraits() {
    for id in OSADLMatrix.shared.ids where !id.contains(" WITH ") {
      #expect(TraitsCatalog.reviewed.traits(for: id) != nil, "\(id)")
    }
  }

  /// The AI ids the identification catalogue will map texts to.
  @Test(arguments: [
    "Llama-2", "Llama-3", "Llama-3.1", "Gemma", "BigScience-OpenRAIL-M", "CreativeML-OpenRAIL-M",
    "Stability-AI-Community", "Tongyi-Qianwen", "LLaMA-1",
  ])
  func aiIDsAreKnown(id: String) throws {
    let t = try #require(TraitsCatalog.reviewed.traits(for: id))
    #expect(t.origin == .reviewed)
    #expect(!t.restrictions.isEmpty)
    #expect(t.flowDown)
  }

  @Test func lineEncodingRoundTrips() {
    for t in TraitsCatalog.reviewed.all {
      var plain = t
      plain.note = nil
      #expect(LicenseTraits(line: t.line) == plain)
    }
  }

  @Test func traitsFromClauses() {
    func clause(_ kind: ClauseKind, _ p: ClauseParameters = ClauseParameters()) -> Clause {
      Clause(kind: kind, span: ClauseSpan(start: 0, end: 1, line: 1), evidence: "x", parameters: p)
    }
    var scope = ClauseParameters()
    scope.scope = "library"
    var litigation = ClauseParameters()
    litigation.triggers = [.litigation]
    let t = LicenseTraits(
      id: "X", clauses: [clause(.copyrightGrant), clause(.shareAlike, scope), clause(.termination, litigation)])
    #expect(t.copyleft == .library)
    #expect(t.forbidsFurtherRestrictions)
    #expect(t.extraTerms == [.patentTermination])
    #expect(t.permits == [.patentTermination])
    let ai = LicenseTraits(id: "Y", clauses: [clause(.acceptableUsePolicy), clause(.flowDown), clause(.naming)])
    #expect(ai.restrictions == [.acceptableUsePolicy])
    #expect(ai.flowDown)
    #expect(!ai.isPermissive)
    #expect(!ai.grants)
  }
}
