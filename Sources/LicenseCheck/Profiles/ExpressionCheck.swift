/// Profile checks of licence ids and SPDX expressions, where no text is at hand.
///
/// An id resolves to the catalogue's reviewed clause summary (`licenses/<id>.json`), else to the
/// compatibility traits of an SPDX id (grants, notices, copyleft, restrictions); an `OR` expression
/// takes the best alternative for the profile, an `AND` expression the worst part with every condition.
///
/// ```swift
/// let v = ProfileExpressionChecker().check("MIT OR Llama-3.1", profile: profile)
/// // v.chosen == "MIT" for a profile with 800 M monthly active users
/// ```
public struct ProfileExpressionChecker: Sendable {
  let compatibility: CompatibilityChecker

  /// Creates a checker with the bundled catalogue and traits.
  public init() { compatibility = CompatibilityChecker() }

  /// Checks an id or an expression given as text.
  /// - Throws: ``ProfileError`` when the text is not an expression.
  public func check(_ expression: String, profile: UsageProfile) throws(ProfileError) -> ProfileVerdict {
    let parsed: LicenseExpression
    do {
      parsed = try LicenseExpression(parsing: expression)
    } catch {
      throw ProfileError("'\(expression)' is not a licence id or expression (\(error))")
    }
    var v = check(parsed.canonical, profile: profile)
    v.licence = expression
    return v
  }

  /// Checks a parsed expression.
  public func check(_ expression: LicenseExpression, profile: UsageProfile) -> ProfileVerdict {
    switch expression {
    case .license(let term):
      guard let analysis = analysis(forID: term.id) else {
        return ProfileVerdict(
          licence: term.description, id: term.id, verdict: .unknown,
          reason: "No clause model for \(term.id): give the licence text instead.", basis: "expression",
          findings: [ProfileFinding(outcome: .unknown, kind: nil, reason: "No clause model for \(term.id).")])
      }
      var v = analysis.check(profile)
      v.licence = term.description
      if term.exception != nil {
        v.warnings.append("The exception \(term.exception!) was not taken into account: it only adds permissions.")
      }
      return v
    case .or(let parts):
      let verdicts = parts.map { check($0, profile: profile) }
      // The most permissive for this profile; among equals, the one with fewer conditions, then the first.
      let best = verdicts.enumerated().min {
        ($0.element.verdict.preference, $0.element.conditions.count, $0.offset)
          < ($1.element.verdict.preference, $1.element.conditions.count, $1.offset)
      }!.element
      return ProfileVerdict(
        licence: expression.description, id: nil, verdict: best.verdict,
        reason: "Choose \(best.licence): \(best.reason)", basis: "expression", findings: best.findings,
        conditions: best.conditions, warnings: best.warnings, unexplained: best.unexplained, chosen: best.licence,
        parts: verdicts)
    case .and(let parts):
      let verdicts = parts.map { check($0, profile: profile) }
      let worst = verdicts.max { $0.verdict.severity < $1.verdict.severity }!
      var overall = worst.verdict
      let conditions = verdicts.flatMap(\.conditions)
      if overall == .allowed, !conditions.isEmpty { overall = .allowedWithConditions }
      return ProfileVerdict(
        licence: expression.description, id: nil, verdict: overall,
        reason: "Every part applies; \(worst.licence): \(worst.reason)", basis: "expression",
        findings: verdicts.flatMap(\.findings).sorted { $0.outcome.severity > $1.outcome.severity },
        conditions: conditions, warnings: verdicts.flatMap(\.warnings),
        unexplained: verdicts.map(\.unexplained).reduce(0, +), parts: verdicts)
    }
  }

  /// The analysis a profile check reads for an id: the catalogue entry's reviewed summary, else clauses
  /// made from the SPDX id's compatibility traits; nil for an id with neither.
  public func analysis(forID id: String) -> LicenseAnalysis? {
    if let entry = compatibility.catalogueEntry(id) { return LicenseAnalysis(catalogueEntry: entry) }
    guard let traits = compatibility.traits(for: id) else { return nil }
    return Self.analysis(traits: traits)
  }

  /// Clauses standing for what the traits record: a full grant, notices, copyleft, restrictions, naming and
  /// attribution. The duties a traits record does not keep (marking changes, …) are said to be missing.
  static func analysis(traits t: LicenseTraits) -> LicenseAnalysis {
    let none = ClauseSpan(start: 0, end: 0, line: 0)
    func clause(_ kind: ClauseKind, _ configure: (inout ClauseParameters) -> Void = { _ in }) -> Clause {
      var p = ClauseParameters()
      configure(&p)
      return Clause(kind: kind, span: none, evidence: "", document: nil, parameters: p)
    }
    var clauses: [Clause] = []
    if t.grants {
      clauses.append(
        clause(.copyrightGrant) {
          $0.rights = [.use, .reproduce, .modify, .createDerivatives, .distribute, .sublicense]
        })
    }
    if t.notices {
      clauses.append(clause(.includeLicense))
      clauses.append(clause(.retainNotices))
    }
    if let scope = t.copyleft {
      clauses.append(clause(.shareAlike) { $0.scope = scope == .network ? "network" : scope.rawValue })
      clauses.append(clause(.discloseSource))
      if scope == .network { clauses.append(clause(.networkUseDisclose)) }
    }
    for r in t.restrictions { clauses.append(clause(r.clauseKind)) }
    if t.flowDown { clauses.append(clause(.flowDown) { $0.what = "use-restrictions" }) }
    if let name = t.requiredName { clauses.append(clause(.naming) { $0.requiredPhrase = name }) }
    if let text = t.displayText { clauses.append(clause(.attributionDisplay) { $0.text = text }) }
    var a = LicenseAnalysis(
      source: SourceInfo(path: t.id, format: .text, bytes: 0, sha256: ""),
      identification: Identification(
        id: t.id, name: t.id, family: nil, version: nil, confidence: 1, method: "traits", candidates: []),
      clauses: clauses)
    a = a.judgedAgainstOSD()
    return a
  }
}
