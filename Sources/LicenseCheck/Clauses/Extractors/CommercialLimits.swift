// Limits that commercial and source-available licences put on use: non-production only, no competing
// products, trial periods and change dates, seat and device counts. Each kind is one rule.

/// `production-use`: use is limited to development, testing, evaluation or other non-production use.
struct ProductionUseRule: ClauseRule {
  static let production: PhraseSet = [
    "production use", "production uses", "production environment", "production environments",
    "production purposes", "production purpose", "production system", "production systems", "in production",
    "into production", "production deployment", "production deployments", "production workload*",
    "non production", "nonproduction", "live environment", "live environments", "production setting*",
    "production server*", "production capacity",
  ]
  static let devTest: PhraseSet = [
    "development and testing", "development and test", "development, testing", "testing and development",
    "development purposes", "testing purposes", "test purposes", "internal development", "internal testing",
    "demonstration purposes", "development or testing", "test and development", "development and evaluation",
    "prototyping", "non production", "nonproduction", "testing and evaluation", "evaluation and testing",
    "development, test", "evaluation purposes", "internal evaluation",
  ]
  static let only: PhraseSet = [
    "only", "solely", "exclusively", "limited to", "restricted to", "strictly", "sole purpose", "no other purpose",
  ]
  static let needsLicence: PhraseSet = [
    "requires a", "require a", "required to obtain", "must obtain", "must purchase", "need to obtain",
    "need a", "needs a", "subscription", "commercial license", "separate license", "paid license",
    "must acquire", "must enter into", "requires an", "written agreement", "enterprise license",
  ]
  /// Statements about fitness, not limits ("not intended for production use").
  static let fitness: PhraseSet = [
    "intended for", "designed for", "suitable for", "recommended for", "warrant*", "liable", "fitness",
    "as is", "ready for",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard v.mayContain(production) || v.mayContain(devTest) else { continue }
      var prod = v.first(production)
      // "You may not share it, other than for non-production user testing": non-production named as the
      // exception to a ban permits that use; it limits nothing.
      if let p = prod, ["non", "nonproduction"].contains(v.word(p.lowerBound)),
        v.first(.exceptionWords, in: Swift.max(0, p.lowerBound - 4)..<p.lowerBound) != nil
      {
        prod = nil
      }
      guard let hit = prod ?? v.first(devTest) else { continue }
      let banned = v.has(Lexicon.prohibition) || ctx.inBanList[v.index]
      if v.has(fitness) && !v.has(.mayNotShallNot) { continue }
      // "grants you the right to copy, modify and make non-production use": use is granted short of production.
      let nonProduction =
        prod.map {
          ["non", "nonproduction"].contains(v.word($0.lowerBound)) && $0.upperBound < v.count
            && ["use", "uses"].contains(v.word($0.upperBound)) && v.has(.grantsRightTo)
        } ?? false
      // "… to use the software only for your own internal production use on up to two servers": the
      // "only" bounds a grant that includes production; it does not keep production out.
      if let p = prod, !banned, !nonProduction, !v.has(needsLicence),
        !["non", "nonproduction"].contains(v.word(p.lowerBound)),
        let o = v.first(only, in: Swift.max(0, p.lowerBound - 8)..<p.lowerBound),
        v.first(devTest, in: o.lowerBound..<p.lowerBound) == nil,
        // "solely for research and not for production use", "including but not limited to production".
        !v.negated(before: p.lowerBound, window: 3), !v.negated(before: o.lowerBound, window: 2)
      {
        continue
      }
      if let p = prod, banned || v.has(needsLicence) || v.has(only) || nonProduction {
        out.append(ctx.clause(.productionUse, in: v, evidence: p))
      } else if prod == nil, v.has(only), !v.has(.researchWord) {
        out.append(ctx.clause(.productionUse, in: v, evidence: hit))
      }
    }
    return out
  }
}

