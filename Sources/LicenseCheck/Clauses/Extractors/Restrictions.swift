// Restrictions: acceptable-use-policy, non-commercial, research-only, output-use, territory,
// user-restriction, hosted-service, trademark, no-reverse-engineering.

/// `acceptable-use-policy`: a use policy is incorporated, inline or by reference.
struct AcceptableUsePolicyRule: ClauseRule {
  static let policy: PhraseSet = [
    "acceptable use policy", "prohibited use policy", "use policy", "usage policy", "acceptable use",
    "responsible use guide", "code of conduct", "usage guidelines", "use guidelines", "acceptable use guidelines",
    // "You must follow any policies made available to you within the Services", "adhere to the policies posted".
    "any policies", "policies posted", "policies made available", "policies published", "usage policies",
    "use policies", "acceptable use policies",
    // "See use restrictions at <path>": restrictions kept outside the text, as a policy is.
    "use restrictions at", "usage restrictions at", "use restrictions available at",
  ]
  static let incorporate: PhraseSet = [
    "incorporated", "incorporated by reference", "comply", "complies", "adhere", "subject to", "abide",
    "in accordance with", "available at", "hereby incorporated", "bound by", "must not", "you agree",
    "not to use", "follow", "conform", "forms part of", "form part of", "part of these terms", "part of this agreement",
    "consistent with", "violate", "restrictions at",
  ]
  static let updatable: PhraseSet = [
    "from time to time", "updated", "update", "may be amended", "may be modified", "may change", "modify",
    "revise", "amend",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    if ctx.role == .policy { return policyItself(ctx) }
    var out: [Clause] = []
    var updatableDoc = false
    for v in ctx.views where (v.has(policy) || v.has(.thePolicy)) && v.has(updatable) && !v.has(.thisAgreement) {
      updatableDoc = true
    }
    // Defined terms that name a policy ("“AUP” means the … Acceptable Use Policy available at …").
    let aliases = ctx.definedTerms(whoseDefinitionHas: policy)
    for v in ctx.sentences() {
      let viaAlias = aliases.first { v.has($0.term) }
      guard let pol = v.first(policy) ?? viaAlias.flatMap({ v.first($0.term) }), let inc = v.first(incorporate)
      else { continue }
      // Trademark guidelines are not a use policy for the work.
      if v.has(.marksTrademark) { continue }
      // "There is no acceptable use policy attached to this licence".
      if v.negated(before: pol.lowerBound, window: 2) { continue }
      if v.has(.flowDown) { continue }
      var p = ClauseParameters()
      if let url = firstURL(v) ?? viaAlias.flatMap({ firstURL($0.definition) }) {
        p.reference = url
      } else if v.has(.attachmentA) {
        p.reference = "Attachment A"
      } else if let name = properName(around: pol, in: v) {
        // "the Jacana Responsible Use Guidelines that accompany this licence": the policy's own name.
        p.reference = name
      }
      if v.has(updatable) || updatableDoc || (viaAlias?.definition.has(updatable) ?? false) { p.updatable = true }
      out.append(ctx.clause(.acceptableUsePolicy, in: v, evidence: ExtractionContext.cover(pol, inc), parameters: p))
      if out.count >= 3 { break }
    }
    return out
  }

  /// A policy document is itself the incorporated policy: one clause at its title.
  static func policyItself(_ ctx: ExtractionContext) -> [Clause] {
    let seg = ctx.sentences(includingDefinitions: true)
    // The title is usually a heading line, which rules otherwise skip.
    let all = Array(ctx.views[ctx.active])
    guard
      let titleView = all.first(where: { $0.has(policy) && $0.count <= 10 }) ?? seg.first(where: { $0.has(policy) })
        ?? seg.first
    else { return [] }
    var p = ClauseParameters()
    if let url = seg.lazy.compactMap({ firstURL($0) }).first {
      p.reference = url
    } else if let m = titleView.first(policy) {
      // The policy's own name: the title words up to and including "Policy".
      p.reference = titleView.raw(0..<m.upperBound)
    }
    if seg.contains(where: { $0.has(updatable) && $0.has(policy) }) { p.updatable = true }
    return [ctx.clause(.acceptableUsePolicy, in: titleView, evidence: titleView.first(policy), parameters: p)]
  }

  /// The run of capitalised words containing a match, when it names a document ("Acme Acceptable
  /// Use Policy"); nil for lower-case mentions ("the acceptable use policy").
  static func properName(around m: Range<Int>, in v: SentenceView) -> String? {
    guard (m.lowerBound..<m.upperBound).allSatisfy({ v.isCapitalised($0) }) else { return nil }
    var lo = m.lowerBound
    while lo > 0, m.lowerBound - lo < 4, v.isCapitalised(lo - 1), v.word(lo - 1) != "the" { lo -= 1 }
    var hi = m.upperBound
    while hi < v.count, hi - m.upperBound < 2, v.isCapitalised(hi), v.word(hi) != "the" { hi += 1 }
    guard hi - lo > m.count else { return nil }
    return v.raw(lo..<hi)
  }

  static func firstURL(_ v: SentenceView) -> String? {
    for i in 0..<v.count where v.text.tokens[v.wordTokens[i]].kind == .url {
      return String(v.rawWord(i))
    }
    return nil
  }
}

