// Restrictions on the acts a free licence must allow: no-modification, no-redistribution.

/// What a ban found in a sentence forbids.
enum BannedAct {
  case modification
  case redistribution
}

/// Reads bans on modifying or passing on the work: "you may not modify, translate or create
/// derivative works of the Software", "Licensee shall not rent, lease or distribute the Product",
/// "the Software may not be redistributed", items of a "You may not:" list.
///
/// Why a rule of its own: a grant that does not name a right leaves the OSD verdict `unknown` (an
/// extractor missing a verb must not fail an open licence); a text that says outright that the right
/// is withheld is the positive evidence a `fail` needs.
enum WorkBans {
  static let modifyVerbs: PhraseSet = [
    "modify", "modifies", "alter", "alters", "adapt", "translate", "create derivative works",
    "create any derivative works", "prepare derivative works", "make derivative works", "create derivatives",
    "create derivative", "make any derivative works", "make modifications", "make any modifications",
    "make changes to", "make any changes to", "create modifications", "create any modifications",
    "distribute modified", "distribute any modified",
    "distribute derivative", "distribute any derivative",
  ]
  /// Participles count only in the passive ("may not be modified"): elsewhere they describe
  /// ("install modified versions", "altered source versions").
  static let modifyParticiples: PhraseSet = ["modified", "altered", "adapted", "translated", "changed"]
  static let redistributeVerbs: PhraseSet = [
    "distribute", "redistribute", "rent", "lease", "lend", "loan", "sell", "resell", "publish", "make available",
    "give away", "provide copies",
  ]
  static let redistributeParticiples: PhraseSet = [
    "distributed", "redistributed", "rented", "leased", "lent", "loaned", "sold", "resold", "published",
    "made available", "given away",
  ]
  /// The work as the object of the act.
  static let workNouns = WordSet(
    [
      "software", "program", "programs", "product", "products", "work", "works", "material", "materials", "model",
      "models", "weights", "code", "library", "libraries", "font", "fonts", "typeface", "typefaces", "data",
      "dataset", "datasets", "database", "databases", "content", "documentation", "file", "files", "package",
      "sdk", "component", "components", "it", "them", "copies", "copy", "portion", "portions", "part", "parts",
      "application", "applications", "tool", "tools", "technology", "deliverables", "licensed", "derivative",
      "derivatives", "modifications", "version", "versions", "binaries", "binary", "executable", "source",
      "specification", "image", "images", "kit", "utility", "firmware", "driver", "drivers", "redistributables",
      "samples", "sample", "plug", "module", "modules", "platform",
    ].map(wordHash))
  /// Objects that make the ban about something else: the licence text, notices, marks, the reader's
  /// own material ("you may not modify this License", "This notice may not be removed or altered").
  static let otherNouns = WordSet(
    [
      "notice", "notices", "license", "licence", "licenses", "licences", "agreement", "terms", "legend", "legends",
      "label", "labels", "mark", "marks", "trademark", "trademarks", "name", "names", "header", "headers",
      "copyright", "attribution", "disclaimer", "statement", "statements", "condition", "conditions", "password",
      "passwords", "key", "keys", "account", "your", "their", "his", "her", "output", "outputs", "results",
      "benchmark", "information", "personal", "logo", "logos", "credentials", "policy", "identification",
      "markings", "banner", "splash", "confidential", "licensee", "licensor", "company", "service", "services",
    ].map(wordHash))
  /// Words between the ban and the act that make the sentence something other than a ban on the act:
  /// "do not need to distribute", "shall not restrict your right to modify", "may not be able to".
  static let notABan = WordSet(
    [
      "need", "needs", "have", "has", "required", "require", "obligated", "obliged", "restrict", "restricts",
      "prevent", "prevents", "limit", "limits", "prohibit", "forbid", "construed", "affect", "affects", "apply",
      "waive", "deemed", "able", "intend", "intended", "only", "expected", "choose", "elect", "wish", "want",
      "impose", "charge", "claim", "misrepresent", "remove", "obscure",
    ].map(wordHash))
  /// What makes a ban conditional or leaves room for the grant: it then counts only where no grant
  /// names the right ("except as expressly provided under this License", "unless you comply with …").
  static let qualifiers: PhraseSet = [
    "except", "unless", "other than", "otherwise than", "save as", "without complying", "in accordance with",
    "under the terms", "under terms", "under any terms", "under a license", "under a licence", "under the same",
    "under this", "if you", "in violation", "in breach", "in a manner", "in any manner that", "in a way",
    "that attempt", "that restrict", "that alter", "beyond", "outside the scope", "not expressly permitted",
    "not expressly granted", "not permitted by", "if", "provided", "as long as", "so long as", "only if",
  ]
  /// "without <the licensor's> (prior written) consent": a ban the licensor may lift, still a ban.
  static let consent: PhraseSet = [
    "consent", "permission", "approval", "authorization", "authorisation", "written agreement", "license from",
    "licence from", "separate license", "separate licence", "commercial license", "commercial licence",
  ]
  /// Only passing the work on by itself is banned ("may not be sold by itself"): OSD 1 asks only
  /// that it may go out as part of an aggregate.
  static let standalone: PhraseSet = [
    "by itself", "alone", "standalone", "stand alone", "on its own", "separately", "as such", "in isolation",
    "on a stand alone basis", "independently",
  ]
  static let passiveBe = WordSet(["be", "been", "is", "are"].map(wordHash))
  static let licensorSubjects = WordSet(
    ["we", "licensor", "licensors", "company", "it", "they", "author", "authors", "provider", "owner"].map(wordHash))
  static let stops = WordSet(
    ["or", "and", "nor", "otherwise", "to", "in", "any", "the", "this", "these", "all"].map(wordHash))