/// `competing-use`: the work may not be used to build or offer something that competes with the licensor.
struct CompetingUseRule: ClauseRule {
  static let competing: PhraseSet = [
    "competing", "compete", "competes", "competitive with", "competitive product*", "competitive service*",
    "competitive offering*", "competitively", "in competition with", "substitute for", "substitutes for",
    "directly competitive", "competitive to",
  ]
  static let acts: PhraseSet = [
    "develop*", "build*", "create*", "creating", "design*", "offer*", "provide", "providing", "market*", "sell*",
    "make", "making", "use", "using", "improve*", "train*", "distribute*", "produce", "license", "commercialize*",
    "commercialise*", "include", "including", "incorporate*",
  ]
  /// A permission carved out before the competing use: "any purpose is permitted, except providing to
  /// others a product that competes with the software".
  static let carveOut: PhraseSet = ["except", "except for", "other than", "excluding", "save for"]
  /// Competition law and competitive bidding are not bans on competing.
  static let notABan: PhraseSet = [
    "competition law*", "anti competitive", "anticompetitive", "competitive bidding", "unfair competition",
    "competitive advantage", "competitive harm", "competitive position",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence || ctx.role == .policy else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard v.mayContain(competing), let c = v.first(competing) else { continue }
      if v.has(notABan) || v.has(.warrantLiableCompete) { continue }
      // Competitors as persons who may not be licensees are a user restriction, not a ban on a use.
      if v.has(.personsNotOffered) { continue }
      // "A permitted purpose is any purpose other than a Competing Use": the defined use is the act.
      let competingUse = c.upperBound < v.count && ["use", "uses"].contains(v.word(c.upperBound))
      let carvedOut = v.find(carveOut).contains {
        $0.upperBound <= c.lowerBound && c.lowerBound - $0.lowerBound <= 16
          && (v.first(acts, in: $0.upperBound..<c.lowerBound) != nil
            || (competingUse && c.lowerBound - $0.upperBound <= 2))
      }
      guard v.has(Lexicon.prohibition) || ctx.inBanList[v.index] || v.has(.conditionedOnNotCompeting) || carvedOut
      else {
        continue
      }
      // "Your products may not compete with the software": the verb is the act.
      let competeBanned = v.word(c.lowerBound) == "compete" && v.negated(before: c.lowerBound, window: 3)
      guard let a = v.first(acts) ?? (competingUse || competeBanned ? c : nil) else { continue }
      // "do not include on the media third-party software meant as a substitute for the Software": a
      // bundling rule, not a ban on competing.
      if v.word(c.lowerBound).hasPrefix("substitute"), v.word(a.lowerBound).hasPrefix("includ") { continue }
      out.append(ctx.clause(.competingUse, in: v, evidence: ExtractionContext.cover(a, c)))
    }
    return out
  }
}

/// `product-tie`: the rights hold only for use with a particular product, device, platform or service
/// ("… for use with Acme products only", "licensed for use only with Acme Devices", "… for use in
/// connection with the web services provided by Acme"): firmware, chip-vendor SDKs, platform SDKs.
struct ProductTieRule: ClauseRule {
  static let tie: PhraseSet = [
    "for use with", "for use only with", "only for use with", "use only with", "used only with",
    "for use solely with", "solely for use with", "exclusively for use with", "for use exclusively with",
    "in conjunction with", "in connection with", "in combination with", "only with", "solely with",
    "exclusively with", "for use on", "only on", "solely on", "to run on",
  ]
  static let only: PhraseSet = ["only", "solely", "exclusively"]
  static let products: PhraseSet = [
    "product", "products", "device", "devices", "hardware", "chip", "chips", "chipset*", "processor*",
    "microcontroller*", "microprocessor*", "platform", "platforms", "board", "boards", "silicon",
    "integrated circuit*", "semiconductor*", "web services", "apis", "api", "sensor*", "adapter*", "controller*",
  ]
  /// Capitalised words that do not name a vendor or product.
  static let notVendor: Set<String> = [
    "the", "this", "these", "you", "your", "licensee", "licensee's", "software", "a", "an", "any", "such", "other",
    "product", "products", "device", "devices", "hardware",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard v.mayContain(tie), v.has(GrantWords.triggers) || v.has(.licensedWord) else { continue }
      for t in v.find(tie) {
        if v.negated(before: t.lowerBound, window: 3) { continue }
        let after = t.upperBound..<Swift.min(v.count, t.upperBound + 8)
        guard let obj = v.first(products, in: after) else { continue }
        // A named vendor or product before the object word ("Acme products", "TI Devices", "services
        // provided by Acme"): "only on devices you own" is a limit on copies, not a tie to a product.
        // (In ALL-CAPS text capitals name nothing; "only on that number of Sensors" counts copies.)
        let shouting = v.rawWord(t.lowerBound).allSatisfy { $0.isUppercase }
        let named =
          !shouting
          && (t.upperBound..<Swift.min(v.count, obj.upperBound + 4)).contains {
            v.isCapitalised($0) && !notVendor.contains(v.word($0))
          }
        guard named, !(t.upperBound..<obj.lowerBound).contains(where: { v.word($0) == "number" }) else { continue }
        // "only" near the tie, or a grant whose purpose is the tie ("… to use, copy and distribute the
        // software for use with Acme devices").
        let near = Swift.max(0, t.lowerBound - 3)..<Swift.min(v.count, obj.upperBound + 3)
        let forUse =
          v.word(t.lowerBound) == "for"
          || (t.lowerBound >= 2 && v.word(t.lowerBound - 2) == "for" && v.word(t.lowerBound - 1) == "use")
        let restricted = v.first(only, in: near) != nil || (forUse && v.first(GrantWords.triggers) != nil)
        guard restricted else { continue }
        if v.has(.notLimitedTo) { continue }
        out.append(ctx.clause(.productTie, in: v, evidence: ExtractionContext.cover(t, obj)))
        break
      }
    }
    return out
  }
}

