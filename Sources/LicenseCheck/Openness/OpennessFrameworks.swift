// Facts about two openness frameworks, recorded in this project's own words (no sentences of either):
//
// - The Model Openness Framework (MOF), LF AI & Data / Generative AI Commons, arXiv 2403.13784
//   (https://arxiv.org/abs/2403.13784), with the component list as the Model Openness Tool configures it
//   (github.com/lfai/model_openness_tool, web/modules/mof/config/install/mof.settings.yml): 17 components,
//   each with the lowest class that needs it, its content type and whether it is optional.
// - The Open Source AI Definition 1.0 (OSAID), Open Source Initiative, 2024-10-28
//   (https://opensource.org/ai/open-source-ai-definition): three elements of the preferred form to make
//   modifications (data information, code, parameters), with code under OSI-approved licences and the
//   other two under terms that grant the four freedoms (use, study, modify, share).

/// A class of the Model Openness Framework (arXiv 2403.13784): III is the entry level, I the most open.
///
/// Each class needs the components of the classes below it plus its own (see ``MOFTable``).
public enum MOFClass: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  /// Class III, "open model": the model itself and its basic documentation.
  case classIII = "III"
  /// Class II, "open tooling": Class III plus the code to train, run and evaluate it.
  case classII = "II"
  /// Class I, "open science": Class II plus the data, the research paper and intermediate checkpoints.
  case classI = "I"

  /// The MOF's name for the class.
  public var title: String {
    switch self {
    case .classIII: return "Class III (open model)"
    case .classII: return "Class II (open tooling)"
    case .classI: return "Class I (open science)"
    }
  }

  /// Openness order: III < II < I.
  public static func < (a: MOFClass, b: MOFClass) -> Bool { a.rank < b.rank }

  var rank: Int {
    switch self {
    case .classIII: return 0
    case .classII: return 1
    case .classI: return 2
    }
  }

  /// The class above this one, or nil for Class I.
  public var next: MOFClass? {
    switch self {
    case .classIII: return .classII
    case .classII: return .classI
    case .classI: return nil
    }
  }
}

/// What kind of work a component is, which decides the kind of licence the MOF asks for.
public enum MOFContentType: String, Sendable, Codable, Equatable, Hashable {
  /// Source code: an OSI-approved open-source licence.
  case code
  /// Data (datasets, evaluation data, metadata): an open-data licence (CDLA-Permissive-2.0, CC-BY-4.0, …)
  /// or an open-source licence.
  case data
  /// Documentation (cards, reports, papers): an open-content licence (CC-BY-4.0, …) or an open-source licence.
  case documentation
  /// Model parameters: an open licence, either open-source or open-data.
  case parameters

  /// Whether a licence of this openness satisfies the MOF for this content type.
  func accepts(_ openness: LicenceOpenness) -> Bool {
    switch self {
    case .code: return openness == .openSource
    case .data, .documentation, .parameters: return openness == .openSource || openness == .openData
    }
  }

  /// The licence the MOF asks for, in a few words.
  public var requirement: String {
    switch self {
    case .code: return "an OSI-approved open-source licence"
    case .data: return "an open-data or open-source licence"
    case .documentation: return "an open-content or open-source licence"
    case .parameters: return "an open licence (open-source or open-data)"
    }
  }
}

/// One row of the MOF component table.
public struct MOFRequirement: Sendable, Codable, Equatable, Hashable {
  /// The component.
  public let component: ReleaseComponentKind
  /// The lowest class that needs it (a Class III component is needed by all three classes).
  public let mofClass: MOFClass
  /// Its content type.
  public let contentType: MOFContentType
  /// True for the components the MOF lists but does not require (sample outputs, supporting libraries,
  /// model metadata).
  public let optional: Bool
}

