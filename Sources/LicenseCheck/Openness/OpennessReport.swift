/// One reason behind a verdict: what is missing or not open, and the components (and clauses) it rests on.
public struct OpennessReason: Sendable, Codable, Equatable, Hashable {
  /// How the reason weighs.
  public enum Weight: String, Sendable, Codable, Equatable, Hashable {
    /// It decides against openness.
    case fails
    /// The evidence does not settle it.
    case unknown
    /// It holds (listed so a conformant verdict shows what it rests on).
    case holds
    /// Worth knowing, decides nothing.
    case note
  }
  /// How it weighs.
  public let weight: Weight
  /// The OSAID element it is about, for OSAID reasons.
  public let element: OSAIDElement?
  /// The components it rests on.
  public let components: [ReleaseComponentKind]
  /// One sentence, naming components and clauses (`parameters under LICENSE, which fails osd-6: field-of-use`).
  public let message: String
  /// The licence it rests on, when it is about one.
  public let licence: ComponentLicence?

  /// Creates a reason.
  public init(
    weight: Weight, element: OSAIDElement? = nil, components: [ReleaseComponentKind], message: String,
    licence: ComponentLicence? = nil
  ) {
    self.weight = weight
    self.element = element
    self.components = components
    self.message = message
    self.licence = licence
  }
}

/// The OSAID 1.0 answer for a release folder.
public struct OSAIDVerdict: Sendable, Codable, Equatable, Hashable {
  /// `conformant`, `not-conformant` or `insufficient-information`.
  public enum Status: String, Sendable, Codable, Equatable, Hashable {
    /// Every element present under open terms.
    case conformant
    /// An element is missing, or its licence fails an OSD criterion.
    case notConformant = "not-conformant"
    /// Nothing fails, but a licence is not established or an element is only referenced.
    case insufficientInformation = "insufficient-information"

    /// For people: `insufficient information`.
    public var title: String { rawValue.replacingOccurrences(of: "-", with: " ") }
  }
  /// The answer.
  public let status: Status
  /// Every element's reasons: failures first, then what is unknown, then what holds.
  public let reasons: [OpennessReason]
}

/// One MOF component's standing for a class.
public struct MOFGap: Sendable, Codable, Equatable, Hashable {
  /// The component.
  public let component: ReleaseComponentKind
  /// Why it does not count (`not found`, `referenced only`, `licence restricts use: fails osd-6`).
  public let reason: String
}

/// The MOF answer: the class reached and what the next class needs.
public struct MOFVerdict: Sendable, Codable, Equatable, Hashable {
  /// The highest class whose components are all released under the licences it asks for, or nil (none).
  public let reached: MOFClass?
  /// Publications accepted from a link alone (arXiv, DOI): neither the file nor its licence was verified.
  public let unverified: [ReleaseComponentKind]
  /// The next class up (Class III when none is reached), nil after Class I.
  public let next: MOFClass?
  /// Exactly what the next class lacks.
  public let missing: [MOFGap]
  /// Required components of the next class that count, and how many it requires.
  public let progress: Progress?

  /// Counted components.
  public struct Progress: Sendable, Codable, Equatable, Hashable {
    /// Components that count.
    public let met: Int
    /// Components the class requires (its own and the classes' below).
    public let required: Int
  }

  /// `Class II (open tooling)` or `none`.
  public var title: String { reached?.title ?? "none" }
}

/// How open a model release is, component by component: the OSAID 1.0 answer, the MOF class, and a
/// one-line plain answer, each with the reasons and the evidence they rest on.
public struct OpennessReport: Sendable, Codable, Equatable {
  /// The JSON contract version.
  public let schemaVersion: Int
  /// The release folder as given.
  public let root: String
  /// One entry per component kind, in ``ReleaseComponentKind`` order.
  public let components: [ReleaseComponent]
  /// The licence files analysed (paths relative to the folder), with their summaries.
  public let licences: [FoundLicence]
  /// The model card's declaration, when it has one.
  public let declared: DeclaredLicense?
  /// Whether the declaration agrees with the licence texts.
  public let declaration: DeclarationCheck?
  /// Findings of the scan behind the report (a card that contradicts its licence file, bad SPDX tags).
  public let findings: [ScanFinding]
  /// The OSAID 1.0 answer.
  public let osaid: OSAIDVerdict
  /// The MOF answer.
  public let mof: MOFVerdict
  /// Things worth knowing that decide nothing (`base_model`: the base model's licence also applies).
  public let notes: [String]
  /// The one-line plain answer (`open weights, not open source: no training code; …`).
  public let answer: String

  /// Creates a report.
  public init(
    root: String, components: [ReleaseComponent], licences: [FoundLicence], declared: DeclaredLicense?,
    declaration: DeclarationCheck?, findings: [ScanFinding], osaid: OSAIDVerdict, mof: MOFVerdict, notes: [String],
    answer: String
  ) {
    self.schemaVersion = licenseCheckSchemaVersion
    self.root = root
    self.components = components
    self.licences = licences
    self.declared = declared
    self.declaration = declaration
    self.findings = findings
    self.osaid = osaid
    self.mof = mof
    self.notes = notes
    self.answer = answer
  }

  /// The entry of a component kind.
  public func component(_ kind: ReleaseComponentKind) -> ReleaseComponent {
    components.first { $0.kind == kind }
      ?? ReleaseComponent(kind: kind, status: .absent, evidence: [], licence: nil)
  }
}
