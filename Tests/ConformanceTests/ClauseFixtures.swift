import LicenseCheck

// Synthetic clause lists shaped like well-known licences. They carry facts only (kinds, section numbers,
// thresholds, field ids); the evidence strings are our own words, never text from a licence.

/// Builds a clause with a made-up span: clause `n` of a list sits at bytes `100n ..< 100n + 80`.
func clause(
  _ kind: ClauseKind, at n: Int = 0, section: String? = nil, document: String? = nil,
  _ configure: (inout ClauseParameters) -> Void = { _ in }
) -> Clause {
  var parameters = ClauseParameters()
  configure(&parameters)
  return Clause(
    kind: kind, span: ClauseSpan(start: 100 * n, end: 100 * n + 80, line: 1 + 3 * n),
    evidence: "synthetic \(kind.rawValue)", section: section, document: document, parameters: parameters)
}

/// Renumbers spans so they follow list order, as the extractor reports them.
func inOrder(_ clauses: [Clause]) -> [Clause] {
  clauses.enumerated().map { n, c in
    Clause(
      kind: c.kind, span: ClauseSpan(start: 100 * n, end: 100 * n + 80, line: 1 + 3 * n), evidence: c.evidence,
      section: c.section, document: c.document, parameters: c.parameters)
  }
}

enum Fixtures {
  static let fullRights: [GrantRight] = [.use, .reproduce, .modify, .distribute, .sublicense, .sell]

  /// A short permissive licence: a broad grant, keep the notice, no warranty.
  static let mitLike: [Clause] = inOrder([
    clause(.copyrightGrant) {
      $0.rights = fullRights
      $0.royaltyFree = true
    },
    clause(.retainNotices),
    clause(.warrantyDisclaimer),
    clause(.liabilityLimitation),
  ])

  /// Shaped like the Llama 2 Community License: indexes matter in the tests below.
  static let llama2Like: [Clause] = inOrder([
    clause(.acceptance) { $0.mechanism = [.click, .use, .distribution] },  // 0
    clause(.copyrightGrant, section: "1.a") {  // 1
      $0.rights = [.use, .reproduce, .distribute, .createDerivatives, .modify]
      $0.nonExclusive = true
      $0.worldwide = true
      $0.royaltyFree = true
      $0.nonTransferable = true
      $0.limited = true
    },
    clause(.includeLicense, section: "1.b.i"),  // 2
    clause(.retainNotices, section: "1.b.iii"),  // 3
    clause(.acceptableUsePolicy, section: "1.b.iv") {  // 4
      $0.reference = "https://ai.meta.com/llama/use-policy"
      $0.updatable = true
    },
    clause(.outputUse, section: "1.b.v") { $0.scope = "other-large-language-models" },  // 5
    clause(.usageCap, section: "2") {  // 6
      $0.metric = .monthlyActiveUsers
      $0.threshold = 700_000_000
      $0.consequence = .separateLicenceRequired
    },
    clause(.warrantyDisclaimer, section: "3"),  // 7
    clause(.liabilityLimitation, section: "4"),  // 8
    clause(.trademark, section: "5.a"),  // 9
    clause(.termination, section: "6") { $0.triggers = [.breach, .litigation] },  // 10
    clause(.governingLaw, section: "7") { $0.jurisdiction = "California" },  // 11
    clause(.fieldOfUse, section: "1", document: "policy") {  // 12
      $0.fields = ["weapons", "military", "illegal-activity", "critical-infrastructure"]
    },
  ])

  /// Llama 3.1: no output-use ban, but a naming rule and a display phrase; the cap is in section 2.
  static let llama31Like: [Clause] = inOrder(
    llama2Like.map { c in
      guard c.kind == .outputUse else { return c }
      return clause(.naming, section: "1.b.i") {
        $0.requiredPhrase = "Llama"
        $0.position = "prefix"
      }
    } + [clause(.attributionDisplay, section: "1.b.i") { $0.text = "Built with Llama" }])

  /// Shaped like the Gemma Terms of Use: accepted by use, restrictions in a policy, licensor rights.
  static let gemmaLike: [Clause] = inOrder([
    clause(.acceptance, section: "1.1") { $0.mechanism = [.use] },  // 0
    clause(.copyrightGrant, section: "2.2") {  // 1
      $0.rights = [.use, .reproduce, .modify, .distribute, .createDerivatives]
      $0.worldwide = true
      $0.royaltyFree = true
    },
    clause(.includeLicense, section: "3.1"),  // 2
    clause(.flowDown, section: "3.1") { $0.what = "use-restrictions" },  // 3
    clause(.acceptableUsePolicy, section: "3.2") {  // 4
      $0.reference = "ai.google.dev/gemma/prohibited_use_policy"
      $0.updatable = true
    },
    clause(.remoteRestriction, section: "4.2"),  // 5
    clause(.outputRights, section: "4.1") { $0.owner = "licensee" },  // 6
    clause(.unilateralChange, section: "4.3") { $0.what = "policy" },  // 7
    clause(.warrantyDisclaimer, section: "5"),  // 8
    clause(.termination, section: "6") { $0.triggers = [.breach] },  // 9
    clause(.governingLaw, section: "7") { $0.jurisdiction = "California" },  // 10
    clause(.fieldOfUse, document: "policy") { $0.fields = ["illegal-activity", "malware", "disinformation"] },  // 11
  ])

  /// A non-commercial share-alike licence.
  static let nonCommercial: [Clause] = inOrder([
    clause(.copyrightGrant, section: "2.a") { $0.rights = [.reproduce, .distribute, .modify] },
    clause(.nonCommercial, section: "2.a"),
    clause(.shareAlike, section: "3.b") { $0.scope = "work" },
    clause(.retainNotices, section: "3.a"),
  ])

  /// A strong copyleft licence with everything an OSI-approved licence may contain.
  static let copyleftLike: [Clause] = inOrder([
    clause(.acceptance, section: "9") { $0.mechanism = [.distribution, .use] },
    clause(.copyrightGrant, section: "2") { $0.rights = fullRights },
    clause(.patentGrant, section: "11"),
    clause(.shareAlike, section: "5") { $0.scope = "network" },
    clause(.discloseSource, section: "6"),
    clause(.networkUseDisclose, section: "13"),
    clause(.stateChanges, section: "5.a"),
    clause(.retainNotices, section: "4"),
    clause(.includeLicense, section: "4"),
    clause(.naming, section: "7.c") { $0.requiredPhrase = "modified" },
    clause(.trademark, section: "7.e"),
    clause(.termination, section: "8") { $0.triggers = [.breach, .litigation] },
    clause(.warrantyDisclaimer, section: "15"),
    clause(.liabilityLimitation, section: "16"),
    clause(.exportControl),
    clause(.attributionDisplay) { $0.text = "Powered by the project" },
    clause(.flowDown) { $0.what = "use-restrictions" },
  ])
}