  /// A ban in a sentence: the act, the word range to show, and whether it is qualified.
  struct Found {
    let act: BannedAct
    let evidence: Range<Int>
    let qualified: Bool
  }

  /// Words that cannot stand between a ban and the act it governs: the act then belongs to another
  /// clause ("agree not to enforce patents against anyone modifying", "neither you nor anyone retains the
  /// ability to install modified versions").
  static let breakers = WordSet(
    [
      "that", "which", "who", "whom", "whose", "against", "if", "when", "because", "where", "whether", "from",
      "for", "with", "than", "so", "enforce", "retains", "retain", "ability", "unless", "except", "provided",
      "cause", "causes", "by",
    ].map(wordHash))
  /// "If you do not agree, do not use, copy or distribute it": a statement about accepting the
  /// licence, not a ban.
  static let refusal: PhraseSet = [
    "if you do not agree", "if you do not accept", "if you disagree", "unless you agree", "unless you accept",
    "if you are not willing", "if you do not wish",
  ]

  /// The bans on modifying or passing on the work that a sentence states.
  static func bans(in v: SentenceView, inBanList: Bool, inConditionList: Bool) -> [Found] {
    guard
      v.mayContain(modifyVerbs) || v.mayContain(redistributeVerbs) || v.mayContain(modifyParticiples)
        || v.mayContain(redistributeParticiples)
    else { return [] }
    let prohibitions = v.find(Lexicon.prohibition)
    guard !prohibitions.isEmpty || inBanList else { return [] }
    if v.has(refusal) { return [] }
    var out: [Found] = []
    var seen: Set<Int> = []
    let sets: [(PhraseSet, BannedAct, Bool)] = [
      (modifyVerbs, .modification, false), (modifyParticiples, .modification, true),
      (redistributeVerbs, .redistribution, false), (redistributeParticiples, .redistribution, true),
    ]
    for (set, act, participle) in sets {
      for m in v.find(set) {
        // The ban governing the verb: the nearest prohibition before it, within 12 words; or the list.
        let ban = prohibitions.last { $0.upperBound <= m.lowerBound && m.lowerBound - $0.upperBound <= 12 }
        guard ban != nil || inBanList else { continue }
        let from = ban?.upperBound ?? 0
        if (from..<m.lowerBound).contains(where: { notABan.contains(v.hashes[$0]) || breakers.contains(v.hashes[$0]) })
        {
          continue
        }
        if let b = ban, b.lowerBound > 0, licensorSubjects.contains(v.hashes[b.lowerBound - 1]) { continue }
        // "… is permitted to make private changes and do not publish them": a choice the grant leaves
        // open, not a ban.
        if let b = ban, b.lowerBound > 0, v.word(b.lowerBound - 1) == "and",
          let t = v.first(GrantWords.triggers), t.upperBound <= b.lowerBound
        {
          continue
        }
        // "distribute modified versions" is matched by both sets: the longer phrase decides.
        if seen.contains(m.lowerBound) { continue }
        // "may not be removed or altered": a passive anywhere between the ban and the verb.
        let passive = (Swift.max(from, m.lowerBound - 6)..<m.lowerBound).contains { passiveBe.contains(v.hashes[$0]) }
        if participle && !passive { continue }
        guard aboutTheWork(v, after: m, passive: passive, ban: ban) else { continue }
        let tail = m.upperBound..<Swift.min(v.count, m.upperBound + 14)
        if act == .redistribution, v.first(standalone, in: tail) != nil { continue }
        // "may not sell the Software": charging for it is not passing it on (OSD 1 asks that the work
        // may be given away or sold as part of an aggregate), so a ban of selling alone is none.
        if act == .redistribution, ["sell", "resell", "sold", "resold"].contains(v.word(m.lowerBound)),
          !(from..<m.lowerBound).contains(where: { redistributionWords.contains(v.hashes[$0]) })
        {
          continue
        }
        var effective = act
        if act == .redistribution, !passive, let o = objectAfter(v, m),
          ["modified", "derivative", "derivatives", "modifications"].contains(v.word(o))
        {
          effective = .modification
        }
        seen.insert(m.lowerBound)
        out.append(
          Found(
            act: effective, evidence: (ban?.lowerBound ?? m.lowerBound)..<m.upperBound,
            qualified: ban == nil || inConditionList || qualified(v, act: m) || narrowed(v, after: m)))
      }
    }
    return out
  }

