/// The OSD verdicts and warnings for one list of clauses.
public struct OSDEvaluation: Sendable, Codable, Equatable, Hashable {
  /// Exactly ten verdicts, `osd-1` … `osd-10`, in order.
  public let verdicts: [OSDVerdict]
  /// Findings that make the grant unstable, in clause order.
  public let warnings: [AnalysisWarning]
  /// True only when all ten verdicts are `pass`: an `unknown` is not evidence of conformance, so it
  /// leaves the flag false (users gate releases on it).
  public let conformant: Bool

  /// Creates an evaluation.
  public init(verdicts: [OSDVerdict], warnings: [AnalysisWarning], conformant: Bool) {
    self.verdicts = verdicts
    self.warnings = warnings
    self.conformant = conformant
  }
}

/// Judges extracted clauses against the Open Source Definition 1.9.
///
/// The evaluator only reads clauses: every rule lives in the declarative `OSDTable`, which mirrors the
/// mapping in the clause taxonomy. Each verdict names the clauses that decided it (`because`, indexes
/// into the list given) and one explanation a reviewer can paste into a report.
///
/// ```swift
/// let result = OSDEvaluator.evaluate(analysis.clauses)
/// for verdict in result.verdicts where verdict.verdict == .fail { print(verdict.explanation) }
/// ```
public enum OSDEvaluator {
  /// Judges a list of clauses.
  ///
  /// - Parameter clauses: the clauses of one licence (and any documents analysed with it, such as a use
  ///   policy), in the order the analysis reports them.
  /// - Returns: ten verdicts in Definition order, the warnings, and whether nothing fails.
  /// - Complexity: O(*r* × *n*), where *r* is the number of conditions in the table and *n* the number
  ///   of clauses.
  public static func evaluate(_ clauses: [Clause]) -> OSDEvaluation {
    let judged = documentWideAcceptance(clauses)
    // Kinds once, so that each row tests only the clauses of its kinds (copying whole clauses per
    // row and condition dominated the evaluation).
    let kinds = judged.map(\.kind)
    // Where the grants are, worded once: five rows pass on all of them, and wording a location (sections,
    // quoted headings) for each row doubled the evaluator's time.
    let grants = kinds.indices.filter { kinds[$0] == .copyrightGrant }
    let grantPlace = OSDSentence.location(of: grants.map { judged[$0] })
    let verdicts = OSDTable.rules.map { verdict(for: $0, judged, kinds: kinds, grantPlace: grantPlace) }
    return OSDEvaluation(
      verdicts: verdicts, warnings: warnings(clauses), conformant: verdicts.allSatisfy { $0.verdict == .pass })
  }

  /// A licence is accepted however its text allows, so each acceptance clause is judged with every
  /// mechanism the document offers: "clicking on that icon indicates acceptance" does not make clicking
  /// the only way when another sentence accepts "by exercising any of the rights" (EUPL).
  static func documentWideAcceptance(_ clauses: [Clause]) -> [Clause] {
    let all = Set(clauses.filter { $0.kind == .acceptance }.flatMap { $0.parameters.mechanism ?? [] })
    guard all.count > 1 else { return clauses }
    return clauses.map { c in
      guard c.kind == .acceptance else { return c }
      var p = c.parameters
      p.mechanism = all.sorted()
      return Clause(
        kind: c.kind, span: c.span, evidence: c.evidence, section: c.section, document: c.document, parameters: p)
    }
  }

