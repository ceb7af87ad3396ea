import Foundation
import Testing

@testable import LicenseCheck

/// The binary forms the library reads at start-up say the same as their sources.
struct EmbeddedDataTests {
  @Test func binaryCatalogueEqualsTheJSONOne() throws {
    let json = try EmbeddedData.entriesFromJSON()
    #expect(!json.isEmpty)
    #expect(EmbeddedData.entries == json, "run `swift run licensecheck-index` to regenerate catalogue.bin")
  }

  @Test func catalogueRoundTripsEveryParameter() throws {
    var p = ClauseParameters()
    p.rights = [.use, .distribute]
    p.royaltyFree = true
    p.worldwide = false
    p.perpetual = true
    p.irrevocable = false
    p.nonExclusive = true
    p.nonTransferable = true
    p.limited = false
    p.owner = "licensee"
    p.noticeText = "Copyright"
    p.text = "Built with Ünïcode ✓"
    p.where = ["website", ""]
    p.requiredPhrase = "Llama"
    p.position = "prefix"
    p.scope = "file"
    p.what = "policy"
    p.mechanism = [.click, .download]
    p.metric = .annualRevenue
    p.threshold = 1.5e-3
    p.currency = "EUR"
    p.consequence = .fee
    p.reference = "https://example.com/aup"
    p.updatable = true
    p.fields = ["medical"]
    p.excluded = ["EU"]
    p.included = []
    p.who = "minors"
    p.triggers = [.breach, .atWill]
    p.jurisdiction = "California"
    p.venue = "San Mateo"
    p.limitType = "trial"
    p.days = 30
    p.unit = "cpus"
    p.limit = 4
    let mirror = Mirror(reflecting: p)
    #expect(
      mirror.children.compactMap(\.label) == CatalogueBinary.parameterFields,
      "a new ClauseParameters property needs a tag in CatalogueBinary")
    #expect(mirror.children.allSatisfy { "\($0.value)" != "nil" }, "every parameter is set above")

    let entries = try EmbeddedData.entriesFromJSON()
    let first = try #require(entries.first)
    let extra = CatalogueEntry(
      id: "X-1", name: "X", kind: .usePolicy, publisher: nil, family: "x", version: nil, releaseDate: nil, urls: [],
      aliases: CatalogueEntry.Aliases(spdx: nil, scancode: nil, huggingFace: nil, other: []),
      recognition: CatalogueEntry.Recognition(titlePatterns: [], versionPatterns: nil, distinctivePhrases: []),
      related: nil, corpusTexts: nil,
      clauses: [
        CatalogueClause(kind: .usageCap, section: "1.a", parameters: p), CatalogueClause(kind: .naming),
        CatalogueClause(kind: .termination, parameters: ClauseParameters()),
      ], notes: "")
    let bytes = CatalogueBinary.encode([first, extra])
    let decoded = try bytes.withUnsafeBytes { try CatalogueBinary.decode($0) }
    #expect(decoded == [first, extra])
    // Every cut is refused, never read past.
    for n in [0, 3, 11, bytes.count / 2, bytes.count - 1] {
      #expect(throws: CatalogueBinaryError.self) {
        try Array(bytes[0..<n]).withUnsafeBytes { try CatalogueBinary.decode($0) }
      }
    }
  }

  @Test func mappedIndexEqualsTheCopiedOne() throws {
    let mapped = EmbeddedData.index
    let path = EmbeddedData.path("fingerprints", "bin")
    let copied = try FingerprintIndex(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(mapped.licenses == copied.licenses)
    #expect(mapped.sizes == copied.sizes)
    for k in stride(from: 0, to: copied.keys.count, by: 97) {
      #expect(mapped.postings(of: copied.keys[k]) == copied.postings(of: copied.keys[k]))
    }
    #expect(mapped.postings(of: 1) == nil || copied.postings(of: 1) != nil)
  }
}