  /// Words the object scan passes over: determiners, list glue and the other acts of a ban list.
  static let glue = WordSet(
    [
      "the", "a", "an", "any", "all", "this", "these", "those", "such", "or", "and", "nor", "its", "of", "in",
      "whole", "to", "otherwise", "either", "part", "parts", "copies", "copy", "portion", "portions", "use",
      "reproduce", "decompile", "disassemble", "reverse", "engineer", "sublicense", "transfer", "assign", "host",
      "display", "perform", "exploit", "sell", "modify", "alter", "adapt", "translate", "distribute",
      "redistribute", "rent", "lease", "lend", "loan", "publish", "merge", "create", "derivative", "works",
      "based", "on", "upon", "make", "available", "provide", "way", "manner", "form", "original", "complete",
      "entire", "said", "same",
    ].map(wordHash))

  /// A capitalised word that is not in capitals throughout: in an ALL-CAPS passage every word looks
  /// like a name, so none is read as one there ("MAY NOT PUBLISH PATCHES" is about patches).
  /// (An acronym in running text, "may not distribute JIDE", is a name: the sentence around it is not
  /// in capitals.)
  static func isName(_ v: SentenceView, _ k: Int) -> Bool {
    guard v.isCapitalised(k) else { return false }
    if v.rawWord(k).dropFirst().contains(where: { $0.isLowercase }) { return true }
    // (A hyphenated compound in capitals, "HYDRA-FLOW", is a product name even in a capitals passage.)
    if k + 1 < v.count {
      let pair = v.raw(k..<(k + 2))
      if pair.contains("-"), !pair.contains(where: \.isWhitespace) { return true }
    }
    return k > 0 && v.rawWord(k - 1).contains { $0.isLowercase }
      || k + 1 < v.count && v.rawWord(k + 1).contains { $0.isLowercase }
  }

  /// The first word after the act that is not glue; a capitalised name ("the Acme Toolkit") counts as
  /// the work unless a word after it says otherwise ("the Acme Trademarks").
  static func objectAfter(_ v: SentenceView, _ m: Range<Int>) -> Int? {
    var k = m.upperBound
    var name: Int?
    while k < Swift.min(v.count, m.upperBound + 12) {
      let h = v.hashes[k]
      if workNouns.contains(h) || otherNouns.contains(h) { return k }
      if glue.contains(h), name == nil {
        k += 1
        continue
      }
      if isName(v, k), k - m.upperBound < 8 {
        name = k
        k += 1
        continue
      }
      return name ?? k
    }
    return name
  }