  /// Applies one row of the table (see ``OSDRule`` for the order of the tests).
  static func verdict(
    for rule: OSDRule, _ clauses: [Clause], kinds: [ClauseKind], grantPlace: String? = nil
  ) -> OSDVerdict {
    func make(_ verdict: OSDVerdict.Verdict, _ because: [Int], _ explanation: String) -> OSDVerdict {
      OSDVerdict(
        criterion: rule.criterion.id, title: rule.criterion.title, verdict: verdict, because: because,
        explanation: explanation)
    }

    let failing = matches(rule.failsOn, in: clauses, kinds: kinds)
    if !failing.isEmpty {
      return make(.fail, failing.map(\.index), sentences(failing, clauses))
    }

    let grants = kinds.indices.filter { kinds[$0] == .copyrightGrant }
    if grants.isEmpty {
      // Nothing is granted: redistribution and modification are withheld (copyright's default); the
      // other criteria have nothing to judge, and absence of a restriction proves nothing.
      switch rule.criterion {
      case .freeRedistribution:
        return make(.fail, [], "No right to redistribute the work is granted.")
      case .derivedWorks:
        return make(.fail, [], "No right to modify the work or distribute derived works is granted.")
      default:
        return make(.unknown, [], "No copyright grant was found, so there is nothing to judge this criterion on.")
      }
    }
    let unmet = rule.needs.filter { need in !grants.contains { need.isMet(by: clauses[$0]) } }
    if !unmet.isEmpty {
      let nouns = unmet.map(\.noun)
      let what = nouns.count == 1 ? nouns[0] : nouns.dropLast().joined(separator: ", ") + " and " + nouns.last!
      // A grant that says itself that it is narrow ("a limited, non-transferable licence to install and
      // use") and lists its rights without this one withholds it: positive evidence for a fail of the
      // two criteria the Definition words as rights (osd-1 redistribution, osd-3 derived works). A
      // grant without such words may simply have lost a verb to the extractor: `unknown`.
      if [.freeRedistribution, .derivedWorks].contains(rule.criterion),
        grants.allSatisfy({ !(clauses[$0].parameters.rights ?? []).isEmpty }),
        let narrow = grants.first(where: {
          clauses[$0].parameters.limited == true || clauses[$0].parameters.nonTransferable == true
        })
      {
        let p = clauses[narrow].parameters
        let flags = [p.limited == true ? "limited" : nil, p.nonTransferable == true ? "non-transferable" : nil]
          .compactMap { $0 }.joined(separator: ", ")
        let body = "The grant is \(flags) and names no right of \(what)"
        return make(.fail, grants, OSDSentence.finish(body, at: grants.map { clauses[$0] }))
      }
      // Point at the grants that were found, so a reviewer can check whether the extractor missed a verb.
      let body = "The copyright grant does not mention \(what)"
      return make(.unknown, grants, OSDSentence.finish(body, at: grants.map { clauses[$0] }))
    }

    let open = matches(rule.unknownOn, in: clauses, kinds: kinds)
    if !open.isEmpty {
      // One sentence is enough: every `unknownOn` condition of a row states the same reason.
      return make(.unknown, open.map(\.index), OSDSentence.finish(open[0].condition.sentence, at: []))
    }

    // A pass rests on the grants: those giving the rights the row needs, or every grant for rows that
    // pass because no restriction was found.
    let granting = rule.needs.isEmpty ? grants : grants.filter { i in rule.needs.contains { $0.isMet(by: clauses[i]) } }
    if granting.count == grants.count, let place = grantPlace {
      return make(.pass, granting, place.isEmpty ? rule.passes + "." : rule.passes + " (" + place + ").")
    }
    return make(.pass, granting, OSDSentence.finish(rule.passes, at: granting.map { clauses[$0] }))
  }

  /// The warnings of the table, one per matching clause.
  static func warnings(_ clauses: [Clause]) -> [AnalysisWarning] {
    matches(OSDTable.warnings, in: clauses, kinds: clauses.map(\.kind)).map { match in
      var extra: [String: String] = [:]
      if continuedUseAccepts(match.index, in: clauses) { extra["continuedUse"] = "continued use means acceptance" }
      return AnalysisWarning(
        kind: match.condition.kind.rawValue, because: [match.index],
        explanation: OSDSentence.render(match.condition, for: clauses[match.index], extra: extra))
    }
  }

  /// Whether the text says that using the work after a change accepts it: an acceptance by use in the same
  /// section as the `unilateral-change` clause at `index` (or, outside numbered sections, within two lines
  /// after it). Reports say "continued use means acceptance" only then, never by default.
  package static func continuedUseAccepts(_ index: Int, in clauses: [Clause]) -> Bool {
    let change = clauses[index]
    guard change.kind == .unilateralChange else { return false }
    return clauses.contains { c in
      guard c.kind == .acceptance, c.document == change.document, c.parameters.mechanism?.contains(.use) == true
      else { return false }
      if let section = change.section { return c.section == section }
      return c.section == nil && c.span.line >= change.span.line && c.span.line <= change.span.line + 2
    }
  }

