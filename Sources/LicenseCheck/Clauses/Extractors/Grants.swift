// Permissions: copyright-grant, patent-grant, output-rights.

/// Words that introduce a grant of rights.
enum GrantWords {
  static let triggers: PhraseSet = [
    "grant", "grants", "granted", "granting", "hereby grant*", "is licensed", "are licensed", "licenses to you",
    "you may", "you can", "free to", "permitted to", "permission to", "is permitted", "are permitted",
    "the right to", "rights to", "license to", "licence to", "authorized to", "entitled to", "allowed to",
    "lets you", "permits you", "permit you", "gives you permission", "grants you permission", "may be used",
    "may be copied", "may be distributed", "may be modified", "may be reproduced",
    "may be redistributed", "may deal", "may use", "may copy", "may modify", "may distribute", "may redistribute",
    "may reproduce", "will be permitted", "is allowed", "are allowed", "may be utilized", "may be utilised",
    "may publish", "may sell", "may run", "may share", "may adapt", "may make", "may create", "may fine tune",
    "may host", "may deploy", "let you", "allows you", "allow you", "you are allowed", "may freely",
    "you are welcome to",
    "anyone may", "everyone may", "gives you", "give you", "is hereby given", "you have permission",
    "allows any person to", "allows anyone to", "allows everyone to", "allows you to", "permits any person to",
    "permits anyone to", "authorizes any person to", "authorises any person to", "authorizes you to",
    "authorises you to", "the _ right to", "a _ right to", "the _ _ right to", "a _ _ right to", "licenses you to",
    "licences you to", "licenses you", "license you to", "can be used", "can be copied", "can be freely",
    "can be distributed", "can be modified", "can be redistributed",
  ]

  /// Rights verbs and nouns, each mapped to its right.
  static let rights: [(PhraseSet, GrantRight)] = [
    (
      [
        "create derivative works", "prepare derivative works", "make derivative works", "derivative works of",
        "create derivatives", "create derivative", "produce adapted material", "adapted material", "adapt", "adapts",
        "create modified versions", "prepare derivatives", "make derivatives", "build upon", "fine tune",
        "fine-tune", "derivatives of", "derivative works", "derivative work", "build new works", "new works",
        "derived works", "derivative models", "build on", "do everything", "do anything",
        "works based on", "make new works", "create works based", "work based on", "fine tuned", "modified versions",
        "modified version", "adaptations", "adapted versions", "derived models", "derivatives",
      ], .createDerivatives
    ),
    (
      [
        "modify", "modifies", "modified", "modification", "modifications", "alter", "make modifications", "merge",
        "translate", "remix", "change", "changes", "edit", "adapt it", "alter it", "tweak", "retrain", "fine tuning",
        "transform", "adapt", "adapts", "fine tune", "changing", "modifying", "altering", "adapting", "do everything",
        "do anything",
      ], .modify
    ),
    (
      [
        "reproduce", "reproduces", "reproduced", "reproduction", "copy", "copies", "copied", "copying", "duplicate",
        "replicate", "download",
        "do everything", "do anything",
      ],
      .reproduce
    ),
    (
      [
        "distribute", "distributes", "distributed", "redistribute", "redistributed", "redistribution", "distribution",
        "publish", "make available",
        "share", "convey", "propagate", "transmit", "communicate to the public", "release", "provide copies",
        "disseminate", "lend", "hand on", "pass on", "give away", "give copies", "hand out", "ship", "redistributing",
        "distributing", "deliver", "rent", "passing _ on", "passing on", "handing _ on", "hand _ on", "do everything",
        "do anything",
      ], .distribute
    ),
    (["sublicense", "sublicenses", "sub license", "sub-license", "sublicensable"], .sublicense),
    (["sell", "offer to sell", "sale", "commercialize", "commercialise", "monetize"], .sell),
    (["publicly display", "display", "displays", "display publicly", "show _ in public", "show them"], .display),
    (["publicly perform", "perform", "performs", "perform publicly", "play _ in public", "play them"], .perform),
    (
      [
        "use", "uses", "usage", "run", "work with", "deal in", "utilize", "utilise",
        "access", "deploy", "execute",
        "operate",
        "host", "do everything", "do anything",
      ],
      .use
    ),
  ]

  /// Each row of `rights`: the bit of its right's place in `GrantRight.allCases`.
  static let rightBits: [UInt32] = rights.map { 1 << UInt32(GrantRight.allCases.firstIndex(of: $0.1)!) }

  static let patentObject: PhraseSet = [
    "patent license", "patent licence", "patent licenses", "patent rights", "patent claims", "under patent",
    "under its patent", "patent grant", "license under the patent", "license under patent",
    "patent and copyright", "licensable patent", "rights to any patents", "patents held by", "patents owned by",
    "under any patents", "under its patents",
    // Patent licences name their object as a defined term: "a license under Licensed Patents to make,
    // use, sell …", "under its Necessary Claims", "Essential Patent Claims".
    "licensed patent*", "necessary claims", "essential claims", "essential patent claims", "licensed claims",
  ]

