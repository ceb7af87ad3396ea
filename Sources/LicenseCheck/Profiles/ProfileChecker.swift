import Foundation

/// What a profile check may read beside the analysis.
public struct ProfileCheckOptions: Sendable, Equatable {
  /// The plain text the analysis was made from (`Document.text`): the checker reads each cap's and
  /// territory's sentence at its span ("more than" or "at least", "on the release date", "domiciled in").
  /// Without it, only the evidence quotes and the reviewed facts of known licences are read.
  public var text: String?
  /// The plain text of the use policy analysed with the licence, for clauses with `document: "policy"`.
  public var policyText: String?

  /// Creates options.
  public init(text: String? = nil, policyText: String? = nil) {
    self.text = text
    self.policyText = policyText
  }
}

extension LicenseAnalysis {
  /// Answers "may we do this?" for this licence: one verdict, the findings that decide it and the
  /// conditions the profile triggers.
  ///
  /// Never claims more than the evidence: an activity the text is silent on, or that an unexplained
  /// sentence may restrict, is `unknown` with the reason, not `allowed`.
  /// - Parameters:
  ///   - profile: the organisation and what it wants to do.
  ///   - options: the analysed text, for reading caps and territories precisely.
  /// - Complexity: O(clauses + unexplained sentences), plus the words of each cap and territory sentence.
  public func check(_ profile: UsageProfile, options: ProfileCheckOptions = ProfileCheckOptions()) -> ProfileVerdict {
    var checker = ProfileChecker(analysis: self, profile: profile, options: options)
    return checker.run()
  }
}

/// Decides a profile verdict from the clauses of one analysis.
struct ProfileChecker {
  let analysis: LicenseAnalysis
  let profile: UsageProfile
  let options: ProfileCheckOptions
  let entry: CatalogueEntry?
  let activities: [UsageActivity]
  let activitySet: Set<UsageActivity>
  /// Fields already found banned, so a licence and its policy banning the same field give one finding.
  var bannedFound: Set<String> = []
  var findings: [ProfileFinding] = []
  var conditions: [ProfileCondition] = []
  var warnings: [String] = []

  init(analysis: LicenseAnalysis, profile: UsageProfile, options: ProfileCheckOptions) {
    self.analysis = analysis
    self.profile = profile
    self.options = options
    self.entry = analysis.identification.flatMap { id in
      CompatibilityChecker.catalogueByKey[LicenseIDs.foldKey(id.id)]
    }
    self.activities = profile.activities.isEmpty ? [.useInternal] : Array(Set(profile.activities)).sorted()
    self.activitySet = Set(activities)
  }

  var isCatalogue: Bool { analysis.identification?.method == "catalogue" }
  var basis: String { isCatalogue ? "catalogue" : (analysis.source.sha256.isEmpty ? "traits" : "text") }
  var licensor: String { entry?.publisher ?? "the licensor" }

  /// Whether the profile uses the work commercially: a commercial activity, or a company that offers, ships
  /// or runs it in production.
  var isCommercial: Bool {
    if activities.contains(.useCommercial) { return true }
    guard profile.licensee == nil || profile.licensee == .company else { return false }
    return activities.contains {
      [.production, .hostedService, .embedInProduct, .distributeOriginal, .distributeModified].contains($0)
    }
  }

  mutating func run() -> ProfileVerdict {
    let id = analysis.identification?.id
    if profile.activities.isEmpty {
      warnings.append("The profile names no activity: only internal use was checked.")
    }
    if let c = analysis.documentClass?.class, c == .usePolicy || c == .notice || c == .notALicence {
      findings.append(
        ProfileFinding(
          outcome: .unknown, kind: nil,
          reason: "This document is a \(c.rawValue), not a licence: check the licence that applies to the work."))
      return verdict(id: id)
    }
    organisationLists(id)
    grants()
    // Clauses are walked in place: copying them (and their strings) would cost more than judging them.
    for i in analysis.clauses.indices {
      judge(analysis.clauses[i], index: i, document: analysis.clauses[i].document)
    }
    for clause in catalogueClauses() {
      judge(clause, index: nil, document: clause.document)
    }
    unexplained()
    unmatchedFields()
    return verdict(id: id)
  }

  // MARK: - The organisation's own lists

  mutating func organisationLists(_ id: String?) {
    let key = id.map(LicenseIDs.foldKey)
    if let key, profile.deniedLicences.contains(where: { LicenseIDs.foldKey($0) == key }) {
      findings.append(
        ProfileFinding(
          outcome: .forbidden, kind: nil, reason: "\(id!) is on the profile's denied licences."))
    }
    if !profile.allowedLicences.isEmpty {
      if let key, profile.allowedLicences.contains(where: { LicenseIDs.foldKey($0) == key }) {
      } else {
        findings.append(
          ProfileFinding(
            outcome: .forbidden, kind: nil,
            reason: "\(id ?? "This unidentified licence") is not on the profile's allowed licences."))
      }
    }
    for kind in profile.deniedClauses {
      guard let (i, c) = analysis.clauses.enumerated().first(where: { $0.element.kind == kind }) else { continue }
      findings.append(
        finding(
          .forbidden, c, i, nil, reason: "The profile denies licences with a \(kind.rawValue) clause\(at(c))."))
    }
  }

  // MARK: - Grants