/// `time-limit`: rights last only a period (a trial), or the licence changes at a date.
struct TimeLimitRule: ClauseRule {
  static let trial: PhraseSet = [
    "trial period", "evaluation period", "trial license", "free trial", "trial version", "trial use",
    "evaluation term", "trial term", "trial basis", "trial subscription", "trial", "period of evaluation",
    "demonstration period", "demo period",
  ]
  /// Evaluation bounded by a number of days with no "trial" word: "use to evaluate whether the software
  /// suits you for less than 32 consecutive days is a permitted purpose".
  static let evaluate: PhraseSet = ["evaluate", "evaluating", "evaluation", "demonstration"]
  static let atMost: PhraseSet = [
    "for less than", "for up to", "for no more than", "for not more than", "for a maximum of", "for at most",
  ]
  static let changeDate: PhraseSet = ["change date", "conversion date", "converts to", "convert to", "change license"]
  static let expires: PhraseSet = [
    "expire*", "expiration", "expiry", "terminate* automatically", "automatically terminate*", "ends", "end after",
    "for a period of", "for a term of", "limited to", "days", "day", "period",
  ]
  /// "effective on the second anniversary of the date we release the software": a change date counted
  /// in years.
  static let ordinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
  ]
  /// A later licence taking effect: the words that make an anniversary a change date.
  static let takesEffect: PhraseSet = [
    "effective on", "effective as of", "becomes effective", "take effect", "takes effect", "grant*",
    "converts", "convert", "will be licensed", "shall be licensed", "is licensed under",
  ]
  /// The licence or agreement lasting for a stated time: a term, not a trial.
  static let lasts: PhraseSet = [
    "remain in force until", "remains in force until", "remain in effect until", "remains in effect until",
    "expires at such time", "expires on the", "expires upon the", "expires at the end",
    "is effective for a period", "valid for a period", "remain valid until", "remains valid until",
    "will expire at the end", "shall expire at the end",
  ]
  /// "The term of this agreement is one (1) year": a term only with its length ("any term of this
  /// agreement is invalid" is a provision, "the term … is perpetual" no limit).
  static let termIs: PhraseSet = [
    "the term of this agreement is", "the term of this agreement shall be", "the term of this license is",
    "the term of this licence is", "initial term of this agreement is", "the term of your license is",
    "the term of the license is",
  ]
  static let unitWords: [String: Int] = [
    "day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365,
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // "You may convert to and distribute this work in any format" converts a file, not the licence:
      // "convert(s) to" is a change date only beside a licence.
      if let c = v.first(changeDate),
        (v.word(c.lowerBound) != "change" && !v.word(c.lowerBound).hasPrefix("convert"))
          || v.isCapitalised(c.lowerBound)
          || v.has(.licenseWord)
      {
        var p = ClauseParameters()
        p.limitType = "change-date"
        p.days = days(in: v) ?? anniversary(in: v)?.days
        out.append(ctx.clause(.timeLimit, in: v, evidence: c, parameters: p))
        continue
      }
      // "We grant you an additional license under X, effective on the second anniversary of the date
      // we make the software available": a change date with no such name.
      if let a = anniversary(in: v), v.has(takesEffect), v.has(.licenseWord) || v.has(.grantOrUse),
        !v.negated(before: a.range.lowerBound, window: 4)
      {
        var p = ClauseParameters()
        p.limitType = "change-date"
        p.days = a.days
        out.append(ctx.clause(.timeLimit, in: v, evidence: a.range, parameters: p))
        continue
      }
      // "The licence remains in force until the end of the subscription term", "the initial term of
      // this agreement is one (1) year": the grant lasts a term.
      if let l = v.first(lasts) ?? v.first(termIs), !v.negated(before: l.lowerBound, window: 3),
        !v.has(.notATermStart)
      {
        var p = ClauseParameters()
        p.limitType = "term"
        p.days = days(in: v, from: l.upperBound, within: 12)
        if p.days != nil || v.first(lasts) != nil {
          out.append(ctx.clause(.timeLimit, in: v, evidence: l, parameters: p))
        }
      }
      guard v.mayContain(trial), let t = v.first(trial) else {
        if let e = v.first(evaluate), let m = v.first(atMost), let d = days(in: v),
          !v.negated(before: e.lowerBound, window: 3)
        {
          var p = ClauseParameters()
          p.limitType = "trial"
          p.days = d
          out.append(ctx.clause(.timeLimit, in: v, evidence: ExtractionContext.cover(e, m), parameters: p))
          continue
        }
        // "a licence … only for ninety (90) days": a fixed term on the grant itself.
        if let f = v.first(.forAPeriod), v.has(.grantOrUse), !v.has(.notATerm), let d = days(in: v) {
          var p = ClauseParameters()
          p.limitType = "term"
          p.days = d
          out.append(ctx.clause(.timeLimit, in: v, evidence: f, parameters: p))
        }
        continue
      }
      // A bare "trial" or a title ("Evaluation License") needs a period or an expiry beside it ("a 30-day
      // trial", "the trial expires").
      if t.count == 1 || v.count <= 6, !v.has(expires) { continue }
      // "you comply, now and during the trial term, with …" refers to a trial set elsewhere: without a
      // period or an expiry the sentence states no limit.
      if v.first(.duringThe, in: Swift.max(0, t.lowerBound - 2)..<t.lowerBound) != nil, !v.has(expires) { continue }
      if v.has(.warrantLiableCompete) && !v.has(expires) { continue }
      var p = ClauseParameters()
      p.limitType = "trial"
      // The period nearest the trial word ("a 30 day free trial", "a trial period of 14 days") before
      // the first in the sentence (an initial paid term may come first).
      p.days = days(in: v, from: Swift.max(0, t.lowerBound - 4), within: t.count + 10) ?? days(in: v)
      out.append(ctx.clause(.timeLimit, in: v, evidence: t, parameters: p))
    }
    return out
  }

  /// "the Nth anniversary": the ordinal's years in days, and the words.
  static let anniversaryHash = wordHash("anniversary")

  static func anniversary(in v: SentenceView) -> (days: Double, range: Range<Int>)? {
    // Compared by hash: this runs on every sentence, and a `String` per word cost more than the rule.
    for i in 1..<Swift.max(1, v.count) where v.hashes[i] == anniversaryHash {
      if let n = ordinals[v.word(i - 1)] { return (Double(n * 365), (i - 1)..<(i + 1)) }
    }
    return nil
  }

  /// The first "N days/months/years" of a sentence, in days; with `from`, the first whose unit word
  /// lies in `from ..< from + within`.
  static func days(in v: SentenceView, from: Int = 0, within: Int = Int.max) -> Double? {
    let end = within == Int.max ? v.count : Swift.min(v.count, from + within)
    for i in from..<Swift.max(from, end) {
      guard let unit = unitWords[v.word(i)], i > 0 else { continue }
      // "until 30/06/2014 (day/month/year)": a date format, not a period.
      if i + 1 < v.count, unitWords[v.word(i + 1)] != nil { continue }
      // "thirty (30) days": the digits win; "30-day": the tokeniser splits at the hyphen.
      var k = i - 1
      while k >= 0, ["(", ")", "-", "calendar", "business", "consecutive"].contains(v.word(k)) { k -= 1 }
      guard k >= 0, let n = SeatLimitRule.number(v.word(k)) else { continue }
      return Double(n * unit)
    }
    return nil
  }
}