  static let negatedGrant: PhraseSet = [
    "no license", "no licence", "no licenses", "no rights", "no right", "not grant", "not granted",
    "nothing in this", "no other rights", "no patent", "no trademark", "does not grant", "do not grant",
    "not be construed", "not licensed", "no express or implied", "no implied",
  ]

  static let royaltyFree: PhraseSet = [
    "does not cost anything", "costs nothing", "free of cost", "without cost",
    "royalty free", "free of charge", "no charge", "without charge", "without fee", "without payment",
    "fee free", "royalty-free", "gratis", "without paying", "no royalty", "no royalties", "no fee", "no fees",
    "free of royalt*", "without any payment", "without any fee", "for free", "at no cost", "free license", "paid up",
    "free non exclusive", "free nonexclusive", "free worldwide", "free perpetual", "without fees",
    "without license fees", "without licence fees", "without any fees", "without any charge", "free of any charge",
    "no license fee", "no licence fee", "no license fees", "no licence fees",
  ]
  static let worldwide: PhraseSet = [
    "applies in all countries", "in every country", "everywhere",
    "worldwide", "world wide", "throughout the world", "anywhere in the world", "in any country", "all countries",
    "any territory", "global",
  ]
  static let perpetual: PhraseSet = [
    "lasts forever", "forever", "does not expire", "never expires", "without time limit", "perpetual", "perpetually",
    "for the duration of the applicable copyright",
  ]
  static let irrevocable: PhraseSet = [
    "cannot be taken back", "cannot be revoked", "can not be revoked", "may not be revoked", "cannot be withdrawn",
    "irrevocable", "irrevocably",
  ]
  static let nonExclusive: PhraseSet = ["non exclusive", "nonexclusive", "not exclusive"]
  static let nonTransferable: PhraseSet = [
    "non transferable", "nontransferable", "not transferable", "non assignable", "may not be transferred",
    "cannot assign", "can not assign", "may not assign", "not assign", "cannot transfer", "may not transfer",
    "not assignable", "personal license", "personal licence", "personal",
  ]
  static let limited: PhraseSet = ["limited license", "limited licence", "limited right", "limited"]
  /// A grant bound to one purpose or setting ("solely for", "only for your internal use", "for
  /// evaluation purposes") is a limited grant even when the word "limited" is not there.
  static let purposeBound: PhraseSet = [
    "solely for", "solely to", "solely in", "solely within", "solely as", "solely on", "only for", "only as",
    "only within", "only in accordance", "only to the extent", "exclusively for", "internal use", "internal purposes",
    "internal business", "evaluation purposes", "evaluation only", "for evaluation",
  ]

  /// Sets the grant flags stated in a sentence.
  static func flags(in v: SentenceView, into p: inout ClauseParameters) {
    if v.has(royaltyFree) { p.royaltyFree = true }
    if v.has(worldwide) { p.worldwide = true }
    if v.has(perpetual) { p.perpetual = true }
    if v.has(irrevocable) { p.irrevocable = true }
    if v.has(nonExclusive) { p.nonExclusive = true }
    if v.has(nonTransferable) { p.nonTransferable = true }
    for m in v.find(limited) {
      // "including but not limited to", "limited to": not a limited licence; "a limited license to
      // reproduce" is one.
      let next = m.upperBound < v.count ? v.hashes[m.upperBound] : 0
      // ("limited by the following terms" introduces conditions, like "subject to".)
      if v.negated(before: m.lowerBound, window: 1)
        || (m.count == 1 && (next == wordHash("to") || next == wordHash("by")))
      {
        continue
      }
      p.limited = true
    }
    if v.has(purposeBound) { p.limited = true }
  }

  /// Rights only copyright gives (patent grants name make, use, sell, import).
  static let copyrightOnly: Set<GrantRight> = [.reproduce, .modify, .createDerivatives]

  /// Verbs of a licensor keeping a right for itself.
  static let keeps = words(["retain", "retains", "retained", "reserve", "reserves", "reserved", "keeps"])

  /// A ``WordSet`` of words: rules compare word hashes, not strings made per word.
  static func words(_ w: [String]) -> WordSet { WordSet(w.map(wordHash)) }
  static let withoutHash = wordHash("without")
  static let withHash = wordHash("with")
  static let orAnd = words(["or", "and"])
  static let beWords = words(["is", "are", "be", "been"])
  /// Words between a right and "is not allowed" that keep it the right's ("changing it is …").
  static let passOver = words(["it", "them", "this", "strictly", "expressly"])
  static let rightHash = wordHash("right")
  static let ofHash = wordHash("of")
  static let thisThe = words(["this", "the"])
  static let nonNot = words(["non", "not"])

  /// Words after which the rights a grant names are carved out of it: "… including the right to copy,
  /// but NOT including the right to run or use it", "excluding the right to modify".
  static let carvedOut: PhraseSet = [
    "not including", "not include", "not includes", "excluding", "does not extend to", "do not extend to",
    "other than the right", "except the right", "except for the right",
  ]
  /// "changing it is not allowed", "modification is prohibited": the right named is banned just after.
  static let bannedAfter = words(["not", "prohibited", "forbidden", "disallowed"])