/// `non-commercial`: commercial use is excluded.
struct NonCommercialRule: ClauseRule {
  static let nc: PhraseSet = [
    "non commercial use", "non commercial purpose*", "noncommercial use", "noncommercial purpose*",
    "non commercial license", "non commercial licence", "noncommercial license", "noncommercial licence",
    "non commercial research", "noncommercial research", "non commercial only", "non commercial basis",
    "non commercial uses", "noncommercial uses", "non commercial manner", "noncommercial",
    "non commercial", "not for commercial", "no commercial", "not commercial", "non commercially", "noncommercially",
    "commercial intent",
    "commercial use is prohibited", "commercial purposes", "commercial use", "commercially", "commercial advantage",
    "monetary compensation", "commercial gain", "commercial purpose",
  ]
  static let restrictive: PhraseSet = [
    "only", "solely", "exclusively", "limited to", "restricted to", "strictly", "not", "no", "prohibited",
    "may not", "shall not", "must not", "except",
  ]
  static let permissive: PhraseSet = [
    "commercial use is permitted", "including commercial", "commercial and non commercial",
    "commercial or non commercial", "commercial and noncommercial", "commercial or noncommercial",
    "for any purpose", "even for commercial", "commercial use is allowed", "including commercially",
    "commercial purposes are permitted", "commercially or", "may use commercially", "commercial terms",
    "additional commercial terms",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    // A licence that also grants commercial use ("for any Research & Non-Commercial or Commercial
    // purpose", a "Commercial License" tier) is tiered, not non-commercial.
    let commercialTier = ctx.sentences(includingDefinitions: false).contains { v in
      v.has(.orCommercialPurposeAnd)
    }
    if commercialTier { return [] }
    // "You may also make production use of the Licensed Work": non-production is not the limit.
    let productionAllowed = ctx.sentences(includingDefinitions: false).contains { v in
      v.has(.mayMakeProductionUse)
    }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let m = v.first(nc) else { continue }
      let bare = ["noncommercial", "commercial"].contains(v.word(m.upperBound - 1))
      // A bare adjective ("only for noncommercial distribution" of an offer) needs use or purpose nearby.
      // "solely for non-commercial, non-revenue generating, research purposes": a few adjectives may
      // stand between the bare word and the use or purpose it qualifies.
      if bare,
        v.first(.useUses, in: m.upperBound..<Swift.min(v.count, m.upperBound + 2)) == nil,
        v.first(.purposeUse, in: m.upperBound..<Swift.min(v.count, m.upperBound + 5)) == nil
      {
        continue
      }
      // The adverb ("may be used non-commercially") restricts a use; "a non-commercially developed
      // program" describes how the work was made.
      if ["non", "noncommercially"].contains(v.word(m.lowerBound)), v.word(m.upperBound - 1).hasSuffix("ally"),
        v.first(Lexicon.useVerbs, in: Swift.max(0, m.lowerBound - 4)..<m.lowerBound) == nil
      {
        continue
      }
      guard v.has(restrictive) || v.has(.nonCommercialNoncommercial) || v.has(.limitUseOf) else { continue }
      if v.has(permissive) { continue }
      let word = v.word(m.lowerBound)
      // "commercial use" only restricts when negated or limited ("not for commercial use").
      if word == "commercial" || word == "commercially" || word == "monetary" {
        // Negated nearby, or inside a ban on using the work ("you may not use the model … in anything
        // sold … or aimed at commercial advantage").
        let banned =
          ctx.inBanList[v.index]
          || v.first(Lexicon.prohibition).map { p in
            p.lowerBound < m.lowerBound
              && v.first(Lexicon.useVerbs, in: p.upperBound..<Swift.min(v.count, p.upperBound + 4)) != nil
          } ?? false
        // Outputs used commercially are about outputs, unless the sentence bans using the work itself
        // ("you may not use the model or its outputs in anything … aimed at commercial advantage").
        if (v.has(Lexicon.outputs) && !(banned && v.has(.theWorkItself))) || v.has(.soldCommerciallyMayBe) {
          continue
        }
        // "Use for commercial purposes … is not licensed hereunder": the refusal follows the use.
        // "Distribution … for profit or other commercial intent without the written consent of the holder
        // is prohibited": the refusal may also close the sentence, past a consent clause.
        let refusedAfter =
          v.first(.refusedAfter, in: m.upperBound..<Swift.min(v.count, m.upperBound + 10)) != nil
          || v.first(.refusedAfter, in: Swift.max(m.upperBound, v.count - 3)..<v.count) != nil
        // "You may not exercise any of the rights granted … in any manner intended for commercial advantage";
        // "you must limit use … directed toward commercial advantage to a trial period".
        let restrainedUse = v.has(.notExerciseRights) || v.has(.limitUseOf)
        guard
          v.negated(before: m.lowerBound, window: 6) || v.has(.notForNoCommercial) || banned || refusedAfter
            || restrainedUse
        else {
          continue
        }
        if v.has(.separateLicenseCommercialLicense) { continue }
      }
      if v.has(.warrantMerchantability) { continue }
      if productionAllowed, v.has(.nonProduction) { continue }
      // "All rights not expressly granted are reserved, including … to collect royalties for any use
      // … which results in commercial advantage": a reservation, not a restriction.
      if v.has(.reservedRoyalties) { continue }
      out.append(ctx.clause(.nonCommercial, in: v, evidence: m))
    }
    return out
  }
}

/// `research-only`: use is limited to research or evaluation.
struct ResearchOnlyRule: ClauseRule {
  static let research: PhraseSet = [
    "research purposes", "research use", "research only", "for research", "academic research",
    "evaluation purposes", "evaluation only", "non commercial research", "noncommercial research",
    "research and evaluation", "scientific research", "internal research", "research or evaluation",
    "evaluation use", "testing and evaluation", "non production", "nonproduction", "for the evaluation",
    "for evaluation", "to evaluate",
  ]
  static let only: PhraseSet = [
    "only", "solely", "exclusively", "limited to", "restricted to", "strictly", "sole purpose",
  ]
  static let permittedFor: PhraseSet = [
    "permitted for", "licensed for", "granted for", "permission for", "allowed for", "provided for",
  ]
  static let researchWords: PhraseSet = ["academic", "research", "educational", "scientific", "experimental"]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // "… are permitted for academic, research, experimental, or personal use": a permission whose
      // purposes are listed is limited to them, "only" or not.
      let listed = v.first(permittedFor).flatMap { p -> Range<Int>? in
        let after = p.upperBound..<Swift.min(v.count, p.upperBound + 8)
        guard !v.has(.anyPurposeCommercial), let w = v.first(researchWords, in: after) else { return nil }
        return w
      }
      guard let r = listed ?? v.first(research), listed != nil || v.has(only) else { continue }
      // "Internal research and development" (R&D) is a business activity, not a research-only limit.
      if v.has(.researchAndDevelopmentR) { continue }
      if v.has(.nothingNotLimitedTo) {
        continue
      }
      if v.has(.warrantLiable) { continue }
      out.append(ctx.clause(.researchOnly, in: v, evidence: r))
    }
    return out
  }
}

/// `output-use`: outputs may not be used to build or improve other models.
struct OutputUseRule: ClauseRule {
  static let improve: PhraseSet = [
    "improve", "train", "training", "develop", "developing", "create", "build", "enhance", "fine tune",
    "distill", "distil*", "compete", "competing", "refine", "improving", "enhancing",
  ]
  static let models: PhraseSet = [
    "large language model", "large language models", "language model", "ai model", "ai models", "model",
    "models", "machine learning", "artificial intelligence", "llm", "llms", "foundation model",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence || ctx.role == .policy else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let o = v.first(Lexicon.outputs), let i = v.first(improve),
        let m = v.first(models, in: i.lowerBound..<v.count)
      else { continue }
      guard v.has(Lexicon.prohibition) || ctx.inBanList[v.index] else { continue }
      // Permissions ("you may use outputs to train other models") are not bans.
      if v.has(.youMayUseAre) && !v.has(.not) {
        continue
      }
      var p = ClauseParameters()
      if v.has(.foundationFoundational) {
        p.scope = "other-foundation-models"
      } else if v.has(.competeCompeting) {
        p.scope = "competing-models"
      } else if v.has(.largeLanguageModelLarge) {
        p.scope = "other-large-language-models"
      } else {
        p.scope = "any-model"
      }
      out.append(
        ctx.clause(
          .outputUse, in: v, evidence: ExtractionContext.cover(ExtractionContext.cover(o, i), m), parameters: p))
    }
    return out
  }
}