  /// Each clause that matches one of the conditions, with the first condition it matches (which picks
  /// its sentence), in clause order.
  private static func matches(_ conditions: [ClauseCondition], in clauses: [Clause], kinds: [ClauseKind]) -> [(
    index: Int, condition: ClauseCondition
  )] {
    guard !conditions.isEmpty else { return [] }
    var out: [(index: Int, condition: ClauseCondition)] = []
    // The kinds compared on the conditions' buffer: `first(where:)` copied each condition (its test
    // and sentence retained and released) for every clause of every row.
    conditions.withUnsafeBufferPointer { conds in
      for i in kinds.indices {
        let kind = kinds[i]
        for j in conds.indices where conds[j].kind == kind && conds[j].test.matches(clauses[i].parameters) {
          out.append((i, conds[j]))
          break
        }
      }
    }
    return out
  }

  /// One sentence per failing clause, repeated sentences said once.
  private static func sentences(_ failing: [(index: Int, condition: ClauseCondition)], _ clauses: [Clause])
    -> String
  {
    // A set, not a list search: a huge input can have tens of thousands of failing clauses. The first few
    // distinct sentences are said; the rest are counted (every clause stays in `because`).
    let limit = 4
    var seen: [String] = []
    var distinct = Set<String>()
    for match in failing {
      let sentence = OSDSentence.render(match.condition, for: clauses[match.index])
      if distinct.insert(sentence).inserted, seen.count < limit { seen.append(sentence) }
    }
    if distinct.count > limit {
      let more = distinct.count - limit
      seen.append("\(more) more clause\(more == 1 ? " says" : "s say") much the same.")
    }
    return seen.joined(separator: " ")
  }
}

extension LicenseAnalysis {
  /// This analysis with `osd`, `warnings` and `osdConformant` set from its clauses.
  func judgedAgainstOSD() -> LicenseAnalysis {
    var copy = self
    switch documentClass?.class {
    case .notALicence?:
      // No licence language: there is nothing to judge, and no verdict is given.
      copy.osd = []
      copy.warnings = []
      copy.osdConformant = false
      copy.conformance = OSDConformance(
        status: .notJudged, reason: "The text is not a licence, so the OSD is not judged.", because: [])
      return copy
    case .notice?:
      // A pointer is not the licence: its few words cannot show that the ten criteria are met.
      let target = documentClass?.refersTo.map { "\($0)'s own text" } ?? "the licence it names"
      copy.osd = OSDCriterion.allCases.map { c in
        OSDVerdict(
          criterion: c.id, title: c.title, verdict: .unknown, because: [],
          explanation: "This text is a notice; judge \(target) instead.")
      }
      copy.warnings = OSDEvaluator.evaluate(clauses).warnings
      copy.osdConformant = false
      copy.conformance = OSDConformance(
        status: .undetermined, reason: "The text is a notice; judge \(target) instead.", because: [])
      return copy
    default:
      break
    }
    if documentClass?.english == false {
      // The rules read English only: a French or German licence yields few clauses, and judging it on
      // them would turn "not understood" into "not granted".
      copy.osd = OSDCriterion.allCases.map { c in
        OSDVerdict(
          criterion: c.id, title: c.title, verdict: .unknown, because: [],
          explanation: "The text is not in English, and the clause rules read English only.")
      }
      copy.warnings = []
      copy.osdConformant = false
      copy.conformance = OSDConformance(
        status: .undetermined, reason: "The text is not in English, and the clause rules read English only.",
        because: [])
      return copy
    }
    let result = OSDEvaluator.evaluate(clauses)
    copy.osd = result.verdicts
    copy.warnings = result.warnings
    let answer = OSDConformance.decide(
      verdicts: result.verdicts, clauses: clauses, identification: identification, unexplained: unexplained,
      osiApproved: { OSDConformance.osiApprovedIDs.contains($0) })
    copy.conformance = answer
    copy.osdConformant = answer.status == .conformant
    if let cut = truncated {
      // What was not read may hold the restriction: a pass on the part read is not evidence.
      copy.osd = copy.osd.map { v in
        guard v.verdict == .pass else { return v }
        return OSDVerdict(
          criterion: v.criterion, title: v.title, verdict: .unknown, because: v.because,
          explanation: v.explanation + " Only the start of the text was analysed.")
      }
      if answer.status == .conformant || answer.status == .undetermined {
        copy.conformance = OSDConformance(status: .undetermined, reason: cut.explanation, because: [])
        copy.osdConformant = false
      }
    }
    return copy
  }
}