  /// Each activity needs a right the grant gives; a grant that does not name it leaves the activity unknown.
  mutating func grants() {
    var rights: Set<GrantRight> = []
    var firstGrant: Int?
    for i in analysis.clauses.indices where analysis.clauses[i].kind == .copyrightGrant {
      guard analysis.clauses[i].document == nil else { continue }
      if firstGrant == nil { firstGrant = i }
      rights.formUnion(analysis.clauses[i].parameters.rights ?? [])
    }
    guard let firstGrant else {
      if isCatalogue {
        warnings.append("The catalogue summary lists no grant: the rights were not checked; analyse the text.")
      } else {
        findings.append(
          ProfileFinding(
            outcome: .unknown, kind: .copyrightGrant,
            reason: "No copyright grant was found in the text, so no activity can be shown to be allowed."))
      }
      return
    }
    let first = (offset: firstGrant, element: analysis.clauses[firstGrant])
    for activity in activities {
      let needed: [[GrantRight]]
      switch activity {
      case .fineTune: needed = [[.modify, .createDerivatives]]
      case .distributeOriginal, .embedInProduct: needed = [[.distribute]]
      case .distributeModified: needed = [[.distribute], [.modify, .createDerivatives]]
      default: needed = [[.use, .perform, .display]]
      }
      for alternatives in needed where !alternatives.contains(where: rights.contains) {
        let names = alternatives.map(\.rawValue).joined(separator: " or ")
        findings.append(
          finding(
            .unknown, first.element, first.offset, nil, activity: activity,
            reason:
              "The grant\(at(first.element)) does not name the right to \(names), which \(activity.rawValue) needs."
          ))
      }
    }
  }

  // MARK: - Catalogue policy

  /// The reviewed clauses of a known use policy the licence incorporates, when the policy's own clauses
  /// are not in the analysis (the licence was read without `--policy`).
  mutating func catalogueClauses() -> [Clause] {
    guard
      let aupIndex = analysis.clauses.firstIndex(where: { $0.kind == .acceptableUsePolicy && $0.document == nil })
    else { return [] }
    let policyRead = analysis.clauses.contains { $0.document == "policy" || $0.kind == .fieldOfUse }
    let related = (entry?.related ?? []).compactMap { CompatibilityChecker.catalogueByKey[LicenseIDs.foldKey($0)] }
      .filter { $0.kind == .usePolicy }
    guard let policy = related.first else {
      if policyRead { return [] }
      let ref =
        analysis.clauses.lazy.filter { $0.kind == .acceptableUsePolicy }.compactMap(\.parameters.reference)
        .first.map { " (\($0))" } ?? ""
      warnings.append(
        "The use policy\(ref) is incorporated but was not read: give it with --policy to check fields against it.")
      if !profile.fields.isEmpty || profile.licensee == .military {
        findings.append(
          finding(
            .unknown, analysis.clauses[aupIndex], aupIndex, nil,
            reason: "The use policy\(ref) may ban your fields, and it was not read (give it with --policy)."))
      }
      return []
    }
    // A policy text read by the extractor may miss a ban the reviewers named ("tracking people without
    // consent" is surveillance): the reviewed fields are added to it, so a ban is never lost.
    warnings.append(
      policyRead
        ? "The reviewed summary of the use policy (\(policy.id)) was checked beside its text."
        : "The use policy was not given: its reviewed summary (\(policy.id)) was used.")
    return policy.clauses.map {
      Clause(
        kind: $0.kind, span: ClauseSpan(start: 0, end: 0, line: 0), evidence: "", section: $0.section,
        document: "catalogue:\(policy.id)", parameters: $0.parameters ?? ClauseParameters())
    }
  }

  // MARK: - One clause