/// `seat-limit`: use is limited to a number of users, devices, computers, CPUs, servers, instances or copies.
struct SeatLimitRule: ClauseRule {
  static let units: [String: String] = [
    "user": "users", "users": "users", "seat": "users", "seats": "users", "device": "devices",
    "devices": "devices", "computer": "computers", "computers": "computers", "machine": "computers",
    "machines": "computers", "workstation": "computers", "workstations": "computers", "cpu": "cpus",
    "cpus": "cpus", "processor": "cpus", "processors": "cpus", "core": "cpus", "cores": "cpus", "server": "servers",
    "servers": "servers", "instance": "instances", "instances": "instances", "copy": "copies", "copies": "copies",
    "developer": "users", "developers": "users", "vcpu": "cpus", "vcpus": "cpus", "node": "servers",
    "nodes": "servers",
  ]
  /// The keys of `units` as word hashes: most words of a sentence are none, and are passed over
  /// without making a `String` of them.
  static let unitWords = WordSet(units.keys.map(wordHash))
  /// Words between a count and its unit ("two named users", "one (1) physical computer").
  static let countToUnit = WordSet(
    [
      "(", ")", "-", "named", "concurrent", "physical", "virtual", "individual", "end", "licensed", "designated",
      "authorized", "authorised",
    ].map(wordHash))
  static let leastHash = wordHash("least")
  static let limiters: PhraseSet = [
    "up to", "no more than", "not more than", "not exceed", "maximum", "at most", "single", "only", "one",
    "limited to", "not to exceed", "per license", "for each", "upper limit of",
  ]
  /// Backup and archive copies are an extra permission, not a limit on use.
  static let skip: PhraseSet = [
    "backup", "back up", "archival", "archive", "monthly active",
    "active users", "daily active", "copy of this license", "copy of the license", "copies of this license",
    "copy of this agreement", "copy of the agreement", "copies of the agreement", "copies of the software and",
    "copy of the gnu", "all copies", "copies or substantial",
    "verbatim copies",
  ]
  /// Counts that lift a limit: they cancel only the count they stand beside ("up to two servers for
  /// production, or an unlimited number of servers for development").
  static let unlimited: PhraseSet = ["one or more", "any number", "unlimited"]
  static let numberWords: [String: Int] = [
    "one": 1, "single": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "ninety": 90, "hundred": 100,
  ]

