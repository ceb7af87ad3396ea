/// The version of the `check` JSON (`ProfileVerdict.schemaVersion`).
public let profileVerdictSchemaVersion = 1

/// The answer to "may we do this?" for one licence, or for one clause of it.
public enum ProfileOutcome: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// Nothing the licence says stands in the way, and it asks nothing of this profile.
  case allowed
  /// Allowed if the conditions listed are met.
  case allowedWithConditions = "allowed-with-conditions"
  /// The licence grants this profile nothing; a separate licence from the licensor is needed.
  case needsSeparateLicence = "needs-separate-licence"
  /// The licence forbids what the profile wants to do.
  case forbidden
  /// The text does not settle it (silent, not understood, or a figure the profile does not give).
  case unknown

  /// How bad the outcome is: the overall verdict is the worst of its findings. A definite refusal ranks
  /// above `unknown`, which ranks above any kind of yes.
  public var severity: Int {
    switch self {
    case .allowed: return 0
    case .allowedWithConditions: return 1
    case .unknown: return 2
    case .needsSeparateLicence: return 3
    case .forbidden: return 4
    }
  }

  /// How good the outcome is for choosing among the alternatives of an `OR` expression: a yes beats an
  /// `unknown`, which beats a no.
  var preference: Int {
    switch self {
    case .allowed: return 0
    case .allowedWithConditions: return 1
    case .unknown: return 2
    case .needsSeparateLicence: return 3
    case .forbidden: return 4
    }
  }
}

/// One clause that matters for the profile, with what it decides and why.
public struct ProfileFinding: Sendable, Codable, Equatable, Hashable {
  /// What this clause says for the profile.
  public var outcome: ProfileOutcome
  /// The clause kind, or nil for a finding that no clause carries (an unexplained sentence, the
  /// organisation's own allow or deny list, a right the grant does not give).
  public var kind: ClauseKind?
  /// Index into the analysis's `clauses`, when a clause decided it.
  public var clause: Int?
  /// The section of the licence, when known.
  public var section: String?
  /// `policy` when the clause is in the use policy; `catalogue` when it comes from a reviewed summary.
  public var document: String?
  /// Where in the text (byte span and line); nil for catalogue summaries.
  public var span: ClauseSpan?
  /// The words of the text that decide it (empty for catalogue summaries).
  public var evidence: String
  /// The activity concerned, when the finding is about one.
  public var activity: UsageActivity?
  /// One line: what the clause means for this profile.
  public var reason: String

  /// Creates a finding.
  public init(
    outcome: ProfileOutcome, kind: ClauseKind?, clause: Int? = nil, section: String? = nil, document: String? = nil,
    span: ClauseSpan? = nil, evidence: String = "", activity: UsageActivity? = nil, reason: String
  ) {
    self.outcome = outcome
    self.kind = kind
    self.clause = clause
    self.section = section
    self.document = document
    self.span = span
    self.evidence = evidence
    self.activity = activity
    self.reason = reason
  }
}

/// A duty the profile triggers, made concrete.
public struct ProfileCondition: Sendable, Codable, Equatable, Hashable {
  /// The clause kind that imposes it.
  public var kind: ClauseKind
  /// What to do, in one line (`Display "Built with Llama" on a website, user interface, …`).
  public var duty: String
  /// The exact text to use, when the licence gives one (the attribution phrase, the name prefix, the notice).
  public var text: String?
  /// Where it goes, when the licence says.
  public var `where`: [String]?
  /// The section of the licence.
  public var section: String?
  /// Index into the analysis's `clauses`.
  public var clause: Int?
  /// The activities that trigger it.
  public var activities: [UsageActivity]

  /// Creates a condition.
  public init(
    kind: ClauseKind, duty: String, text: String? = nil, where: [String]? = nil, section: String? = nil,
    clause: Int? = nil, activities: [UsageActivity] = []
  ) {
    self.kind = kind
    self.duty = duty
    self.text = text
    self.where = `where`
    self.section = section
    self.clause = clause
    self.activities = activities
  }
}

/// The verdict of one licence (or expression) for a ``UsageProfile``: the `check` JSON object.
public struct ProfileVerdict: Sendable, Codable, Equatable, Hashable {
  /// ``profileVerdictSchemaVersion``.
  public var schemaVersion: Int
  /// The input as given (path, id or expression).
  public var licence: String
  /// The licence id it was identified as, when known.
  public var id: String?
  /// The overall verdict: the worst of the findings.
  public var verdict: ProfileOutcome
  /// One line: the deciding finding's reason.
  public var reason: String
  /// What the verdict rests on: `text` (a licence text read), `catalogue` (a reviewed summary), `traits`
  /// (the compatibility data of an SPDX id), `expression` (alternatives or parts of an expression).
  public var basis: String
  /// The clauses that matter, worst first.
  public var findings: [ProfileFinding]
  /// The duties to fulfil.
  public var conditions: [ProfileCondition]
  /// Things that make the answer less stable: the licensor may change the terms or revoke them, figures
  /// taken at another date than the cap measures, a use policy that was not read.
  public var warnings: [String]
  /// Normative sentences of the text that no clause explains; an `allowed` verdict with some says so in
  /// ``warnings``.
  public var unexplained: Int
  /// For an `OR` expression, the alternative chosen; for `AND`, nil.
  public var chosen: String?
  /// For expressions, the verdict of each part.
  public var parts: [ProfileVerdict]?

  /// Creates a verdict.
  public init(
    licence: String, id: String?, verdict: ProfileOutcome, reason: String, basis: String,
    findings: [ProfileFinding] = [], conditions: [ProfileCondition] = [], warnings: [String] = [],
    unexplained: Int = 0, chosen: String? = nil, parts: [ProfileVerdict]? = nil
  ) {
    self.schemaVersion = profileVerdictSchemaVersion
    self.licence = licence
    self.id = id
    self.verdict = verdict
    self.reason = reason
    self.basis = basis
    self.findings = findings
    self.conditions = conditions
    self.warnings = warnings
    self.unexplained = unexplained
    self.chosen = chosen
    self.parts = parts
  }

  /// The finding that decides the verdict (the first of the worst), if any.
  public var deciding: ProfileFinding? { findings.first { $0.outcome == verdict } }
}
