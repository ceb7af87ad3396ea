/// A component of a model release: the MOF's seventeen, and what the OSAID names besides them
/// (configuration, tokenizer, training-data information).
public enum ReleaseComponentKind: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// The final model parameters (weights): `*.safetensors`, `*.bin`, `*.gguf`, … and shard indexes.
  case parameters = "model-parameters"
  /// Model configuration (`config.json`, `generation_config.json`): OSAID counts it with the parameters.
  case configuration
  /// The tokenizer (`tokenizer.json`, `tokenizer.model`, vocabularies): OSAID counts it with the code.
  case tokenizer
  /// Code defining the model's architecture (`modeling_*.py`, `model.py`).
  case modelArchitecture = "model-architecture"
  /// Code to run the model (`generate.py`, `inference.py`, `serve.py`).
  case inferenceCode = "inference-code"
  /// Code to train or fine-tune the model (`train.py`, `finetune_*.py`).
  case trainingCode = "training-code"
  /// Code that prepares, cleans or filters the training data.
  case dataPreprocessingCode = "data-preprocessing-code"
  /// Code that evaluates the model (`eval*.py`, `benchmarks/`).
  case evaluationCode = "evaluation-code"
  /// Supporting libraries and tools (`requirements.txt`, `pyproject.toml`).
  case supportingLibraries = "supporting-libraries"
  /// Training datasets: data files in the folder, or named by front matter `datasets:` and links.
  case datasets
  /// Documentation of the datasets (`data/README.md`, `datasheet*`).
  case dataCard = "data-card"
  /// The model card's information on the training data (sections such as *Training data*).
  case trainingDataInformation = "training-data-information"
  /// Data used to evaluate the model.
  case evaluationData = "evaluation-data"
  /// Evaluation results: files, or the card's *Evaluation* sections.
  case evaluationResults = "evaluation-results"
  /// The model card (`README.md` of the release).
  case modelCard = "model-card"
  /// A technical report: a file, or an arXiv/DOI link.
  case technicalReport = "technical-report"
  /// A research paper: a file, or an arXiv/DOI link.
  case researchPaper = "research-paper"
  /// Sample outputs of the model.
  case sampleOutputs = "sample-outputs"
  /// Intermediate checkpoints (`checkpoint-*/`, `step-*/`).
  case intermediateParameters = "intermediate-checkpoints"
  /// Training metadata: trainer state, training arguments, optimizer states.
  case modelMetadata = "model-metadata"

  /// A short name for people.
  public var title: String {
    switch self {
    case .parameters: return "model parameters (weights)"
    case .intermediateParameters: return "intermediate checkpoints"
    default: return rawValue.replacingOccurrences(of: "-", with: " ")
    }
  }

  /// Publications: a link to one (arXiv, DOI) is accepted for the MOF with a note that it was not verified.
  var isPublication: Bool { self == .technicalReport || self == .researchPaper }
}

/// Whether a component is in the folder.
public enum ComponentStatus: String, Sendable, Codable, Equatable, Hashable {
  /// Files of it are in the folder, or the model card holds it (a section).
  case present
  /// Only named: a URL, or a front-matter key such as `datasets:`. Not verified.
  case referenced
  /// Nothing found.
  case absent
}

/// Where a component was seen.
public struct ComponentEvidence: Sendable, Codable, Equatable, Hashable {
  /// The kind of evidence.
  public enum Kind: String, Sendable, Codable, Equatable, Hashable {
    /// A file in the folder.
    case file
    /// A section of the model card (heading and line).
    case cardSection = "card-section"
    /// A front-matter key of the model card.
    case frontMatter = "front-matter"
    /// A URL in the model card.
    case link
  }

  /// The kind.
  public let kind: Kind
  /// The file (relative to the release folder): the component's file, or the card.
  public let path: String
  /// The 1-based line in `path`, for card sections, keys and links.
  public let line: Int?
  /// The heading, key and value, URL, or a note on the file (`safetensors header, 0 tensors`).
  public let detail: String?

  /// Creates evidence.
  public init(kind: Kind, path: String, line: Int? = nil, detail: String? = nil) {
    self.kind = kind
    self.path = path
    self.line = line
    self.detail = detail
  }