/// Export and sanctions clauses that shut places or persons out of the licence. A clause that only
/// restates export law ("not to be exported except as the law allows, in particular not into an embargoed
/// country or to anyone on a denied-party list", the wording of OSI-approved APSL-1.0) stays
/// `export-control`. The licence itself excludes them when it names the countries (Cuba, Iran, "Country
/// Group E:1") next to a bar, or when the licensee must state that they live in no restricted country
/// or are on no denied-party list: those sentences also give `territory` and `user-restriction`.
enum Embargo {
  /// Countries the export and sanctions clauses of real licences name, with the name they are reported by.
  static let countries: [(String, PhraseSet)] = [
    ("Cuba", ["cuba"]), ("Iran", ["iran"]), ("Iraq", ["iraq"]), ("North Korea", ["north korea", "dprk"]),
    ("Syria", ["syria"]), ("Sudan", ["sudan"]), ("Libya", ["libya"]), ("Afghanistan", ["afghanistan"]),
    ("Myanmar", ["myanmar", "burma"]), ("Belarus", ["belarus"]), ("Crimea", ["crimea"]),
  ]
  /// The U.S. Export Administration Regulations' group of embargoed destinations.
  static let countryGroup: PhraseSet = ["country group e", "country groups e"]
  static let anyPlace = PhraseSet(union: countries.map(\.1) + [countryGroup])
  /// The licensee states where they are not: "you are not a national of, nor located in, …".
  static let notThere: PhraseSet = [
    "not located in", "not a national", "not a citizen", "not a resident", "nor located in", "not residing in",
    "not currently residing", "not currently located", "not ordinarily resident", "not under the control of",
    "not under control of",
  ]
  /// Government lists of persons no one may deal with.
  static let partyLists: PhraseSet = [
    "specially designated nation*", "specially designated terrorist*", "denied person*", "denied part*",
    "denial order*", "deny order*", "entity list", "restricted part*", "prohibited part*", "blocked person*",
    "designated entit*", "designated person*", "sanctions list*", "sdn", "sdns", "debarred part*",
  ]
  /// Where a person lives or belongs.
  static let residence: PhraseSet = [
    "national", "nationals", "resident", "residents", "citizen", "citizens", "located in", "residing in",
  ]
  /// What makes a country one the licence shuts out.
  static let embargoQualifier: PhraseSet = [
    "restricted", "embargoed", "embargo", "embargoes", "sanctioned", "sanctions", "terrorist supporting",
  ]
  static let placeNoun: PhraseSet = [
    "country", "countries", "jurisdiction", "jurisdictions", "region", "regions", "territory", "territories",
    "destination", "destinations",
  ]
  /// A bar that introduces its countries as a list after the sentence ("to the countries listed below:").
  static let listFollows: PhraseSet = [
    "countries listed below", "following countries", "countries below", "countries listed hereafter",
  ]

  /// The embargoed places a sentence names, in text order, and the words from the first to the last.
  static func places(_ v: SentenceView) -> (names: [String], at: Range<Int>)? {
    guard v.has(anyPlace) else { return nil }
    var found: [(Int, String)] = []
    for (name, set) in countries {
      if let m = v.first(set) { found.append((m.lowerBound, name)) }
    }
    if let g = v.first(countryGroup) {
      // "Country Group E:1" as written: the sub-group number is the next word when there is one.
      let end = g.upperBound < v.count && v.word(g.upperBound) == "1" ? g.upperBound + 1 : g.upperBound
      found.append((g.lowerBound, v.raw(g.lowerBound..<end)))
    }
    guard let first = found.map(\.0).min(), let last = found.map(\.0).max() else { return nil }
    return (found.sorted { $0.0 < $1.0 }.map(\.1), first..<last + 1)
  }

  /// The bar that keeps the licensee away from the places a sentence names: before them ("may not be
  /// exported to Cuba, …"), or right after them ("… to Cuba, Iran … is prohibited"). A bar elsewhere is about
  /// something else ("comply with the EAR when exporting to … Cuba, …, or to anyone prohibited from
  /// taking part in exports").
  static func bar(_ v: SentenceView, _ ctx: ExtractionContext, places at: Range<Int>) -> Range<Int>? {
    if ctx.inBanList[v.index] { return at }
    let bars = v.find(notThere) + v.find(Lexicon.prohibition)
    return bars.filter {
      $0.lowerBound < at.lowerBound || ($0.lowerBound >= at.upperBound && $0.lowerBound <= at.upperBound + 1)
    }
    .min { $0.lowerBound < $1.lowerBound }
  }

  /// Named places with a bar on them: the names, and the words from the bar to the first place.
  static func barredPlaces(_ v: SentenceView, _ ctx: ExtractionContext) -> (names: [String], evidence: Range<Int>)? {
    guard let p = places(v), let b = bar(v, ctx, places: p.at) else { return nil }
    return (p.names, ExtractionContext.cover(b, p.at.lowerBound..<p.at.lowerBound + 1))
  }

  /// The places a sentence shuts out: named beside a bar, or listed in the next sentence after a bar that
  /// announces them ("will not ship … to the countries listed below:" then "Cuba, Iran, …").
  static func exclusion(_ v: SentenceView, _ ctx: ExtractionContext) -> (names: [String], evidence: Range<Int>)? {
    // "eligible for export worldwide except to embargoed destinations, which include …": a statement of
    // what the law allows, with no bar on the licensee, excludes nothing.
    if places(v) != nil {
      // The list announced by the sentence before was reported there.
      if v.index > 0, ctx.active.contains(v.index - 1), listIntro(ctx.views[v.index - 1], ctx) != nil { return nil }
      return barredPlaces(v, ctx)
    }
    guard let l = listIntro(v, ctx), ctx.active.contains(v.index + 1) else { return nil }
    let next = ctx.views[v.index + 1]
    // The next sentence must be the list itself: country names and little else.
    guard let p = places(next), p.names.count >= 2, next.count <= 4 * p.names.count + 4 else { return nil }
    return (p.names, l)
  }

  /// A bar on exports that announces its countries after a colon: the bar and the announcing words.
  static func listIntro(_ v: SentenceView, _ ctx: ExtractionContext) -> Range<Int>? {
    guard let l = v.first(listFollows), v.has(ExportWords.export),
      let b = (v.find(Lexicon.prohibition) + v.find(notThere)).filter({ $0.lowerBound < l.lowerBound }).first
    else { return nil }
    return ExtractionContext.cover(b, l)
  }

  /// The licensee states that they are not in a restricted country: "is not located in, under the control
  /// of, or a national or resident of any restricted country". "Any such country" points back at a clause
  /// that restates the law and names no class of its own.
  static func residenceStatement(_ v: SentenceView) -> Range<Int>? {
    guard let n = v.first(notThere) else { return nil }
    let window = n.upperBound..<Swift.min(v.count, n.upperBound + 20)
    guard let q = v.first(embargoQualifier, in: window), v.first(placeNoun, in: window) != nil else { return nil }
    return ExtractionContext.cover(n, q)
  }
}

/// Words that make a sentence about export law.
enum ExportWords {
  static let export: PhraseSet = ["export*", "re export*", "reexport*"]
}