  /// Whether the right named at `m` is withheld rather than granted: "without modification" (but "with
  /// or without modification" grants it), or "changing it is not allowed".
  static func withheld(_ v: SentenceView, _ m: Range<Int>) -> Bool {
    for k in Swift.max(0, m.lowerBound - 2)..<m.lowerBound where v.hashes[k] == withoutHash {
      let withOr = k >= 2 && orAnd.contains(v.hashes[k - 1]) && v.hashes[k - 2] == withHash
      if !withOr { return true }
    }
    var sawBe = false
    for k in m.upperBound..<Swift.min(v.count, m.upperBound + 4) {
      // (The word's own hash: the `t` of "n't" is no "not" here.)
      let w = v.unfoldedHash(k)
      if beWords.contains(w) {
        sawBe = true
      } else if sawBe && bannedAfter.contains(w) {
        return true
      } else if !passOver.contains(w) {
        break
      }
    }
    return false
  }

  /// The rights named in a word range.
  static func rights(in v: SentenceView, range: Range<Int>, negationWindow: Int = 2) -> [GrantRight] {
    // A bit per right (its place in `allCases`, the order `<` sorts by): no set to hash into and
    // no sort, whose comparison looks both rights up in `allCases`.
    var found: UInt32 = 0
    let carve = v.first(carvedOut, in: range)
    // "including but not limited to" is no carve-out.
    // Only a carve-out of rights counts ("not including the right to run"); "a licence (not including
    // any patent rights) to copy" carves out no copyright right it then names.
    let cut =
      carve.flatMap { c in
        (c.upperBound..<Swift.min(v.count, c.upperBound + 3)).contains { v.hashes[$0] == rightHash }
          ? c.lowerBound : nil
      } ?? range.upperBound
    for (r, (set, right)) in rights.enumerated() {
      let bit = rightBits[r]
      if found & bit != 0 { continue }
      for m in v.find(set, in: range) {
        if m.lowerBound >= cut || withheld(v, m) { continue }
        // "a copy of this License": a duty to pass the licence on, not a right to copy the work.
        if right == .reproduce, m.upperBound + 1 < v.count, v.hashes[m.upperBound] == ofHash,
          thisThe.contains(v.hashes[m.upperBound + 1])
        {
          continue
        }
        if v.negated(before: m.lowerBound, window: negationWindow) { continue }
        // "non-sublicensable", "non-transferable": the prefix negates the right.
        if m.lowerBound > 0, nonNot.contains(v.unfoldedHash(m.lowerBound - 1)) { continue }
        found |= bit
        break
      }
    }
    var out: [GrantRight] = []
    for (i, right) in GrantRight.allCases.enumerated() where found & (1 << UInt32(i)) != 0 { out.append(right) }
    return out
  }
}

/// `copyright-grant`: the licensor grants rights over the work.
struct CopyrightGrantRule: ClauseRule {
  static let anaphora: PhraseSet = [
    "that permission", "this permission", "the permission", "this license", "this licence", "the license",
    "the licence", "that license", "that licence", "it", "these rights", "this grant", "the grant",
    "these permissions", "those permissions", "the permissions", "these licenses", "the rights", "this right",
  ]
  static let notGrants: PhraseSet = [
    "attribution notice", "following notice", "notice text", "may grant", "might grant", "sole discretion",
    "request a license", "request a licence", "the mark", "trademark", "trademarks", "trade name*",
  ]

  /// First words of the `notGrants` phrases about marks.
  static let markWords = GrantWords.words(["trademark", "trademarks"])
  static let clauseWords = GrantWords.words(["clause", "clauses", "section", "sections", "provisions", "policy"])

  /// A contributor's first-person declaration (certificates of origin, contributor agreements).
  static let contributorDeclares: PhraseSet = [
    "i certify", "i have the right", "i understand", "i agree", "i am permitted", "i represent",
  ]

  /// A grant sentence whose list holds the conditions on the grant rather than more rights.
  static let conditionsFollow: PhraseSet = [
    "following conditions", "conditions are met", "following restrictions", "conditions below",
    "conditions that follow", "following terms and conditions", "following requirements",
  ]

  /// "No part of this publication may be reproduced …", "Neither the name … may be used …": a
  /// passive "may be" / "can be" whose subject is negated bans what it names.
  static func negatedSubject(_ v: SentenceView, trigger: Range<Int>) -> Bool {
    guard trigger.lowerBound + 1 < v.count, v.hashes[trigger.lowerBound + 1] == W.be,
      W.mayCanShall.contains(v.hashes[trigger.lowerBound])
    else { return false }
    for i in Swift.max(0, trigger.lowerBound - 20)..<trigger.lowerBound where W.noSubjects.contains(v.hashes[i]) {
      return true
    }
    return false
  }

  /// Subjects of "may" that name the licensor, not the reader ("Licensor may modify the Software").
  static let licensorSubjects = GrantWords.words([
    "licensor", "licensors", "we", "company", "vendor", "supplier", "provider", "publisher", "owner",
  ])

  /// People described by what they may do for someone else ("designated employees authorized to …").
  static let actors = GrantWords.words([
    "employee", "employees", "person", "persons", "individual", "individuals", "entity", "entities",
    "representative", "representatives", "agent", "agents", "officer", "officers", "personnel", "staff",
  ])

