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

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    var out: [Clause] = []
    for v in ctx.sentences() {
      let negatedWarranty = v.find(warrantyWords).first { m in
        v.negated(before: m.lowerBound, window: 4) || (m.lowerBound > 0 && v.word(m.lowerBound - 1) == "nobody")
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
  ]
  static let limit: PhraseSet = [
    "not exceed", "shall not exceed", "will not exceed", "in no case", "capped at", "no responsibility",
    "in no event", "not be liable", "no liability", "not liable", "shall not be", "limitation of liability",
    "under no circumstances", "no event", "disclaim*", "exclude*", "exclusion", "limit", "limited to",
    "will not be", "aggregate liability", "not responsible", "no responsibility", "not accept", "accepts no",
    "bears no", "bear no", "not answerable", "maximum extent",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let l = v.first(liable) else { continue }
      // "No contributor is liable", "bears no responsibility for losses": a negation before the liability.
      let negatedLiability = v.negated(before: l.lowerBound, window: 5) ? l : nil
      guard let m = v.first(limit) ?? negatedLiability else { continue }
      if v.has(.indemnifyYouAgreeTo) && !v.has(.inNoEvent) { continue }
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
    for v in ctx.sentences() {
      guard let t = v.first(triggers) else { continue }
      guard v.has(.youLicensee) else {
        continue
      }
      if v.has(.defendTheFreedomDefend) { continue }
      // A duty, not an option: "you may offer … indemnity … only if you agree to indemnify" is conditional,
      // and "requiring indemnification" (GPL section 7) describes terms others may add.
      let duty =
        v.has(.agreeToIndemnifyShall)
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

/// `governing-law`: a jurisdiction's law governs.
struct GoverningLawRule: ClauseRule {
  static let governs: PhraseSet = [
    "governed by", "construed in accordance with", "construed under", "interpreted in accordance with",
    "subject to the laws", "laws of", "law of", "governing law", "governed and construed", "subject to the law",
  ]
  static let governVerbs: PhraseSet = ["govern*", "appl*", "construed", "interpreted", "subject to"]
  static let venue: PhraseSet = [
    "courts of", "courts located in", "courts in", "court of", "courts sitting in", "jurisdiction of",
    "exclusive jurisdiction", "venue", "courts located", "arbitration in", "seated in", "jurisdiction in",
    "court with jurisdiction in", "courts at", "arbitration seated in", "seat of arbitration", "tribunals of",
    "place of jurisdiction", "court in", "court located in", "arbitration centre in", "arbitration center in",
    "court of competent jurisdiction in", "people's court", "courts having jurisdiction over",
  ]
  static let lawOf: PhraseSet = ["laws of", "law of", "law in force in", "laws in force in"]
  /// "French law governs": adjectives of place.
  static let demonyms: [(String, String)] = [
    ("french", "France"), ("english", "England and Wales"), ("german", "Germany"), ("swiss", "Switzerland"),
    ("japanese", "Japan"), ("chinese", "China"), ("irish", "Ireland"), ("dutch", "Netherlands"),
    ("belgian", "Belgium"), ("italian", "Italy"), ("spanish", "Spain"), ("singaporean", "Singapore"),
    ("korean", "South Korea"), ("indian", "India"), ("canadian", "Canada"), ("australian", "Australia"),
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // "Delaware law governs this License", "PRC law applies": a place right before "law".
      let placeLaw = placeBeforeLaw(in: v)
      guard let g = v.first(governs) ?? placeLaw?.1 else { continue }
      // "Sections 4 (Warranty) and 9 (Governing Law) survive termination": a list of headings.
      if v.has(.surviveSurvives) { continue }
      guard v.has(.governedConstrued) || v.has(.subjectToTheLaw) || placeLaw != nil,
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
      // The venue is often named in the next sentence ("The courts of X shall have exclusive jurisdiction").
      for k in v.index..<Swift.min(ctx.views.count, v.index + 3) {
        let w = ctx.views[k]
        guard k == v.index || ctx.section(at: w.span.start) == ctx.section(at: v.span.start) else { break }
        if let ve = w.first(venue), let pl = place(in: w, after: ve.upperBound) {
          p.venue = pl.0
          break
        }
      }
      if p.jurisdiction == nil && !v.has(.lawsOfLawOf) { continue }
      out.append(
        ctx.clause(.governingLaw, in: v, evidence: g.lowerBound..<Swift.min(v.count, g.upperBound + 8), parameters: p))
    }
    return out
  }

  /// A capitalised place directly before "law" with a governing verb after it ("Texas law governs").
  static func placeBeforeLaw(in v: SentenceView) -> (String, Range<Int>)? {
    for i in 1..<Swift.max(1, v.count) where ["law", "laws"].contains(v.word(i)) {
      guard v.first(governVerbs, in: i + 1..<Swift.min(v.count, i + 4)) != nil else { continue }
      if let d = demonyms.first(where: { $0.0 == v.word(i - 1) }) { return (d.1, (i - 1)..<(i + 1)) }
      guard v.isCapitalised(i - 1), !skip.contains(v.word(i - 1)) else { continue }
      var s = i - 1
      while s > 0, v.isCapitalised(s - 1), !skip.contains(v.word(s - 1)), i - s < 4 { s -= 1 }
      return (normalisePlace(v.raw(s..<i)), s..<(i + 1))
    }
    return nil
  }

  static func normalisePlace(_ raw: String) -> String {
    var name = raw
    if name.hasPrefix("People") || name.contains("Republic of China") || name == "PRC" { name = "China" }
    if name == "United States of America" || name == "USA" || name == "U.S" { name = "United States" }
    if name == "Republic of Korea" || name == "Korea" { name = "South Korea" }
    return name
  }

  static func demonym(in v: SentenceView) -> String? {
    for i in 0..<Swift.max(0, v.count - 1) where ["law", "laws"].contains(v.word(i + 1)) {
      if let hit = demonyms.first(where: { $0.0 == v.word(i) }) { return hit.1 }
    }
    return nil
  }

  static let skip: Set<String> = [
    "federal", "substantive", "applicable", "any", "this", "these", "such",
    "the", "state", "of", "commonwealth", "province", "republic", "laws", "law", "jurisdiction", "governing",
    "agreement", "license", "licence", "section", "terms",
  ]

  /// The first run of capitalised words after `after` ("the State of California" → "California").
  static func place(in v: SentenceView, after: Int) -> (String, Range<Int>)? {
    var i = after
    var limit = Swift.min(v.count, after + 8)
    while i < limit {
      let w = v.word(i)
      if v.isCapitalised(i), !skip.contains(w) {
        var j = i + 1
        while j < v.count, j < i + 5,
          v.isCapitalised(j) || (["and", "of"].contains(v.word(j)) && j + 1 < v.count && v.isCapitalised(j + 1))
        {
          j += 1
        }
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
    "you", "licensee", "recipient", "user", "commercial distributor", "indemnified party",
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
  fileprivate static let governedConstrued: PhraseSet = ["governed", "construed", "interpreted", "governing law"]
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
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let releasedSupplied: PhraseSet = ["released", "supplied", "comes", "come", "distributed"]
}
