import Foundation
import Testing

@testable import LicenseCheck

/// Behaviour that needs no corpus: refusal, aliases, the embedded data.
struct IdentifierTests {
  /// The radix sort of trigram hashes gives the standard sort's order for every size and spread.
  @Test(arguments: [0, 1, 2, 63, 64, 65, 300, 5_000])
  func radixSortAgreesWithSort(count: Int) {
    var seed: UInt64 = UInt64(count) &+ 7
    for spread in [UInt32.max, 0xFF, 0xFF00, 0xFFFF_0000, 0] {
      var a: [UInt32] = []
      for _ in 0..<count {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        a.append(UInt32(truncatingIfNeeded: seed >> 29) & spread)
      }
      var b = a
      Fingerprint.radixSort(&b)
      #expect(b == a.sorted())
    }
  }

  @Test func aNonLicenceTextIsNotIdentified() {
    // Our own prose, with a few licence-ish words, deterministic "random" word salad added.
    var words = [
      "the", "garden", "was", "quiet", "after", "rain", "and", "software", "engineers", "walked", "between",
      "rows", "of", "tomatoes", "discussing", "permission", "copies", "weather", "notice", "holders", "bicycles",
    ]
    var seed: UInt64 = 42
    var text = "Notes from the allotment\n\n"
    for _ in 0..<600 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      text += words[Int(seed >> 33) % words.count] + (seed & 7 == 0 ? ".\n" : " ")
    }
    words.removeAll()
    #expect(Identifier.standard.identify(text) == nil)
    #expect(Identifier.standard.identify("") == nil)
    #expect(Identifier.standard.identify("Hello, world.") == nil)
  }

  @Test(arguments: [
    ("llama3.1", "Llama-3.1"), ("llama2", "Llama-2"), ("llama3.3", "Llama-3.3"), ("llama4", "Llama-4"),
    ("gemma", "Gemma-ToU-2025-03-24"), ("apache-2.0", "Apache-2.0"), ("mit", "MIT"),
    ("bigscience-openrail-m", "BigScience-OpenRAIL-M"), ("creativeml-openrail-m", "CreativeML-OpenRAIL-M"),
    ("bigscience-bloom-rail-1.0", "BigScience-BLOOM-RAIL-1.0"), ("bigcode-openrail-m", "BigCode-OpenRAIL-M-1.0"),
    ("LicenseRef-scancode-llama-3.1-license-2024", "Llama-3.1"), ("cc-by-4.0", "CC-BY-4.0"), ("qwen", "Qwen-2024"),
    ("GPL-3.0-or-later", "GPL-3.0-or-later"), ("OpenMDW-1.0", "OpenMDW-1.0"),
  ])
  func modelCardValuesMapToIDs(_ alias: String, _ id: String) {
    #expect(Catalogue.standard.lookup(alias: alias)?.id == id)
  }

  @Test func genericModelCardValuesMapToNothing() {
    #expect(Catalogue.standard.lookup(alias: "other") == nil)
    #expect(Catalogue.standard.lookup(alias: "unknown") == nil)
    #expect(Catalogue.standard.lookupAll(alias: "gemma").count == 3)
  }

  @Test func theEmbeddedIndexDescribesItself() throws {
    let m = try #require(FingerprintIndex.standardManifest)
    #expect(m.spdxCount >= 800)
    #expect(m.ngramLength == Fingerprint.ngramLength)
    #expect(FingerprintIndex.standard.licenses.count == m.spdxCount + m.catalogueCount + (m.scancodeCount ?? 0))
    #expect(FingerprintIndex.standard.licenses.contains { $0.id == "LicenseRef-scancode-kde-accepted-lgpl" })
    #expect(FingerprintIndex.standard.licenses.contains { $0.id == "MIT" && $0.flags.contains(.osiApproved) })
  }

  @Test func theIndexRoundTrips() throws {
    var b = FingerprintIndexBuilder()
    let a = Fingerprint(TokenizedText("Alpha beta gamma delta epsilon zeta eta theta iota kappa."))
    b.add(id: "A", name: "Letters", flags: [.catalogue], fingerprint: a)
    let index = try FingerprintIndex(bytes: b.build())
    #expect(index.licenses.map(\.id) == ["A"])
    #expect(index.licenses(withExactHash: a.exactHash) == [0])
    #expect(throws: FingerprintIndexError.self) { try FingerprintIndex(bytes: Array("nope".utf8)) }
  }

  @Test func titleAndCopyrightDoNotChangeTheExactHash() {
    let body = """
      Permission is granted to use this example text for any purpose, provided
      that this notice is kept. The example is provided as is.
      """
    let a = Fingerprint(TokenizedText("Example Licence\n\nCopyright (c) 2024 Someone\n\n" + body))
    let b = Fingerprint(TokenizedText(body.uppercased()))
    let c = Fingerprint(TokenizedText("1. " + body.replacingOccurrences(of: "\n", with: " ")))
    #expect(a.exactHash == b.exactHash)
    #expect(a.exactHash == c.exactHash)
    #expect(a.fullHash != b.fullHash)
  }

  @Test func theCatalogueResourceMatchesLicensesFolder() throws {
    let dir = Corpus.packageRoot.appendingPathComponent("licenses")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
    var fromFiles: [CatalogueEntry] = []
    for n in names {
      let e = try JSONDecoder().decode(CatalogueEntry.self, from: Data(contentsOf: dir.appendingPathComponent(n)))
      #expect(e.id + ".json" == n)
      for p in e.recognition.distinctivePhrases ?? [] {
        #expect(p.split(separator: " ").count <= 8, "\(e.id): phrase too long")
      }
      fromFiles.append(e)
    }
    #expect(fromFiles.sorted { $0.id < $1.id } == Catalogue.standard.entries, "run licensecheck-index to regenerate")
  }
}