  /// Words that, right after the object, narrow the ban to some copies or some ways ("may not
  /// distribute Covered Code that infringes …", "as a hosted service", "using our trademarks",
  /// "any portion protected by the licence key").
  static let narrowing = WordSet(
    [
      // Not "to" or "for": "may not distribute the Software to any third party / for any purpose" is a
      // whole ban.
      "that", "which", "whose", "protected", "as", "using", "under", "unless", "except",
    ].map(wordHash))
  static let redistributionWords = WordSet(
    ["distribute", "redistribute", "rent", "lease", "lend", "loan", "publish", "transfer"].map(wordHash))

  static func narrowed(_ v: SentenceView, after m: Range<Int>) -> Bool {
    guard let o = objectAfter(v, m) else { return false }
    var k = o + 1
    // Skip the rest of the object phrase ("the Software Product", "any portion of the Software").
    while k < v.count, workNouns.contains(v.hashes[k]) || glue.contains(v.hashes[k]) || isName(v, k) {
      if narrowing.contains(v.hashes[k]) { break }
      k += 1
    }
    return k < v.count && narrowing.contains(v.hashes[k])
  }

  /// Whether the act is done to the work: the object after an active verb, or the subject before a
  /// passive one, is the work and not a notice, the licence text or the reader's own material.
  static func aboutTheWork(_ v: SentenceView, after m: Range<Int>, passive: Bool, ban: Range<Int>?) -> Bool {
    if passive {
      // The subject of a passive ban is the head of a phrase that may run long ("This notice, and any
      // references to it in any copy of the software, may not be removed"): any licence or notice
      // word in it makes the ban about that.
      let end = ban?.lowerBound ?? m.lowerBound
      let window = Swift.max(0, end - 25)..<end
      if window.contains(where: { otherNouns.contains(v.hashes[$0]) }) { return false }
      return window.contains { workNouns.contains(v.hashes[$0]) }
    }
    // "Do not distribute without my permission": the act with no object is about the work.
    if m.upperBound == v.count || v.word(m.upperBound) == "without" { return true }
    guard let o = objectAfter(v, m) else { return false }
    return workNouns.contains(v.hashes[o]) || (isName(v, o) && !otherNouns.contains(v.hashes[o]))
  }

  /// Whether the ban leaves room for a grant: a qualifier anywhere in the sentence other than a
  /// "without … consent" (which keeps the ban until the licensor lifts it).
  static func qualified(_ v: SentenceView, act: Range<Int>) -> Bool {
    if v.has(qualifiers) { return true }
    if let w = v.first(.withoutWord, in: act.upperBound..<v.count),
      v.first(consent, in: w.upperBound..<Swift.min(v.count, w.upperBound + 6)) == nil
    {
      return true
    }
    return false
  }
}

/// `no-modification` (the work may not be modified, or may be passed on only unmodified) and
/// `no-redistribution` (copies of the work may not be passed on: distributed, rented, lent, sold).
/// One rule for both: they read the same sentences and share the grants a qualified ban yields to.
struct WorkBanRule: ClauseRule {
  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    var granted: Set<GrantRight>?
    for v in ctx.sentences() {
      let found = WorkBans.bans(in: v, inBanList: ctx.inBanList[v.index], inConditionList: ctx.inDutyList[v.index])
      guard !found.isEmpty else { continue }
      for (act, kind, rights) in [
        (BannedAct.modification, ClauseKind.noModification, Set<GrantRight>([.modify, .createDerivatives])),
        (.redistribution, .noRedistribution, [.distribute]),
      ] {
        let of = found.filter { $0.act == act }
        guard let first = of.first(where: { !$0.qualified }) ?? of.first else { continue }
        if first.qualified {
          // A qualified ban ("except as this License provides") only counts where no grant names the
          // right: GPL-style texts say both. The grants are read once, when first needed.
          if granted == nil {
            granted = Set(CopyrightGrantRule.extract(ctx).flatMap { $0.parameters.rights ?? [] })
          }
          if !granted!.isDisjoint(with: rights) { continue }
        }
        out.append(ctx.clause(kind, in: v, evidence: first.evidence))
      }
    }
    return out
  }
}

extension PhraseSet {
  fileprivate static let withoutWord: PhraseSet = ["without"]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let bans: [PhraseSet] = [
    WorkBans.modifyVerbs,
    WorkBans.modifyParticiples,
    WorkBans.redistributeVerbs,
    WorkBans.redistributeParticiples,
    WorkBans.qualifiers,
    WorkBans.consent,
    WorkBans.standalone,
    WorkBans.refusal,
    PhraseSet.withoutWord,
  ]
}