  /// Word hashes the rule compares (computed once; comparing strings made a `String` per word asked).
  enum W {
    static let be = wordHash("be")
    static let may = wordHash("may")
    static let who = wordHash("who")
    static let you = wordHash("you")
    static let free = wordHash("free")
    static let granted = wordHash("granted")
    static let mayCanShall = GrantWords.words(["may", "can", "shall"])
    static let noSubjects = GrantWords.words(["no", "neither", "nor", "nothing"])
    static let rightRights = GrantWords.words(["right", "rights"])
    static let unlessExcept = GrantWords.words(["unless", "except"])
    static let authorizedEntitled = GrantWords.words(["authorized", "authorised", "entitled"])
    static let isAreWill = GrantWords.words(["is", "are", "will"])
    static let terminateCancel = GrantWords.words(["terminate", "cancel"])
    static let readerOwners = GrantWords.words(["your", "you", "licensee"])
    static let grantGrants = GrantWords.words(["grant", "grants"])
    static let grantedThings = GrantWords.words(["license", "licence", "right", "rights", "permission"])
    static let grantOpeners = GrantWords.words(["grant", "grants", "hereby"])
  }

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    // Read once per context: `work-ban` asks for the grants again.
    if let found = ctx.memo.grants { return found }
    let found = grants(ctx)
    ctx.memo.grants = found
    return found
  }

  private static func grants(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    let views = ctx.sentences()
    var looseFlags: (Int, ClauseParameters)?
    // "These terms do not allow you to sublicense or transfer any of your licenses", stated in a
    // section of its own: the grant is not transferable.
    let transferBanned = views.contains { v in
      guard let t = v.first(.transferAssign), v.negated(before: t.lowerBound, window: 6) else { return false }
      return v.first(.licenceObjects, in: t.upperBound..<Swift.min(v.count, t.upperBound + 8)) != nil
    }
    for (n, v) in views.enumerated() {
      guard let trig = v.first(GrantWords.triggers) else { continue }
      // A patent licence is no copyright grant, unless the sentence first names copyright rights and
      // then the patent part ("a license (1) to use, copy, modify … and (2) under patent claims … to
      // make, use, sell …"): then the rights before the patent object are the copyright grant's.
      var rightsRange = 0..<v.count
      if let pat = v.first(GrantWords.patentObject), !v.has(.copyrightLicenseCopyrightLicence) {
        let before = GrantWords.rights(in: v, range: 0..<pat.lowerBound)
        guard pat.lowerBound > trig.upperBound, before.contains(where: GrantWords.copyrightOnly.contains) else {
          continue
        }
        rightsRange = 0..<pat.lowerBound
      }
      // "You may not …", "No licence is granted …"
      if trig.upperBound < v.count, v.hashes[trig.upperBound] == Lexicon.notHash { continue }
      if let neg = v.first(GrantWords.negatedGrant), neg.lowerBound <= trig.upperBound + 2 { continue }
      if v.negated(before: trig.lowerBound, window: 3) { continue }
      if Self.negatedSubject(v, trigger: trig) { continue }
      // "… unless permission was granted", "except as granted below": an exception to a ban, or a
      // pointer to a grant elsewhere, grants nothing here.
      // "The author retains the exclusive right to publish derivative works", "Licensor reserves the
      // right to …": a right the licensor keeps, not one it grants.
      // (Only a trigger naming a right: "ALL RIGHTS RESERVED. Permission to use …" grants.)
      if trig.contains(where: { W.rightRights.contains(v.hashes[$0]) }),
        (Swift.max(0, trig.lowerBound - 4)..<trig.lowerBound).contains(where: {
          GrantWords.keeps.contains(v.hashes[$0])
        })
      {
        continue
      }
      // ("Except as stated below, you may …" is a grant: only a passive "granted" is read so.)
      if v.hashes[trig.lowerBound] == W.granted,
        (Swift.max(0, trig.lowerBound - 4)..<trig.lowerBound).contains(where: {
          W.unlessExcept.contains(v.hashes[$0])
        })
      {
        continue
      }
      // "employees authorized to submit contributions", "persons entitled to vote": who may act for
      // someone, not a grant to the reader.
      if trig.lowerBound > 0, W.authorizedEntitled.contains(v.hashes[trig.lowerBound]),
        actors.contains(v.hashes[trig.lowerBound - 1])
      {
        continue
      }
      // "… OR ANY OTHER PARTY WHO MAY MODIFY AND/OR REDISTRIBUTE THE PROGRAM …, BE LIABLE": a relative
      // clause describing someone; "Licensor may modify or update the Software at any time", "may be
      // changed from time to time by Licensor": the licensor's own acts. Neither grants the reader.
      // "(except as the laws in force are allowed)" inside a ban list: a passive "is/are allowed" or
      // "will be permitted" after a ban is an exception to it, not a grant.
      if W.isAreWill.contains(v.hashes[trig.lowerBound]),
        ctx.inBanList[v.index] || v.first(Lexicon.prohibition, in: 0..<trig.lowerBound) != nil
      {
        continue
      }
      // "You may terminate this Agreement by destroying all copies": how the licence ends, not a right.
      if trig.upperBound < v.count, W.terminateCancel.contains(v.hashes[trig.upperBound]) { continue }
      if v.hashes[trig.lowerBound] == W.may, trig.lowerBound > 0 {
        let before = v.hashes[trig.lowerBound - 1]
        // ("Your company may use …" is the reader's.)
        let ownerIsReader = trig.lowerBound > 1 && W.readerOwners.contains(v.hashes[trig.lowerBound - 2])
        if before == W.who || (Self.licensorSubjects.contains(before) && !ownerIsReader) {
          continue
        }
        if trig.upperBound < v.count, v.hashes[trig.lowerBound + 1] == W.be,
          v.first(.byTheLicensor, in: trig.upperBound..<Swift.min(v.count, trig.upperBound + 10)) != nil
        {
          continue
        }
      }
      // "I certify that … I have the right to submit it": a contributor's declaration, not a grant.
      if let d = v.first(contributorDeclares), d.lowerBound < trig.upperBound { continue }
      // "You hereby grant to <Project> … a copyright license", "By contributing you grant <Owner> …":
      // the reader grants (a contributor agreement, a feedback clause); nothing is granted to the reader.
      // ("You are hereby granted …" is a grant to the reader: only the active "you (hereby) grant".)
      if trig.lowerBound > 0, v.hashes[trig.lowerBound - 1] == W.you,
        W.grantGrants.contains(v.hashes[trig.upperBound - 1])
      {
        continue
      }
      // "… to reproduce and distribute the Software, provided that (i) you do not remove or alter any
      // notices …": what follows a condition marker are the conditions, not more rights.
      // Conditions on modified versions still show that modifying is allowed ("… as long as
      // modifications are clearly marked"), so those rights are read there too, with a wider reach for
      // a negation ("you do not remove or alter any notices").
      var impliedByConditions: [GrantRight] = []
      var conditionsFrom = v.count
      // (Not when nothing would be left: "X grants you, provided that you comply, a licence to copy …".)
      if let cond = v.first(.grantConditionStarts, in: trig.upperBound..<rightsRange.upperBound),
        !GrantWords.rights(in: v, range: rightsRange.lowerBound..<cond.lowerBound).isEmpty
      {
        impliedByConditions = GrantWords.rights(
          in: v, range: cond.lowerBound..<rightsRange.upperBound, negationWindow: 4
        )
        .filter { $0 == .modify || $0 == .createDerivatives }
        conditionsFrom = cond.lowerBound
        rightsRange = rightsRange.lowerBound..<cond.lowerBound
      }
      var rights = GrantWords.rights(in: v, range: rightsRange)
      if !rights.isEmpty, !impliedByConditions.isEmpty {
        rights = Array(Set(rights).union(impliedByConditions)).sorted()
      }
      // A grant introducing a list ("… license to:") names its rights in the next items.
      var k = n + 1
      // "… are permitted provided that the following conditions are met:" introduces conditions, not
      // rights: a duty to "reproduce the notice" or to keep it "without modification" grants nothing.
      // A grant naming no rights whose next sentence is a marked item ("… grants You a license (1) to
      // use, copy, modify …") introduces its rights the same way, colon or not.
      // Only a sentence that ends on what is granted ("… perpetual, non-sublicenseable license"), so that
      // the items can only be its rights.
      let nextMarked =
        rights.isEmpty && n + 1 < views.count && v.count > 0
        && W.grantedThings.contains(v.hashes[v.count - 1])
        && W.grantOpeners.contains(v.hashes[trig.lowerBound])
        && BanScope.startsWithMarker(
          ctx.structure.sentences[views[n + 1].index].tokenRange.lowerBound, text: ctx.text)
      let introducesList =
        (BanScope.endsWithColon(ctx.structure.sentences[v.index], text: ctx.text) || nextMarked)
        && !v.has(conditionsFollow)
      while introducesList, k < views.count, k <= n + 6 {
        // Marked items ("A. reproduce …; B. produce …") all belong to the list; unmarked lines only
        // until two rights are known, as before.
        let first = ctx.structure.sentences[views[k].index].tokenRange.lowerBound
        let marked = BanScope.startsWithMarker(first, text: ctx.text)
        if !marked && (rights.count >= 2 || k > n + 3) { break }
        rights = Array(Set(rights).union(GrantWords.rights(in: views[k], range: 0..<views[k].count))).sorted()
        k += 1
      }
      let isYouMay = v.hashes[trig.lowerBound] == W.you || v.hashes[trig.lowerBound] == W.free
      if rights.isEmpty {
        // "All rights granted under this License … are irrevocable": flags of the grant stated apart
        // from its rights, applied to the grant next to it.
        var f = ClauseParameters()
        GrantWords.flags(in: v, into: &f)
        if f != ClauseParameters(), !v.has(notGrants) { looseFlags = (n, f) }
        continue
      }
      // Not grants of the work: a quoted notice ("X is licensed under …"), a licence the licensor
      // may grant later ("which Meta may grant to you in its sole discretion"), a trademark licence.
      // (A pointer to a trademark clause, "Subject to … the Patents and Trademark clauses below, we grant
      // you the right to use, copy …", does not make the grant a trademark licence.)
      if v.mayContain(notGrants),
        v.find(notGrants).contains(where: { m in
          // (A notice the conditions ask for, "provided that you include the following notice", is a
          // duty of the grant, not a quoted notice instead of one.)
          m.lowerBound < conditionsFrom
            && !(Self.markWords.contains(v.hashes[m.lowerBound]) && m.upperBound < v.count
              && Self.clauseWords.contains(v.hashes[m.upperBound]))
        })
      {
        continue
      }
      // "You may obtain a copy of the License at …" and similar are not grants.
      if isYouMay && v.has(.obtainACopyNot) && rights.count < 2 {
        continue
      }
      var p = ClauseParameters()
      p.rights = rights
      GrantWords.flags(in: v, into: &p)
      // "That permission is worldwide. It does not cost anything.": flags stated in the sentences that
      // refer back to the grant.
      // Flags may also come just before, after a grant that named no rights ("Every contributor gives
      // you a copyright license. The license lasts forever, … Under it you may copy …").
      for k in Swift.max(0, n - 2)..<n where views[k].first(anaphora, in: 0..<Swift.min(views[k].count, 3)) != nil {
        var before = ClauseParameters()
        GrantWords.flags(in: views[k], into: &before)
        // "limited by the following restrictions", "for personal use": conditions, not the grant's flags.
        before.limited = nil
        before.nonTransferable = nil
        p.mergeFlags(before)
      }
      for k in (n + 1)..<Swift.min(views.count, n + 8)
      where views[k].first(anaphora, in: 0..<Swift.min(views[k].count, 3)) != nil {
        GrantWords.flags(in: views[k], into: &p)
        // "It also covers making copies of it and changing its source code.": rights named apart.
        if let cv = views[k].first(.coversIncludes) {
          let more = GrantWords.rights(in: views[k], range: cv.upperBound..<views[k].count)
          p.rights = Array(Set(p.rights ?? []).union(more)).sorted()
        }
      }
      if let (at, f) = looseFlags, n - at <= 3 { p.mergeFlags(f) }
      if transferBanned { p.nonTransferable = true }
      let evEnd = Swift.min(v.count, trig.upperBound + 30)
      out.append(ctx.clause(.copyrightGrant, in: v, evidence: trig.lowerBound..<evEnd, parameters: p))
    }
    return out
  }
}

