/// `field-of-use`: named uses or purposes are banned.
///
/// A ban is either a sentence with a prohibition and a use verb ("you may not use the
/// Model for military purposes"), or an item in a list introduced by one (see ``BanScope``).
/// Each ban's words are classified into the field vocabulary of the clause taxonomy.
struct FieldOfUseRule: ClauseRule {
  /// Field id → words that signal it.
  static let fields: [(String, PhraseSet)] = [
    (
      "weapons",
      [
        "weapon*", "firearm*", "munition*", "explosive*", "nuclear", "chemical weapons",
        "biological weapons", "bioweapon*", "ammunition", "warhead*", "missile*",
      ]
    ),
    ("military", ["military", "warfare", "armed forces", "defense applications", "combat", "espionage"]),
    (
      "surveillance",
      [
        "surveil*", "tracking individuals", "track individuals", "monitor individuals",
        "monitoring of individuals", "mass monitoring", "stalk*", "spy on", "spying",
      ]
    ),
    (
      "law-enforcement",
      [
        "law enforcement", "predictive policing", "policing", "criminal justice",
        "immigration enforcement", "border control",
      ]
    ),
    (
      "critical-infrastructure",
      [
        "critical infrastructure", "power grid*", "water supply", "air traffic",
        "transportation technologies", "heavy machinery", "nuclear facilit*", "aircraft navigation",
        "control of aircraft", "aircraft communication*",
        "utilities", "operation of critical", "industrial control",
      ]
    ),
    (
      "medical-advice",
      [
        "medical advice", "medical diagnosis", "diagnos*", "clinical", "medical treatment",
        "medical results", "health care", "healthcare", "medical decisions", "medical",
      ]
    ),
    ("legal-advice", ["legal advice", "legal services", "practice of law", "legal opinion"]),
    (
      "financial-advice",
      [
        "financial advice", "investment advice", "financial services", "credit scoring",
        "creditworthiness", "lending", "insurance underwriting",
      ]
    ),
    (
      "discrimination",
      [
        "discriminat*", "protected characteristic*", "on the basis of race", "racial",
        "segregat*", "social scoring", "social behavior", "bias*",
      ]
    ),
    (
      "harassment",
      [
        "harass*", "bully*", "bullying", "intimidat*", "threaten*", "abuse", "abusive", "hateful",
        "hate speech", "defam*",
      ]
    ),
    (
      "disinformation",
      [
        "disinformation", "misinformation", "false information", "fake news", "misleading",
        "false or misleading", "deceive", "deceptive", "fraud*", "scam*", "propaganda",
        "falsely", "fabricat*", "rumour*", "rumor*",
      ]
    ),
    (
      "impersonation",
      [
        "impersonat*", "misrepresent*", "pretend*", "pass off", "claim that output", "imitate a person",
        "imitate any person", "imitate the voice", "imitate real",
        "voice of a real person", "likeness", "pose as", "posing as", "clone the voice",
        "human generated", "deepfake*", "without disclosing", "represent that the output",
      ]
    ),
    ("child-safety", ["child*", "minor", "minors", "csam", "child sexual abuse", "underage", "grooming"]),
    (
      "illegal-activity",
      [
        "illegal", "unlawful", "unlawfully", "violate any law", "violates any law",
        "violation of any law", "violate applicable law", "violates applicable law", "violation of applicable law",
        "criminal", "crime*", "terroris*",
        "trafficking", "violate the law", "infringe*", "laws or regulations", "law forbids", "laws forbid",
        "forbidden by law", "prohibited by law", "prohibited by applicable law", "against the law", "against any law",
      ]
    ),
    (
      "malware",
      [
        "malware", "malicious code", "virus*", "ransomware", "worm*", "trojan*", "spyware",
        "computer viruses", "hacking", "unauthorized access", "cyber attack*", "cyberattack*",
        "exploit vulnerabilities", "denial of service", "malicious",
      ]
    ),
    ("spam", ["spam", "spamming", "unsolicited", "bulk messages", "mass messaging"]),
    (
      "privacy",
      [
        "personal data", "personal information", "personally identifiable", "privacy", "private information",
        "pii", "data protection", "without consent", "sensitive information", "doxx*", "re identify", "re identif*",
        "reidentif*", "de anonymi*", "deanonymi*", "profiles of individuals", "profiling",
      ]
    ),
    (
      "biometric-identification",
      [
        "biometric*", "facial recognition", "face recognition", "identify individuals",
        "identification of individuals", "voiceprint*", "fingerprint*", "recognise people", "recognize people",
        "their faces", "facial",
      ]
    ),
    (
      "automated-decision-making",
      [
        "automated decision*", "fully automated", "automatically making",
        "automated processing", "decisions that affect", "adverse effect on",
        "legally binding decision*", "eligibility",
      ]
    ),
    (
      "political-campaigning",
      [
        "political campaign*", "campaigning", "election*", "lobbying", "political",
        "voting", "voter*",
      ]
    ),
    ("self-harm", ["self harm", "suicide", "self injury", "eating disorder*", "self-harm"]),
    ("sexual-content", ["sexual*", "pornograph*", "obscene", "explicit content", "erotic", "nudity", "adult content"]),
    (
      "violence",
      [
        "violence", "violent", "terrorism", "terrorist", "kill*", "bodily harm", "physical harm",
        "death", "genocide", "incite*", "glorif*", "extremis*",
      ]
    ),
    (
      "regulated-activity-without-licence",
      [
        "unlicensed practice", "without a license", "without a licence",
        "without appropriate licens*", "professional license*",
        "regulated activit*", "licensed professional", "unauthorized practice",
        "without the necessary",
      ]
    ),
    // "Used for Good, not Evil" (the JSON licence and its copies): a moral ban naming no concrete field.
    ("evil", ["evil", "evil purpose*", "harmful purpose*"]),
    // "… may not be used as training data for machine learning models": MIT and BSD texts amended since
    // 2023, content licences, and text-and-data-mining reservations.
    (
      "ai-training",
      [
        "machine learning model*", "training data", "train machine learning", "train artificial intelligence",
        "training artificial intelligence", "train ai", "ai training", "training of artificial intelligence",
        "text and data mining", "data mining",
      ]
    ),
  ]

