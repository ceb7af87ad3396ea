/// One known licence or use policy in the project's catalogue (`licenses/*.json`): facts only.
///
/// The catalogue covers licences the SPDX list does not carry (AI model licences and their
/// use policies) and adds recognition hints and a reviewed clause summary to a few that it
/// does. No licence sentences are stored; recognition phrases are a few words each.
public struct CatalogueEntry: Sendable, Codable, Equatable, Hashable {
  /// Whether the document is a licence or a policy incorporated by one.
  public enum Kind: String, Sendable, Codable, Equatable, Hashable {
    /// A licence or terms of use.
    case license
    /// An acceptable-use or prohibited-use policy.
    case usePolicy = "use-policy"
  }

  /// Other registries' names for the licence.
  public struct Aliases: Sendable, Codable, Equatable, Hashable {
    /// SPDX id, when the SPDX list has the licence.
    public let spdx: String?
    /// ScanCode LicenseDB key as a `LicenseRef-scancode-…` reference.
    public let scancode: String?
    /// Hugging Face model-card `license:` values (or `license_name:` values used with `license: other`).
    public let huggingFace: [String]?
    /// Other names the licence is known by.
    public let other: [String]?
  }

  /// How to recognise the licence from its wording.
  public struct Recognition: Sendable, Codable, Equatable, Hashable {
    /// Short phrases naming the licence (`llama 3.1 community license`), matched on normalised words.
    public let titlePatterns: [String]
    /// Short phrases naming the version or its date (`version release date july 23 2024`).
    public let versionPatterns: [String]?
    /// A few short phrases (at most 8 words) found in this licence and rarely elsewhere.
    public let distinctivePhrases: [String]?
  }

  /// The stable id: the SPDX id when there is one, else the catalogue's own (`Llama-3.1`).
  public let id: String
  /// Full name.
  public let name: String
  /// Licence or use policy.
  public let kind: Kind
  /// Who publishes it.
  public let publisher: String?
  /// The family (`llama`, `gemma`, `openrail`, …), shared by all versions.
  public let family: String
  /// The version, as the publisher names it.
  public let version: String?
  /// Release or last-modified date, ISO 8601 (`2024-07-23`).
  public let releaseDate: String?
  /// Where the publisher publishes it.
  public let urls: [String]
  /// Registry names.
  public let aliases: Aliases
  /// Recognition hints.
  public let recognition: Recognition
  /// Ids of companion documents (the use policy of a licence, the licence of a policy).
  public let related: [String]?
  /// Corpus-relative paths of the reference texts the fingerprints are built from.
  public let corpusTexts: [String]?
  /// The reviewed clause summary.
  public let clauses: [CatalogueClause]
  /// Remarks on facts (what differs from the previous version), in the project's own words.
  public let notes: String?
}

/// One clause of a catalogue entry's reviewed summary, in the vocabulary of the clause taxonomy.
public struct CatalogueClause: Sendable, Codable, Equatable, Hashable {
  /// The clause kind.
  public let kind: ClauseKind
  /// The section number as the licence numbers it (`1.b.i`, `2`, `III.3`), when it has one.
  public let section: String?
  /// The parameters the licence states.
  public let parameters: ClauseParameters?

  /// Creates a clause summary.
  public init(kind: ClauseKind, section: String? = nil, parameters: ClauseParameters? = nil) {
    self.kind = kind
    self.section = section
    self.parameters = parameters
  }
}