/// The Model Openness Framework's components, class by class, with the licence kind each needs.
///
/// Source: *The Model Openness Framework*, White et al., LF AI & Data, arXiv 2403.13784 (2024); the
/// component list and classes as configured in the Model Openness Tool
/// (github.com/lfai/model_openness_tool). Facts only: which component, which class, which content type.
public enum MOFTable {
  /// The 17 MOF components, Class III first.
  public static let requirements: [MOFRequirement] = [
    MOFRequirement(component: .modelArchitecture, mofClass: .classIII, contentType: .code, optional: false),
    MOFRequirement(component: .parameters, mofClass: .classIII, contentType: .parameters, optional: false),
    MOFRequirement(component: .modelCard, mofClass: .classIII, contentType: .documentation, optional: false),
    MOFRequirement(component: .dataCard, mofClass: .classIII, contentType: .documentation, optional: false),
    MOFRequirement(component: .technicalReport, mofClass: .classIII, contentType: .documentation, optional: false),
    MOFRequirement(component: .evaluationResults, mofClass: .classIII, contentType: .documentation, optional: false),
    MOFRequirement(component: .sampleOutputs, mofClass: .classIII, contentType: .data, optional: true),
    MOFRequirement(component: .trainingCode, mofClass: .classII, contentType: .code, optional: false),
    MOFRequirement(component: .inferenceCode, mofClass: .classII, contentType: .code, optional: false),
    MOFRequirement(component: .evaluationCode, mofClass: .classII, contentType: .code, optional: false),
    MOFRequirement(component: .evaluationData, mofClass: .classII, contentType: .data, optional: false),
    MOFRequirement(component: .supportingLibraries, mofClass: .classII, contentType: .code, optional: true),
    MOFRequirement(component: .researchPaper, mofClass: .classI, contentType: .documentation, optional: false),
    MOFRequirement(component: .datasets, mofClass: .classI, contentType: .data, optional: false),
    MOFRequirement(component: .dataPreprocessingCode, mofClass: .classI, contentType: .code, optional: false),
    MOFRequirement(component: .intermediateParameters, mofClass: .classI, contentType: .data, optional: false),
    MOFRequirement(component: .modelMetadata, mofClass: .classI, contentType: .data, optional: true),
  ]

  /// The required components of a class and the classes below it.
  public static func required(for mofClass: MOFClass) -> [MOFRequirement] {
    requirements.filter { !$0.optional && $0.mofClass <= mofClass }
  }

  /// The row of a component, when the MOF lists it.
  public static func requirement(_ kind: ReleaseComponentKind) -> MOFRequirement? {
    requirements.first { $0.component == kind }
  }
}

/// The three elements the Open Source AI Definition 1.0 asks for.
///
/// Source: *The Open Source AI Definition 1.0*, Open Source Initiative, 2024-10-28
/// (https://opensource.org/ai/open-source-ai-definition). Facts only: the element names, what each is made
/// of, and the terms each needs.
public enum OSAIDElement: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// Detailed information about the training data (sources, selection, processing, filtering).
  case dataInformation = "data-information"
  /// The complete code to train and run the system (data processing, training, inference, architecture,
  /// supporting libraries such as tokenizers), under OSI-approved licences.
  case code
  /// The model parameters (weights, configuration), under terms that grant the four freedoms.
  case parameters

  /// A short title.
  public var title: String {
    switch self {
    case .dataInformation: return "data information"
    case .code: return "code"
    case .parameters: return "parameters"
    }
  }
}

/// Licence ids (SPDX) of open-data and open-content licences: facts about the licences, used where the MOF
/// accepts an open-data licence (data, documentation, parameters).
enum OpenDataLicences {
  static let ids: Set<String> = [
    "cc-by-4.0", "cc-by-3.0", "cc-by-sa-4.0", "cc-by-sa-3.0", "cc0-1.0", "cdla-permissive-1.0",
    "cdla-permissive-2.0", "cdla-sharing-1.0", "odc-by-1.0", "odbl-1.0", "pddl-1.0",
  ]

  static func contains(_ id: String) -> Bool { ids.contains(LicenseIDs.foldKey(id)) }
}
