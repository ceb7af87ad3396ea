/// The SPDX License List version of the identification index embedded in the library, or nil
/// when the index's manifest does not record it.
///
/// Read from the manifest `licensecheck-index` writes beside the fingerprints (the newest
/// `listVersionAdded` of the license-list XML it read: the list is at least this version).
/// `licensecheck version` prints it so a report can say which list it was checked against.
public var embeddedSPDXListVersion: String? { FingerprintIndex.standardManifest?.spdxListVersionAtLeast }

/// The versions a report or `licensecheck version` states: tool, JSON contract, embedded index.
public struct VersionInfo: Sendable, Codable, Equatable, Hashable {
  /// The library and tool version (``licenseCheckVersion``).
  public let tool: String
  /// The JSON contract version (``licenseCheckSchemaVersion``).
  public let schemaVersion: Int
  /// The SPDX License List version of the embedded index, nil when none is embedded.
  public let spdxListVersion: String?

  /// The versions of this build.
  public static let current = VersionInfo(
    tool: licenseCheckVersion, schemaVersion: licenseCheckSchemaVersion, spdxListVersion: embeddedSPDXListVersion)

  /// Creates version information.
  public init(tool: String, schemaVersion: Int, spdxListVersion: String?) {
    self.tool = tool
    self.schemaVersion = schemaVersion
    self.spdxListVersion = spdxListVersion
  }

  /// Three lines: tool, schema, SPDX list.
  public var text: String {
    """
    licensecheck \(tool)
    schema version \(schemaVersion)
    SPDX License List \(spdxListVersion ?? "none (no identification index embedded)")

    """
  }
}
