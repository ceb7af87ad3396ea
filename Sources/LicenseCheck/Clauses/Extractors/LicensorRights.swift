// Licensor rights: remote-restriction, unilateral-change, termination.

/// `remote-restriction`: the licensor may restrict use, remotely or otherwise.
struct RemoteRestrictionRule: ClauseRule {
  static let restrict: PhraseSet = [
    "switch off", "turn off", "cut off access",
    "restrict", "disable", "suspend", "revoke", "limit", "block", "shut off", "shut down", "deactivate", "throttle",
    "terminate access", "cut off", "monitor",
  ]
  static let remote: PhraseSet = [
    "software update", "license server", "licence server", "any other method", "kill switch",
    "from a distance", "by technical means", "technical measures", "remote access", "remotely", "remote", "kill switch",
    "over the network", "remotely or otherwise", "licence key", "license key", "activation key",
    "access to the service", "access to the api", "api key", "api keys", "access to the services",
    "your access", "your account",
  ]
  static let reserve: PhraseSet = [
    "keeps the right", "retains the right", "retain the right", "keep the right", "can",
    "reserves the right", "reserve the right", "may", "has the right", "is entitled", "at its discretion",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let r = v.first(restrict), let rm = v.first(remote), v.has(reserve) else { continue }
      // "You may not … disable, or circumvent the license key": a ban on the licensee, not a right kept.
      if let p = v.first(Lexicon.prohibition), p.lowerBound < Swift.min(r.lowerBound, rm.lowerBound),
        Swift.min(r.lowerBound, rm.lowerBound) - p.upperBound <= 10
      {
        continue
      }
      guard v.has(.usageUse) else { continue }
      if v.has(.interactingWithItRemotely) { continue }
      out.append(ctx.clause(.remoteRestriction, in: v, evidence: ExtractionContext.cover(r, rm)))
    }
    return out
  }
}

/// `unilateral-change`: the licensor may change the terms or the policy.
struct UnilateralChangeRule: ClauseRule {
  static let change: PhraseSet = [
    "update", "updates", "updated", "modify", "modifies", "amend", "amends", "change", "changes", "revise",
    "revises", "replace", "amended", "revised", "modified", "changed",
  ]
  static let when: PhraseSet = [
    "whenever", "at will", "as it sees fit", "unilaterally", "without your consent",
    "from time to time", "at any time", "at its discretion", "at our discretion", "sole discretion",
    "without notice", "periodically", "reserve the right", "reserves the right", "may",
  ]
  static let agreement: PhraseSet = [
    "this agreement", "these terms", "this license", "the agreement", "the terms", "this licence", "terms of use",
    "the license", "these _ terms", "this _ agreement", "the _ terms",
  ]
  static let policy: PhraseSet = ["policy", "acceptable use", "use restrictions", "guidelines", "guide", "use guide"]
  static let continued: PhraseSet = [
    "continued use", "continuing to use", "continue to use", "constitutes acceptance", "deemed to accept",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    var out: [Clause] = []
    for v in ctx.sentences(includingDefinitions: true) {
      guard let c = v.first(change), let w = v.first(when) else { continue }
      // The licensor changes the terms, not "you may modify the software".
      // "Provider may modify these Terms": a named party other than the licensee.
      let namedPartyMay =
        c.lowerBound >= 2 && v.word(c.lowerBound - 1) == "may" && v.isCapitalised(c.lowerBound - 2)
        && !["you", "licensee", "customer", "user", "recipient", "institution"].contains(v.word(c.lowerBound - 2))
      let licensorActs =
        (v.has(.weMayLicensorMay) || namedPartyMay)
        && !v.has(.youMayModifyYou)
      guard licensorActs else { continue }
      // The change must be to the terms themselves: the agreement or policy close to the change verb.
      // Active voice: the terms follow the verb ("may revise these terms"); passive: they precede it
      // ("this Agreement may be amended").
      let passive = c.lowerBound > 0 && ["be", "is", "are", "been", "as"].contains(v.word(c.lowerBound - 1))
      let after = c.upperBound..<Swift.min(v.count, c.upperBound + 7)
      let before = Swift.max(0, c.lowerBound - 9)..<c.lowerBound
      func near(_ set: PhraseSet) -> Bool {
        v.first(set, in: after) != nil || (passive && v.first(set, in: before) != nil)
      }
      var p = ClauseParameters()
      if near(policy) {
        p.what = "policy"
      } else if near(agreement) {
        p.what = "agreement"
      } else {
        continue
      }
      // A licence steward publishing new versions is not a change to the licence the user accepted
      // (but "may modify these Terms … by posting a revised version" is).
      let direct = !passive && v.first(agreement, in: c.upperBound..<Swift.min(v.count, c.upperBound + 4)) != nil
      if v.has(.newVersionsNewVersion) && !direct {
        continue
      }
      if v.has(.modifyTheSoftwareModify) {
        continue
      }
      // "as may be amended in accordance with this Agreement", "only in writing signed by both
      // parties": changes by the agreed procedure, not at the licensor's will.
      if v.has(.agreedAmendment) { continue }
      out.append(ctx.clause(.unilateralChange, in: v, evidence: ExtractionContext.cover(c, w), parameters: p))
    }
    return out
  }
}