/// `copyright-grant` through a public-domain dedication: "This library is public domain software",
/// "I hereby place this code in the public domain", "The author disclaims copyright to this source
/// code". Nobody holds rights to withhold, so every right is the reader's.
struct PublicDomainRule: ClauseRule {
  static let dedication: PhraseSet = [
    "is public domain", "is in the public domain", "are in the public domain", "are public domain",
    "into the public domain", "in the public domain", "to the public domain", "disclaims copyright",
    "disclaim copyright", "is not copyrighted", "not subject to copyright protection",
  ]
  /// Verbs and copulas that make "in/into/to the public domain" a dedication of the work.
  static let dedicates: PhraseSet = [
    "place*", "placed", "release*", "dedicate*", "put", "is", "are", "has been", "have been", "hereby",
  ]
  /// The work as subject: not a third party's material or a mention of the public domain in general.
  static let theWork: PhraseSet = [
    "this", "these", "the software", "the code", "the source", "the library", "the program", "the work",
    "the font*", "the data", "i", "we", "author", "authors",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    for v in ctx.sentences() {
      guard v.mayContain(dedication), let d = v.first(dedication) else { continue }
      if v.negated(before: d.lowerBound, window: 4) { continue }
      let w = v.word(d.lowerBound)
      // "in/into/to the public domain" needs a dedicating verb just before it, or an active one further
      // back ("I release all of the source code, compiled code and documentation in this
      // distribution into the public domain").
      if ["in", "into", "to"].contains(w),
        v.first(dedicates, in: Swift.max(0, d.lowerBound - 6)..<d.lowerBound) == nil,
        v.first(.releaseOrDedicate, in: Swift.max(0, d.lowerBound - 20)..<d.lowerBound) == nil
      {
        continue
      }
      // "material that is in the public domain", "works which are public domain": a relative clause
      // about other things, not the work's dedication.
      if (Swift.max(0, d.lowerBound - 3)..<d.lowerBound).contains(where: {
        ["that", "which", "who", "whatever", "any"].contains(v.word($0))
      }) {
        continue
      }
      // The work as subject, or a performative dedication ("X is hereby released into the public
      // domain"): the author dedicating something here and now.
      guard
        v.first(theWork, in: Swift.max(0, d.lowerBound - 12)..<d.lowerBound) != nil
          || v.first(.herebyDedicated, in: Swift.max(0, d.lowerBound - 4)..<d.lowerBound) != nil
      else { continue }
      // "Portions … taken from public domain sources", "works in the public domain may be used":
      // other material.
      if v.has(.otherMaterial) { continue }
      // "You may not take any action that would cause the Software to be placed in the public domain".
      if v.has(Lexicon.prohibition) || v.has(.wouldCause) { continue }
      var p = ClauseParameters()
      p.rights = [.use, .reproduce, .modify, .distribute]
      return [ctx.clause(.copyrightGrant, in: v, evidence: d, parameters: p)]
    }
    return []
  }
}