  static func number(_ w: String) -> Int? {
    if let n = numberWords[w], w != "a" { return n }
    guard !w.isEmpty, w.utf8.count <= 9, w.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return Int(w)
  }

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard v.mayContain(limiters), v.has(limiters), !v.has(skip) else { continue }
      guard v.has(.installUse) else { continue }
      // One clause per unit a sentence limits ("a single developer, on one computer").
      var seen: Set<String> = []
      for i in 1..<max(1, v.count) {
        guard unitWords.contains(v.hashes[i]), let unit = units[v.word(i)], !seen.contains(unit) else { continue }
        var k = i - 1
        while k > 0, countToUnit.contains(v.hashes[k]) { k -= 1 }
        guard let n = number(v.word(k)) else { continue }
        // "at least one device": a floor, not a cap.
        if k > 0, v.hashes[k - 1] == leastHash { continue }
        if v.first(unlimited, in: Swift.max(0, k - 4)..<(i + 1)) != nil { continue }
        // "one copy of the software" in a permission to copy without limit is not a cap: need a limiter
        // word near the count or a "single".
        let near = v.first(limiters, in: max(0, k - 3)..<min(v.count, i + 1)) != nil
        guard near else { continue }
        var p = ClauseParameters()
        p.unit = unit
        p.limit = Double(n)
        out.append(ctx.clause(.seatLimit, in: v, evidence: k..<(i + 1), parameters: p))
        seen.insert(unit)
      }
    }
    if out.isEmpty, let c = perSeat(ctx) { out.append(c) }
    return out
  }

  /// Licences counted per person without a fixed number: "Licensee must hold a valid licence for every
  /// developer who uses the software", "the number of developers licensed must match …".
  static let perPerson: PhraseSet = [
    "for each developer", "for every developer", "for all developers", "for each user", "for every user",
    "for each named user", "per developer", "per named user", "per seat", "number of developers",
    "number of licensed developers", "number of seats", "for each seat", "for every seat",
    "up to the number of users", "by the number of users", "number of users per", "correct number of users",
    "amount of user seats",
  ]
  static let licensedOrBought: PhraseSet = ["license", "licenses", "licensed", "purchase*", "subscription*"]

  static func perSeat(_ ctx: ExtractionContext) -> Clause? {
    for v in ctx.sentences() {
      guard let m = v.first(perPerson), v.has(licensedOrBought), v.has(.seatDuty),
        !v.has(skip), !v.has(unlimited), !v.negated(before: m.lowerBound, window: 4)
      else { continue }
      var p = ClauseParameters()
      p.unit = "users"
      return ctx.clause(.seatLimit, in: v, evidence: m, parameters: p)
    }
    return nil
  }
}

