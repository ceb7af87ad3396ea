/// What a clause does, in the vocabulary of the clause taxonomy (`shared/spec/clauses.md`).
public enum ClauseEffect: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// A right granted to the licensee.
  case permission
  /// Something the licensee must do.
  case obligation
  /// Something the licensee may not do, or a limit on the grant.
  case restriction
  /// Something the licensor reserves the right to do.
  case licensorRight = "licensor-right"
  /// Legal machinery: warranty, liability, law.
  case legal
}

/// The kind of a clause. Raw values are the stable ids of the JSON contract.
public enum ClauseKind: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  case copyrightGrant = "copyright-grant"
  case patentGrant = "patent-grant"
  case outputRights = "output-rights"
  case includeLicense = "include-license"
  case retainNotices = "retain-notices"
  case stateChanges = "state-changes"
  case attributionDisplay = "attribution-display"
  case naming
  case shareAlike = "share-alike"
  case discloseSource = "disclose-source"
  case networkUseDisclose = "network-use-disclose"
  case flowDown = "flow-down"
  case acceptance
  case usageCap = "usage-cap"
  case acceptableUsePolicy = "acceptable-use-policy"
  case fieldOfUse = "field-of-use"
  case nonCommercial = "non-commercial"
  case researchOnly = "research-only"
  case outputUse = "output-use"
  case territory
  case userRestriction = "user-restriction"
  case hostedService = "hosted-service"
  case trademark
  case noReverseEngineering = "no-reverse-engineering"
  case noModification = "no-modification"
  case noRedistribution = "no-redistribution"
  case productionUse = "production-use"
  case competingUse = "competing-use"
  case productTie = "product-tie"
  case timeLimit = "time-limit"
  case seatLimit = "seat-limit"
  case remoteRestriction = "remote-restriction"
  case unilateralChange = "unilateral-change"
  case termination
  case warrantyDisclaimer = "warranty-disclaimer"
  case liabilityLimitation = "liability-limitation"
  case indemnification
  case governingLaw = "governing-law"
  case exportControl = "export-control"

  /// The effect every clause of this kind has.
  public var effect: ClauseEffect {
    switch self {
    case .copyrightGrant, .patentGrant, .outputRights: return .permission
    case .includeLicense, .retainNotices, .stateChanges, .attributionDisplay, .naming, .shareAlike,
      .discloseSource, .networkUseDisclose, .flowDown, .acceptance:
      return .obligation
    case .usageCap, .acceptableUsePolicy, .fieldOfUse, .nonCommercial, .researchOnly, .outputUse, .territory,
      .userRestriction, .hostedService, .trademark, .noReverseEngineering, .productionUse, .competingUse, .timeLimit,
      .seatLimit, .productTie, .noModification, .noRedistribution:
      return .restriction
    case .remoteRestriction, .unilateralChange, .termination: return .licensorRight
    case .warrantyDisclaimer, .liabilityLimitation, .indemnification, .governingLaw, .exportControl:
      return .legal
    }
  }

  /// Order of declaration, so reports list kinds the way the taxonomy does.
  public static func < (lhs: ClauseKind, rhs: ClauseKind) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
