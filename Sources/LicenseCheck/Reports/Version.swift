/// The SPDX License List version of the identification index embedded in the library, or nil
/// while no index is embedded.
///
/// `licensecheck version` prints it so a report can say which list it was checked against.
public let embeddedSPDXListVersion: String? = nil

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
