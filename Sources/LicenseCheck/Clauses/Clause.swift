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
  public let parameters: ClauseParameters

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
    self.parameters = parameters
  }
}
