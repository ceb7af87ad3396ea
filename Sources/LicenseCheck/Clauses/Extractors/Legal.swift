// Legal: warranty-disclaimer, liability-limitation, indemnification, governing-law, export-control.

/// `warranty-disclaimer`: provided "as is".
struct WarrantyDisclaimerRule: ClauseRule {
  static let triggers: PhraseSet = [
    "as is", "without warranty", "without warranties", "no warranty", "no warranties", "disclaim*",
    "without any warranty", "makes no representations", "make no representations", "without any express",
    "with all faults", "as they are", "as it is", "no guarantee", "no guarantees", "without guarantee", "no promises",
    "not guarantee", "not warrant", "makes no warranty", "make no warranty", "gives no warranty",
    "provides no warranty", "as available", "no express or implied warranties", "as it stands", "as they stand",
    "no promise", "makes no promise", "in their current condition", "in its current condition", "as found",
  ]
  /// Warranty words that a negation before them turns into a disclaimer ("nobody warrants the Program").
  static let warrantyWords: PhraseSet = ["warrant*", "guarantee*", "promise*", "representation*"]
  static let nobodyHash = wordHash("nobody")

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    var out: [Clause] = []
    for v in ctx.sentences() {
      let negatedWarranty = v.find(warrantyWords).first { m in
        v.negated(before: m.lowerBound, window: 4) || (m.lowerBound > 0 && v.hashes[m.lowerBound - 1] == nobodyHash)
      }
      guard let t = v.first(triggers) ?? negatedWarranty else { continue }
      let opener = v.word(t.lowerBound)
      if opener == "as", !v.has(.warrantProvided), !v.has(.releasedSupplied) {
        continue
      }
      if v.word(t.lowerBound).hasPrefix("disclaim"), !v.has(.warrantRepresentation) { continue }
      // "you may choose to offer … warranty" is a permission, not a disclaimer.
      if v.has(.youMayChooseTo) { continue }
      out.append(ctx.clause(.warrantyDisclaimer, in: v, evidence: t))
    }
    return out
  }
}

/// `liability-limitation`: no liability for damages.
struct LiabilityLimitationRule: ClauseRule {
  static let liable: PhraseSet = [
    "responsibility for losses", "responsibility for", "liable to", "responsible for losses",
    "liable", "liability", "liabilities", "damages", "responsible for any loss", "responsible for any damage",
    "responsible for any harm", "responsibility for any", "responsible for losses", "responsible for any losses",
    "answerable", "accountable for",
  ]
  static let limit: PhraseSet = [
    "not exceed", "shall not exceed", "will not exceed", "in no case", "capped at", "no responsibility",
    "in no event", "not be liable", "no liability", "not liable", "shall not be", "limitation of liability",
    "under no circumstances", "no event", "disclaim*", "exclude*", "exclusion", "limit", "limited to",
    "will not be", "aggregate liability", "not responsible", "no responsibility", "not accept", "accepts no",
    "bears no", "bear no", "not answerable", "maximum extent", "nor shall", "nor will", "up to the amount",
    "liable only", "only up to",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let l = v.first(liable) else { continue }
      // "disclaims responsibility for clearing rights": a task left to the licensee, not a damages limit.
      if v.word(l.upperBound - 1) == "for", l.upperBound < v.count, v.word(l.upperBound).hasSuffix("ing") {
        continue
      }
      // "No contributor is liable", "bears no responsibility for losses": a negation before the liability.
      // "NO COPYRIGHT HOLDER OR CONTRIBUTOR WILL BE LIABLE": the subject between "no" and the verb
      // can be long.
      let negatedLiability = v.negated(before: l.lowerBound, window: 8) ? l : nil
      guard let m = v.first(limit) ?? negatedLiability else { continue }
      if v.has(.indemnifyYouAgreeTo) && !v.has(.inNoEvent) { continue }
      // A publisher's note about the legal text itself ("… disclaims liability for damages resulting
      // from the use of this document or the information provided hereunder") limits nothing about the work.
      if v.has(.useOfThisDocument) { continue }
      out.append(ctx.clause(.liabilityLimitation, in: v, evidence: ExtractionContext.cover(m, l)))
    }
    return out
  }
}

