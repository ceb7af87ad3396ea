// The vocabulary of the declarative OSD table (`OSDTable.swift`). Kept apart from the table so the table
// file reads as data: criterion, what fails it, what it needs, and the sentences to explain it.

/// A test on the parameters of one clause, beyond its kind.
package enum ParameterTest: Sendable, Equatable, Hashable {
  /// Every clause of the kind matches.
  case always
  /// A `usage-cap` whose `consequence` is one of these (a cap with no stated consequence does not match).
  case consequence(anyOf: [CapConsequence])
  /// An `acceptance` whose `mechanism` list contains one of these.
  case mechanism(anyOf: [AcceptanceMechanism])
  /// An `acceptance` every one of whose mechanisms is one of these: no act-based alternative is offered.
  case mechanismOnly(anyOf: [AcceptanceMechanism])
  /// A `termination` whose `triggers` contain one of these.
  case trigger(anyOf: [TerminationTrigger])
  /// A `time-limit` whose `type` is one of these (a limit with no stated type matches too).
  case limitType(anyOf: [String])

  /// True when the clause's parameters pass the test.
  package func matches(_ parameters: ClauseParameters) -> Bool {
    switch self {
    case .always:
      return true
    case .consequence(let wanted):
      guard let consequence = parameters.consequence else { return false }
      return wanted.contains(consequence)
    case .mechanism(let wanted):
      return (parameters.mechanism ?? []).contains { wanted.contains($0) }
    case .mechanismOnly(let wanted):
      let m = parameters.mechanism ?? []
      return !m.isEmpty && m.allSatisfy { wanted.contains($0) }
    case .trigger(let wanted):
      return (parameters.triggers ?? []).contains { wanted.contains($0) }
    case .limitType(let wanted):
      return parameters.limitType.map { wanted.contains($0) } ?? true
    }
  }
}

/// A predicate over one clause (its kind and a parameter test) with the sentence that explains a match.
///
/// The sentence is a template: `{name}` is replaced by a parameter of the clause, and a bracketed part
/// `[with {name}|otherwise]` keeps its first branch only when every placeholder in it has a value.
/// The sentence has no final full stop: the evaluator adds where the clause is (`(section 2)`) and the stop.
package struct ClauseCondition: Sendable, Equatable, Hashable {
  /// The clause kind.
  package let kind: ClauseKind
  /// The test on its parameters.
  package let test: ParameterTest
  /// The explanation template.
  package let sentence: String

  /// Creates a condition; `where` defaults to matching every clause of the kind.
  package init(_ kind: ClauseKind, where test: ParameterTest = .always, _ sentence: String) {
    self.kind = kind
    self.test = test
    self.sentence = sentence
  }

  /// True when the clause is of the kind and passes the test.
  package func matches(_ clause: Clause) -> Bool {
    clause.kind == kind && test.matches(clause.parameters)
  }
}

/// A right a criterion needs the licence to grant.
package struct GrantNeed: Sendable, Equatable, Hashable {
  /// A `copyright-grant` listing any one of these rights meets the need; an empty list is met by any
  /// `copyright-grant`, even one whose rights the extractor could not list.
  package let anyOf: [GrantRight]
  /// What the right is called in a sentence (`redistribution`).
  package let noun: String

  /// Creates a need.
  package init(anyOf: [GrantRight], noun: String) {
    self.anyOf = anyOf
    self.noun = noun
  }

  /// True when the clause is a copyright grant that meets the need.
  package func isMet(by clause: Clause) -> Bool {
    guard clause.kind == .copyrightGrant else { return false }
    if anyOf.isEmpty { return true }
    return (clause.parameters.rights ?? []).contains { anyOf.contains($0) }
  }
}

/// One row of the OSD table: how one criterion is decided.
///
/// The evaluator applies a row in this order: any clause matching `failsOn` makes the verdict `fail`;
/// otherwise a need in `needs` that no grant meets makes it `unknown` (a text that simply does not list a
/// right is not proof that it withholds it); otherwise any clause matching `unknownOn` makes it `unknown`;
/// otherwise it is `pass`.
package struct OSDRule: Sendable, Equatable, Hashable {
  /// The criterion.
  package let criterion: OSDCriterion
  /// Clauses that fail the criterion.
  package let failsOn: [ClauseCondition]
  /// Rights that must all be granted for a pass.
  package let needs: [GrantNeed]
  /// Clauses that leave the criterion open even when nothing fails and every need is met.
  package let unknownOn: [ClauseCondition]
  /// The sentence for a pass, without location or full stop.
  package let passes: String

  /// Creates a row.
  package init(
    _ criterion: OSDCriterion, failsOn: [ClauseCondition], needs: [GrantNeed] = [],
    unknownOn: [ClauseCondition] = [], passes: String
  ) {
    self.criterion = criterion
    self.failsOn = failsOn
    self.needs = needs
    self.unknownOn = unknownOn
    self.passes = passes
  }
}