/// `territory`: rights exclude, or only cover, certain places.
struct TerritoryRule: ClauseRule {
  static let regions: [(String, PhraseSet)] = [
    ("EU", ["european union", "eu", "e.u", "member state*"]),
    ("EEA", ["european economic area", "eea"]),
    ("UK", ["united kingdom", "uk", "great britain"]),
    // Mainland China (without Hong Kong, Macau and Taiwan) is a narrower region than China.
    ("mainland China", ["mainland china", "chinese mainland", "mainland of china", "mainland prc"]),
    ("China", ["people's republic of china", "prc", "china"]),
    ("United States", ["united states", "usa", "u.s"]),
    ("Russia", ["russia", "russian federation"]),
    ("South Korea", ["south korea", "republic of korea"]),
    ("Iran", ["iran"]), ("North Korea", ["north korea"]), ("Cuba", ["cuba"]), ("Syria", ["syria"]),
    ("Crimea", ["crimea"]), ("Japan", ["japan"]), ("India", ["india"]), ("Canada", ["canada"]),
    ("Switzerland", ["switzerland"]), ("Germany", ["germany"]), ("Austria", ["austria"]), ("France", ["france"]),
    ("Italy", ["italy"]), ("Spain", ["spain"]), ("Netherlands", ["netherlands"]), ("Belgium", ["belgium"]),
    ("Ireland", ["ireland"]), ("Australia", ["australia"]), ("Brazil", ["brazil"]), ("Singapore", ["singapore"]),
    ("Taiwan", ["taiwan"]), ("Hong Kong", ["hong kong"]), ("Macau", ["macau", "macao"]), ("Vietnam", ["vietnam"]),
    ("Belarus", ["belarus"]), ("Venezuela", ["venezuela"]), ("Israel", ["israel"]), ("Mexico", ["mexico"]),
  ]
  static let exclude: PhraseSet = [
    "not granted", "are not granted", "excluding", "excluded", "except", "outside", "does not apply", "do not apply",
    "not available", "not licensed", "not permitted", "may not", "shall not", "prohibited", "not be used",
    "not extend", "not to", "no rights",
  ]
  static let sanctionedPlaces: PhraseSet = [
    "subject to comprehensive trade sanctions", "comprehensive sanctions", "comprehensively sanctioned",
    "sanctioned countries", "sanctioned country", "embargoed countries", "embargoed country",
    "sanctioned jurisdictions", "sanctioned territories", "embargoed jurisdictions",
  ]
  static let include: PhraseSet = [
    "only within", "solely within", "only in", "solely in", "limited to the territory", "territory of",
    "exclusively in", "restricted to",
  ]

  /// Places a provider lists elsewhere: the service is offered only there.
  static let supportedPlaces: PhraseSet = [
    "available region", "available regions", "supported region*", "supported countr*", "supported geograph*",
    "geographies currently supported", "geographies supported", "countries currently supported",
    "countries supported", "regions supported", "supported location*", "available countries",
  ]

  /// Every region's words in one set: a sentence naming no place is skipped with one test.
  static let anyRegion = PhraseSet(union: regions.map(\.1) + [sanctionedPlaces])

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences()
    where v.has(anyRegion) || v.has(Embargo.anyPlace) || v.has(Embargo.listFollows) || v.has(supportedPlaces) {
      // "may not be exported into, or to a national of, Cuba, Iran, …": the places the licence names, even
      // in a sentence that cites "the laws of the United States" as the reason.
      if let (names, ev) = Embargo.exclusion(v, ctx) {
        var p = ClauseParameters()
        p.excluded = names
        out.append(ctx.clause(.territory, in: v, evidence: ev, parameters: p))
        continue
      }
      // "You may use the Services only in geographies currently supported by us", "only within an available
      // region": the places are the provider's list, named as written.
      if let sp = v.first(supportedPlaces), let o = v.first(ResearchOnlyRule.only), o.lowerBound < sp.lowerBound,
        sp.lowerBound - o.upperBound <= 12
      {
        var p = ClauseParameters()
        p.included = [v.raw(sp)]
        out.append(ctx.clause(.territory, in: v, evidence: ExtractionContext.cover(o, sp), parameters: p))
        continue
      }
      if let s = v.first(sanctionedPlaces),
        let e = v.first(exclude) ?? v.first(Lexicon.prohibition) ?? v.first(Embargo.notThere)
          ?? (ctx.inBanList[v.index] ? s : nil),
        // Compliance with export law restates the law; a bar on licensees located in such places screens
        // them, whatever law the sentence cites ("… if you are located in a comprehensively sanctioned
        // jurisdiction … or for any purpose prohibited by Export Laws").
        !v.has(.complyCompliance) || v.first(.locatedIn, in: Swift.max(0, s.lowerBound - 3)..<s.lowerBound) != nil
      {
        // "No licence is granted … in any country subject to comprehensive trade sanctions"; an item of a
        // ban list ("… if you are located in a comprehensively sanctioned jurisdiction"), whose
        // "jurisdiction" is no governing-law clause.
        var p = ClauseParameters()
        // The places as written when the phrase names them ("comprehensively sanctioned jurisdiction").
        var named = s
        if s.upperBound < v.count, v.first(Embargo.placeNoun, in: s.upperBound..<s.upperBound + 1) != nil {
          named = s.lowerBound..<s.upperBound + 1
        }
        p.excluded = [v.first(Embargo.placeNoun, in: named) != nil ? v.raw(named) : "sanctioned countries"]
        out.append(ctx.clause(.territory, in: v, evidence: e, parameters: p))
        continue
      }
      // Governing-law and venue sentences name places without restricting rights.
      if v.has(.governedByLawsOf) { continue }
      if v.has(.exportSanction) { continue }
      // Names that contain a region ("EU DataGrid") in endorsement or trademark rules restrict no place.
      if v.has(.namesInEndorsement) { continue }
      // A copyright line's address ("… Co., Ltd. Taiwan All rights reserved") restricts no place.
      if v.has(.copyrightLine) { continue }
      // Warranty remedies or support offered in some places, the U.S. Government's rights in commercial
      // software, and which company one contracts with "if you are located in" a region restrict no use.
      if v.has(.remediesSupport) || v.has(.governmentRights) { continue }
      if v.has(.ifYouAreLocated) && !v.has(Lexicon.prohibition) { continue }
      let bars = v.find(exclude)
      var names: [String] = []
      var hit: Range<Int>?
      for (name, set) in regions {
        // "any activity that PRC law forbids", "protected by UK and international copyright laws": a place
        // naming a law or a government restricts no territory. The place must also stand near the words
        // that exclude it, not in another item of a long sentence.
        if let m = v.find(set).first(where: { m in
          v.first(.legalSystem, in: m.upperBound..<Swift.min(v.count, m.upperBound + 3)) == nil
            && !partOfCompanyName(m, in: v) && bars.contains { abs($0.lowerBound - m.lowerBound) <= 20 }
        }) ?? (bars.isEmpty ? v.first(set) : nil),
          m.upperBound >= v.count || !["law", "laws"].contains(v.word(m.upperBound))
        {
          if name == "China", names.contains("mainland China"),
            !v.find(set).contains(where: { $0.lowerBound == 0 || v.word($0.lowerBound - 1) != "mainland" })
          {
            continue
          }
          names.append(name)
          if hit == nil || m.lowerBound < hit!.lowerBound { hit = m }
        }
      }
      guard let h = hit else { continue }
      var p = ClauseParameters()
      if let e = v.first(exclude),
        v.has(.rightLicense)
      {
        p.excluded = names
        out.append(ctx.clause(.territory, in: v, evidence: ExtractionContext.cover(e, h), parameters: p))
      } else if let inc = v.first(include) {
        p.included = names
        out.append(ctx.clause(.territory, in: v, evidence: ExtractionContext.cover(inc, h), parameters: p))
      }
    }
    return out
  }
}