/// `indemnification`: the licensee must defend or indemnify the licensor.
struct IndemnificationRule: ClauseRule {
  static let triggers: PhraseSet = [
    "indemnify", "indemnifies", "indemnification", "hold harmless", "hold the licensor harmless", "indemnity",
    "defend", "compensate", "protect it against", "protect us against", "protect them against", "reimburse",
  ]
  /// What an indemnity covers: claims and losses.
  static let claims: PhraseSet = ["claim*", "loss*", "liabilit*", "damages", "costs", "expenses", "suits"]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    let grantors = grantorNames(ctx)
    for v in ctx.sentences() {
      guard var t = v.first(triggers) else { continue }
      // "Indemnity: Licensee hereby agrees to indemnify …": a run-in heading is not the duty's verb.
      if t.lowerBound == 0, ["indemnity", "indemnification"].contains(v.word(0)),
        let verb = v.find(triggers).dropFirst().first
      {
        t = verb
      }
      // The licensee may be named by a defined term ("Institution shall hold harmless and indemnify
      // RAS"): any capitalised party other than the one that grants the licence.
      // An item of a duty list ("you must: … indemnify, defend and hold harmless X from any claims")
      // has the list's subject.
      // A bulleted item that opens on the duty ("• indemnify, defend and hold harmless X from any claims",
      // "vi. will indemnify …") has the list's subject too, even where a quoted notice broke the list.
      let bulletDuty =
        t.lowerBound <= 2 && v.has(claims) && ["indemnify", "defend", "hold"].contains(v.word(t.lowerBound))
        && (t.lowerBound == 0 || ["will", "shall", "must"].contains(v.word(t.lowerBound - 1)))
        && BanScope.startsWithMarker(ctx.structure.sentences[v.index].tokenRange.lowerBound, text: v.text)
      let listed = (ctx.inDutyList[v.index] && t.lowerBound <= 3 && v.has(claims)) || bulletDuty
      guard listed || v.has(.youLicensee) || namedParty(before: t, in: v, excluding: grantors) else {
        continue
      }
      // "Kelderwick will defend Customer against any third-party claim": the licensor indemnifies the
      // licensee, a promise to it rather than a duty on it.
      if v.first(.youLicensee, in: t.upperBound..<Swift.min(v.count, t.upperBound + 2)) != nil,
        !v.has(.youWillIndemnify)
      {
        continue
      }
      if v.has(.defendTheFreedomDefend) { continue }
      // A duty, not an option: "you may offer … indemnity … only if you agree to indemnify" is conditional,
      // and "requiring indemnification" (GPL section 7) describes terms others may add.
      let duty =
        listed || v.has(.agreeToIndemnifyShall)
        || (ctx.obliges(v) && v.has(claims) && v.has(.agreeWill))
      guard duty else { continue }
      if v.has(.termsYouOfferYou) { continue }
      if v.has(.onlyIfYouYou) {
        continue
      }
      out.append(ctx.clause(.indemnification, in: v, evidence: t))
    }
    return out
  }
}

extension IndemnificationRule {
  /// The capitalised words right before "grants" in grant sentences: the licensor's names.
  static func grantorNames(_ ctx: ExtractionContext) -> Set<UInt64> {
    var out = Set<UInt64>()
    for v in ctx.sentences() {
      for m in v.find(.grantsVerb) where m.lowerBound > 0 {
        var k = m.lowerBound - 1
        if v.word(k) == "hereby", k > 0 { k -= 1 }
        if v.isCapitalised(k) { out.insert(v.hashes[k]) }
      }
    }
    return out
  }

  /// Whether the indemnity's subject (the capitalised word before "shall", "will" or "agrees") is a
  /// named party that is not the licensor.
  static func namedParty(before t: Range<Int>, in v: SentenceView, excluding grantors: Set<UInt64>) -> Bool {
    guard let modal = v.first(.indemnityModal, in: Swift.max(0, t.lowerBound - 5)..<t.lowerBound), modal.lowerBound > 0
    else { return false }
    let k = modal.lowerBound - 1
    return v.isCapitalised(k) && !grantors.contains(v.hashes[k])
      && !["the", "it", "each", "neither"].contains(v.word(k))
  }
}