  /// Whether it shows the component is in the folder (a file or a card section), not only named.
  public var inFolder: Bool { kind == .file || kind == .cardSection }

  /// `path:line detail`, for reports.
  public var summary: String {
    var s = path
    if let line { s += ":\(line)" }
    if let detail, !detail.isEmpty { s += " " + detail }
    return s
  }
}

/// How open a licence is, as far as the evidence shows.
public enum LicenceOpenness: String, Sendable, Codable, Equatable, Hashable {
  /// OSD conformant on positive evidence (an OSI-approved licence, or every criterion passes).
  case openSource = "open-source"
  /// An open-data or open-content licence (CC-BY-4.0, CDLA-Permissive-2.0, CC0-1.0, …).
  case openData = "open-data"
  /// Not known to be open: not identified, not understood, or referenced by a URL only.
  case unknown
  /// No licence found for it.
  case none
  /// Restricts use, fields, users or sharing: an OSD criterion fails.
  case restricted

  /// Strictness order for "the stricter wins": open-source < open-data < unknown < none < restricted.
  var strictness: Int {
    switch self {
    case .openSource: return 0
    case .openData: return 1
    case .unknown: return 2
    case .none: return 3
    case .restricted: return 4
    }
  }

  /// Open in any sense (open-source or open-data).
  public var isOpen: Bool { self == .openSource || self == .openData }
}

/// The licence that covers a component, and what it rests on.
public struct ComponentLicence: Sendable, Codable, Equatable, Hashable {
  /// How open it is.
  public let openness: LicenceOpenness
  /// The licence (`Apache-2.0`, `Llama 3.1 Community License Agreement (Llama-3.1)`), or nil when none.
  public let licence: String?
  /// Where it comes from: `LICENSE`, `README.md front matter license: apache-2.0`, `SPDX tags in src (2 files)`.
  public let source: String
  /// The OSD criteria that fail (`osd-5`, `osd-6`).
  public let failing: [String]
  /// The restrictive clauses behind the failures (`field-of-use`, `usage-cap 700M MAU`).
  public let clauses: [KeyClause]
  /// One sentence saying why it has this openness.
  public let reason: String

  /// Creates a licence entry.
  public init(
    openness: LicenceOpenness, licence: String?, source: String, failing: [String] = [], clauses: [KeyClause] = [],
    reason: String
  ) {
    self.openness = openness
    self.licence = licence
    self.source = source
    self.failing = failing
    self.clauses = clauses
    self.reason = reason
  }

  /// The stricter of two licences (the first on a tie): "the stricter text wins".
  static func stricter(_ a: ComponentLicence, _ b: ComponentLicence) -> ComponentLicence {
    b.openness.strictness > a.openness.strictness ? b : a
  }

  /// `Apache-2.0 (LICENSE)`, for reports.
  public var summary: String { "\(licence ?? "no licence") (\(source))" }

  /// `fails osd-5, osd-6: usage-cap 700M MAU, field-of-use`, for reasons; empty unless restricted.
  public var failureSummary: String {
    guard openness == .restricted else { return "" }
    var s = failing.isEmpty ? "restricts use" : "fails " + failing.joined(separator: ", ")
    let shown = clauses.prefix(4).map { $0.value == "✓" ? $0.kind.rawValue : "\($0.kind.rawValue) \($0.value)" }
    if !shown.isEmpty { s += ": " + shown.joined(separator: ", ") }
    return s
  }
}

/// One component of a release: whether it is there, the evidence, and the licence that covers it.
public struct ReleaseComponent: Sendable, Codable, Equatable, Hashable {
  /// Which component.
  public let kind: ReleaseComponentKind
  /// Present, referenced or absent.
  public let status: ComponentStatus
  /// Where it was seen (at most ``OpennessOptions/maxEvidence`` entries; `more` counts the rest).
  public let evidence: [ComponentEvidence]
  /// Evidence entries left out of `evidence`.
  public let more: Int
  /// The licence covering the component (nil when absent).
  public let licence: ComponentLicence?

  /// Creates a component.
  public init(
    kind: ReleaseComponentKind, status: ComponentStatus, evidence: [ComponentEvidence], more: Int = 0,
    licence: ComponentLicence?
  ) {
    self.kind = kind
    self.status = status
    self.evidence = evidence
    self.more = more
    self.licence = licence
  }
}