/// `patent-grant`: an express patent licence.
struct PatentGrantRule: ClauseRule {
  static let triggers: PhraseSet = [
    "grant", "grants", "granted", "hereby grant*", "license under", "licence under", "license to", "gives you",
    "give you",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    let views = ctx.sentences()
    for (n, v) in views.enumerated() {
      guard let pat = v.first(GrantWords.patentObject) else { continue }
      // A list item ("(b) under Patent Claims … to make, use, sell …") after a grant that ends with a colon.
      let intro = (Swift.max(0, n - 4)..<n).reversed().map { views[$0] }.first {
        $0.has(triggers) && BanScope.endsWithColon(ctx.structure.sentences[$0.index], text: ctx.text)
      }
      if v.first(triggers) == nil, let intro, v.has(.makeUse) {
        var p = ClauseParameters()
        GrantWords.flags(in: intro, into: &p)
        out.append(ctx.clause(.patentGrant, in: v, evidence: pat, parameters: p))
        continue
      }
      guard let trig = v.first(triggers) else { continue }
      if v.has(GrantWords.negatedGrant) { continue }
      if v.negated(before: trig.lowerBound, window: 3) { continue }
      // Patent *termination* sentences mention the grant but do not make it.
      if v.has(.terminateTerminates) { continue }
      var p = ClauseParameters()
      GrantWords.flags(in: v, into: &p)
      out.append(ctx.clause(.patentGrant, in: v, evidence: ExtractionContext.cover(trig, pat), parameters: p))
    }
    return out
  }
}