/// `governing-law`: a jurisdiction's law governs.
struct GoverningLawRule: ClauseRule {
  static let governs: PhraseSet = [
    "governed by", "governed in all respects by", "construed in accordance with", "construed under",
    "interpreted in accordance with",
    "subject to the laws", "laws of", "law of", "governing law", "governed and construed", "subject to the law",
  ]
  static let governVerbs: PhraseSet = ["govern*", "appl*", "construed", "interpreted", "subject to"]
  static let venue: PhraseSet = [
    "courts of", "courts located in", "courts in", "court of", "courts sitting in", "jurisdiction of",
    "exclusive jurisdiction", "venue", "courts located", "arbitration in", "seated in", "jurisdiction in",
    "court with jurisdiction in", "courts at", "arbitration seated in", "seat of arbitration", "tribunals of",
    "place of jurisdiction", "court in", "court located in", "arbitration centre in", "arbitration center in",
    "court of competent jurisdiction in", "people's court", "courts having jurisdiction over", "state courts",
    "federal courts", "state court", "federal court", "courts residing in", "courts situated in",
    "courts seated in", "arbitration rules in",
  ]
  /// Words that name the venue itself rather than a court ("exclusive venue … shall be Munich", "the
  /// seat of arbitration shall be Turku", "the arbitration shall be conducted … in San Francisco"): they
  /// are searched first, over a wider span, since a jurisdiction clause often names a court's state
  /// before the city where proceedings are held.
  static let venueWords: PhraseSet = [
    "venue", "seat of arbitration", "place of jurisdiction", "take place in", "shall be conducted in",
    "will be conducted in", "place of arbitration",
  ]
  /// The verb that introduces the place after a venue word ("… for all disputes … is Dortmund").
  static let copula: PhraseSet = ["is", "are", "shall be", "will be", "lies", "lie"]
  /// Capitalised words of arbitral institutions and their rules: "the International Chamber of Commerce
  /// Rules", "JAMS International Arbitration Rules" name how, not where.
  static let institutionWords: Set<String> = [
    "rules", "rule", "arbitration", "chamber", "commerce", "association", "institute", "centre", "center", "jams",
    "wipo", "icc", "uncitral", "court", "courts",
  ]
  /// Words skipped before a venue's place: a language ("in the English language in San Francisco") and
  /// the country or county words before the place ("the US federal courts seated in the Counties of …").
  static let venueSkip: Set<String> = [
    "english", "language", "us", "u.s", "usa", "u.s.a", "counties", "county", "city", "district", "northern",
    "southern", "eastern", "western", "central",
  ]
  static let lawOf: PhraseSet = ["laws of", "law of", "law in force in", "laws in force in"]
  /// "French law governs": adjectives of place.
  static let demonyms: [(String, String)] = [
    ("french", "France"), ("english", "England and Wales"), ("german", "Germany"), ("swiss", "Switzerland"),
    ("japanese", "Japan"), ("chinese", "China"), ("irish", "Ireland"), ("dutch", "Netherlands"),
    ("belgian", "Belgium"), ("italian", "Italy"), ("spanish", "Spain"), ("singaporean", "Singapore"),
    ("korean", "South Korea"), ("indian", "India"), ("canadian", "Canada"), ("australian", "Australia"),
    ("norwegian", "Norway"), ("swedish", "Sweden"), ("danish", "Denmark"), ("finnish", "Finland"),
    ("austrian", "Austria"), ("polish", "Poland"), ("portuguese", "Portugal"), ("brazilian", "Brazil"),
    ("mexican", "Mexico"), ("israeli", "Israel"), ("scottish", "Scotland"), ("czech", "Czech Republic"),
    ("greek", "Greece"), ("hungarian", "Hungary"), ("taiwanese", "Taiwan"), ("estonian", "Estonia"),
    ("luxembourgish", "Luxembourg"), ("icelandic", "Iceland"), ("turkish", "Turkey"),
    ("emirati", "United Arab Emirates"),
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() where v.has(.lawOfLawsOf) {
      // "Delaware law governs this License", "PRC law applies": a place right before "law".
      // "except where liability cannot be excluded under Swiss law": a law named for a limit, not chosen.
      let placeLaw = v.has(.lawAsLimit) ? nil : placeBeforeLaw(in: v)
      guard let g = v.first(governs) ?? placeLaw?.1 else { continue }
      // "No governing law is chosen in this licence".
      if v.negated(before: g.lowerBound, window: 2) { continue }
      // "Sections 4 (Warranty) and 9 (Governing Law) survive termination": a list of headings.
      if v.has(.surviveSurvives) { continue }
      // "The laws of Germany apply": the law named, then a verb of application.
      // An aside may sit between ("The laws of X, excluding X's conflict of laws rules, will apply").
      let lawsApply =
        v.first(lawOf).map { lo in
          let aside = v.first(.lawAside, in: lo.upperBound..<Swift.min(v.count, lo.upperBound + 8)) != nil
          let reach = aside ? 16 : 8
          return v.first(.applyVerbs, in: lo.upperBound..<Swift.min(v.count, lo.upperBound + reach)) != nil
        } ?? false
      // "Any action … may be brought only in the courts of X and under the laws of that jurisdiction":
      // the court's place is the law's.
      let lawOfTheVenue = v.has(.lawsOfThatJurisdiction)
      guard
        v.has(.governedConstrued) || v.has(.subjectToTheLaw) || placeLaw != nil || lawsApply
          || headedGoverningLaw(ctx, v) || lawOfTheVenue,
        v.has(.lawOfLawsOf)
      else { continue }
      // "covered work governed by this License", "governed by version 3 of the GNU …": a licence, not a law.
      if !v.has(.lawOfLawsOf2) { continue }
      if v.has(.exportApplicableLawsAnd) && !v.has(.governed) { continue }
      var p = ClauseParameters()
      if let lo = v.first(lawOf), let j = place(in: v, after: lo.upperBound) {
        p.jurisdiction = j.0
      } else if let j = demonym(in: v) {
        p.jurisdiction = j
      } else if let j = placeLaw {
        p.jurisdiction = j.0
      } else if let j = place(in: v, after: g.upperBound) {
        p.jurisdiction = j.0
      }
      p.venue = venue(ctx, after: v)
      if p.jurisdiction == nil, lawOfTheVenue { p.jurisdiction = p.venue }
      // "the laws of the United States and the State of California": the state's law is the one that
      // decides a contract dispute.
      if p.jurisdiction == "United States", let st = v.first(.stateOf), let pl = place(in: v, after: st.upperBound) {
        p.jurisdiction = pl.0
      }
      if p.jurisdiction == nil && !v.has(.lawsOfLawOf) { continue }
      out.append(
        ctx.clause(.governingLaw, in: v, evidence: g.lowerBound..<Swift.min(v.count, g.upperBound + 8), parameters: p))
    }
    return out
  }