/// `termination`: the licence ends on some trigger.
struct TerminationRule: ClauseRule {
  static let terminate: PhraseSet = [
    "end immediately", "ends immediately",
    "end this", "may end", "end the license", "end this agreement", "end your license",
    "terminate", "terminates", "terminated", "termination", "revoke", "revoked", "automatically end", "cease",
    "shall end", "will end", "no longer", "lapse", "ends", "end automatically", "cancel", "cancelled", "withdraw",
    "withdrawn", "expire", "expires", "stops", "ceases", "comes to an end", "end on the date", "ends on the date",
    "end as of",
    "ends as of", "stop providing", "void ab initio", "deemed void", "become void", "becomes void",
  ]
  static let breach: PhraseSet = [
    "breach", "breaches", "breached", "breaching", "violated", "violating", "fail to comply", "failure to comply",
    "violate", "violates", "violation", "non compliance",
    "noncompliance", "do not comply", "contrary to", "attempt otherwise", "any attempt", "is void", "break", "breaks",
    "broken", "ignore", "disregard", "not follow",
    "misuse", "in violation", "fail to", "except as expressly provided", "other than as this", "otherwise than as",
    "good cause", "infringes section", "infringes §", "fails to comply", "failed to comply",
    "does not comply", "for cause",
  ]
  static let litigation: PhraseSet = [
    "such a claim", "makes a claim", "make a claim", "claim that",
    "bring a patent claim", "patent claim", "claim against", "sue", "sues",
    "litigation", "lawsuit", "institute", "cross claim", "counterclaim", "legal proceedings", "proceeding",
    "patent infringement", "alleging",
  ]
  static let atWill: PhraseSet = [
    "at any time for any reason", "for any reason", "for convenience", "without cause", "at will",
    "at its sole discretion", "for no reason", "with or without cause",
  ]

