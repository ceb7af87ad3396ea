import Foundation

/// What the embedded fingerprints were built from (`Resources/fingerprints.json`).
public struct FingerprintManifest: Sendable, Codable, Equatable {
  /// The license-list-XML commit of the corpus, when known.
  public let spdxCorpusCommit: String?
  /// When that commit was made, as the corpus README states it.
  public let spdxCorpusDate: String?
  /// The newest `listVersionAdded` in the XML files: the list version is at least this.
  public let spdxListVersionAtLeast: String?
  /// SPDX licences and exceptions indexed.
  public let spdxCount: Int
  /// Catalogue texts indexed.
  public let catalogueCount: Int
  /// Trigram length.
  public let ngramLength: Int
  /// The tool that wrote it.
  public let generator: String

  /// Creates a manifest.
  public init(
    spdxCorpusCommit: String?, spdxCorpusDate: String?, spdxListVersionAtLeast: String?, spdxCount: Int,
    catalogueCount: Int, ngramLength: Int, generator: String
  ) {
    self.spdxCorpusCommit = spdxCorpusCommit
    self.spdxCorpusDate = spdxCorpusDate
    self.spdxListVersionAtLeast = spdxListVersionAtLeast
    self.spdxCount = spdxCount
    self.catalogueCount = catalogueCount
    self.ngramLength = ngramLength
    self.generator = generator
  }
}

/// The data built into the library, loaded once on first use.
///
/// The files are SwiftPM resources of the `LicenseCheck` target: `fingerprints.bin` (the index),
/// `fingerprints.json` (its manifest) and `catalogue.json` (all of `licenses/*.json` in one array,
/// written by `licensecheck-index`, because SwiftPM resources must live inside the target folder).
enum EmbeddedData {
  static func resource(_ name: String, _ ext: String) -> Data {
    guard let url = Bundle.module.url(forResource: name, withExtension: ext), let data = try? Data(contentsOf: url)
    else {
      preconditionFailure("LicenseCheck resource \(name).\(ext) is missing: the package was built incompletely")
    }
    return data
  }

  static let index: FingerprintIndex = {
    do {
      return try FingerprintIndex(bytes: [UInt8](resource("fingerprints", "bin")))
    } catch {
      preconditionFailure("LicenseCheck resource fingerprints.bin is unreadable: \(error)")
    }
  }()

  static let entries: [CatalogueEntry] = {
    do {
      return try JSONDecoder().decode([CatalogueEntry].self, from: resource("catalogue", "json"))
    } catch {
      preconditionFailure("LicenseCheck resource catalogue.json is unreadable: \(error)")
    }
  }()

  static let catalogue = Catalogue(
    entries: entries,
    spdx: index.licenses.filter { !$0.flags.contains(.catalogue) }.map {
      Catalogue.SPDXListing(id: $0.id, name: $0.name, flags: $0.flags)
    })

  static let identifier = Identifier(index: index, catalogue: catalogue)

  static let manifest: FingerprintManifest? = try? JSONDecoder().decode(
    FingerprintManifest.self, from: resource("fingerprints", "json"))
}

extension Identifier {
  /// The identifier over the embedded index and catalogue, loaded on first use (a few milliseconds).
  public static var standard: Identifier { EmbeddedData.identifier }
}

extension Catalogue {
  /// The embedded catalogue with the SPDX list of the embedded index.
  public static var standard: Catalogue { EmbeddedData.catalogue }
}

extension FingerprintIndex {
  /// The embedded index.
  public static var standard: FingerprintIndex { EmbeddedData.index }
  /// What the embedded index was built from.
  public static var standardManifest: FingerprintManifest? { EmbeddedData.manifest }
}