  /// The venue named with a choice of law, in its sentence or the next few of the same top section
  /// ("The courts of X shall have exclusive jurisdiction"; "10.a" law, "10.b" courts). Words that name
  /// the venue itself are looked for first, over the whole window; then court phrases, sentence by sentence.
  static func venue(_ ctx: ExtractionContext, after v: SentenceView) -> String? {
    var window: [SentenceView] = []
    for k in v.index..<Swift.min(ctx.views.count, v.index + 5) {
      let w = ctx.views[k]
      guard k == v.index || topSection(ctx.section(at: w.span.start)) == topSection(ctx.section(at: v.span.start))
      else { break }
      window.append(w)
    }
    for w in window {
      for m in w.find(venueWords) {
        // "consent to jurisdiction and venue therein": the place was named before.
        if m.upperBound < w.count, ["therein", "thereof", "there", "such", "those"].contains(w.word(m.upperBound)) {
          continue
        }
        // "… for all disputes between the parties … is Dortmund": the place follows the verb.
        let start =
          w.first(copula, in: m.upperBound..<Swift.min(w.count, m.upperBound + 14))?.upperBound ?? m.upperBound
        if let pl = venuePlace(in: w, after: start, namesVenue: true) { return pl }
      }
    }
    for w in window.prefix(4) {
      // Every venue phrase, not just the first ("Venue for any action lies … in the courts located
      // in Travis County"): the first may name no place, or an arbitral institution.
      if let pl = w.find(venue).lazy.compactMap({ venuePlace(in: w, after: $0.upperBound) }).first { return pl }
      if let pl = placeBeforeCourt(in: w) { return pl }
      // "the competent French courts".
      for i in 0..<Swift.max(0, w.count - 1)
      where (w.hashes[i + 1] == courtHash || w.hashes[i + 1] == courtsHash)
        && demonyms.contains(where: { $0.0 == w.word(i) })
      {
        return w.raw(i..<(i + 2))
      }
    }
    return nil
  }

