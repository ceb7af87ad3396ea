/// Where a clause was found: UTF-8 byte offsets into the plain text, and the 1-based line of `start`.
public struct ClauseSpan: Sendable, Codable, Equatable, Hashable {
  /// First byte.
  public let start: Int
  /// One past the last byte.
  public let end: Int
  /// 1-based line of `start`.
  public let line: Int

  /// Creates a span.
  public init(start: Int, end: Int, line: Int) {
    self.start = start
    self.end = end
    self.line = line
  }

  /// The byte range as a ``Span``.
  public var range: Span { Span(start: start, end: end) }
}

/// One clause found in a licence: its kind, where it is, the words it came from and its parameters.
public struct Clause: Sendable, Codable, Equatable, Hashable {
  /// The kind, from the taxonomy.
  public let kind: ClauseKind
  /// The effect (always `kind.effect`; stored so JSON readers need no table).
  public let effect: ClauseEffect
  /// Where in the plain text the clause is.
  public let span: ClauseSpan
  /// A quote from the text at ``span`` that shows the clause.
  public let evidence: String
  /// The section number or heading the clause sits in (`2`, `1.b.i`, `Section 3`), when known.
  public let section: String?
  /// Which document the span points into, when several were analysed together (`policy` for a use policy).
  public let document: String?
  /// The kind's parameters; only what the text states is set.
  public var parameters: ClauseParameters { parameterBox?.value ?? ClauseParameters.none }
  /// The parameters, boxed and nil when empty: `ClauseParameters` is several hundred bytes inline, most
  /// clauses have none, and a text of 40,000 clauses held two arrays of them (14 MB each for 1 MB
  /// of text); boxed, a clause is a few words and moves cheaply when clauses are sorted.
  private let parameterBox: ParameterBox?

  /// Creates a clause.
  public init(
    kind: ClauseKind, span: ClauseSpan, evidence: String, section: String? = nil, document: String? = nil,
    parameters: ClauseParameters = ClauseParameters()
  ) {
    self.kind = kind
    self.effect = kind.effect
    self.span = span
    self.evidence = evidence
    self.section = section
    self.document = document
    self.parameterBox = parameters.isEmpty ? nil : ParameterBox(parameters)
  }

  enum CodingKeys: String, CodingKey { case kind, effect, span, evidence, section, document, parameters }

  /// Decodes what ``encode(to:)`` writes (the same keys as before the parameters were boxed).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    kind = try c.decode(ClauseKind.self, forKey: .kind)
    effect = try c.decode(ClauseEffect.self, forKey: .effect)
    span = try c.decode(ClauseSpan.self, forKey: .span)
    evidence = try c.decode(String.self, forKey: .evidence)
    section = try c.decodeIfPresent(String.self, forKey: .section)
    document = try c.decodeIfPresent(String.self, forKey: .document)
    let p = try c.decode(ClauseParameters.self, forKey: .parameters)
    parameterBox = p.isEmpty ? nil : ParameterBox(p)
  }

  /// Encodes every field; `section` and `document` only when set.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind, forKey: .kind)
    try c.encode(effect, forKey: .effect)
    try c.encode(span, forKey: .span)
    try c.encode(evidence, forKey: .evidence)
    try c.encodeIfPresent(section, forKey: .section)
    try c.encodeIfPresent(document, forKey: .document)
    try c.encode(parameters, forKey: .parameters)
  }

  /// Field by field, parameters by value.
  public static func == (a: Clause, b: Clause) -> Bool {
    a.kind == b.kind && a.effect == b.effect && a.span == b.span && a.evidence == b.evidence
      && a.section == b.section && a.document == b.document
      && (a.parameterBox === b.parameterBox || a.parameters == b.parameters)
  }

  /// Hashes every field, parameters by value.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(kind)
    hasher.combine(effect)
    hasher.combine(span)
    hasher.combine(evidence)
    hasher.combine(section)
    hasher.combine(document)
    hasher.combine(parameters)
  }
}

/// Immutable storage for a clause's parameters (see ``Clause/parameters``).
final class ParameterBox: Sendable {
  let value: ClauseParameters
  init(_ value: ClauseParameters) { self.value = value }
}

extension ClauseParameters {
  /// No parameter set.
  static let none = ClauseParameters()
}