  static let compiled: [(String, PhraseSet)] = fields
  static let weaponWords: PhraseSet = fields[0].1

  /// Professions a ban on *unlicensed* practice names as examples ("the unlicensed practice of any
  /// profession including financial, legal, medical …"): the ban is on practising without a licence,
  /// not on the field itself.
  static let professionFields: Set<String> = ["medical-advice", "legal-advice", "financial-advice"]

  /// The fields a sentence names, each with its first match.
  static func hits(_ v: SentenceView) -> [(String, Range<Int>)] {
    var out: [(String, Range<Int>)] = []
    for (field, set) in compiled {
      if let m = v.first(set) { out.append((field, m)) }
    }
    if out.contains(where: { $0.0 == "regulated-activity-without-licence" }) {
      out.removeAll { professionFields.contains($0.0) }
    }
    // "Do not use the outputs to train machine learning models" is `output-use`: a training ban is a field
    // only when the work itself is the training data.
    if v.has(.outputWords) { out.removeAll { $0.0 == "ai-training" } }
    // "the operation of any nuclear facility" is infrastructure; "nuclear" names weapons only when no
    // facility follows it.
    if out.contains(where: { $0.0 == "critical-infrastructure" }), v.has(.nuclearFacility),
      let w = out.firstIndex(where: { $0.0 == "weapons" }),
      v.find(weaponWords).allSatisfy({
        v.first(.nuclearFacility, in: $0.lowerBound..<Swift.min(v.count, $0.lowerBound + 2)) != nil
      })
    {
      out.remove(at: w)
    }
    return out
  }

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    var out: [Clause] = []
    var pendingFields = Set<String>()
    var firstView: SentenceView?
    var firstHit: Range<Int>?
    var lastView: SentenceView?
    func flush() {
      guard let fv = firstView, let lv = lastView, !pendingFields.isEmpty else {
        pendingFields = []
        firstView = nil
        return
      }
      var p = ClauseParameters()
      p.fields = fieldOrder.filter { pendingFields.contains($0) }
      var c = ctx.clause(.fieldOfUse, in: fv, evidence: firstHit, parameters: p)
      // A list of bans is one clause spanning the list.
      let span = fv.span.union(lv.span)
      c = Clause(
        kind: .fieldOfUse, span: ClauseSpan(start: span.start, end: span.end, line: c.span.line),
        evidence: c.evidence, section: c.section, document: c.document, parameters: p)
      out.append(c)
      pendingFields = []
      firstView = nil
      firstHit = nil
    }
    for v in ctx.sentences() {
      let banned = ctx.inBanList[v.index] || isBanSentence(v)
      guard banned else {
        // A later item of a one-sentence ban list: "Licensee shall not (i) copy …, (ii) sublicense …, or
        // (iii) use the Materials in any unlawful or harassing way".
        let items = laterItemBans(v)
        if !items.isEmpty {
          flush()
          var p = ClauseParameters()
          p.fields = fieldOrder.filter { f in items.contains { $0.0 == f } }
          out.append(
            ctx.clause(
              .fieldOfUse, in: v, evidence: items.map(\.1).min { $0.lowerBound < $1.lowerBound }, parameters: p))
          continue
        }
        flush()
        continue
      }
      var hitHere: Range<Int>?
      var found = hits(v)
      // "Licensee warrants that it will not use the Software for such purposes": the fields are named in
      // the sentence before ("not designed or intended for use in … any nuclear facility").
      if found.isEmpty, let such = v.first(.suchPurposes), v.index > 0 {
        found = hits(ctx.views[v.index - 1]).map { ($0.0, such) }
      }
      for (field, m) in found {
        // "including but not limited to medical …" inside permissions is not a ban; the ban test above covers it.
        pendingFields.insert(field)
        if hitHere == nil || m.lowerBound < hitHere!.lowerBound { hitHere = m }
      }
      guard let h = hitHere else { continue }
      if firstView == nil {
        firstView = v
        firstHit = h
      }
      lastView = v
    }
    flush()
    out.append(contentsOf: throughDefinitions(ctx, already: out))
    return out
  }

  /// Bans that name a defined term ("You shall not engage in any Restricted Use", where section 1
  /// defines "Restricted Uses" as a list): the fields come from the definition.
  static func throughDefinitions(_ ctx: ExtractionContext, already: [Clause]) -> [Clause] {
    var out: [Clause] = []
    // The sentences that ban something and name a term, computed once per term: scanning every
    // sentence for every definition was quadratic on texts that repeat one definition.
    var bansNaming: [[String]: [(view: SentenceView, evidence: Range<Int>)]] = [:]
    let bodyViews = ctx.sentences()
    // The fields a sentence names, once per sentence (many definitions can share one).
    var fieldsOfView: [Int: Set<String>] = [:]
    for d in ctx.structure.definitions {
      // The definition paragraph, list items included.
      // Found by binary search from the definition's start: a filter over every view for every
      // definition made long texts quadratic.
      let defViews = viewsOverlapping(d.definitionSpan, ctx.views).filter {
        d.definitionSpan.contains($0.span) || $0.span.contains(d.definitionSpan)
      }
      var fields = Set<String>()
      for v in defViews {
        if fieldsOfView[v.index] == nil {
          fieldsOfView[v.index] = Set(hits(v).map(\.0))
        }
        fields.formUnion(fieldsOfView[v.index] ?? [])
      }
      guard fields.count >= 2 else { continue }
      // The singular and plural of the term both refer to it ("Restricted Use(s)").
      var forms = [d.normalizedTerm]
      if d.normalizedTerm.hasSuffix("s") { forms.append(String(d.normalizedTerm.dropLast())) }
      if bansNaming[forms] == nil {
        let term = PhraseSet(forms)
        bansNaming[forms] = bodyViews.compactMap { v in
          guard let t = v.first(term), v.has(Lexicon.prohibition) || ctx.inBanList[v.index] else { return nil }
          return (v, t)
        }
      }
      for (v, t) in bansNaming[forms] ?? [] where !defViews.contains(where: { $0.index == v.index }) {
        if already.contains(where: { $0.span.range.contains(v.span) }) { continue }
        var p = ClauseParameters()
        p.fields = fieldOrder.filter { fields.contains($0) }
        out.append(ctx.clause(.fieldOfUse, in: v, evidence: t, parameters: p))
        break
      }
    }
    return out
  }

  /// The views whose spans meet `span`, in order (views are sorted by start and do not overlap).
  static func viewsOverlapping(_ span: Span, _ views: [SentenceView]) -> ArraySlice<SentenceView> {
    var lo = 0
    var hi = views.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if views[mid].span.end <= span.start { lo = mid + 1 } else { hi = mid }
    }
    var end = lo
    while end < views.count, views[end].span.start < span.end { end += 1 }
    return views[lo..<end]
  }

  static let fieldOrder: [String] = fields.map(\.0)

  static let useFor: PhraseSet = [
    "use", "used", "using", "uses", "utilize", "deploy", "apply", "employ", "for", "to", "in connection with",
    "engage in", "in any way", "purpose", "purposes", "application*", "generate", "create", "facilitate",
  ]

  /// A sentence that bans a use: a prohibition marker with a use verb, not negated back into a permission.
  /// Verbs that open a ban-list item about using the work.
  static let itemVerbs = PhraseSet(union: [Lexicon.useVerbs, ["include", "incorporate", "embed"]])

  /// Fields named in a later item of a one-sentence ban list: a use verb shortly before the field word,
  /// after the ban that opens the list.
  static func laterItemBans(_ v: SentenceView) -> [(String, Range<Int>)] {
    // Patents in the list ("… or assert any patent claim") make "infringe" words too loose; an item that
    // bans infringing other people's rights does not cancel the list's other items.
    // An export clause's list of end uses ("to any end user who will use it for nuclear weapons") stays
    // `export-control`, as everywhere else.
    guard let p = v.first(Lexicon.prohibition), !v.has(.warrantWarranty), !v.has(.liableWord),
      !v.has(.patentWords), !v.has(ExportControlRule.export)
    else { return [] }
    return hits(v).filter { field, m in
      guard m.lowerBound > p.upperBound,
        let u = v.find(itemVerbs, in: Swift.max(p.upperBound, m.lowerBound - 12)..<m.lowerBound).last
      else { return false }
      // The item is marked off from the ban's first items ("(iii) use …", "…; use …"), and its field word
      // is a plain one: "abuse", "infringe" and places alone are too loose here.
      let gap = v.raw(p.upperBound..<u.lowerBound)
      guard gap.contains(";") || gap.contains(")") else { return false }
      return !["abuse", "infringe", "infringes", "infringed", "infringement", "minors", "utilities"].contains(
        v.word(m.lowerBound))
    }
  }

  static func isBanSentence(_ v: SentenceView) -> Bool {
    // "shall be used for Good, not Evil": a use allowed for one end and refused for the other;
    // "for any purpose except military ones": a carve-out from the grant.
    if v.has(.usedForXNotY) || v.has(.anyPurposeExcept) { return true }
    // "The software is not designed, licensed or intended for use in …": not licensed for those uses.
    if v.has(.notLicensedForUse) { return true }
    guard let p = v.first(Lexicon.prohibition) else { return false }
    // The ban must be on using the work: a use verb soon after the prohibition.
    guard
      v.first(Lexicon.useVerbs, in: Swift.max(0, p.lowerBound - 8)..<Swift.min(v.count, p.upperBound + 5)) != nil
        || v.first(
          .forToEngage,
          in: p.upperBound..<Swift.min(v.count, p.upperBound + 4)) != nil
    else { return false }
    if v.has(.patentInfringe) && !v.has(.modelMaterials) { return false }
    // "grants no right to use the crest, logos or trade marks": a trademark rule, not a field ban.
    if v.first(TrademarkRule.marks, in: p.upperBound..<Swift.min(v.count, p.upperBound + 8)) != nil { return false }
    // Disclaimers ("the licensor does not warrant fitness for medical use") are not bans.
    // "Licensee warrants that it will not use the Software for such purposes" is a ban in a warranty's words.
    if v.has(.warrantWarranty) && !v.has(.warrantsItWillNot) { return false }
    return true
  }
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let nuclearFacility: PhraseSet = ["nuclear facilit*"]
  fileprivate static let liableWord: PhraseSet = ["liable", "liability", "responsible"]
  fileprivate static let outputWords: PhraseSet = ["output", "outputs", "generated content", "completions"]
  fileprivate static let warrantsItWillNot: PhraseSet = [
    "warrants that it will not", "warrant that you will not", "warrants that it shall not", "warrant that it will not",
    "warrants that licensee will not", "warrants that you will not", "warrant that you shall not",
  ]
  fileprivate static let suchPurposes: PhraseSet = [
    "such purposes", "such purpose", "such uses", "such use", "such applications", "any such purpose",
  ]
  fileprivate static let notLicensedForUse: PhraseSet = [
    "not designed licensed or intended for", "not licensed or intended for", "not licensed for use in",
    "not licensed for use with", "is not licensed for", "are not licensed for", "not intended or licensed for",
  ]
  fileprivate static let anyPurposeExcept: PhraseSet = [
    "any purpose except", "any purpose other than", "any purposes except", "all purposes except",
    "any purpose save", "any use except", "any lawful purpose except",
  ]
  fileprivate static let usedForXNotY: PhraseSet = [
    "be used for _ not", "be used only for _ not", "be used for _ and not", "be used for _ but not",
  ]
  fileprivate static let forToEngage: PhraseSet = ["for", "to engage", "in connection with", "purpose*"]
  fileprivate static let patentInfringe: PhraseSet = ["patent*", "infringe*"]
  fileprivate static let patentWords: PhraseSet = ["patent*"]
  fileprivate static let modelMaterials: PhraseSet = ["model", "materials", "outputs"]
  fileprivate static let warrantWarranty: PhraseSet = ["warrant*", "warranty", "liable", "liability", "disclaim*"]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let fieldOfUse: [PhraseSet] =
    [
      FieldOfUseRule.weaponWords,
      FieldOfUseRule.useFor,
      FieldOfUseRule.itemVerbs,
      PhraseSet.nuclearFacility,
      PhraseSet.liableWord,
      PhraseSet.outputWords,
      PhraseSet.warrantsItWillNot,
      PhraseSet.suchPurposes,
      PhraseSet.notLicensedForUse,
      PhraseSet.anyPurposeExcept,
      PhraseSet.usedForXNotY,
      PhraseSet.forToEngage,
      PhraseSet.patentInfringe,
      PhraseSet.patentWords,
      PhraseSet.modelMaterials,
      PhraseSet.warrantWarranty,
    ]
    + FieldOfUseRule.fields.map(\.1)
    + FieldOfUseRule.compiled.map(\.1)
}