  /// A place after a venue phrase, skipping languages and county words and refusing arbitral
  /// institutions and rule books.
  static func venuePlace(in v: SentenceView, after: Int, namesVenue: Bool = false) -> String? {
    var i = after
    while i < Swift.min(v.count, after + 8), !v.isCapitalised(i) || venueSkip.contains(v.word(i)) { i += 1 }
    guard i < v.count, let pl = place(in: v, after: i), pl.1.lowerBound < after + 10 else { return nil }
    // "Tokyo District Court of Japan": the place before the court's designators.
    if let c = pl.1.first(where: { v.hashes[$0] == courtHash || v.hashes[$0] == courtsHash }), c > pl.1.lowerBound {
      var e = c
      while e > pl.1.lowerBound, courtDesignators.contains(v.word(e - 1)) { e -= 1 }
      return e > pl.1.lowerBound ? normalisePlace(v.raw(pl.1.lowerBound..<e)) : nil
    }
    if pl.1.contains(where: { institutionWords.contains(v.word($0)) }) { return nil }
    // "the state of Illinois and United States federal courts located in Chicago": a court system's
    // name; the place comes after it.
    if pl.1.upperBound < v.count, ["federal", "state"].contains(v.word(pl.1.upperBound)) { return nil }
    let courtNext =
      pl.1.upperBound < v.count && (v.hashes[pl.1.upperBound] == courtHash || v.hashes[pl.1.upperBound] == courtsHash)
    // After a court phrase, a name before "Court" is another court's ("jurisdiction of the United States
    // District Court"): left to the court-name reading. After a venue word it is the venue's
    // ("venue of the Tokyo District Court"): the place before the court's designators.
    if courtNext, !namesVenue { return nil }
    if courtNext {
      var e = pl.1.upperBound
      while e > pl.1.lowerBound, courtDesignators.contains(v.word(e - 1)) { e -= 1 }
      // "the United States District Court for …": a federal court names no place of its own.
      let name = e > pl.1.lowerBound ? normalisePlace(v.raw(pl.1.lowerBound..<e)) : nil
      return name == "United States" ? nil : name
    }
    return pl.0
  }

  /// "11) Jurisdiction, Venue and Governing Law. Any action … may be brought only in the courts of …
  /// and under the laws of that jurisdiction": a venue and a law in a section headed "Governing Law"
  /// choose the law with no governing verb. The heading decides, wherever the layout puts it (a
  /// run-in bold heading in Markdown is split off the sentence, in plain text it is not).
  static func headedGoverningLaw(_ ctx: ExtractionContext, _ v: SentenceView) -> Bool {
    guard v.first(venue) != nil, let s = ctx.structure.innermostSection(containing: v.span.start),
      let h = s.heading
    else { return false }
    return h.lowercased().contains("governing law")
  }

  /// Court designators that follow the place in a court's name ("Tokyo District Court").
  static let courtDesignators: Set<String> = [
    "district", "central", "regional", "high", "supreme", "intermediate", "people's", "people", "s", "county",
    "superior", "circuit", "commercial", "civil", "municipal", "local", "higher", "court", "courts",
  ]

  /// The place named in a court's name: "The Seoul Central District Court shall …" → "Seoul".
  static func placeBeforeCourt(in v: SentenceView) -> String? {
    for i in 1..<Swift.max(1, v.count)
    where (v.hashes[i] == courtHash || v.hashes[i] == courtsHash) && v.isCapitalised(i) {
      var s = i
      while s > 0, v.isCapitalised(s - 1), i - s < 5, !skip.contains(v.word(s - 1)) { s -= 1 }
      var e = i
      while e > s, courtDesignators.contains(v.word(e - 1)) { e -= 1 }
      if e > s { return normalisePlace(v.raw(s..<e)) }
    }
    return nil
  }

  /// The first component of a section path ("10" for "10.b").
  static func topSection(_ path: String?) -> Substring? {
    path.map { $0.split(separator: ".", maxSplits: 1).first ?? Substring($0) }
  }

  /// A capitalised place directly before "law" with a governing verb after it ("Texas law governs").
  static let lawHash = wordHash("law")
  static let lawsHash = wordHash("laws")
  static let courtHash = wordHash("court")
  static let courtsHash = wordHash("courts")
  @inline(__always) static func isLaw(_ h: UInt64) -> Bool { h == lawHash || h == lawsHash }