/// `output-rights`: who owns or may use the model's outputs.
struct OutputRightsRule: ClauseRule {
  static let licenseeOwns: PhraseSet = [
    "you own", "owned by you", "belong to you", "belongs to you", "yours", "you retain", "you will own",
    "you shall own", "you are the owner", "your property", "property of you", "belong to the user",
    "belongs to the user", "belong to the licensee", "belongs to the licensee", "the licensee owns", "the user owns",
    "owned by the user", "owned by the licensee", "belong to the customer", "the customer owns",
    "owned by the customer", "assigns to you", "assign to you", "hereby assigns to the licensee",
    "assigns to the user",
  ]
  /// The licensor disclaims the outputs without saying who owns them.
  static let noClaim: PhraseSet = [
    "claims no rights", "claim no rights", "claims no ownership", "no rights in", "no ownership",
    "not claim ownership", "does not claim", "do not claim", "makes no claim", "no claim", "claims nothing",
    "claim nothing",
  ]
  /// "This agreement imposes no restrictions or obligations on any use of the outputs generated by the
  /// model": the outputs are free, their owner unstated. Only for a model's outputs: the same words about a
  /// data licence's "Results" would make the OSD table read a data licence as a model licence.
  static let noRestriction: PhraseSet = [
    "not impose any restriction*", "not impose any obligation*", "imposes no restriction*", "imposes no obligation*",
    "impose no restriction*", "impose no obligation*",
  ]
  static let resultsOnly: PhraseSet = ["results", "result obtained", "results obtained"]
  /// "won't claim ownership of the output": the negation comes from `negatedOrContracted`.
  static let claimOwnership: PhraseSet = ["claim ownership", "claim any ownership"]
  static let licensorOwns: PhraseSet = [
    "we own", "licensor owns", "remain the property of", "owned by the licensor", "owned by licensor",
    "retains all rights in the output",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let o = v.first(Lexicon.outputs) else { continue }
      var p = ClauseParameters()
      let hit: Range<Int>
      if let m = v.first(licenseeOwns) {
        p.owner = "licensee"
        hit = m
      } else if let m = v.first(licensorOwns) {
        p.owner = "licensor"
        hit = m
      } else if let m = v.first(noClaim), !licenseeSpeaks(v, before: m.lowerBound) {
        p.owner = "unstated"
        hit = m
      } else if let m = v.first(noRestriction),
        v.find(Lexicon.outputs).contains(where: { v.first(resultsOnly, in: $0) == nil })
      {
        p.owner = "unstated"
        hit = m
      } else if let m = v.first(claimOwnership), negatedOrContracted(v, before: m.lowerBound),
        !licenseeSpeaks(v, before: m.lowerBound)
      {
        p.owner = "unstated"
        hit = m
      } else if let m = v.first(.mayUseOutputs), !v.negated(before: m.lowerBound, window: 2),
        !v.has(Lexicon.prohibition)
      {
        // "You may use outputs of X for any lawful purpose": a right to the outputs, owner unstated.
        p.owner = "unstated"
        hit = m
      } else {
        continue
      }
      out.append(ctx.clause(.outputRights, in: v, evidence: ExtractionContext.cover(o, hit), parameters: p))
    }
    return out
  }

  /// "You will not claim ownership of outputs": the licensee giving up a claim says nothing of rights.
  /// "… the outputs you generate, and Licensor claims no rights": only the words right before the claim,
  /// and no licensor among them.
  static func licenseeSpeaks(_ v: SentenceView, before pos: Int) -> Bool {
    let window = Swift.max(0, pos - 3)..<pos
    return v.first(Lexicon.licensee, in: window) != nil && v.first(Lexicon.licensor, in: window) == nil
  }

  /// "will not claim", "does not claim", and the contracted "won't claim" (whose "t" is its own word).
  static func negatedOrContracted(_ v: SentenceView, before pos: Int) -> Bool {
    if v.negated(before: pos, window: 3) { return true }
    return (Swift.max(0, pos - 3)..<pos).contains { v.hashes[$0] == Lexicon.tHash }
  }
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  /// Words after which a grant sentence states its conditions.
  fileprivate static let grantConditionStarts: PhraseSet = [
    "provided that", "provided however", "provided further", "provided always", "on condition that",
    "on the condition that", "subject to the following",
  ]
  fileprivate static let releaseOrDedicate: PhraseSet = ["release", "releases", "dedicate", "dedicates"]
  fileprivate static let herebyDedicated: PhraseSet = [
    "hereby released", "hereby placed", "hereby dedicated", "hereby release", "hereby place", "hereby dedicate",
  ]
  fileprivate static let byTheLicensor: PhraseSet = [
    "by licensor", "by the licensor", "by us", "by the company", "by the vendor", "by the supplier",
    "by the provider", "by the publisher", "by the owner",
  ]
  fileprivate static let otherMaterial: PhraseSet = [
    "portions", "parts of", "third party", "third-party", "derived from", "based on", "taken from", "except",
    "not in the public domain", "examples", "code examples", "sample code", "samples",
  ]
  fileprivate static let wouldCause: PhraseSet = ["would cause", "could cause", "cause the", "result in"]
  fileprivate static let copyrightLicenseCopyrightLicence: PhraseSet = [
    "copyright license", "copyright licence", "copyright",
  ]
  fileprivate static let obtainACopyNot: PhraseSet = ["obtain a copy", "not use this file except", "at your option"]
  fileprivate static let terminateTerminates: PhraseSet = [
    "terminate", "terminates", "terminated", "shall terminate", "will terminate",
  ]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let makeUse: PhraseSet = ["make", "use", "sell", "offer for sale", "practice", "import"]
}