  static func triggersStated(in v: SentenceView) -> Set<TerminationTrigger> {
    var triggers = Set<TerminationTrigger>()
    if v.has(breach) { triggers.insert(.breach) }
    if v.has(litigation) { triggers.insert(.litigation) }
    if v.has(atWill) { triggers.insert(.atWill) }
    // "We may terminate this License … at any time upon notice": the licensor ends it without a cause
    // (a licensee's own right to end it, "you may terminate …", is not).
    if !triggers.contains(.breach), v.has(.atAnyTime), let t = v.first(.mayTerminate),
      t.lowerBound == 0 || !["you", "licensee"].contains(v.word(t.lowerBound - 1))
    {
      triggers.insert(.atWill)
    }
    return triggers
  }

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    let views = ctx.sentences()
    for (n, v) in views.enumerated() {
      guard let t = v.first(terminate) else { continue }
      if v.has(.surviveSurvives) && !v.has(breach) { continue }
      // "the Collective cannot withdraw or terminate them for any reason": a promise not to end it.
      if v.negated(before: t.lowerBound, window: 3) { continue }
      var triggers = triggersStated(in: v)
      // "… within 32 days. Otherwise, all your licenses end immediately.": the condition is in the
      // sentence the connective refers back to.
      if triggers.isEmpty, n > 0, v.first(.referBack, in: 0..<Swift.min(v.count, 3)) != nil {
        triggers = triggersStated(in: views[n - 1])
      }
      // "This license terminates when the Software stops being provided": the licence ends on an event
      // it names, with none of the listed triggers.
      if triggers.isEmpty, t.lowerBound >= 2, t.upperBound < v.count,
        v.first(.thisLicence, in: Swift.max(0, t.lowerBound - 3)..<t.lowerBound) != nil,
        ["terminates", "ends", "expires"].contains(v.word(t.lowerBound)),
        ["when", "if", "upon", "once", "on"].contains(v.word(t.upperBound))
      {
        out.append(ctx.clause(.termination, in: v, evidence: t))
        continue
      }
      if triggers.isEmpty { continue }
      var p = ClauseParameters()
      p.triggers = triggers.sorted()
      out.append(ctx.clause(.termination, in: v, evidence: t, parameters: p))
    }
    return out
  }
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let usageUse: PhraseSet = ["usage", "use", "access", "model", "services", "software"]
  fileprivate static let interactingWithItRemotely: PhraseSet = ["interacting with it remotely", "users interacting"]
  fileprivate static let weMayLicensorMay: PhraseSet = [
    "we may", "licensor may", "reserves the right", "reserve the right", "may be updated", "may update",
    "may be modified", "may be amended", "may modify", "may amend", "may change", "may revise", "will be updated",
    "is updated", "from time to time",
  ]
  fileprivate static let youMayModifyYou: PhraseSet = [
    "you may modify", "you may change", "new versions of this license", "revised versions", "version number",
    "published by",
  ]
  fileprivate static let newVersionsNewVersion: PhraseSet = [
    "new versions of this", "versions of this license", "linguistic versions", "updated versions", "versions of this",
    "revised version*", "revised and or new", "revised and new", "versions of the license", "versions of the licence",
  ]
  fileprivate static let modifyTheSoftwareModify: PhraseSet = [
    "modify the software", "modify the model", "changes to the software", "modifications to",
  ]
  fileprivate static let surviveSurvives: PhraseSet = ["survive", "survives", "shall survive"]
  fileprivate static let thisLicence: PhraseSet = [
    "this license", "this licence", "this agreement", "the license", "the licence", "the agreement", "these terms",
  ]
  fileprivate static let atAnyTime: PhraseSet = ["at any time"]
  fileprivate static let agreedAmendment: PhraseSet = [
    "amended in accordance with this", "in a writing signed", "as allowed under", "as permitted under", "copied",
    "in writing signed", "signed by both", "by both parties",
    "mutual written", "mutually agreed",
  ]
  fileprivate static let mayTerminate: PhraseSet = [
    "may terminate", "can terminate", "right to terminate", "may revoke", "can revoke", "right to revoke",
  ]
  fileprivate static let referBack: PhraseSet = [
    "otherwise", "in that case", "in such case", "in such a case", "in that event", "in such event", "failing that",
    "failing which", "if so", "if you do",
  ]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let licensorRights: [PhraseSet] = [
    RemoteRestrictionRule.restrict,
    RemoteRestrictionRule.remote,
    RemoteRestrictionRule.reserve,
    UnilateralChangeRule.change,
    UnilateralChangeRule.when,
    UnilateralChangeRule.agreement,
    UnilateralChangeRule.policy,
    UnilateralChangeRule.continued,
    TerminationRule.terminate,
    TerminationRule.breach,
    TerminationRule.litigation,
    TerminationRule.atWill,
    PhraseSet.usageUse,
    PhraseSet.interactingWithItRemotely,
    PhraseSet.weMayLicensorMay,
    PhraseSet.youMayModifyYou,
    PhraseSet.newVersionsNewVersion,
    PhraseSet.modifyTheSoftwareModify,
    PhraseSet.surviveSurvives,
    PhraseSet.thisLicence,
    PhraseSet.atAnyTime,
    PhraseSet.agreedAmendment,
    PhraseSet.mayTerminate,
    PhraseSet.referBack,
  ]
}
