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
  /// ScanCode LicenseDB texts indexed (those that differ from every SPDX text), when any.
  public var scancodeCount: Int? = nil
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
/// The files are SwiftPM resources of the `LicenseCheck` target: `fingerprints.bin` (the index,
/// memory-mapped and read in place), `fingerprints.json` (its manifest), `catalogue.bin` (all of
/// `licenses/*.json` in the binary form of ``CatalogueBinary``, read at start-up) and
/// `catalogue.json` (the same in JSON, for people and tests), all written by `licensecheck-index`,
/// because SwiftPM resources must live inside the target folder.
enum EmbeddedData {
  /// The resource folder SwiftPM puts beside the executable (the first place `Bundle.module`
  /// looks), found without Foundation's bundle machinery, which costs a start-up millisecond;
  /// nil elsewhere (test bundles on other platforms), where `Bundle.module` finds the files.
  static let resourceDirectory: String? = {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: 4096)
      let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      guard n > 0 else { return nil }
      let exe = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      guard let slash = exe.lastIndex(of: "/") else { return nil }
      let dir = String(exe[..<slash]) + "/licensecheck_LicenseCheck.resources"
      return access(dir + "/catalogue.bin", R_OK) == 0 ? dir : nil
    #else
      return nil
    #endif
  }()

  /// The path of a resource file.
  static func path(_ name: String, _ ext: String) -> String {
    if let dir = resourceDirectory { return dir + "/" + name + "." + ext }
    guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
      preconditionFailure("LicenseCheck resource \(name).\(ext) is missing: the package was built incompletely")
    }
    return url.path
  }

  /// A resource file's bytes, mapped read-only.
  static func resource(_ name: String, _ ext: String) -> IndexStorage {
    guard let storage = IndexStorage(mapping: path(name, ext)) else {
      preconditionFailure("LicenseCheck resource \(name).\(ext) is unreadable: the package was built incompletely")
    }
    return storage
  }

  static let index: FingerprintIndex = {
    do {
      return try FingerprintIndex(storage: resource("fingerprints", "bin"))
    } catch {
      preconditionFailure("LicenseCheck resource fingerprints.bin is unreadable: \(error)")
    }
  }()

  static let entries: [CatalogueEntry] = {
    do {
      let storage = resource("catalogue", "bin")
      return try withExtendedLifetime(storage) { try CatalogueBinary.decode(storage.bytes) }
    } catch {
      preconditionFailure("LicenseCheck resource catalogue.bin is unreadable: \(error)")
    }
  }()

  /// The catalogue decoded from `catalogue.json` (tests compare it with ``entries``).
  static func entriesFromJSON() throws -> [CatalogueEntry] {
    try JSONDecoder().decode(
      [CatalogueEntry].self, from: Data(contentsOf: URL(fileURLWithPath: path("catalogue", "json"))))
  }

  static let catalogue = Catalogue(
    entries: entries,
    spdx: index.licenses.filter { !$0.flags.contains(.catalogue) }.map {
      Catalogue.SPDXListing(id: $0.id, name: $0.name, flags: $0.flags)
    })

  static let identifier = Identifier(index: index, catalogue: catalogue)

  static let manifest: FingerprintManifest? = try? JSONDecoder().decode(
    FingerprintManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path("fingerprints", "json"))))
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