  mutating func judge(_ c: Clause, index: Int?, document: String?) {
    let p = c.parameters
    let a = activitySet
    switch c.kind {
    case .usageCap: usageCap(c, index, document)
    case .fieldOfUse: fieldOfUse(c, index, document)
    case .territory: territory(c, index, document)
    case .nonCommercial:
      for act in activities where [.useCommercial, .production, .hostedService, .embedInProduct].contains(act) {
        if act == .useCommercial || profile.licensee == nil || profile.licensee == .company {
          findings.append(
            finding(
              .forbidden, c, index, document, activity: act,
              reason:
                "Commercial use is excluded\(at(c)), and \(act.rawValue) by \(article(profile.licensee?.rawValue ?? "licensee")) is commercial."
            ))
        } else {
          findings.append(
            finding(
              .unknown, c, index, document, activity: act,
              reason:
                "Commercial use is excluded\(at(c)); whether \(act.rawValue) by \(article(profile.licensee!.rawValue)) is commercial is not settled by the text."
            ))
        }
      }
    case .researchOnly:
      let banned = activities.filter { [.useCommercial, .production, .hostedService, .embedInProduct].contains($0) }
      for act in banned {
        findings.append(
          finding(
            .forbidden, c, index, document, activity: act,
            reason: "Use is limited to research\(at(c)); \(act.rawValue) is not research."))
      }
      if banned.isEmpty {
        condition(c, index, duty: "Use it for research only\(at(c)).", activities: activities)
      }
    case .productionUse:
      for act in activities where [.production, .useCommercial, .hostedService, .embedInProduct].contains(act) {
        findings.append(
          finding(.forbidden, c, index, document, activity: act, reason: "Production use is banned\(at(c))."))
      }
    case .outputUse:
      if a.contains(.trainOnOutputs) {
        let scope: String
        switch p.scope {
        case "other-large-language-models"?: scope = "any other large language model"
        case "other-foundation-models"?: scope = "any other foundation model"
        default: scope = "other models"
        }
        findings.append(
          finding(
            .forbidden, c, index, document, activity: .trainOnOutputs,
            reason:
              "Outputs may not be used to improve \(scope)\(at(c)) (the licence's own model family is excepted where the text says so)."
          ))
      }
    case .hostedService:
      if a.contains(.hostedService) {
        findings.append(
          finding(
            .forbidden, c, index, document, activity: .hostedService,
            reason: "Offering the work as a hosted service is restricted\(at(c))."))
      }
    case .noModification:
      for act in [UsageActivity.fineTune, .distributeModified] where a.contains(act) {
        findings.append(
          finding(
            .forbidden, c, index, document, activity: act,
            reason: "Modifying the work, or passing on modified versions, is banned\(at(c))."))
      }
    case .noRedistribution:
      for act in [UsageActivity.distributeOriginal, .distributeModified, .embedInProduct] where a.contains(act) {
        findings.append(
          finding(
            .forbidden, c, index, document, activity: act,
            reason: "Passing copies of the work on is banned\(at(c))."))
      }
    case .competingUse:
      let acts = activities.filter { [.useCommercial, .production, .hostedService, .embedInProduct].contains($0) }
      if !acts.isEmpty {
        condition(
          c, index, duty: "Do not use it to build a product that competes with \(licensor)\(at(c)).", activities: acts)
      }
    case .productTie:
      // Every use depends on the named product: a condition the profile cannot check by itself.
      if !activities.isEmpty {
        condition(
          c, index, duty: "Use it only with the product, device or service the licence names\(at(c)).",
          activities: activities)
      }
    case .timeLimit: timeLimit(c, index, document)
    case .seatLimit:
      let limit = p.limit.map { formatCount($0) } ?? "the number"
      if p.unit == "users", let users = profile.organisation.users, let l = p.limit, users > l {
        findings.append(
          finding(
            .needsSeparateLicence, c, index, document,
            reason: "\(formatCount(users)) users > \(limit) users allowed\(at(c)): more seats are needed."))
      } else {
        condition(c, index, duty: "Stay within \(limit) \(p.unit ?? "seats")\(at(c)).", activities: activities)
      }
    case .userRestriction:
      let who = (p.who ?? "").lowercased()
      if let l = profile.licensee, who.contains(l.rawValue) {
        findings.append(
          finding(
            .forbidden, c, index, document, reason: "The licensee type \(l.rawValue) is excluded (\(p.who!))\(at(c))."))
      } else {
        condition(
          c, index, duty: "Make sure you are not an excluded licensee\(p.who.map { " (\($0))" } ?? "")\(at(c)).",
          activities: activities)
      }
    case .outputRights:
      if a.contains(.publishOutputs), p.owner == "licensor" {
        findings.append(
          finding(
            .unknown, c, index, document, activity: .publishOutputs,
            reason: "The licensor claims the outputs\(at(c)): publishing them needs its permission."))
      }
    case .naming:
      let acts = activities.filter { [.fineTune, .trainOnOutputs, .distributeModified].contains($0) }
      if !acts.isEmpty {
        let phrase = p.requiredPhrase ?? "the licensed name"
        let place = p.position == "prefix" ? "at the beginning of" : "in"
        condition(
          c, index,
          duty:
            "Put \"\(phrase)\" \(place) the name of any model you build with it and distribute or make available\(at(c)).",
          text: p.requiredPhrase, activities: acts)
      }
    case .attributionDisplay:
      let acts = activities.filter(\.makesAvailable)
      if !acts.isEmpty {
        let places = p.where.map {
          " on a related " + $0.map { $0.replacingOccurrences(of: "-", with: " ") }.joined(separator: ", ")
        }
        condition(
          c, index,
          duty: "Display \(p.text.map { "\"\($0)\"" } ?? "the attribution") prominently\(places ?? "")\(at(c)).",
          text: p.text, where: p.where, activities: acts)
      }
    case .includeLicense:
      let acts = activities.filter(\.distributes)
      if !acts.isEmpty {
        condition(c, index, duty: "Give every recipient a copy of the licence\(at(c)).", activities: acts)
      }
    case .retainNotices:
      let acts = activities.filter(\.distributes)
      if !acts.isEmpty {
        condition(
          c, index,
          duty: p.noticeText.map { "Keep this notice with every copy: \"\($0)\"\(at(c))." }
            ?? "Keep the copyright and attribution notices in every copy\(at(c)).", text: p.noticeText,
          activities: acts)
      }
    case .stateChanges:
      let acts = activities.filter { $0 == .distributeModified || ($0 == .embedInProduct && a.contains(.fineTune)) }
      if !acts.isEmpty {
        condition(c, index, duty: "Mark the files you changed as changed\(at(c)).", activities: acts)
      }
    case .shareAlike:
      var acts = activities.filter { $0 == .distributeModified || $0 == .embedInProduct }
      if p.scope == "network", a.contains(.hostedService) { acts.append(.hostedService) }
      if !acts.isEmpty {
        condition(
          c, index, duty: "Release your modified work under the same licence (\(p.scope ?? "work") scope)\(at(c)).",
          activities: acts)
      }
    case .discloseSource:
      let acts = activities.filter(\.distributes)
      if !acts.isEmpty {
        condition(c, index, duty: "Make the source available with what you distribute\(at(c)).", activities: acts)
      }
    case .networkUseDisclose:
      if a.contains(.hostedService) {
        condition(
          c, index, duty: "Offer the source to the users of your service\(at(c)).", activities: [.hostedService])
      }
    case .flowDown:
      let acts = activities.filter(\.makesAvailable)
      if !acts.isEmpty {
        let what = p.what == "acceptable-use-policy" ? "the use policy" : "the use restrictions"
        condition(
          c, index,
          duty: "Pass \(what) on to your users and recipients as an enforceable part of your own terms\(at(c)).",
          activities: acts)
      }
    case .acceptableUsePolicy:
      if document?.hasPrefix("catalogue:") == true || document == "policy" { break }
      condition(
        c, index, duty: "Follow the use policy\(p.reference.map { " (\($0))" } ?? "")\(at(c)).", text: p.reference,
        activities: activities)
      if p.updatable == true { warnings.append("The use policy may be updated from time to time\(at(c)).") }
    case .exportControl:
      let acts = activities.filter(\.makesAvailable)
      if !acts.isEmpty { condition(c, index, duty: "Follow export-control and trade laws\(at(c)).", activities: acts) }
    case .unilateralChange:
      warnings.append(
        "\(licensor.prefix(1).uppercased() + licensor.dropFirst()) may change the \(p.what == "policy" ? "use policy" : "terms")\(at(c)): check again before relying on this verdict."
      )
    case .remoteRestriction:
      warnings.append("The licensor may restrict or suspend your use remotely\(at(c)).")
    case .termination where (p.triggers ?? []).contains(.atWill):
      warnings.append("The licensor may end the licence at will\(at(c)).")
    default: break
    }
  }

  // MARK: - Usage caps

  mutating func usageCap(_ c: Clause, _ index: Int?, _ document: String?) {
    let p = c.parameters
    guard let metric = p.metric, let threshold = p.threshold else {
      findings.append(finding(.unknown, c, index, document, reason: "A usage cap\(at(c)) whose measure was not read."))
      return
    }
    let reading = capReading(c, document)
    if reading.commercialOnly, !isCommercial {
      findings.append(
        finding(
          .allowed, c, index, document,
          reason:
            "The usage cap\(at(c)) applies to commercial use only, and the profile's activities are not commercial."))
      return
    }
    let o = profile.organisation
    let value: Double
    let noun: String
    var moneyNote = ""
    switch metric {
    case .monthlyActiveUsers, .dailyActiveUsers, .users:
      noun =
        metric == .monthlyActiveUsers
        ? "monthly active users" : metric == .dailyActiveUsers ? "daily active users" : "users"
      let figure =
        metric == .monthlyActiveUsers
        ? o.monthlyActiveUsers : metric == .dailyActiveUsers ? o.dailyActiveUsers : o.users
      guard let figure else {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason: "The licence caps \(noun) at \(formatCount(threshold))\(at(c)); the profile does not give \(noun).")
        )
        return
      }
      value = figure
    case .annualRevenue, .monthlyRevenue:
      noun = metric == .annualRevenue ? "annual revenue" : "monthly revenue"
      guard metric == .annualRevenue else {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "The licence caps monthly revenue\(at(c)); the profile gives annual revenue, which is not divided silently."
          ))
        return
      }
      guard let revenue = o.annualRevenue else {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "The licence caps annual revenue at \(p.currency.map { "\($0) " } ?? "")\(formatCount(threshold))\(at(c)); the profile does not give revenue."
          ))
        return
      }
      guard let capCurrency = p.currency?.uppercased() else {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "The revenue cap\(at(c)) states no currency the tool could read, so \(revenue.currency) revenue cannot be compared."
          ))
        return
      }
      if revenue.currency == capCurrency {
        value = revenue.amount
      } else if let r = profile.exchangeRates.first(where: { $0.from == revenue.currency && $0.to == capCurrency }) {
        value = revenue.amount * r.rate
        moneyNote = " (\(revenue.currency) \(formatCount(revenue.amount)) at the profile's rate \(r.rate))"
      } else if let r = profile.exchangeRates.first(where: { $0.from == capCurrency && $0.to == revenue.currency }) {
        value = revenue.amount / r.rate
        moneyNote = " (\(revenue.currency) \(formatCount(revenue.amount)) at the profile's rate \(r.rate))"
      } else {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "Revenue is in \(revenue.currency) and the cap\(at(c)) in \(capCurrency): give an exchange rate (1 \(revenue.currency) = … \(capCurrency)); amounts are never converted silently."
          ))
        return
      }
    }
    let unit = p.currency.map { "\($0.uppercased()) " } ?? ""
    let shown = "\(unit)\(formatCount(value))\(moneyNote) \(noun)"
    let cap = "\(unit)\(formatCount(threshold))"
    let triggered: Bool
    let sign: String
    switch reading.comparator {
    case .moreThan?:
      triggered = value > threshold
      sign = triggered ? ">" : "≤"
    case .atLeast?:
      triggered = value >= threshold
      sign = triggered ? "≥" : "<"
    case nil:
      if value == threshold {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "\(shown) is exactly the \(cap) cap\(at(c)), and the text does not say whether the cap itself counts."))
        return
      }
      triggered = value > threshold
      sign = triggered ? ">" : "<"
    }
    var when = ""
    if let w = reading.window { when = ", counted over \(w)" }
    if reading.onReleaseDate {
      let release = entry?.releaseDate.flatMap(ProfileDate.init)
      let name = entry?.releaseDate.map { "the release date \($0)" } ?? "the release date"
      when = " counted on \(name)" + (reading.window.map { " (over \($0))" } ?? "")
      if let release, let asked = profile.date.flatMap(ProfileDate.init), asked < release {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "The cap\(at(c)) counts \(noun) on the release date \(name), after the profile's date \(profile.date!): that figure is not known yet."
          ))
        return
      }
      if profile.date == nil {
        warnings.append(
          "The cap\(at(c)) counts \(noun) on the release date\(release == nil ? "" : " \(name)"); the profile gives no date, so its figure was taken as that count."
        )
      } else if release == nil {
        warnings.append(
          "The cap\(at(c)) counts \(noun) on the licence's release date, which is not known: the profile's figure was taken as that count."
        )
      } else if let asked = profile.date, let day = ProfileDate(asked), let release, day > release {
        warnings.append(
          "The cap\(at(c)) counts \(noun) on the release date \(name); the profile's figure (as of \(asked)) was taken as that count: the cap is not re-tested as you grow."
        )
      }
    }
    guard triggered else {
      findings.append(
        finding(
          .allowed, c, index, document, reason: "\(shown) \(sign) \(cap) cap\(when): the cap does not apply\(at(c))."))
      return
    }
    switch p.consequence {
    case .separateLicenceRequired?:
      findings.append(
        finding(
          .needsSeparateLicence, c, index, document,
          reason: "\(shown) \(sign) \(cap) cap\(when): a licence from \(licensor) is required\(at(c))."))
    case .fee?:
      findings.append(
        finding(
          .allowedWithConditions, c, index, document,
          reason: "\(shown) \(sign) \(cap) cap\(when): a fee is due\(at(c))."))
      condition(c, index, duty: "Pay the fee the licence sets above the \(cap) cap\(at(c)).", activities: activities)
    case .attributionRequired?:
      findings.append(
        finding(
          .allowedWithConditions, c, index, document,
          reason: "\(shown) \(sign) \(cap) cap\(when): attribution is required\(at(c))."))
      condition(
        c, index, duty: "Show the attribution the licence requires above the \(cap) cap\(at(c)).",
        activities: activities)
    case nil:
      findings.append(
        finding(
          .unknown, c, index, document,
          reason: "\(shown) \(sign) \(cap) cap\(when), and the text does not say what happens above it\(at(c))."))
    }
  }

  /// How a cap is measured: from its sentence when the text is at hand, else from the evidence quote and the
  /// reviewed facts of the licence.
  func capReading(_ c: Clause, _ document: String?) -> CapReading {
    if let sentence = sentence(c, document) {
      var r = CapReading(sentence: SentenceWords(sentence))
      // "If that total is greater than …" may name the release date in the sentence before; facts fill gaps.
      if let f = facts(CapReading.facts) {
        if r.comparator == nil { r.comparator = f.comparator }
        if r.window == nil { r.window = f.window }
        r.onReleaseDate = r.onReleaseDate || f.onReleaseDate
        r.commercialOnly = r.commercialOnly || f.commercialOnly
      }
      return r
    }
    return facts(CapReading.facts) ?? CapReading(sentence: SentenceWords(c.evidence))
  }

  /// The reviewed facts for this licence's id, if any.
  func facts<T>(_ table: [String: T]) -> T? {
    guard let id = analysis.identification?.id else { return nil }
    return table[id]
  }

  /// The sentence of a clause (its span) in the text given, when there is one.
  func sentence(_ c: Clause, _ document: String?) -> Substring? {
    let text: String?
    switch document {
    case nil: text = options.text
    case "policy"?: text = options.policyText
    default: text = nil
    }
    guard let text, c.span.start >= 0, c.span.end > c.span.start else { return nil }
    let utf8 = text.utf8
    guard c.span.end <= utf8.count,
      let lo = utf8.index(utf8.startIndex, offsetBy: c.span.start, limitedBy: utf8.endIndex),
      let hi = utf8.index(utf8.startIndex, offsetBy: c.span.end, limitedBy: utf8.endIndex)
    else { return nil }
    return text[lo..<hi]
  }

  // MARK: - Fields and territories

  mutating func fieldOfUse(_ c: Clause, _ index: Int?, _ document: String?) {
    let banned = c.parameters.fields ?? []
    var wanted = profile.fields
    if profile.licensee == .military { wanted.append("military") }
    if banned.isEmpty {
      if !wanted.isEmpty {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "Uses are banned\(at(c)) that the tool could not name: check \(wanted.joined(separator: ", ")) against them."
          ))
      }
      condition(c, index, duty: "Do not use it for the uses banned\(at(c)).", activities: activities)
      return
    }
    // A ban on practising a regulated profession without a licence is a condition for the advice fields.
    if banned.contains("regulated-activity-without-licence") {
      for field in wanted
      where ["medical-advice", "legal-advice", "financial-advice"].contains(field) && !banned.contains(field) {
        findings.append(
          finding(
            .allowedWithConditions, c, index, document,
            reason:
              "The unlicensed practice of a regulated profession is banned\(at(c)): \(field) needs the professional licence the law requires."
          ))
        condition(
          c, index, duty: "Hold the professional licence the law requires for \(field)\(at(c)).",
          activities: activities)
      }
    }
    let hits = wanted.filter(banned.contains)
    for field in Set(hits).sorted() where !bannedFound.contains(field) {
      bannedFound.insert(field)
      findings.append(
        finding(
          .forbidden, c, index, document,
          reason:
            "\(field) is a banned use\(at(c))\(field == "military" && profile.licensee == .military ? " (the licensee is military)" : "")."
        ))
    }
    if hits.isEmpty {
      // One condition for every banned field, wherever the licence and its policy list them.
      if let k = conditions.firstIndex(where: { $0.kind == .fieldOfUse && $0.text != nil }) {
        var fields = (conditions[k].text ?? "").components(separatedBy: ", ")
        for f in banned where !fields.contains(f) { fields.append(f) }
        conditions[k].text = fields.joined(separator: ", ")
        let doc = c.document.map {
          $0.hasPrefix("catalogue:") ? " (use policy \($0.dropFirst("catalogue:".count)))" : " (use policy)"
        }
        conditions[k].duty = "Do not use it for: \(conditions[k].text!)\(doc ?? "")."
      } else {
        condition(
          c, index, duty: "Do not use it for: \(banned.joined(separator: ", "))\(at(c)).",
          text: banned.joined(separator: ", "), activities: activities)
      }
    }
  }

  mutating func territory(_ c: Clause, _ index: Int?, _ document: String?) {
    let p = c.parameters
    guard !profile.territories.isEmpty else {
      findings.append(
        finding(
          .unknown, c, index, document,
          reason:
            "The rights depend on territory\(at(c)) (\(((p.excluded ?? []) + (p.included ?? [])).joined(separator: ", "))); the profile gives none."
        ))
      return
    }
    let here = Territories.expand(profile.territories)
    let offered = Territories.expand(profile.offeredIn.isEmpty ? profile.territories : profile.offeredIn)
    var side = sentence(c, document).flatMap { TerritorySide.read(SentenceWords($0)) }
    if side == nil, let doc = document, doc.hasPrefix("catalogue:") {
      side = TerritorySide.facts[String(doc.dropFirst("catalogue:".count))]
    }
    if side == nil { side = facts(TerritorySide.facts) }
    let policyID = document.map { $0.hasPrefix("catalogue:") ? String($0.dropFirst("catalogue:".count)) : $0 }
    let scopeNote =
      (policyID.flatMap { TerritorySide.scope[$0] } ?? facts(TerritorySide.scope)).map { " (\($0))" } ?? ""
    func check(_ list: [String], excluded: Bool) {
      let places = Territories.expandLicencePlaces(list)
      let unknownNames = list.filter { Territories.codes(forLicencePlace: $0) == nil }
      let hitHere = excluded ? here.intersection(places) : here.subtracting(places)
      let hitOffered = excluded ? offered.intersection(places) : offered.subtracting(places)
      let words = excluded ? "excludes" : "covers only"
      let listed = list.joined(separator: ", ")
      if !unknownNames.isEmpty, hitHere.isEmpty, hitOffered.isEmpty {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "The licence \(words) \(listed)\(at(c)), and \(unknownNames.joined(separator: ", ")) is not a place the tool knows."
          ))
        return
      }
      switch side {
      case .licensee?:
        if !hitHere.isEmpty {
          findings.append(
            finding(
              .forbidden, c, index, document,
              reason:
                "The licence \(words) \(listed) for licensees established there\(scopeNote)\(at(c)), and you are in \(hitHere.sorted().joined(separator: ", "))."
            ))
        } else {
          findings.append(
            finding(
              .allowed, c, index, document,
              reason:
                "The licence \(words) \(listed) by where the licensee is established\(at(c)); offering there is not restricted by it."
            ))
        }
      case .offered?:
        if !hitOffered.isEmpty {
          findings.append(
            finding(
              .forbidden, c, index, document,
              reason:
                "The licence \(words) \(listed) for where the work is offered\(at(c)), and you offer it in \(hitOffered.sorted().joined(separator: ", "))."
            ))
        } else {
          findings.append(
            finding(
              .allowed, c, index, document,
              reason: "The licence \(words) \(listed) by where the work is offered\(at(c)); you do not offer it there.")
          )
        }
      case nil:
        if !hitHere.isEmpty && !hitOffered.isEmpty {
          findings.append(
            finding(
              .forbidden, c, index, document,
              reason:
                "The licence \(words) \(listed)\(at(c)): you are established and offer the work in \(hitHere.union(hitOffered).sorted().joined(separator: ", "))."
            ))
        } else if !hitHere.isEmpty || !hitOffered.isEmpty {
          findings.append(
            finding(
              .unknown, c, index, document,
              reason:
                "The licence \(words) \(listed)\(at(c)) without saying whether it means where you are or where you offer the work, and only one of them is there."
            ))
        } else {
          findings.append(
            finding(.allowed, c, index, document, reason: "The licence \(words) \(listed)\(at(c)); you are not there."))
        }
      }
    }
    if let ex = p.excluded, !ex.isEmpty { check(ex, excluded: true) }
    if let inc = p.included, !inc.isEmpty { check(inc, excluded: false) }
  }

  // MARK: - Time limits

  mutating func timeLimit(_ c: Clause, _ index: Int?, _ document: String?) {
    let p = c.parameters
    // Clamped: a library caller's parameters are not trusted to be small.
    let days = p.days.flatMap { $0.isFinite ? Int(Swift.min(Swift.max($0, 0), 1e9)) : nil }
    switch p.limitType {
    case "change-date"?:
      warnings.append("The licence changes to other terms at a set date\(days.map { " (\($0) days)" } ?? "")\(at(c)).")
    case "trial"?, "term"?, nil:
      let kind = p.limitType == "trial" ? "trial" : "term"
      guard let days else {
        // "When the trial period ends, …" repeats a trial whose length another clause gives.
        if analysis.clauses.contains(where: { $0.kind == .timeLimit && $0.parameters.days != nil }) { return }
        findings.append(
          finding(
            .unknown, c, index, document,
            reason: "The rights last only for a limited \(kind)\(at(c)) whose length was not read."))
        return
      }
      guard let accepted = profile.acceptedOn.flatMap(ProfileDate.init) else {
        findings.append(
          finding(
            .allowedWithConditions, c, index, document,
            reason: "The rights last \(days) days\(at(c)); the profile gives no accepted-on date to count from."))
        condition(
          c, index, duty: "Stop using it \(days) days after you accepted the licence (\(kind))\(at(c)).",
          activities: activities)
        return
      }
      let today = profile.date.flatMap(ProfileDate.init)
      guard let today else {
        findings.append(
          finding(
            .unknown, c, index, document,
            reason:
              "The \(days)-day \(kind)\(at(c)) runs from \(profile.acceptedOn!); the profile gives no date to compare.")
        )
        return
      }
      let elapsed = today.dayNumber - accepted.dayNumber
      if elapsed > days {
        findings.append(
          finding(
            .forbidden, c, index, document,
            reason:
              "The \(days)-day \(kind)\(at(c)) that began \(profile.acceptedOn!) ended \(elapsed - days) days before \(profile.date!)."
          ))
      } else {
        findings.append(
          finding(
            .allowedWithConditions, c, index, document,
            reason: "Day \(elapsed) of the \(days)-day \(kind)\(at(c)): \(days - elapsed) days are left."))
        condition(
          c, index, duty: "Stop using it when the \(days)-day \(kind) ends (\(days - elapsed) days left)\(at(c)).",
          activities: activities)
      }
    default: break
    }
  }

  // MARK: - Unexplained sentences

  static let banCues: PhraseList = [
    "may not", "must not", "shall not", "cannot", "can not", "not permitted", "prohibited", "not allowed", "forbidden",
    "not authorized", "not authorised", "without our express", "without the prior", "only for", "solely for",
  ]
  static let afterTermination: PhraseList = ["upon termination", "survive", "after termination"]
  static let outputs: PhraseList = ["output", "outputs"]
  static let dutyCues: Set<String> = ["must", "shall", "required", "is required", "are required"]
  static let activityWords: [UsageActivity: PhraseList] = [
    .useCommercial: ["commercial", "commercially"],
    .production: ["production"],
    .research: ["research"],
    .fineTune: ["fine tune", "fine tuning", "finetune", "finetuning", "fine tuned", "modify", "modification*"],
    .distributeOriginal: ["distribute", "redistribute", "distribution", "redistribution", "offer", "offered"],
    .distributeModified: [
      "distribute", "redistribute", "distribution", "redistribution", "offer", "offered",
    ],
    .hostedService: ["hosted", "host", "hosting", "as a service", "api", "saas", "remote access", "offer", "offered"],
    .embedInProduct: ["embed", "embedded", "incorporate into", "bundle", "offer", "offered"],
    .trainOnOutputs: ["train", "training", "improve"],
    .publishOutputs: ["publish", "publication"],
    .benchmarkPublication: ["benchmark", "benchmarks", "benchmarking"],
  ]

  /// A normative sentence the tool did not understand that bans something and names one of the profile's
  /// activities leaves that activity unknown; the others are counted and reported.
  mutating func unexplained() {
    // A company offering or shipping the work uses it commercially: sentences about commercial use concern it.
    var concerned = activities
    if isCommercial, !concerned.contains(.useCommercial) { concerned.insert(.useCommercial, at: 0) }
    // One streaming pass per sentence over every list needed: bans, "after termination", outputs, and the
    // words of each activity concerned.
    var lists: [PhraseList] = [Self.banCues, Self.afterTermination, Self.outputs]
    var listed: [(UsageActivity, Int)] = []
    for act in concerned {
      guard let list = Self.activityWords[act] else { continue }
      listed.append((act, lists.count))
      lists.append(list)
    }
    let matcher = PhraseMatcher(lists)
    for u in analysis.unexplained {
      let bits = matcher.scan(u.text[...])
      func has(_ i: Int) -> Bool { bits & (1 << UInt64(i)) != 0 }
      // Bans and duties both decide an activity; "subject to", "responsible for" and the like do not.
      guard has(0) || u.cues.contains(where: Self.dutyCues.contains) else { continue }
      // What happens after termination ("you must delete and cease use and Distribution") restricts nothing now.
      if has(1) { continue }
      for (act, i) in listed where has(i) {
        if act == .trainOnOutputs, !has(2) { continue }
        let quote = u.text.count > 160 ? String(u.text.prefix(157)) + "…" : u.text
        findings.append(
          ProfileFinding(
            outcome: .unknown, kind: nil, section: u.section, span: u.span, evidence: quote, activity: act,
            reason:
              "A sentence the tool did not understand may restrict \(act.rawValue)\(u.section.map { " (section \($0))" } ?? ""): read it."
          ))
        break
      }
    }
  }

  // MARK: - Fields the text mentions but no clause names

  /// Words that show a text speaks of a field (a ban the extractor may not have named).
  static let fieldWords: [String: PhraseList] = [
    "surveillance": ["surveillance", "surveil*", "tracking or monitoring", "track people", "monitoring people"],
    "military": ["military", "warfare", "armed forces"],
    "weapons": ["weapon*", "firearm*", "munitions"],
    "medical-advice": ["medical", "clinical", "diagnos*"],
    "legal-advice": ["legal advice", "practice of law"],
    "financial-advice": ["financial advice", "investment advice"],
    "law-enforcement": ["law enforcement", "policing"],
    "biometric-identification": ["biometric*", "facial recognition"],
    "critical-infrastructure": ["critical infrastructure"],
    "political-campaigning": ["political campaign*", "lobbying"],
  ]

  /// A field of the profile that no clause bans, named by the licence or policy text in words the tool
  /// did not turn into a ban, is `unknown`: the extractor's field vocabulary is not the text.
  mutating func unmatchedFields() {
    guard !profile.fields.isEmpty else { return }
    let handled = Set(
      findings.compactMap { f -> String? in
        guard f.kind == .fieldOfUse else { return nil }
        return profile.fields.first { f.reason.contains($0) }
      })
    // Where bans live: the policy text, the sentences of field-of-use clauses, and the normative sentences
    // no clause explains (not the whole licence: its other sentences were understood).
    var texts: [Substring] = options.policyText.map { [$0[...]] } ?? []
    for c in analysis.clauses where c.kind == .fieldOfUse && c.document == nil {
      if let sentence = sentence(c, nil) { texts.append(sentence) }
    }
    texts += analysis.unexplained.map { $0.text[...] }
    let fields = profile.fields.filter {
      !handled.contains($0) && !bannedFound.contains($0) && Self.fieldWords[$0] != nil
    }
    guard !texts.isEmpty, !fields.isEmpty else { return }
    let matcher = PhraseMatcher(fields.map { Self.fieldWords[$0]! })
    var bits: UInt64 = 0
    for text in texts { bits |= matcher.scan(text) }
    for (k, field) in fields.enumerated() where bits & (1 << UInt64(k)) != 0 {
      findings.append(
        ProfileFinding(
          outcome: .unknown, kind: nil,
          reason:
            "The text speaks of \(field) in words no clause the tool understood turns into a ban or a permission: read it."
        ))
    }
  }

  // MARK: - The verdict

  mutating func verdict(id: String?) -> ProfileVerdict {
    // Worst first; within an outcome, in clause order.
    let ordered = findings.enumerated().sorted {
      ($0.element.outcome.severity, -$0.offset) > ($1.element.outcome.severity, -$1.offset)
    }.map(\.element)
    var overall = ordered.first?.outcome ?? .allowed
    if overall == .allowed, !conditions.isEmpty { overall = .allowedWithConditions }
    let reason: String
    switch overall {
    case .allowed:
      reason = "Nothing in the licence restricts these activities for this profile, and it asks nothing of them."
    case .allowedWithConditions:
      reason =
        "Allowed if \(conditions.count) condition\(conditions.count == 1 ? " is" : "s are") met: "
        + conditions.prefix(2).map(\.duty).joined(separator: " ") + (conditions.count > 2 ? " …" : "")
    default:
      reason = ordered.first { $0.outcome == overall }?.reason ?? overall.rawValue
    }
    var warnings = self.warnings
    let count = analysis.unexplained.count
    if count > 0, overall == .allowed || overall == .allowedWithConditions {
      warnings.append(
        "\(count) normative sentence\(count == 1 ? "" : "s") of the text \(count == 1 ? "was" : "were") not understood (see `licensecheck analyze`): this verdict rests on the clauses found."
      )
    }
    if basis == "catalogue" {
      warnings.append(
        "Judged from the catalogue's reviewed summary, not from a text: analyse the licence file to confirm.")
    } else if basis == "traits" {
      warnings.append(
        "Judged from the compatibility data of \(id ?? "this id") (grant, notices, copyleft, restrictions): read the text for every duty."
      )
    }
    var seen = Set<String>()
    warnings = warnings.filter { seen.insert($0).inserted }
    return ProfileVerdict(
      licence: analysis.source.path, id: id, verdict: overall, reason: reason, basis: basis, findings: ordered,
      conditions: conditions, warnings: warnings, unexplained: count)
  }

  // MARK: - Helpers

  func at(_ c: Clause) -> String {
    var doc = ""
    if let d = c.document {
      doc = d.hasPrefix("catalogue:") ? "use policy \(d.dropFirst("catalogue:".count)) " : "use policy "
    }
    if let s = c.section { return " (\(doc)section \(s))" }
    if c.span.line > 0 { return " (\(doc)line \(c.span.line))" }
    return doc.isEmpty ? "" : " (\(doc.dropLast()))"
  }

  func finding(
    _ outcome: ProfileOutcome, _ c: Clause, _ index: Int?, _ document: String?, activity: UsageActivity? = nil,
    reason: String
  ) -> ProfileFinding {
    ProfileFinding(
      outcome: outcome, kind: c.kind, clause: index, section: c.section, document: document,
      span: c.span.end > 0 ? c.span : nil, evidence: c.evidence, activity: activity, reason: reason)
  }

  mutating func condition(
    _ c: Clause, _ index: Int?, duty: String, text: String? = nil, where places: [String]? = nil,
    activities: [UsageActivity]
  ) {
    // One condition per duty: a licence that says it twice (and its policy) asks it once.
    let once: Set<ClauseKind> = [.flowDown, .includeLicense, .stateChanges, .acceptableUsePolicy, .exportControl]
    if let k = conditions.firstIndex(where: {
      $0.kind == c.kind && ($0.duty == duty || (once.contains(c.kind) && text == nil && $0.text == nil))
    }) {
      conditions[k].activities = Array(Set(conditions[k].activities + activities)).sorted()
      return
    }
    conditions.append(
      ProfileCondition(
        kind: c.kind, duty: duty, text: text, where: places, section: c.section, clause: index,
        activities: activities))
  }
}

/// A count for a reason: `800 M`, `1.5 B`, `25 k`, `950`.
func formatCount(_ v: Double) -> String {
  func trim(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    guard r.isFinite, abs(r) < 1e15 else { return String(x) }
    return r == r.rounded() ? String(Int(r)) : String(r)
  }
  let a = abs(v)
  if a >= 1e12 { return trim(v / 1e12) + " T" }
  if a >= 1e9 { return trim(v / 1e9) + " B" }
  if a >= 1e6 { return trim(v / 1e6) + " M" }
  if a >= 1e4 { return trim(v / 1e3) + " k" }
  return trim(v)
}

/// "a company", "an individual".
func article(_ noun: String) -> String {
  guard let f = noun.first else { return noun }
  return ("aeiou".contains(f) ? "an " : "a ") + noun
}