  static func placeBeforeLaw(in v: SentenceView) -> (String, Range<Int>)? {
    // Word hashes, not strings: this runs over every word of every sentence that names a law.
    for i in 1..<Swift.max(1, v.count) where isLaw(v.hashes[i]) {
      // The verb may follow after an aside ("Texas law, without regard to its conflict-of-laws
      // principles, governs …") or come first ("These terms are subject to substantive Swiss law").
      guard
        v.first(governVerbs, in: i + 1..<Swift.min(v.count, i + 14)) != nil
          || v.first(.subjectToGovernedBy, in: Swift.max(0, i - 5)..<i) != nil
      else { continue }
      if let d = demonyms.first(where: { $0.0 == v.word(i - 1) }) { return (d.1, (i - 1)..<(i + 1)) }
      // "Washington state law governs": the place before "state".
      var e = i
      if i >= 2, v.word(i - 1) == "state", v.isCapitalised(i - 2), !skip.contains(v.word(i - 2)) { e = i - 1 }
      guard v.isCapitalised(e - 1), !skip.contains(v.word(e - 1)) else { continue }
      var s = e - 1
      while s > 0, v.isCapitalised(s - 1), !skip.contains(v.word(s - 1)), e - s < 4 { s -= 1 }
      // "If you acquired it in the United States, Washington law applies": the run ends at a comma.
      var name = v.raw(s..<e)
      if let comma = name.lastIndex(of: ",") { name = trimmed(name[name.index(after: comma)...]) }
      return (normalisePlace(name), s..<(i + 1))
    }
    return nil
  }

  /// Country names that only qualify the place before them ("California, USA", "Cook County, Illinois, U.S").
  static let trailingCountries: Set<String> = [
    "usa", "u.s", "u.s.a", "us", "united states", "united states of america", "u. s. a",
  ]