extension ClauseParameters {
  /// Adds the grant flags set in `other` (rights untouched).
  mutating func mergeFlags(_ other: ClauseParameters) {
    if other.royaltyFree == true { royaltyFree = true }
    if other.worldwide == true { worldwide = true }
    if other.perpetual == true { perpetual = true }
    if other.irrevocable == true { irrevocable = true }
    if other.nonExclusive == true { nonExclusive = true }
    if other.nonTransferable == true { nonTransferable = true }
    if other.limited == true { limited = true }
  }
}

extension PhraseSet {
  fileprivate static let coversIncludes: PhraseSet = [
    "covers", "also covers", "includes", "extends to", "allows", "lets you", "permits",
  ]
  fileprivate static let mayUseOutputs: PhraseSet = [
    "you may use outputs", "you may use the outputs", "you may use any outputs", "outputs may be used",
    "you are free to use outputs", "you are free to use the outputs", "you are free to use", "you may freely use",
  ]
  fileprivate static let transferAssign: PhraseSet = ["transfer", "assign"]
  fileprivate static let licenceObjects: PhraseSet = [
    "license*", "licence*", "this agreement", "these terms", "your rights", "rights under", "any rights",
  ]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let grants: [PhraseSet] =
    [
      GrantWords.triggers,
      GrantWords.patentObject,
      GrantWords.negatedGrant,
      GrantWords.royaltyFree,
      GrantWords.worldwide,
      GrantWords.perpetual,
      GrantWords.irrevocable,
      GrantWords.nonExclusive,
      GrantWords.nonTransferable,
      GrantWords.limited,
      GrantWords.purposeBound,
      GrantWords.carvedOut,
      CopyrightGrantRule.anaphora,
      CopyrightGrantRule.notGrants,
      CopyrightGrantRule.contributorDeclares,
      CopyrightGrantRule.conditionsFollow,
      PublicDomainRule.dedication,
      PublicDomainRule.dedicates,
      PublicDomainRule.theWork,
      PatentGrantRule.triggers,
      OutputRightsRule.licenseeOwns,
      OutputRightsRule.noClaim,
      OutputRightsRule.noRestriction,
      OutputRightsRule.resultsOnly,
      OutputRightsRule.claimOwnership,
      OutputRightsRule.licensorOwns,
      PhraseSet.grantConditionStarts,
      PhraseSet.releaseOrDedicate,
      PhraseSet.herebyDedicated,
      PhraseSet.byTheLicensor,
      PhraseSet.otherMaterial,
      PhraseSet.wouldCause,
      PhraseSet.copyrightLicenseCopyrightLicence,
      PhraseSet.obtainACopyNot,
      PhraseSet.terminateTerminates,
      PhraseSet.makeUse,
      PhraseSet.coversIncludes,
      PhraseSet.mayUseOutputs,
      PhraseSet.transferAssign,
      PhraseSet.licenceObjects,
    ]
    + GrantWords.rights.map(\.0)
}