extension TerritoryRule {
  /// "Acme Ireland Limited", "QUALCOMM Austria": a place inside a company's name restricts nothing.
  static func partOfCompanyName(_ m: Range<Int>, in v: SentenceView) -> Bool {
    if m.upperBound < v.count, v.first(.companySuffix, in: m.upperBound..<m.upperBound + 1) != nil { return true }
    // A brand before the place: a capitalised word that is neither a place nor a word that leads into
    // one ("in", "outside", "except"), which a sentence in capitals also capitalises.
    guard m.lowerBound > 0 else { return false }
    let prev = m.lowerBound - 1
    guard v.rawWord(prev).first?.isUppercase == true else { return false }
    return v.first(.leadsToPlace, in: prev..<m.lowerBound) == nil && v.first(anyRegion, in: prev..<m.lowerBound) == nil
      && v.first(Embargo.anyPlace, in: prev..<m.lowerBound) == nil
  }
}

/// `user-restriction`: certain persons may not be licensees.
struct UserRestrictionRule: ClauseRule {
  static let persons: PhraseSet = [
    "companies", "company", "persons", "person", "entities", "entity", "organisations", "organizations",
    "anyone", "individuals", "competitor*", "licensee", "you are",
  ]
  static let who: [(String, PhraseSet)] = [
    (
      "sanctioned-parties",
      [
        "sanctioned", "sanctions list*", "denied part*", "restricted part*", "embargoed",
        "specially designated", "entity list", "blocked persons", "designated for sanctions", "denied party",
        "denied-party",
      ]
    ),
    (
      "competitors",
      ["in competition with", "competing with", "that compete with", "competitor", "competitors", "direct competitor*"]
    ),
    (
      "organised-crime",
      ["anti social force*", "organised crime", "organized crime", "crime group*", "criminal organi*"]
    ),
    (
      "minors",
      [
        "persons under 18", "under 18 years", "under the age", "younger than", "under the age of", "minors", "under 18",
        "under 13", "age of majority", "years of age", "under nineteen", "under 19", "under 16", "under sixteen",
        "under eighteen", "under thirteen",
      ]
    ),
  ]
  static let bar: PhraseSet = [
    "except", "other than", "excluding",
    "may not", "shall not", "not permitted", "not eligible", "prohibited", "not available to", "no license",
    "not licensed", "represent and warrant that you are not", "you are not", "must not", "not granted",
    "not be used by", "excluded", "represents that it is not", "warrants that it is not", "will not become",
    "represent that neither", "neither you nor",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // (Most sentences bar nobody: no append of an empty array for each.)
      let barred = embargoed(v, ctx)
      if !barred.isEmpty { out.append(contentsOf: barred) }
      guard v.has(bar) else { continue }
      let bars = v.find(bar)
      // Export-law compliance (no export to embargoed countries) is export-control, which the OSD allows;
      // the export clauses that name whom they shut out are read by `embargoed`.
      if v.has(.exportReExport) { continue }
      for (name, set) in who {
        // The bar nearest before the person named ("shall not … (b) grant access to … a direct competitor").
        guard let m = v.first(set) else { continue }
        let b = bars.last(where: { $0.lowerBound <= m.lowerBound }) ?? bars[0]
        guard abs(m.lowerBound - b.lowerBound) <= 40 else { continue }
        if name == "minors" && v.has(.childSexualExploit) { continue }
        // Competition is about who the licensee is, not what outputs may build.
        if name == "competitors", v.has(Lexicon.outputs) || !v.has(persons) { continue }
        // "… may not review your own app or those of competitors": the competitors' products, not who
        // may be a licensee.
        if name == "competitors", m.lowerBound >= 2, v.word(m.lowerBound - 1) == "of",
          v.word(m.lowerBound - 2) == "those"
        {
          continue
        }
        var p = ClauseParameters()
        p.who = name
        out.append(ctx.clause(.userRestriction, in: v, evidence: ExtractionContext.cover(b, m), parameters: p))
      }
    }
    out.append(contentsOf: competitorTerms(ctx, found: out))
    out.append(contentsOf: eligibility(ctx))
    out.append(contentsOf: minimumAge(ctx))
    return out
  }

  /// Who an export or sanctions clause shuts out, when it names them (see ``Embargo``): people on
  /// denied-party lists (`sanctioned-parties`) beside named countries, and people living in or belonging
  /// to the countries it names, or to restricted countries they must say they are not in
  /// (`residents of embargoed countries`).
  static func embargoed(_ v: SentenceView, _ ctx: ExtractionContext) -> [Clause] {
    var out: [Clause] = []
    let exportSentence = v.has(ExportWords.export)
    func add(_ who: String, _ evidence: Range<Int>) {
      var q = ClauseParameters()
      q.who = who
      out.append(ctx.clause(.userRestriction, in: v, evidence: evidence, parameters: q))
    }
    if let (_, ev) = Embargo.barredPlaces(v, ctx) {
      // Lists in an export sentence count only beside the countries it names; elsewhere the general rule
      // above reads them.
      if exportSentence, let l = v.first(Embargo.partyLists) {
        add("sanctioned-parties", ExtractionContext.cover(ev, l))
      }
      // "… or to a national or resident of …", not the "Nationals" of a list's name.
      let lists = v.find(Embargo.partyLists)
      if let r = v.find(Embargo.residence).first(where: { r in !lists.contains { $0.overlaps(r) } }) {
        add("residents of embargoed countries", ExtractionContext.cover(r, ev))
      }
      return out
    }
    if let r = Embargo.residenceStatement(v) {
      add("residents of embargoed countries", r)
      // "… and not identified on any Denied Persons List or Entity List": the same statement about oneself.
      if exportSentence, let l = v.first(Embargo.partyLists) { add("sanctioned-parties", l) }
    }
    return out
  }

  /// "If you are a direct competitor, and you use the software for benchmarking, you waive …": terms
  /// that single out competitors among licensees, in a sentence no bar already covers.
  static let competitorIf: PhraseSet = [
    "if you are a direct competitor", "if you are a competitor", "if licensee is a competitor",
    "if licensee is a direct competitor", "if you are our competitor", "if you are our direct competitor",
  ]

  static func competitorTerms(_ ctx: ExtractionContext, found: [Clause]) -> [Clause] {
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let m = v.first(competitorIf),
        !found.contains(where: { $0.parameters.who == "competitors" && $0.span.start == v.span.start })
      else { continue }
      var p = ClauseParameters()
      p.who = "competitors"
      out.append(ctx.clause(.userRestriction, in: v, evidence: m, parameters: p))
    }
    return out
  }

  /// An age the licensee must have reached: "you must be 18 years of age or older to use", "you affirm
  /// that you are of legal age", "users must be at least 13 years old".
  static let ageOrOlder: PhraseSet = [
    "years of age or older", "years of age or over", "years or older", "years old or older", "years or over",
    "of legal age", "the age of majority", "legal age of majority", "at least 13 years", "at least 16 years",
    "at least 18 years", "at least 21 years", "at least thirteen", "at least sixteen", "at least eighteen",
  ]
  /// The licensee is the one who must have that age.
  static let mustBeAge: PhraseSet = [
    "must be", "you are", "you re", "you affirm", "you represent", "you warrant", "you confirm", "you certify",
    "are at least", "be at least", "is at least", "shall be", "need to be", "required to be", "only if you",
  ]
  /// Ages of other people: children's data, content about minors, the age of a third party.
  static let othersAge: PhraseSet = ["children s", "child s", "personal information from", "data from", "content"]

  static func minimumAge(_ ctx: ExtractionContext) -> [Clause] {
    for v in ctx.sentences() {
      guard let a = v.first(ageOrOlder), let m = v.first(mustBeAge), m.lowerBound < a.lowerBound,
        a.lowerBound - m.lowerBound <= 12, !v.has(othersAge)
      else { continue }
      // "If you are under 13 … your parent or guardian must accept for you": consent, not an exclusion.
      if v.has(.parentGuardian) && !v.has(Lexicon.prohibition) { continue }
      var p = ClauseParameters()
      p.who = "minors"
      return [ctx.clause(.userRestriction, in: v, evidence: ExtractionContext.cover(m, a), parameters: p)]
    }
    return []
  }

  static let academicClass: PhraseSet = [
    "academic", "non profit", "nonprofit", "not for profit", "educational", "universit*", "research institution*",
  ]
  static let bodies: PhraseSet = [
    "organisations", "organizations", "institutions", "institutes", "researchers", "entities", "users",
    "universities", "bodies",
  ]
  static let offeredTo: PhraseSet = [
    "released to", "available to", "available only to", "licensed to", "granted to", "restricted to", "limited to",
    "licensed only to", "may only be used by", "may be used only by", "offered to", "open to",
  ]

  /// "Released to academic, non-profit and government research organisations … only": the licence is
  /// open to one class of persons, so everyone else is excluded.
  static func eligibility(_ ctx: ExtractionContext) -> [Clause] {
    for v in ctx.sentences() {
      guard let o = v.first(offeredTo),
        let a = v.first(academicClass, in: o.upperBound..<Swift.min(v.count, o.upperBound + 4)),
        v.first(bodies, in: a.upperBound..<Swift.min(v.count, a.upperBound + 8)) != nil,
        v.has(ResearchOnlyRule.only)
      else { continue }
      var p = ClauseParameters()
      p.who = "non-academic organisations"
      return [ctx.clause(.userRestriction, in: v, evidence: ExtractionContext.cover(o, a), parameters: p)]
    }
    return []
  }
}

