/// The version of the JSON contract this library writes (`schemaVersion`).
public let licenseCheckSchemaVersion = 1

/// The version of the library and tool.
public let licenseCheckVersion = "0.1.0"

/// Everything the library says about one licence document: the JSON contract's `analyze` object.
public struct LicenseAnalysis: Sendable, Codable, Equatable {
  /// The JSON contract version.
  public var schemaVersion: Int
  /// The input.
  public var source: SourceInfo
  /// Which known licence this is, or nil when nothing matches well enough.
  public var identification: Identification?
  /// Clauses found, in span order.
  public var clauses: [Clause]
  /// The ten OSD verdicts, `osd-1` … `osd-10`.
  public var osd: [OSDVerdict]
  /// Findings that make the grant unstable (unilateral change, remote restriction, at-will termination).
  public var warnings: [AnalysisWarning]
  /// True only when no OSD criterion fails.
  public var osdConformant: Bool
  /// The licence the document's front matter declares (model cards), when it has front matter.
  public var declaredLicense: LicenseDeclaration? = nil
  /// What kind of document this is (licence, use policy, notice, terms of service, not a licence), with
  /// its evidence; nil only for analyses built by hand.
  public var documentClass: DocumentClassification? = nil
  /// Normative sentences that no clause covers: what the tool read and did not understand.
  public var unexplained: [UnexplainedSentence] = []
  /// How many normative sentences the clauses cover.
  public var coverage: NormativeCoverage? = nil
  /// The overall OSD answer with its reason and the clauses it rests on (`osdConformant` is true only
  /// when its status is `conformant`).
  public var conformance: OSDConformance? = nil
  /// Set when the document was past the analysis limits and only its start was analysed.
  public var truncated: AnalysisTruncation? = nil

  /// Creates an analysis.
  public init(
    source: SourceInfo, identification: Identification? = nil, clauses: [Clause] = [], osd: [OSDVerdict] = [],
    warnings: [AnalysisWarning] = [], osdConformant: Bool = false
  ) {
    self.schemaVersion = licenseCheckSchemaVersion
    self.source = source
    self.identification = identification
    self.clauses = clauses
    self.osd = osd
    self.warnings = warnings
    self.osdConformant = osdConformant
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, source, identification, clauses, osd, warnings, osdConformant, declaredLicense
    case documentClass, unexplained, coverage, conformance, truncated
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
    source = try c.decode(SourceInfo.self, forKey: .source)
    identification = try c.decodeIfPresent(Identification.self, forKey: .identification)
    clauses = try c.decode([Clause].self, forKey: .clauses)
    osd = try c.decode([OSDVerdict].self, forKey: .osd)
    warnings = try c.decode([AnalysisWarning].self, forKey: .warnings)
    osdConformant = try c.decode(Bool.self, forKey: .osdConformant)
    declaredLicense = try c.decodeIfPresent(LicenseDeclaration.self, forKey: .declaredLicense)
    documentClass = try c.decodeIfPresent(DocumentClassification.self, forKey: .documentClass)
    unexplained = try c.decodeIfPresent([UnexplainedSentence].self, forKey: .unexplained) ?? []
    coverage = try c.decodeIfPresent(NormativeCoverage.self, forKey: .coverage)
    conformance = try c.decodeIfPresent(OSDConformance.self, forKey: .conformance)
    truncated = try c.decodeIfPresent(AnalysisTruncation.self, forKey: .truncated)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(source, forKey: .source)
    // `identification` is always present: null when nothing matched.
    try c.encode(identification, forKey: .identification)
    try c.encode(clauses, forKey: .clauses)
    try c.encode(osd, forKey: .osd)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(osdConformant, forKey: .osdConformant)
    try c.encodeIfPresent(conformance, forKey: .conformance)
    try c.encodeIfPresent(declaredLicense, forKey: .declaredLicense)
    try c.encodeIfPresent(documentClass, forKey: .documentClass)
    try c.encode(unexplained, forKey: .unexplained)
    try c.encodeIfPresent(coverage, forKey: .coverage)
    try c.encodeIfPresent(truncated, forKey: .truncated)
  }
}

