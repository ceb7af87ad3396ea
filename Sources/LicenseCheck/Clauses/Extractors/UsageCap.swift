/// `usage-cap`: rights lapse or change above a size threshold (users or revenue).
///
/// A quantity counts when a metric noun follows or precedes it closely ("700 million
/// monthly active users", "annual revenue of more than USD 1,000,000") and the sentence
/// (or the next one) says what happens above it.
struct UsageCapRule: ClauseRule {
  static let mau: PhraseSet = [
    "monthly active users", "monthly active user", "mau", "maus", "monthly users", "active users per month",
    "monthly active", "users per month", "users in a month", "users monthly",
  ]
  static let dau: PhraseSet = [
    "daily active users", "daily active user", "dau", "daus", "daily users", "users per day", "users each day",
    "daily active",
  ]
  static let users: PhraseSet = [
    "users", "registered users", "end users", "active users", "user accounts", "customers", "subscribers",
    "individuals", "persons", "seats",
  ]
  static let revenue: PhraseSet = [
    "revenue", "revenues", "turnover", "gross revenue", "annual revenue", "income", "sales", "gross receipts",
    "per year", "per annum", "annually", "funding", "market capitalization",
  ]
  static let monthlyWords: PhraseSet = [
    "in any calendar month", "calendar month", "any month", "month", "monthly", "per month", "each month", "a month",
    "in any month",
  ]
  static let comparator: PhraseSet = [
    "not less than", "no less than", "equals or exceeds", "equal to or more than", "reaches or exceeds",
    "greater than", "more than", "exceed", "exceeds", "exceeded", "exceeding", "in excess of", "above", "over",
    "at least", "meet or exceed", "meets or exceeds", "equal to or greater", "or more", "surpass*", "beyond",
    "reach", "reaches", "larger than", "higher than", "threshold", "less than", "under", "below", "up to",
    "fewer than", "no more than", "does not exceed",
  ]
  static let separate: PhraseSet = [
    "request a license", "request a licence", "obtain a license", "separate license", "commercial license",
    "enterprise license", "separate agreement", "contact", "written permission", "apply for", "obtain permission",
    "not authorized", "not licensed", "request", "negotiate", "must obtain", "prior written", "enterprise",
    "separate written", "seek", "purchase a license", "may not use", "not permitted", "get a license",
    "not granted",
  ]
  static let fee: PhraseSet = ["fee", "fees", "royalty", "royalties", "pay", "payment", "paid", "subscription"]
  static let attribution: PhraseSet = ["attribution", "display", "credit", "powered by", "built with"]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    let views = ctx.views
    for q in ctx.quantities where q.value >= 1000 {
      guard let si = ctx.structure.sentenceIndex(containing: q.span.start) else { continue }
      let v = views[si]
      guard let qi = v.wordTokens.firstIndex(where: { $0 >= q.tokenRange.lowerBound }) else { continue }
      let qEnd = v.wordTokens.lastIndex(where: { $0 < q.tokenRange.upperBound }).map { $0 + 1 } ?? qi + 1
      let after = qEnd..<Swift.min(v.count, qEnd + 6)
      // The metric may open a long subject ("the number of monthly active users of all products … is not
      // less than 50,000,000").
      let before = Swift.max(0, qi - 24)..<qi
      var p = ClauseParameters()
      var metricHit: Range<Int>?
      // The metric nearest the number names it ("100 million monthly active users or annual revenue above
      // USD 50 million" has two caps); an amount of money is always revenue.
      func nearest(_ set: PhraseSet) -> (range: Range<Int>, distance: Int)? {
        let a = v.first(set, in: after).map { ($0, $0.lowerBound - qEnd) }
        let b = v.find(set, in: before).last.map { ($0, qi - $0.upperBound) }
        return [a, b].compactMap { $0 }.min { $0.1 < $1.1 }
      }
      let userMetric = [(CapMetric.monthlyActiveUsers, nearest(mau)), (.dailyActiveUsers, nearest(dau))]
        .compactMap { m, hit in hit.map { (m, $0) } }.min { $0.1.distance < $1.1.distance }
      let revenueHit = nearest(revenue)
      let preferRevenue =
        q.currency != nil
        || (revenueHit != nil && (userMetric == nil || revenueHit!.distance < userMetric!.1.distance))
      if !preferRevenue, let (metric, hit) = userMetric {
        p.metric = metric
        metricHit = hit.range
      } else if preferRevenue {
        guard let m = revenueHit?.range ?? v.first(revenue) else { continue }
        let monthly = v.first(monthlyWords, in: Swift.max(0, qi - 8)..<Swift.min(v.count, qEnd + 8)) != nil
        p.metric = monthly ? .monthlyRevenue : .annualRevenue
        p.currency = q.currency
        metricHit = m
      } else if let m = v.first(users, in: after) ?? v.find(users, in: Swift.max(0, qi - 12)..<qi).last {
        // "… registered user accounts of a service … exceeds five million".
        p.metric = .users
        metricHit = m
      } else if si > 0, v.has(comparator),
        v.first(.thatTotalThisTotal) != nil
      {
        // "Add up the monthly active users … If that total is greater than 300 million …": the metric is
        // named in the sentence before and referred back to.
        let prev = views[si - 1]
        if prev.has(mau) {
          p.metric = .monthlyActiveUsers
        } else if prev.has(dau) {
          p.metric = .dailyActiveUsers
        } else if prev.has(revenue) {
          p.metric = .annualRevenue
          p.currency = q.currency
        } else if prev.has(users) {
          p.metric = .users
        } else {
          continue
        }
        metricHit = qi..<qEnd
      } else {
        continue
      }
      guard let metric = metricHit else { continue }
      // A cap states a comparison; "no limit on the number of users" states none.
      guard v.has(comparator) || v.has(.thresholdIf) else { continue }
      if v.has(.noLimitNoCap) { continue }
      p.threshold = q.value
      var consequences = consequences(ctx, si)
      // A cap stated in a definition ("Commercial Use Threshold" means …) has its consequence where the
      // defined term is used.
      if consequences.isEmpty, ctx.definitionSentences.contains(si),
        let d = ctx.structure.definitions.first(where: { $0.definitionSpan.contains(q.span) })
      {
        let term = PhraseSet([d.normalizedTerm])
        if let use = ctx.views[ctx.active].first(where: { $0.index != si && $0.has(term) }) {
          consequences = Self.consequences(ctx, use.index)
        }
      }
      let evidence = ExtractionContext.cover(qi..<qEnd, metric)
      if consequences.isEmpty {
        out.append(ctx.clause(.usageCap, in: v, evidence: evidence, parameters: p))
      }
      // One cap with two consequences (a fee and an attribution) gives one clause per consequence.
      for c in consequences {
        p.consequence = c
        out.append(ctx.clause(.usageCap, in: v, evidence: evidence, parameters: p))
      }
    }
    return out
  }

  /// What happens above the cap, from the sentence and the two that follow in the same passage.
  static func consequences(_ ctx: ExtractionContext, _ si: Int) -> [CapConsequence] {
    for k in si..<Swift.min(ctx.views.count, si + 3) {
      let v = ctx.views[k]
      var found: [CapConsequence] = []
      if v.has(fee) && !v.has(.requestALicenseObtain) { found.append(.fee) }
      if found.isEmpty && v.has(separate) { found.append(.separateLicenceRequired) }
      if v.has(attribution) && v.has(.displayShow2) {
        found.append(.attributionRequired)
      }
      if !found.isEmpty { return found }
    }
    return []
  }
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let thatTotalThisTotal: PhraseSet = [
    "that total", "this total", "the total", "that number", "this number", "the number", "that figure", "combined",
  ]
  fileprivate static let thresholdIf: PhraseSet = ["threshold", "if", "where", "whose"]
  fileprivate static let noLimitNoCap: PhraseSet = [
    "no limit", "no cap", "no restriction on the number", "unlimited",
  ]
  fileprivate static let requestALicenseObtain: PhraseSet = [
    "request a license", "obtain a license", "separate license",
  ]
  fileprivate static let displayShow: PhraseSet = ["display", "show", "credit", "attribution", "state"]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let displayShow2: PhraseSet = [
    "display", "show", "credit", "attribution", "state", "place", "the words",
  ]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let usageCap: [PhraseSet] = [
    UsageCapRule.mau,
    UsageCapRule.dau,
    UsageCapRule.users,
    UsageCapRule.revenue,
    UsageCapRule.monthlyWords,
    UsageCapRule.comparator,
    UsageCapRule.separate,
    UsageCapRule.fee,
    UsageCapRule.attribution,
    PhraseSet.thatTotalThisTotal,
    PhraseSet.thresholdIf,
    PhraseSet.noLimitNoCap,
    PhraseSet.requestALicenseObtain,
    PhraseSet.displayShow,
    PhraseSet.displayShow2,
  ]
}