/// `hosted-service`: offering the work as a hosted or managed service is restricted.
struct HostedServiceRule: ClauseRule {
  static let hosted: PhraseSet = [
    "hosted service", "managed service", "software as a service", "saas", "as a service", "hosted or managed",
    "service offering", "hosting", "cloud service", "api service", "offer the model as", "make the functionality",
    "available to third parties as a service", "service bureau", "time sharing", "application service provider",
    "timesharing", "hosted solution", "hosted offering", "hosted basis", "managed offering", "cloud offering",
    "hosted environment", "host the software", "host the work", "hosted version", "managed version",
    "as an online service", "platform as a service", "service provider basis", "hosted services", "managed services",
    "expose the software", "to third parties via the network", "to third parties over a network",
    "to third parties over the network",
  ]
  /// Restrictions that are not phrased as bans: hosting needs permission, a licence or a fee.
  static let needsPermission: PhraseSet = [
    "does not grant", "not grant you", "must be authorized", "must be authorised", "requires prior written",
    "require additional licen*", "requires a separate", "without a separate", "without the prior",
    "without prior written", "without our prior", "not included in the license", "excluded from",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let h = v.first(hosted) else { continue }
      if v.has(.warrantLiable) { continue }
      if let p = v.first(Lexicon.prohibition) ?? v.first(needsPermission) {
        out.append(ctx.clause(.hostedService, in: v, evidence: ExtractionContext.cover(p, h)))
      } else if ctx.inBanList[v.index] {
        out.append(ctx.clause(.hostedService, in: v, evidence: h))
      } else if let c = v.first(.ifWhen), c.lowerBound < h.lowerBound, v.has(Lexicon.must),
        v.has(.sourceCodeOfService)
      {
        // "If you offer the Program as a service, you must release the source of your whole service":
        // hosting is allowed only on a condition that reaches beyond the work itself.
        out.append(ctx.clause(.hostedService, in: v, evidence: ExtractionContext.cover(c, h)))
      }
    }
    return out
  }
}

/// `trademark`: no trademark rights are granted.
struct TrademarkRule: ClauseRule {
  static let marks: PhraseSet = [
    "trademark*", "trade mark*", "trade name*", "service mark*", "logo*", "brand*", "trade dress",
    "product names", "name of the copyright holder", "names of its contributors", "name of the author",
    "names of the contributors", "name of the licensor", "names of any contributors", "name of any contributor",
    "the name of", "the names of", "name may not be used", "names may not be used", "name shall not be used",
    "names shall not be used", "name must not be used", "names must not be used",
  ]
  static let deny: PhraseSet = [
    "no trademark", "not grant", "no right", "no rights", "no license", "not licensed", "may not be used",
    "may not use", "shall not use", "shall not be used", "not be used", "without specific prior written permission",
    "without prior written permission", "without specific prior", "does not grant", "not granted", "nor",
    "except as required", "except as", "no permission", "not permitted", "must not use", "without permission",
    "prohibited", "nothing in this", "neither", "not give you permission", "does not give",
    "is subject to applicable law", "are subject to applicable law", "does not include any right",
    "not include any right", "does not authorize", "does not authorise", "not authorize", "not authorise",
    "does not permit you",
  ]