  static func trimmed(_ s: Substring) -> String {
    String(s.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
  }

  static func normalisePlace(_ raw: String) -> String {
    var name = raw
    var parts = name.split(separator: ",").map(trimmed)
    while parts.count > 1, let last = parts.last,
      trailingCountries.contains(
        String(last.lowercased().drop(while: { $0 == "." }).reversed().drop(while: { $0 == "." }).reversed()))
    {
      parts.removeLast()
    }
    if !parts.isEmpty { name = parts.joined(separator: ", ") }
    if name.hasPrefix("People") || name.contains("Republic of China") || name == "PRC" { name = "China" }
    if name == "United States of America" || name == "USA" || name == "U.S" { name = "United States" }
    if name == "Republic of Korea" || name == "Korea" { name = "South Korea" }
    return name
  }

  static func demonym(in v: SentenceView) -> String? {
    for i in 0..<Swift.max(0, v.count - 1) where isLaw(v.hashes[i + 1]) {
      if let hit = demonyms.first(where: { $0.0 == v.word(i) }) { return hit.1 }
    }
    return nil
  }

  static let skip: Set<String> = [
    "federal", "substantive", "applicable", "any", "this", "these", "such",
    "the", "state", "of", "commonwealth", "province", "republic", "laws", "law", "jurisdiction", "governing",
    "agreement", "license", "licence", "section", "terms",
    // Capitalised words naming a kind of law, not a place ("Human Rights Laws", "Export Control Laws").
    "rights", "human", "export", "control", "sanctions", "protection", "privacy", "data", "trade", "copyright",
    "patent", "competition", "consumer", "labor", "labour", "tax", "securities", "contract", "civil", "criminal",
    // Parties and defined terms that follow a venue word without being places.
    "courts", "court", "licensor", "licensee", "original", "software", "work", "program", "product", "you",
    "contributor", "company", "parties", "party", "notice",
  ]

  /// Words that end or never start a place's name, however they are written.
  static let runStops: Set<String> = [
    "in", "excluding", "without", "with", "located", "within", "lying", "to", "at", "for", "by", "on", "under",
    "exclusive", "venue", "recipient", "customer", "except", "including", "as", "shall", "will", "any", "its",
  ]
  /// Skipped words that end a name once it has started ("California, and You"); "of" is a connector.
  static let skipInName: Set<String> = skip.subtracting(["of", "state", "republic", "commonwealth", "province"])

  /// The first run of capitalised words after `after` ("the State of California" → "California").
  static func place(in v: SentenceView, after: Int) -> (String, Range<Int>)? {
    var i = after
    var limit = Swift.min(v.count, after + 8)
    while i < limit {
      let w = v.word(i)
      if v.isCapitalised(i), !skip.contains(w), !runStops.contains(w) {
        var j = i + 1
        // In capitals every word is capitalised: parties, function words and asides end the name
        // ("CALIFORNIA (EXCLUDING …", "California, USA, and You and …").
        func inName(_ k: Int) -> Bool {
          v.isCapitalised(k) && !runStops.contains(v.word(k)) && !(k > i && skipInName.contains(v.word(k)))
        }
        while j < v.count, j < i + 5,
          inName(j) || (["and", "of"].contains(v.word(j)) && j + 1 < v.count && inName(j + 1))
        {
          j += 1
        }
        // "New York, United States of America" cut at five words ends on "of".
        while j > i + 1, ["of", "and"].contains(v.word(j - 1)) { j -= 1 }
        return (normalisePlace(v.raw(i..<j)), i..<j)
      }
      if w == "united" || w == "new" { limit = Swift.min(v.count, limit + 1) }
      i += 1
    }
    return nil
  }
}

/// `export-control`: export laws apply or are to be followed.
struct ExportControlRule: ClauseRule {
  static let export: PhraseSet = [
    "trade compliance", "trade compliance laws",
    "export control*", "export law*", "export administration", "export regulation*", "export restriction*",
    "trade control*", "sanctions laws", "economic sanctions", "ear", "itar", "re export", "export or re export",
    "export", "import and export",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let e = v.first(export) else { continue }
      guard v.has(.lawRegulation) else { continue }
      if v.word(e.lowerBound) == "ear", !v.has(.export) { continue }
      // "… creates no obligation of export compliance": export rules expressly not carried over.
      if v.has(.noExportDuty) { continue }
      out.append(ctx.clause(.exportControl, in: v, evidence: e))
    }
    return out
  }
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let warrantProvided: PhraseSet = ["warrant*", "provided", "basis", "distributed", "is"]
  fileprivate static let warrantRepresentation: PhraseSet = ["warrant*", "representation*"]
  fileprivate static let youMayChooseTo: PhraseSet = ["you may choose to offer", "may offer support or warranty"]
  fileprivate static let indemnifyYouAgreeTo: PhraseSet = ["indemnify", "you agree to indemnify"]
  fileprivate static let inNoEvent: PhraseSet = ["in no event"]
  fileprivate static let youLicensee: PhraseSet = [
    "you", "licensee", "recipient", "user", "commercial distributor", "indemnified party", "commercial contributor",
    "customer", "subscriber", "client",
  ]
  fileprivate static let defendTheFreedomDefend: PhraseSet = [
    "defend the freedom", "defend your", "protect your rights",
  ]
  fileprivate static let agreeToIndemnifyShall: PhraseSet = [
    "defend and indemnify", "agrees to defend", "agree to defend", "agrees to compensate", "agree to compensate",
    "agree to indemnify", "shall indemnify", "will indemnify", "must indemnify", "agrees to indemnify",
    "indemnify and hold", "indemnify, defend", "indemnify defend", "shall defend", "will defend", "agree to defend",
    "hold harmless", "to indemnify",
  ]
  fileprivate static let onlyIfYouYou: PhraseSet = [
    "only if you", "you may choose", "may offer", "requiring indemnification", "may add", "offer such",
    "in exchange for a fee", "additional liability",
  ]
  fileprivate static let governedConstrued: PhraseSet = [
    "govern", "governs", "governed", "construed", "interpreted", "governing law",
  ]
  fileprivate static let lawOfLawsOf: PhraseSet = ["law of", "laws of", "law", "laws"]
  fileprivate static let lawOfLawsOf2: PhraseSet = ["law of", "laws of", "governing law", "law", "laws"]
  fileprivate static let exportApplicableLawsAnd: PhraseSet = [
    "export", "applicable laws and regulations", "comply with",
  ]
  fileprivate static let governed: PhraseSet = ["governed"]
  fileprivate static let lawsOfLawOf: PhraseSet = ["laws of", "law of", "governing law"]
  fileprivate static let lawRegulation: PhraseSet = [
    "law*", "regulation*", "control*", "sanction*", "restriction*", "comply",
  ]
  fileprivate static let export: PhraseSet = ["export"]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let agreeWill: PhraseSet = ["agree*", "will", "shall", "must"]
  fileprivate static let termsYouOfferYou: PhraseSet = ["terms you offer", "you offer", "offered by you", "you alone"]
  fileprivate static let surviveSurvives: PhraseSet = ["survive", "survives", "shall survive"]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let subjectToTheLaw: PhraseSet = ["subject to the law*"]
  fileprivate static let youWillIndemnify: PhraseSet = [
    "you will indemnify", "you shall indemnify", "you agree to indemnify", "you will defend", "you shall defend",
    "licensee shall indemnify", "licensee will indemnify", "customer shall indemnify", "customer will indemnify",
  ]
  fileprivate static let grantsVerb: PhraseSet = ["grants", "hereby grants", "grant"]
  fileprivate static let indemnityModal: PhraseSet = ["shall", "will", "agrees to", "must", "agree to"]
  fileprivate static let noExportDuty: PhraseSet = [
    "no obligation", "not meant to", "creates no", "does not impose", "imposes no", "no duty",
  ]
  fileprivate static let applyVerbs: PhraseSet = ["apply", "applies", "shall apply", "will apply"]
  fileprivate static let useOfThisDocument: PhraseSet = [
    "use of this document", "information provided hereunder", "use of the information provided",
  ]
  fileprivate static let lawAsLimit: PhraseSet = [
    "to the extent", "excluded under", "permitted under", "permitted by", "mandatory", "cannot be excluded",
    "required by", "allowed under",
  ]
  fileprivate static let subjectToGovernedBy: PhraseSet = ["subject to", "governed by", "construed under"]
  fileprivate static let stateOf: PhraseSet = ["state of", "commonwealth of"]
  fileprivate static let lawAside: PhraseSet = ["excluding", "without regard", "conflict of law*", "conflicts of law*"]
  fileprivate static let lawsOfThatJurisdiction: PhraseSet = [
    "under the laws of that jurisdiction", "under the law of that jurisdiction", "under the laws of such jurisdiction",
  ]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let releasedSupplied: PhraseSet = ["released", "supplied", "comes", "come", "distributed"]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let legal: [PhraseSet] = [
    WarrantyDisclaimerRule.triggers,
    WarrantyDisclaimerRule.warrantyWords,
    LiabilityLimitationRule.liable,
    LiabilityLimitationRule.limit,
    IndemnificationRule.triggers,
    IndemnificationRule.claims,
    GoverningLawRule.governs,
    GoverningLawRule.governVerbs,
    GoverningLawRule.venue,
    GoverningLawRule.venueWords,
    GoverningLawRule.copula,
    GoverningLawRule.lawOf,
    ExportControlRule.export,
    PhraseSet.warrantProvided,
    PhraseSet.warrantRepresentation,
    PhraseSet.youMayChooseTo,
    PhraseSet.indemnifyYouAgreeTo,
    PhraseSet.inNoEvent,
    PhraseSet.youLicensee,
    PhraseSet.defendTheFreedomDefend,
    PhraseSet.agreeToIndemnifyShall,
    PhraseSet.onlyIfYouYou,
    PhraseSet.governedConstrued,
    PhraseSet.lawOfLawsOf,
    PhraseSet.lawOfLawsOf2,
    PhraseSet.exportApplicableLawsAnd,
    PhraseSet.governed,
    PhraseSet.lawsOfLawOf,
    PhraseSet.lawRegulation,
    PhraseSet.export,
    PhraseSet.agreeWill,
    PhraseSet.termsYouOfferYou,
    PhraseSet.surviveSurvives,
    PhraseSet.subjectToTheLaw,
    PhraseSet.youWillIndemnify,
    PhraseSet.grantsVerb,
    PhraseSet.indemnityModal,
    PhraseSet.noExportDuty,
    PhraseSet.applyVerbs,
    PhraseSet.useOfThisDocument,
    PhraseSet.lawAsLimit,
    PhraseSet.subjectToGovernedBy,
    PhraseSet.stateOf,
    PhraseSet.lawAside,
    PhraseSet.lawsOfThatJurisdiction,
    PhraseSet.releasedSupplied,
  ]
}