extension PhraseSet {
  fileprivate static let mayNotShallNot: PhraseSet = [
    "may not", "shall not", "must not", "not permitted", "prohibited",
  ]
  fileprivate static let researchWord: PhraseSet = ["research"]
  fileprivate static let warrantLiableCompete: PhraseSet = ["warrant*", "liable", "liability"]
  fileprivate static let conditionedOnNotCompeting: PhraseSet = [
    "provided that you do not", "as long as you do not", "so long as you do not", "unless you",
    "if you compete", "if you or", "in the event that you",
  ]
  fileprivate static let licenseWord: PhraseSet = ["license", "licensed"]
  /// Sentences about what happens when a term ends, not how long it lasts.
  fileprivate static let notATermStart: PhraseSet = [
    "upon expiration", "upon expiry", "upon termination", "after expiration", "after termination", "surviv*",
    "until terminated", "until it is terminated", "unless terminated", "until termination", "unless earlier",
    // Survival: "terms that by their nature extend beyond termination remain in effect until fulfilled".
    "until fulfilled", "extend beyond", "by their nature",
  ]
  fileprivate static let duringThe: PhraseSet = ["during the", "throughout the", "during any", "during your"]
  fileprivate static let forAPeriod: PhraseSet = ["only for", "for a period of", "for a term of"]
  fileprivate static let grantOrUse: PhraseSet = ["grant*", "license", "licence", "licensed", "use the", "install"]
  /// Periods that are not the life of the grant: notice, cure, records, warranty and survival periods.
  fileprivate static let notATerm: PhraseSet = [
    "notice", "cure", "records", "warrant*", "audit", "after termination", "surviv*", "retain", "refund",
    "within", "invoice", "payment", "written notice", "at least", "offer", "source code",
  ]
  fileprivate static let personsNotOffered: PhraseSet = [
    "not offered to", "exercised by", "competitor", "competitors", "is not available to", "are not eligible",
  ]
  fileprivate static let installUse: PhraseSet = [
    "install*", "use", "used", "usage", "run", "running", "access*", "deploy*", "operate", "licensed for",
    "license for",
    "licensed", "copies", "copy",
  ]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let licensedWord: PhraseSet = ["licensed", "licenced", "permitted", "authorized", "authorised"]
  fileprivate static let notLimitedTo: PhraseSet = ["not limited to", "including without limitation"]
  /// A count that binds ("must", "cannot exceed"), not one an order merely states ("will identify").
  fileprivate static let seatDuty: PhraseSet = [
    "must", "shall", "required", "cannot exceed", "may not exceed", "not exceed", "limited to", "up to", "only",
  ]
  fileprivate static let exceptionWords: PhraseSet = ["other than", "except", "excluding", "unless", "save"]
  fileprivate static let grantsRightTo: PhraseSet = ["grant*", "right to", "you may", "licensed to", "permitted to"]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let commercialLimits: [PhraseSet] = [
    ProductionUseRule.production,
    ProductionUseRule.devTest,
    ProductionUseRule.only,
    ProductionUseRule.needsLicence,
    ProductionUseRule.fitness,
    CompetingUseRule.competing,
    CompetingUseRule.acts,
    CompetingUseRule.carveOut,
    CompetingUseRule.notABan,
    ProductTieRule.tie,
    ProductTieRule.only,
    ProductTieRule.products,
    TimeLimitRule.trial,
    TimeLimitRule.evaluate,
    TimeLimitRule.atMost,
    TimeLimitRule.changeDate,
    TimeLimitRule.expires,
    TimeLimitRule.takesEffect,
    TimeLimitRule.lasts,
    TimeLimitRule.termIs,
    SeatLimitRule.limiters,
    SeatLimitRule.skip,
    SeatLimitRule.unlimited,
    SeatLimitRule.perPerson,
    SeatLimitRule.licensedOrBought,
    PhraseSet.mayNotShallNot,
    PhraseSet.researchWord,
    PhraseSet.warrantLiableCompete,
    PhraseSet.conditionedOnNotCompeting,
    PhraseSet.licenseWord,
    PhraseSet.notATermStart,
    PhraseSet.duringThe,
    PhraseSet.forAPeriod,
    PhraseSet.grantOrUse,
    PhraseSet.notATerm,
    PhraseSet.personsNotOffered,
    PhraseSet.installUse,
    PhraseSet.licensedWord,
    PhraseSet.notLimitedTo,
    PhraseSet.seatDuty,
    PhraseSet.exceptionWords,
    PhraseSet.grantsRightTo,
  ]
}