  /// Verbs that open a ban-list item about the marks themselves.
  static let useMarks: PhraseSet = ["use", "using", "display", "register", "claim"]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // "The names "Apache" and "Apache Software Foundation" must not be used to endorse …": the names
      // themselves stand between "names" and the ban.
      guard let m = v.first(marks) ?? (v.has(.endorsePromote) ? v.first(.nameWords) : nil) else { continue }
      // "rights (other than patent or trademark)": trademark rights are carved out of the grant.
      let carvedOut = v.first(.otherThanExcept, in: Swift.max(0, m.lowerBound - 4)..<m.lowerBound)
      // An item of a ban list ("You may not: … use our trademarks in a way that suggests …"): the
      // ban is the list's opening words; the item's own words are the evidence.
      // Only an item that opens with using the marks counts ("use Acme's trademarks in …"), not one
      // about removing trademark notices or one listing kinds of intellectual property.
      var listed: Range<Int>? = nil
      if ctx.inBanList[v.index], v.word(m.lowerBound) != "the",
        let u = v.first(useMarks, in: 0..<Swift.min(v.count, 5)), m.lowerBound > u.lowerBound,
        m.lowerBound - u.upperBound <= 8
      {
        listed = m
      }
      // "You may not alter any notice; use Acme's trademarks in your product names; …": a later item
      // of a one-sentence ban list uses the marks after the ban.
      var banned: (Range<Int>, Range<Int>)? = nil
      // "This section will not apply to a claim based on … trademark use": no ban on the reader.
      if let ban = v.first(Lexicon.prohibition),
        ban.upperBound >= v.count || !["apply", "applies", "be"].contains(v.word(ban.upperBound))
      {
        for mark in v.find(marks) where mark.lowerBound > ban.upperBound {
          // "… but you may use our logo": a permission after the ban.
          if let u = v.first(useMarks, in: Swift.max(ban.upperBound, mark.lowerBound - 4)..<mark.lowerBound),
            u.lowerBound == 0 || !["may", "can", "to"].contains(v.word(u.lowerBound - 1))
          {
            banned = (ban, ExtractionContext.cover(u, mark))
            break
          }
        }
      }
      if v.first(deny) == nil, carvedOut == nil, listed == nil, let (ban, used) = banned {
        out.append(ctx.clause(.trademark, in: v, evidence: ExtractionContext.cover(ban, used)))
        continue
      }
      guard let d = v.first(deny) ?? carvedOut ?? listed else { continue }
      // "the name of" only counts with endorsement language (BSD's non-endorsement clause).
      let w = v.word(m.lowerBound)
      if w == "the" || w == "name" || w == "names", !v.has(.endorsePromote) { continue }
      out.append(ctx.clause(.trademark, in: v, evidence: ExtractionContext.cover(d, m)))
    }
    return out
  }
}

