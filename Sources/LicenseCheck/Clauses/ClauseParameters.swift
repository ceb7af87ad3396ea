/// A right a copyright grant can give.
public enum GrantRight: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  case use, reproduce, modify
  case createDerivatives = "create-derivatives"
  case distribute, sublicense, sell, display, perform

  public static func < (l: GrantRight, r: GrantRight) -> Bool {
    allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
  }
}

/// The size measure of a usage cap.
public enum CapMetric: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  case monthlyActiveUsers = "monthly-active-users"
  case dailyActiveUsers = "daily-active-users"
  case users
  case annualRevenue = "annual-revenue"
  case monthlyRevenue = "monthly-revenue"
}

/// What happens above a usage cap.
public enum CapConsequence: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  case separateLicenceRequired = "separate-licence-required"
  case attributionRequired = "attribution-required"
  case fee
}

/// How a licence is accepted.
public enum AcceptanceMechanism: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  case click, use, distribution, signature, download

  public static func < (l: AcceptanceMechanism, r: AcceptanceMechanism) -> Bool {
    allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
  }
}

/// What ends a licence.
public enum TerminationTrigger: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  case breach, litigation
  case atWill = "at-will"

  public static func < (l: TerminationTrigger, r: TerminationTrigger) -> Bool {
    allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
  }
}

/// The typed parameters of a clause. Only the keys of its kind are set, and only when the text states them.
///
/// Encoded as a flat JSON object whose keys are those of `clauses.md`.
public struct ClauseParameters: Sendable, Codable, Equatable, Hashable {
  // copyright-grant, patent-grant
  /// Rights granted.
  public var rights: [GrantRight]?
  public var royaltyFree: Bool?
  public var worldwide: Bool?
  public var perpetual: Bool?
  public var irrevocable: Bool?
  public var nonExclusive: Bool?
  public var nonTransferable: Bool?
  public var limited: Bool?
  // output-rights
  /// Who owns the outputs: `licensee`, `licensor` or `unstated`.
  public var owner: String?
  // retain-notices
  public var noticeText: String?
  // attribution-display
  /// The phrase to display (`Built with Llama`).
  public var text: String?
  /// Where it must be displayed: `website`, `user-interface`, `blogpost`, `about-page`, `product-documentation`, …
  public var `where`: [String]?
  // naming
  public var requiredPhrase: String?
  /// `prefix` or `anywhere`.
  public var position: String?
  // share-alike, output-use
  /// share-alike: `file`, `library`, `work`, `network`; output-use: `other-large-language-models`, `any-model`.
  public var scope: String?
  // flow-down, unilateral-change
  /// flow-down: `use-restrictions`, `acceptable-use-policy`; unilateral-change: `agreement`, `policy`.
  public var what: String?
  // acceptance
  public var mechanism: [AcceptanceMechanism]?
  // usage-cap
  public var metric: CapMetric?
  public var threshold: Double?
  public var currency: String?
  public var consequence: CapConsequence?
  // acceptable-use-policy
  public var reference: String?
  public var updatable: Bool?
  // field-of-use
  public var fields: [String]?
  // territory
  public var excluded: [String]?
  public var included: [String]?
  // user-restriction
  public var who: String?
  // termination
  public var triggers: [TerminationTrigger]?
  // governing-law
  public var jurisdiction: String?
  public var venue: String?
  // time-limit
  /// `trial`, `change-date` or `term`.
  public var limitType: String?
  /// The period in days, when the text states one (a month counts 30, a year 365).
  public var days: Double?
  // seat-limit
  /// `users`, `devices`, `computers`, `cpus`, `servers`, `instances` or `copies`.
  public var unit: String?
  /// How many of `unit` the licence allows.
  public var limit: Double?

  /// Empty parameters.
  public init() {}

  /// True when no parameter is set.
  public var isEmpty: Bool { self == ClauseParameters() }

  enum CodingKeys: String, CodingKey {
    case rights, royaltyFree, worldwide, perpetual, irrevocable, nonExclusive, nonTransferable, limited
    case owner, noticeText, text, `where`, requiredPhrase, position, scope, what, mechanism
    case metric, threshold, currency, consequence, reference, updatable, fields, excluded, included
    case who, triggers, jurisdiction, venue
    case limitType = "type"
    case days, unit, limit
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(rights, forKey: .rights)
    try c.encodeIfPresent(royaltyFree, forKey: .royaltyFree)
    try c.encodeIfPresent(worldwide, forKey: .worldwide)
    try c.encodeIfPresent(perpetual, forKey: .perpetual)
    try c.encodeIfPresent(irrevocable, forKey: .irrevocable)
    try c.encodeIfPresent(nonExclusive, forKey: .nonExclusive)
    try c.encodeIfPresent(nonTransferable, forKey: .nonTransferable)
    try c.encodeIfPresent(limited, forKey: .limited)
    try c.encodeIfPresent(owner, forKey: .owner)
    try c.encodeIfPresent(noticeText, forKey: .noticeText)
    try c.encodeIfPresent(text, forKey: .text)
    try c.encodeIfPresent(`where`, forKey: .where)
    try c.encodeIfPresent(requiredPhrase, forKey: .requiredPhrase)
    try c.encodeIfPresent(position, forKey: .position)
    try c.encodeIfPresent(scope, forKey: .scope)
    try c.encodeIfPresent(what, forKey: .what)
    try c.encodeIfPresent(mechanism, forKey: .mechanism)
    try c.encodeIfPresent(metric, forKey: .metric)
    if let threshold {
      // Whole numbers print as integers (700000000, not 700000000.0); JSON has no infinity, so a
      // non-finite value (never produced by the extractor) is left out rather than failing.
      if !threshold.isFinite {
      } else if threshold.rounded() == threshold, abs(threshold) < 9e15 {
        try c.encode(Int64(threshold), forKey: .threshold)
      } else {
        try c.encode(threshold, forKey: .threshold)
      }
    }
    try c.encodeIfPresent(currency, forKey: .currency)
    try c.encodeIfPresent(consequence, forKey: .consequence)
    try c.encodeIfPresent(reference, forKey: .reference)
    try c.encodeIfPresent(updatable, forKey: .updatable)
    try c.encodeIfPresent(fields, forKey: .fields)
    try c.encodeIfPresent(excluded, forKey: .excluded)
    try c.encodeIfPresent(included, forKey: .included)
    try c.encodeIfPresent(who, forKey: .who)
    try c.encodeIfPresent(triggers, forKey: .triggers)
    try c.encodeIfPresent(jurisdiction, forKey: .jurisdiction)
    try c.encodeIfPresent(venue, forKey: .venue)
    try c.encodeIfPresent(limitType, forKey: .limitType)
    if let days { try c.encode(Int64(exactly: days) ?? 0, forKey: .days) }
    try c.encodeIfPresent(unit, forKey: .unit)
    if let limit { try c.encode(Int64(exactly: limit) ?? 0, forKey: .limit) }
  }
}