/// A candidate licence in an identification.
public struct IdentificationCandidate: Sendable, Codable, Equatable, Hashable {
  /// The catalogue or SPDX id.
  public let id: String
  /// Similarity in [0, 1].
  public let confidence: Double

  /// Creates a candidate.
  public init(id: String, confidence: Double) {
    self.id = id
    self.confidence = confidence
  }
}

/// Which known licence a text is.
public struct Identification: Sendable, Codable, Equatable, Hashable {
  /// The id (SPDX id, or the catalogue id for licences SPDX does not list).
  public let id: String
  /// The full name.
  public let name: String
  /// The family (`llama`, `gemma`, `gpl`, …), when known.
  public let family: String?
  /// The version, when the licence has versions.
  public let version: String?
  /// Confidence in [0, 1].
  public let confidence: Double
  /// `exact`, `template`, `similarity` or `title`.
  public let method: String
  /// Other close candidates, best first.
  public let candidates: [IdentificationCandidate]
  /// Share of the known licence found in the text, in [0, 1] (`similarity` and `exact` only).
  public let coverage: Double?
  /// Each licence of a file holding several (a licence and its use policy, a dual-licence file),
  /// with line ranges; nil when the file holds one.
  public var segments: [IdentifiedSegment]? = nil
  /// Clause-level differences from the catalogue's summary when the text is a close but not
  /// exact match of a catalogue licence (a modified variant); nil when not compared.
  public var differences: [ClauseDifference]? = nil
  /// The SPDX expression the text amounts to when it is more than one plain id: a licence with an
  /// exception (`GPL-2.0-or-later WITH Autoconf-exception-generic`) or several licences
  /// (`MIT AND PSF-2.0`, the primary licence first); nil when ``id`` says it all.
  public var expression: String? = nil
  /// Ids whose reference text is the same as ``id``'s (`MPL-2.0-no-copyleft-exception` beside
  /// `MPL-2.0`): the text cannot tell them apart; nil when there are none.
  public var alternatives: [String]? = nil
  /// True when ``confidence`` is below ``Identification/lowConfidenceThreshold``: the id is a guess.
  public var lowConfidence: Bool? = nil

  /// Below this confidence an id is reported as a guess (`low confidence`).
  public static let lowConfidenceThreshold = 0.85

  /// Creates an identification.
  public init(
    id: String, name: String, family: String?, version: String?, confidence: Double, method: String,
    candidates: [IdentificationCandidate], coverage: Double? = nil
  ) {
    self.id = id
    self.name = name
    self.family = family
    self.version = version
    self.confidence = confidence
    self.method = method
    self.candidates = candidates
    self.coverage = coverage
  }
}

/// The verdict on one OSD criterion.
public struct OSDVerdict: Sendable, Codable, Equatable, Hashable {
  /// `pass`, `fail` or `unknown`.
  public enum Verdict: String, Sendable, Codable, Equatable, Hashable {
    case pass, fail, unknown
  }
  /// `osd-1` … `osd-10`.
  public let criterion: String
  /// The criterion's title.
  public let title: String
  /// The verdict.
  public let verdict: Verdict
  /// Indexes into the analysis's `clauses` that decided it.
  public let because: [Int]
  /// One plain sentence for a report.
  public let explanation: String

  /// Creates a verdict.
  public init(criterion: String, title: String, verdict: Verdict, because: [Int], explanation: String) {
    self.criterion = criterion
    self.title = title
    self.verdict = verdict
    self.because = because
    self.explanation = explanation
  }
}

/// A warning reported beside the OSD verdicts.
public struct AnalysisWarning: Sendable, Codable, Equatable, Hashable {
  /// The clause kind behind it (`unilateral-change`, `remote-restriction`, `termination`).
  public let kind: String
  /// Indexes into `clauses`.
  public let because: [Int]
  /// One plain sentence.
  public let explanation: String

  /// Creates a warning.
  public init(kind: String, because: [Int], explanation: String) {
    self.kind = kind
    self.because = because
    self.explanation = explanation
  }
}