/// `no-reverse-engineering`: reverse engineering or decompiling is banned.
struct NoReverseEngineeringRule: ClauseRule {
  static let re: PhraseSet = [
    "reverse engineer*", "decompil*", "disassembl*", "derive the source", "reconstruct the source",
    "extract the weights", "reverse compile", "reverse assemble",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let r = v.first(re) else { continue }
      // "No reverse engineering, decompilation or disassembly … is permitted": the noun form of the ban.
      let noun = r.lowerBound > 0 && v.word(r.lowerBound - 1) == "no"
      guard noun || v.has(Lexicon.prohibition) || ctx.inBanList[v.index] else { continue }
      // "do not restrict … reverse engineering": a permission.
      if v.has(.notRestrictNotProhibit) {
        continue
      }
      // "to the extent reverse engineering is permitted by law" alone, without a ban, is not one.
      if v.has(.permitReversePermittedTo) && !v.has(.not) { continue }
      out.append(ctx.clause(.noReverseEngineering, in: v, evidence: r))
    }
    return out
  }
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let remediesSupport: PhraseSet = ["remedies", "remedy", "support services", "warranty"]
  fileprivate static let governmentRights: PhraseSet = [
    "rights of the united states", "government end user*", "commercial computer software",
    "restricted computer software",
  ]
  fileprivate static let locatedIn: PhraseSet = [
    "located in", "resident in", "residing in", "reside in", "based in", "located within",
  ]
  fileprivate static let companySuffix: PhraseSet = [
    "limited", "ltd", "gmbh", "inc", "llc", "pty", "corporation", "b.v", "s.a", "research center",
  ]
  fileprivate static let leadsToPlace: PhraseSet = [
    "in", "into", "within", "inside", "outside", "of", "the", "to", "from", "and", "or", "nor", "for", "by", "at",
    "on", "including", "includes", "except", "excluding", "excluded", "only", "solely", "exclusively", "than",
    "not", "no", "any", "all", "throughout", "across", "but", "as", "with", "without", "such", "namely",
    "mainland", "countries", "country", "territory", "territories", "region", "regions", "is", "are", "a",
  ]
  fileprivate static let ifYouAreLocated: PhraseSet = ["if you are located", "if you reside", "if you live"]
  fileprivate static let legalSystem: PhraseSet = [
    "and international", "copyright*", "intellectual property", "law", "laws", "government", "federal",
  ]
  fileprivate static let nameWords: PhraseSet = ["name", "names"]
  fileprivate static let parentGuardian: PhraseSet = ["parent", "parents", "guardian", "guardians"]
  /// A permission for any purpose, or for commercial use too, is not limited to research.
  fileprivate static let anyPurposeCommercial: PhraseSet = [
    "any purpose", "commercial", "all purposes", "any lawful purpose",
  ]
  fileprivate static let thisAgreement: PhraseSet = ["this agreement"]
  fileprivate static let thePolicy: PhraseSet = [
    "the policy", "this policy", "such policy", "that policy", "the guidelines", "those guidelines", "these guidelines",
    "the guide", "this guide",
  ]
  fileprivate static let flowDown: PhraseSet = ["flow down"]
  fileprivate static let attachmentA: PhraseSet = ["attachment a"]
  fileprivate static let useUses: PhraseSet = ["use", "uses", "purpose*", "license", "licence", "research", "basis"]
  fileprivate static let nonCommercialNoncommercial: PhraseSet = [
    "non commercial", "noncommercial", "non production use", "nonproduction use",
  ]
  fileprivate static let notForNoCommercial: PhraseSet = ["not for", "no commercial"]
  fileprivate static let separateLicenseCommercialLicense: PhraseSet = [
    "separate license", "commercial license", "contact", "request", "revenue", "users",
  ]
  fileprivate static let warrantMerchantability: PhraseSet = ["warrant*", "merchantability", "liable"]
  fileprivate static let nothingNotLimitedTo: PhraseSet = [
    "nothing", "not limited to research", "not restrict", "including research", "research or commercial",
  ]
  fileprivate static let warrantLiable: PhraseSet = ["warrant*", "liable"]
  fileprivate static let youMayUseAre: PhraseSet = [
    "you may use", "are free to use", "permitted to use", "may be used to",
  ]
  fileprivate static let not: PhraseSet = ["not"]
  fileprivate static let foundationFoundational: PhraseSet = ["foundation*", "foundational"]
  fileprivate static let largeLanguageModelLarge: PhraseSet = [
    "large language model", "large language models", "llm", "llms", "language model",
  ]
  fileprivate static let competeCompeting: PhraseSet = [
    "compete", "competes", "competing", "competitive", "competitor*",
  ]
  fileprivate static let governedByLawsOf: PhraseSet = [
    "governed by", "laws of", "law of", "place of jurisdiction", "subject to the law*", "jurisdiction", "courts",
    "venue", "arbitration",
  ]
  fileprivate static let exportSanction: PhraseSet = ["export", "sanction*", "embargo*"]
  fileprivate static let rightLicense: PhraseSet = [
    "right*", "license*", "grant*", "use", "access", "available", "individual*", "compan*", "entit*",
  ]
  fileprivate static let childSexualExploit: PhraseSet = ["child sexual", "exploit*", "harm to"]
  fileprivate static let endorsePromote: PhraseSet = ["endorse", "promote", "advertising", "publicity"]
  fileprivate static let notRestrictNotProhibit: PhraseSet = [
    "not restrict", "not prohibit", "permit reverse", "allow reverse", "and reverse engineering for",
  ]
  fileprivate static let permitReversePermittedTo: PhraseSet = [
    "permit reverse", "permitted to reverse", "you may reverse",
  ]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let marksTrademark: PhraseSet = ["marks", "trademark*", "logo*"]
  fileprivate static let researchAndDevelopmentR: PhraseSet = [
    "research and development", "r&d", "research & development",
  ]
  fileprivate static let namesInEndorsement: PhraseSet = ["endorse*", "promote", "trademark*", "names"]
  fileprivate static let exportReExport: PhraseSet = ["export*", "re export*"]
  fileprivate static let mayMakeProductionUse: PhraseSet = [
    "may also make production use", "may make production use", "production use is permitted",
    "production use is allowed",
  ]
  fileprivate static let nonProduction: PhraseSet = ["non production", "nonproduction"]
  fileprivate static let reservedRoyalties: PhraseSet = [
    "hereby reserved", "collect royalties", "collecting society", "royalties for any use",
  ]
  fileprivate static let copyrightLine: PhraseSet = ["all rights reserved", "copyright c"]
  fileprivate static let refusedAfter: PhraseSet = [
    "is not licensed", "are not licensed", "is not permitted", "are not permitted", "is prohibited", "are prohibited",
    "is not allowed", "is not authorized", "is excluded",
  ]
  fileprivate static let purposeUse: PhraseSet = ["purpose*", "use", "uses"]
  fileprivate static let notExerciseRights: PhraseSet = [
    "not exercise any of the rights", "not exercise the rights", "not exercise any rights", "not exercise your rights",
  ]
  fileprivate static let limitUseOf: PhraseSet = [
    "must limit use", "must limit your use", "shall limit use", "shall limit your use", "will limit use",
  ]
  fileprivate static let theWorkItself: PhraseSet = [
    "the model", "the models", "the software", "the weights", "the materials", "the work",
  ]
  fileprivate static let ifWhen: PhraseSet = ["if you", "when you", "where you", "if the licensee"]
  fileprivate static let sourceCodeOfService: PhraseSet = [
    "service source code", "source code of the service", "source code of your service", "entire service",
  ]
  fileprivate static let otherThanExcept: PhraseSet = ["other than", "excluding", "except for", "save for"]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let orCommercialPurposeAnd: PhraseSet = [
    "or commercial purpose*", "and commercial purpose*", "and commercial license*", "commercial license s",
    "or commercial use", "for a commercial purpose", "commercial purpose you must", "commercial and non commercial",
    "non commercial or commercial", "non commercial and commercial",
  ]
  fileprivate static let soldCommerciallyMayBe: PhraseSet = [
    "sold commercially", "may be sold", "may be used commercially",
  ]
  fileprivate static let complyCompliance: PhraseSet = ["comply", "compliance", "export*", "re export*"]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let restrictions: [PhraseSet] =
    [
      AcceptableUsePolicyRule.policy,
      AcceptableUsePolicyRule.incorporate,
      AcceptableUsePolicyRule.updatable,
      NonCommercialRule.nc,
      NonCommercialRule.restrictive,
      NonCommercialRule.permissive,
      ResearchOnlyRule.research,
      ResearchOnlyRule.only,
      ResearchOnlyRule.permittedFor,
      ResearchOnlyRule.researchWords,
      OutputUseRule.improve,
      OutputUseRule.models,
      Embargo.countryGroup,
      Embargo.anyPlace,
      Embargo.notThere,
      Embargo.partyLists,
      Embargo.residence,
      Embargo.embargoQualifier,
      Embargo.placeNoun,
      Embargo.listFollows,
      ExportWords.export,
      TerritoryRule.exclude,
      TerritoryRule.sanctionedPlaces,
      TerritoryRule.include,
      TerritoryRule.supportedPlaces,
      TerritoryRule.anyRegion,
      UserRestrictionRule.persons,
      UserRestrictionRule.bar,
      UserRestrictionRule.competitorIf,
      UserRestrictionRule.ageOrOlder,
      UserRestrictionRule.mustBeAge,
      UserRestrictionRule.othersAge,
      UserRestrictionRule.academicClass,
      UserRestrictionRule.bodies,
      UserRestrictionRule.offeredTo,
      HostedServiceRule.hosted,
      HostedServiceRule.needsPermission,
      TrademarkRule.marks,
      TrademarkRule.deny,
      TrademarkRule.useMarks,
      NoReverseEngineeringRule.re,
      PhraseSet.remediesSupport,
      PhraseSet.governmentRights,
      PhraseSet.locatedIn,
      PhraseSet.companySuffix,
      PhraseSet.leadsToPlace,
      PhraseSet.ifYouAreLocated,
      PhraseSet.legalSystem,
      PhraseSet.nameWords,
      PhraseSet.parentGuardian,
      PhraseSet.anyPurposeCommercial,
      PhraseSet.thisAgreement,
      PhraseSet.thePolicy,
      PhraseSet.flowDown,
      PhraseSet.attachmentA,
      PhraseSet.useUses,
      PhraseSet.nonCommercialNoncommercial,
      PhraseSet.notForNoCommercial,
      PhraseSet.separateLicenseCommercialLicense,
      PhraseSet.warrantMerchantability,
      PhraseSet.nothingNotLimitedTo,
      PhraseSet.warrantLiable,
      PhraseSet.youMayUseAre,
      PhraseSet.not,
      PhraseSet.foundationFoundational,
      PhraseSet.largeLanguageModelLarge,
      PhraseSet.competeCompeting,
      PhraseSet.governedByLawsOf,
      PhraseSet.exportSanction,
      PhraseSet.rightLicense,
      PhraseSet.childSexualExploit,
      PhraseSet.endorsePromote,
      PhraseSet.notRestrictNotProhibit,
      PhraseSet.permitReversePermittedTo,
      PhraseSet.marksTrademark,
      PhraseSet.researchAndDevelopmentR,
      PhraseSet.namesInEndorsement,
      PhraseSet.exportReExport,
      PhraseSet.mayMakeProductionUse,
      PhraseSet.nonProduction,
      PhraseSet.reservedRoyalties,
      PhraseSet.copyrightLine,
      PhraseSet.refusedAfter,
      PhraseSet.purposeUse,
      PhraseSet.notExerciseRights,
      PhraseSet.limitUseOf,
      PhraseSet.theWorkItself,
      PhraseSet.ifWhen,
      PhraseSet.sourceCodeOfService,
      PhraseSet.otherThanExcept,
      PhraseSet.orCommercialPurposeAnd,
      PhraseSet.soldCommerciallyMayBe,
      PhraseSet.complyCompliance,
    ]
    + Embargo.countries.map(\.1)
    + TerritoryRule.regions.map(\.1)
    + UserRestrictionRule.who.map(\.1)
}
