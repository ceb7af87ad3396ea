// Obligations: include-license, retain-notices, state-changes, attribution-display, naming,
// share-alike, disclose-source, network-use-disclose, flow-down, acceptance.

/// `include-license`: redistributions must carry a copy of the licence.
struct IncludeLicenseRule: ClauseRule {
  static let copyOfLicence: PhraseSet = [
    "copy of this license", "copy of this agreement", "copy of the license", "copy of the agreement",
    "copy of these terms", "copy of this licence", "this permission notice", "this license notice",
    "copy of this license agreement", "copies of this license", "text of this license", "the text of the license",
    "copy of the gnu", "copy of this public license", "the uniform resource identifier",
    "this list of conditions", "terms of this agreement", "copy of the terms", "these terms", "this license",
    "this licence", "this agreement", "the license text", "license text", "licence text", "these conditions",
    "the terms of this license", "hyperlink to this", "the license terms", "copy of the licence", "this paragraph",
    "the following two paragraphs", "text of this licence", "this permission notice", "these license terms",
    "permission text", "this public license", "hyperlink to this public license", "uri or hyperlink to",
    "this permission", "the licence terms", "this text", "this notice", "include this file", "keep this file",
    "this grant", "this file with", "without this file", "complete permission notice", "license agreement and",
    "license agreement is retained", "this entire statement", "this statement",
    "licence agreement is retained", "text of this agreement", "copy of this eula", "text of this eula",
    "copy of this document", "copies of this document",
    // "everyone who receives a copy … also receives the License and the copyright notice" (Hippocratic).
    "receives the license", "receive the license", "receives the licence", "receive the licence",
    "gets the license", "get the license", "gets the licence", "get the licence",
  ]
  static let verbs: PhraseSet = [
    "pass", "pass it on", "along with", "together with",
    "give", "include", "included", "includes", "provide", "provided", "accompany", "accompanied", "retain",
    "reproduce", "supply", "deliver", "distribute", "keep intact", "attach", "carry", "contain", "appear",
    "appears", "come with", "comes with", "travel with", "keep", "ship with", "bundled with", "be included",
    "pass on", "hand on", "make available", "not be removed", "removed", "gets", "get", "receives", "display",
    "kept", "be kept", "by including", "providing", "attaching", "distributed without", "retained", "ship", "inform",
    "receive", "makes available", "must be distributed with", "shall be distributed with",
  ]

  /// First words of the bare mentions ("this agreement", "these terms", "this license").
  static let bare: Set<UInt64> = Set(["this", "these"].map(wordHash))
  static let holders: Set<UInt64> = Set(["copy", "copies", "address", "text", "version", "link"].map(wordHash))
  /// "breach this agreement", "terminate this licence", "enter into this agreement": the licence acted
  /// on as a whole, not a copy passed on.
  static let actsOnLicence: Set<UInt64> = Set(
    [
      "breach", "breaches", "breached", "violate", "violates", "violated", "terminate", "terminates", "accept",
      "accepts", "accepted", "into", "sign", "signed", "signing", "execute", "executed", "amend", "amends",
    ].map(wordHash))
  /// "this agreement (which includes the policies …)", "this licence contains": the licence as the
  /// subject that holds something, not the object of a duty.
  static let holds: Set<String> = ["includes", "contains", "incorporates", "comprises"]

  /// "provided that this license is conditioned upon …", "this agreement shall terminate": the licence
  /// as the subject of a statement about itself.
  static let aboutItself: Set<String> = [
    "conditioned", "conditional", "subject", "terminate", "terminates", "granted", "personal", "effective",
    "governed", "void",
  ]
  static func licenceIsSubject(_ v: SentenceView, after c: Range<Int>) -> Bool {
    guard c.upperBound + 1 < v.count, ["is", "shall", "will"].contains(v.word(c.upperBound)) else { return false }
    let next = v.word(c.upperBound + 1) == "be" && c.upperBound + 2 < v.count ? c.upperBound + 2 : c.upperBound + 1
    return aboutItself.contains(v.word(next))
  }
  static let prepositions: Set<UInt64> = Set(
    ["of", "under", "in", "by", "with", "to", "than", "from", "within", "per", "for", "on", "upon", "into"].map(
      wordHash))
  /// "as provided in this agreement", "set out in these terms": a reference to the licence, not a
  /// duty to pass it on, even though a verb of giving stands before the preposition.
  static let referring: Set<UInt64> = Set(
    ["provided", "set", "described", "stated", "specified", "defined", "permitted", "granted", "contemplated"].map(
      wordHash))
  /// "in accordance with the terms of this agreement", "subject to these terms".
  static let accordance: PhraseSet = [
    "accordance with", "subject to", "pursuant to", "consistent with", "as much as", "same terms as",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard v.has(copyOfLicence), v.has(verbs) else { continue }
      // The verb must act on the licence: "the copyright line above is kept on every copy; … no licence
      // under any patent is conveyed by this notice" keeps a notice, not the licence.
      let pair = v.find(copyOfLicence).lazy.compactMap { c -> (Range<Int>, Range<Int>)? in
        // "by using the code you agree to these terms": the licence accepted, not passed on.
        if v.first(.agreeAccept, in: Swift.max(0, c.lowerBound - 2)..<c.lowerBound) != nil { return nil }
        // "assign this agreement or give the programs to anyone": an assignment ban, not a copy passed on.
        if c.lowerBound > 0, v.word(c.lowerBound - 1) == "assign" { return nil }
        // "you bind each recipient to the terms of this agreement": recipients bound (flow-down), not a
        // copy carried.
        if v.first(.bindRecipients, in: Swift.max(0, c.lowerBound - 14)..<c.lowerBound) != nil,
          v.first(.toWord, in: Swift.max(0, c.lowerBound - 2)..<c.lowerBound) != nil
        {
          return nil
        }
        // A bare mention ("this agreement", "these terms") is the object of a duty only when the verb is
        // close and no preposition makes it a reference ("rights under this agreement", "in accordance
        // with the terms of this agreement"): long EULA sentences mention the agreement everywhere.
        if c.lowerBound >= 2, Self.prepositions.contains(v.hashes[c.lowerBound - 1]),
          Self.referring.contains(v.hashes[c.lowerBound - 2])
        {
          return nil
        }
        if v.first(accordance, in: Swift.max(0, c.lowerBound - 4)..<c.lowerBound) != nil { return nil }
        if c.lowerBound > 0, Self.actsOnLicence.contains(v.hashes[c.lowerBound - 1]) { return nil }
        if licenceIsSubject(v, after: c) { return nil }
        // "This Agreement (which includes …) is the entire agreement", "This Agreement contains …".
        if bare.contains(v.hashes[c.lowerBound]), c.count <= 2, c.upperBound < v.count {
          let w = v.word(c.upperBound) == "which" ? c.upperBound + 1 : (c.lowerBound == 0 ? c.upperBound : v.count)
          if w < v.count, Self.holds.contains(v.word(w)) { return nil }
        }
        if bare.contains(v.hashes[c.lowerBound]), c.count <= 2 {
          // "come with these terms", "accompanied by this licence", "a copy of this agreement" keep it.
          if c.lowerBound > 0, Self.prepositions.contains(v.hashes[c.lowerBound - 1]),
            v.first(verbs, in: Swift.max(0, c.lowerBound - 3)..<c.lowerBound) == nil,
            c.lowerBound < 2 || !Self.holders.contains(v.hashes[c.lowerBound - 2])
          {
            return nil
          }
          let close = Swift.max(0, c.lowerBound - 10)..<Swift.min(v.count, c.upperBound + 6)
          if let verb = v.first(verbs, in: close) { return (c, verb) }
          // Further on only through a duty: "This license, or a link to its text, must be included".
          let far = c.upperBound..<Swift.min(v.count, c.upperBound + 12)
          guard let verb = v.first(verbs, in: far), v.first(Lexicon.must, in: c.upperBound..<verb.lowerBound) != nil
          else { return nil }
          return (c, verb)
        }
        // The verb may come well after ("PSF's License Agreement and PSF's notice of copyright, i.e.
        // "Copyright (c) 2001, …", are retained"): a longer reach after the licence than before it.
        let near = Swift.max(0, c.lowerBound - 20)..<Swift.min(v.count, c.upperBound + 40)
        return v.first(verbs, in: near).map { (c, $0) }
      }.first
      guard let (c, verb) = pair else { continue }
      if v.has(.doNotAcceptNot) { continue }
      guard ctx.obliges(v) else { continue }
      // The duty travels with copies: a distribution or copy context must be present.
      guard
        ctx.inDutyList[v.index]
          || v.has(.copyCopies)
      else { continue }
      if v.has(.underTheTermsOf)
        && !v.has(.copyOfCopiesOf)
      {
        continue
      }
      if v.has(.youMayObtainMay) {
        continue
      }
      if v.negated(before: verb.lowerBound, window: 3) && !v.has(.mayNotRemoveNot) { continue }
      out.append(ctx.clause(.includeLicense, in: v, evidence: ExtractionContext.cover(c, verb)))
    }
    return out
  }
}

/// `retain-notices`: keep copyright, attribution or NOTICE text.
struct RetainNoticesRule: ClauseRule {
  static let notices: PhraseSet = [
    "licence notice", "license notice", "licence notices", "license notices",
    "the line", "the following line", "the words",
    "copyright notice", "copyright notices", "attribution notice", "attribution notices", "notice file",
    "notice text", "copyright statement", "copyright and license notices", "notices of copyright",
    "legal notices", "author attributions", "the above copyright", "all notices", "proprietary notices",
    "identification of the creator", "this notice", "the notice", "notices", "copyright line", "copyright lines",
    "attribution", "credit", "author s name", "copyright information", "notice",
    "required notice*", "notice lines", "lines beginning with", "the following statement", "following statement",
    "proprietary markings", "copyright markings",
    // "must retain the following acknowledgment: "This product includes …"" (PHP, BSD-3-Clause-Attribution).
    "following acknowledgment", "following acknowledgement",
    "proprietary legends", "source note", "source notes", "attribution information", "credit information",
  ]
  /// Passing data or software on: the copy context a bare "credit" or "attribution" needs.
  static let passOn: PhraseSet = [
    "redistribute", "redistributes", "distribute", "distributes", "republish", "share", "publish", "publishes",
    "derivative work*",
  ]
  static let verbs: PhraseSet = [
    "provide", "remove or alter", "alter or remove", "remove or change", "change or remove",
    "retain", "retains", "keep intact", "keep", "preserve", "reproduce", "include", "included", "not remove",
    "maintain",
    "must not remove", "may not remove", "not alter", "duplicate", "carry", "display", "accompany", "appear",
    "appears", "not be removed", "be removed", "intact", "come with", "comes with", "contains", "contain",
    "accompanied", "gets copies", "get copies", "receives copies", "receive copies", "copies of", "remove", "kept",
    "removed", "altered", "obscured", "retained", "preserved",
  ]

  /// "must include the following in a conspicuous location:" with the notice on the next line.
  static let theFollowing: PhraseSet = ["the following"]
  static let carryVerbs: PhraseSet = ["include", "retain", "reproduce", "preserve", "keep", "display", "place"]

  static let copyrightHash = wordHash("copyright")

  /// A duty to carry a notice given on the next line: "Each contributor must include the following in
  /// a conspicuous location:" then "Copyright (C) 2000 X and others. All Rights Reserved". The
  /// sentence names no notice; the copyright line after the colon is what makes it one.
  static func followingCopyrightLine(_ ctx: ExtractionContext, _ v: SentenceView, next: SentenceView?) -> Clause? {
    guard let next, next.count > 1, next.hashes[0] == copyrightHash, let f = v.first(theFollowing),
      let verb = v.first(carryVerbs, in: Swift.max(0, f.lowerBound - 3)..<f.lowerBound),
      ctx.obliges(v), BanScope.endsWithColon(ctx.structure.sentences[v.index], text: ctx.text)
    else { return nil }
    var p = ClauseParameters()
    p.noticeText = ClauseSummary.oneLine(next.raw(0..<next.count), limit: 200)
    return ctx.clause(.retainNotices, in: v, evidence: ExtractionContext.cover(verb, f), parameters: p)
  }

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // The next line itself, heading-like or not: a short copyright line can read as a heading.
      let next = v.index + 1 < ctx.views.count ? ctx.views[v.index + 1] : nil
      if !v.has(notices), let c = followingCopyrightLine(ctx, v, next: next) {
        out.append(c)
        continue
      }
      // In a duty list ("You must: retain the following: … a copyright notice;") the verb is in the intro.
      guard let n = v.first(notices), let verb = v.first(verbs) ?? (ctx.inDutyList[v.index] ? n : nil) else {
        continue
      }
      // "The licensee is not allowed to modify or remove any copyright notices": a ban that keeps them.
      guard ctx.obliges(v) || v.has(.notAllowedToRemove) else { continue }
      let w = v.word(n.lowerBound)
      // An acknowledgement to "display" or "include" is `attribution-display` (BSD's advertising
      // clause); one to "retain" is a notice kept with the copies.
      if w == "following", n.count > 1, v.word(n.lowerBound + 1).hasPrefix("acknowledg"),
        v.first(AttributionDisplayRule.keep, in: verb) == nil
      {
        continue
      }
      // Bare "notice"/"attribution"/"credit" only with copy context ("this notice may not be removed").
      if n.count == 1 || w == "the", ["notice", "notices", "attribution", "credit", "the"].contains(w),
        !v.has(.copyCopies2), !(w != "the" && v.has(passOn) && !v.has(.moralRights)), !v.has(.proprietaryRights)
      {
        continue
      }
      if v.has(.uponNoticeWrittenNotice) && !v.has(.copyright) {
        continue
      }
      // "mark each modified file with a prominent notice stating that you changed it": a change notice.
      if ["notice", "notices"].contains(w), !v.has(.copyright),
        let t = v.first(StateChangesRule.triggers, in: n.upperBound..<Swift.min(v.count, n.upperBound + 3)),
        v.first(StateChangesRule.change, in: t.lowerBound..<Swift.min(v.count, t.upperBound + 6)) != nil
      {
        continue
      }
      var p = ClauseParameters()
      // A quoted notice to carry ("… the following attribution notice: "X is licensed under …"").
      if let q = QuoteFinder.quoted(in: v, after: n.lowerBound, maxTokens: 60), q.words.lowerBound <= n.upperBound + 14,
        q.text.split(separator: " ").count >= 3
      {
        p.noticeText = q.text
      }
      out.append(ctx.clause(.retainNotices, in: v, evidence: ExtractionContext.cover(n, verb), parameters: p))
    }
    return out
  }
}

/// `state-changes`: modified files must say they were changed.
struct StateChangesRule: ClauseRule {
  static let triggers: PhraseSet = [
    "stating that you changed", "you changed the files", "indicate that changes were made", "indicate if changes",
    "prominent notices stating", "notice stating that", "state that", "stating that", "indicate that",
    "indicating that", "carry prominent notices", "note the changes", "describe the changes", "a notice that",
    "identify the changes", "document the changes", "mark modified", "clearly marked", "marked as changed",
    "changes were made", "you modified it", "you have modified", "indicate if you modified", "indicate if",
    "plainly marked", "marked as such", "identifies you as", "prominent notice", "prominent notices",
    "notice in each", "record of", "describe", "describing", "mark", "marked", "flag", "label", "note",
    "identify", "log of changes", "changelog", "prominent statement", "statement that", "a statement", "dated notice",
    "date of the change", "recording who", "record who", "carry a notice", "notice saying", "a notice saying",
    "saying who", "saying that",
    "you changed", "how it was modified", "say so", "say that", "how it differs", "document how", "differs from",
    "indicate your changes", "indicate the changes", "clearly indicate", "clearly indicated", "be indicated",
  ]
  static let change: PhraseSet = ["change*", "modif*", "alter*"]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard v.has(triggers), v.has(change) else { continue }
      guard ctx.obliges(v) || v.has(.cause) else { continue }
      func nearChange(_ t: Range<Int>) -> Bool {
        v.first(change, in: t.upperBound..<Swift.min(v.count, t.upperBound + 8)) != nil
          || v.first(change, in: Swift.max(0, t.lowerBound - 6)..<t.lowerBound) != nil
      }
      // "clearly indicate which attributions apply … and state that You changed …": a "clearly …" or
      // "be indicated" with no change near it gives way to the next trigger.
      guard
        let t = v.find(triggers).first(where: { t in
          !(t.count == 2 && ["clearly", "be"].contains(v.word(t.lowerBound))
            && v.word(t.lowerBound + 1).hasPrefix("indicate")) || nearChange(t)
        })
      else { continue }
      // Short trigger words count only when the changes are what gets marked.
      if ["describe", "describing", "mark", "marked", "flag", "label", "note", "identify"].contains(
        v.word(t.lowerBound)),
        !nearChange(t)
      {
        continue
      }
      if v.has(.stateThatItIs) && !v.has(.modifiedChanged) { continue }
      // "features serving to identify the program must not be removed or altered": keeping notices.
      if v.has(.removedOrAltered) && !v.has(.modifiedChanged) && !v.has(.changesWords) { continue }
      out.append(ctx.clause(.stateChanges, in: v, evidence: t))
    }
    return out
  }
}

/// `attribution-display`: show a phrase prominently in a product, website or documentation.
struct AttributionDisplayRule: ClauseRule {
  static let display: PhraseSet = [
    "prominently display", "display", "displays", "displayed", "show", "shown", "mark", "marked", "state",
    "include", "feature", "place", "put", "label", "credit", "print", "present", "carry", "bear",
  ]
  /// How attribution phrases start ("Built with Llama", "Powered by Stability AI").
  static let phrases: PhraseSet = [
    "built with", "built on", "built using", "powered by", "made with", "created with", "developed with",
    "based on", "uses", "runs on", "trained with", "courtesy of", "contains data from", "contains information from",
    "voice by", "image by", "photo by", "model by", "this product includes",
  ]
  static let wherePlaces: PhraseSet = [
    "website", "web site", "user interface", "blogpost", "blog post", "about page", "about screen",
    "product documentation", "documentation", "app", "application", "interface", "splash screen", "credits",
    "readme", "footer", "settings screen", "advertising materials", "advertising material", "media label",
  ]
  /// A duty whose phrase comes in the next line: "must display the following acknowledgement:".
  static let following: PhraseSet = [
    "the following acknowledgement", "the following acknowledgment", "the following attribution",
    "the following statement", "the following credit", "following acknowledgement", "following acknowledgment",
  ]

  /// A duty to credit the work where results or products appear, with no phrase given: "you must
  /// acknowledge the use of the materials in your publication", "include in your program's
  /// Help-About box the following notice", "the licence must be referenced via the GUI".
  static let acknowledge: PhraseSet = [
    "acknowledge the use", "acknowledge the source", "acknowledge the author", "acknowledge the authors",
    "acknowledge the copyright",
    "acknowledge the origin", "acknowledge the contribution", "acknowledge its use", "acknowledge their use",
    "cite the paper", "cite the following", "cite the work", "cite the software", "cite the publication",
    "cite this", "give credit to", "give appropriate credit", "credit the authors", "credit the author",
    "explicit notice of statement as attribution", "attribution statement", "referenced via the gui",
    "referenced in the gui", "shown in the gui", "give the original author credit", "provide attribution",
  ]
  /// Places that only a credit is shown in ("Help-About box", "publications"): with a display verb
  /// and a duty they make an attribution duty even when no phrase is quoted.
  static let creditPlaces: PhraseSet = [
    "help about box", "about box", "gui", "graphical user interface", "splash screen", "start up screen",
    "startup screen", "help about section", "about dialog", "about dialogue", "title screen", "opening screen",
    "media label",
  ]
  /// Verbs that put a credit in such a place: the display verbs and "provided", "appear" ("a notice
  /// must be provided within the start-up screen"; "the Media label shall include").
  static let creditVerbs = PhraseSet(union: [display, ["provided", "appear", "appears"]])
  /// "You shall not display our logos": a ban, not a duty.
  static let notDisplay: PhraseSet = ["not display", "not to display", "never display", "nor display"]
  /// "keep the following attribution statement with every copy": keeping a notice (`retain-notices`).
  static let keep: PhraseSet = ["keep", "keeps", "retain", "retains", "preserve", "preserves"]
  /// Where an acknowledgement goes, for the `where` parameter only.
  static let acknowledgementPlaces: PhraseSet = [
    "publication", "publications", "paper", "papers", "product or application", "media label",
  ]

  /// An acknowledgement to display, on one line without its surrounding quotes and spaces.
  static func acknowledgement(_ raw: String) -> String {
    let quotes: Set<Character> = ["\"", "'", "\u{201C}", "\u{201D}", " ", "`"]
    let line = Substring(ClauseSummary.oneLine(raw, limit: 200))
    return String(line.drop { quotes.contains($0) }.reversed().drop { quotes.contains($0) }.reversed())
  }

  /// A display verb with a credit place at most 12 words after it, or the place as the verb's subject
  /// just before it ("The Media label shall include …").
  static func displayInCreditPlace(_ v: SentenceView) -> Range<Int>? {
    guard v.mayContain(creditPlaces) else { return nil }
    for d in v.find(creditVerbs) {
      if v.first(creditPlaces, in: d.upperBound..<Swift.min(v.count, d.upperBound + 13)) != nil { return d }
      if v.first(creditPlaces, in: Swift.max(0, d.lowerBound - 4)..<d.lowerBound) != nil { return d }
    }
    return nil
  }

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    let all = ctx.sentences()
    for (n, v) in all.enumerated() {
      // "We kindly request (but do not require) an acknowledgement": a courtesy, not a duty.
      if v.has(.courtesyOnly) { continue }
      if let a = v.first(acknowledge) ?? displayInCreditPlace(v),
        ctx.obliges(v), !v.has(.notRequiredNeedNot), !v.has(Lexicon.prohibition), !v.has(notDisplay),
        // "keep intact all notices and give the author credit": the credit is a second duty.
        !v.has(keep) || v.word(a.lowerBound) == "give"
      {
        var p = ClauseParameters()
        let found = [wherePlaces, creditPlaces, acknowledgementPlaces].flatMap { v.find($0).map { v.raw($0) } }
        let places = PlaceIDs.ids(found)
        if !places.isEmpty { p.where = places }
        if let (text, _) = label(in: v, after: a.lowerBound) { p.text = text }
        out.append(ctx.clause(.attributionDisplay, in: v, evidence: a, parameters: p))
        continue
      }
      // "If you use this software in a product, an acknowledgment in the product documentation is
      // required" (the zlib variant that makes zlib's courtesy a duty).
      if let a = v.first(.anAcknowledgement), let r = v.first(.isRequired), r.lowerBound > a.lowerBound,
        !v.negated(before: r.lowerBound + 1, window: 2), !v.has(.notRequiredNeedNot)
      {
        var p = ClauseParameters()
        let places = PlaceIDs.ids(v.find(wherePlaces).map { v.raw($0) })
        if !places.isEmpty { p.where = places }
        out.append(ctx.clause(.attributionDisplay, in: v, evidence: ExtractionContext.cover(a, r), parameters: p))
        continue
      }
      guard let d = v.first(display) else { continue }
      if let f = v.first(following), ctx.obliges(v), n + 1 < all.count,
        BanScope.endsWithColon(ctx.structure.sentences[v.index], text: ctx.text)
      {
        // BSD's advertising clause: the acknowledgement to display is the next line.
        var p = ClauseParameters()
        let next = all[n + 1]
        // A line of punctuation only ("* * *") has no words to quote: the duty stands without its text.
        let label = next.count > 0 ? acknowledgement(next.raw(0..<next.count)) : ""
        if !label.isEmpty { p.text = label }
        let places = PlaceIDs.ids(v.find(wherePlaces).map { v.raw($0) })
        if !places.isEmpty { p.where = places }
        out.append(ctx.clause(.attributionDisplay, in: v, evidence: ExtractionContext.cover(d, f), parameters: p))
        continue
      }
      // The same clause with the acknowledgement on the next line of the same sentence ("… must display
      // the following acknowledgement:\nThis product includes …"): the words after the colon.
      if let f = v.first(following), f.lowerBound > d.lowerBound, ctx.obliges(v), f.upperBound < v.count,
        !v.has(keep), !v.has(Lexicon.prohibition)
      {
        let rest = v.raw(f.lowerBound..<v.count)
        if let colon = rest.firstIndex(of: ":") {
          var p = ClauseParameters()
          let label = acknowledgement(String(rest[rest.index(after: colon)...]))
          if !label.isEmpty { p.text = label }
          let places = PlaceIDs.ids(v.find(wherePlaces).map { v.raw($0) })
          if !places.isEmpty { p.where = places }
          out.append(ctx.clause(.attributionDisplay, in: v, evidence: ExtractionContext.cover(d, f), parameters: p))
          continue
        }
      }
      // A duty: a modal, a condition, a duty list, or an imperative opening a clause (", state …").
      let imperative = d.lowerBound < 4 || (d.lowerBound > 0 && startsClause(v, at: d.lowerBound))
      let defines = v.has(.theAttributionIs)
      // "You are not required to display "Built with X"": a freedom, not a duty.
      if v.has(.notRequiredNeedNot) { continue }
      guard ctx.obliges(v) || imperative || v.has(.requiredRequirement) || defines else { continue }
      // "The attribution is the phrase "Powered by X", shown on …": the phrase before the verb.
      // The phrase may also stand just before the verb ("the words "Powered by X" must be displayed").
      guard
        let (text, words) = label(in: v, after: d.lowerBound) ?? label(in: v, after: Swift.max(0, d.lowerBound - 12))
          ?? (defines ? label(in: v, after: 0) : nil)
      else {
        continue
      }
      var p = ClauseParameters()
      p.text = text
      let places = PlaceIDs.ids(v.find(wherePlaces).map { v.raw($0) })
      if !places.isEmpty { p.where = places }
      out.append(ctx.clause(.attributionDisplay, in: v, evidence: ExtractionContext.cover(d, words), parameters: p))
    }
    return out
  }

  /// The phrase to display: quoted ("Built with Llama") or, in Markdown, emphasised without quotes
  /// (*Powered by Osprey*): an attribution start followed by capitalised words.
  static func label(in v: SentenceView, after: Int) -> (String, Range<Int>)? {
    if let q = QuoteFinder.quoted(in: v, after: after), phrases.containsStart(of: q.text) {
      return (q.text, q.words)
    }
    for m in v.find(phrases, in: after..<v.count) where m.upperBound < v.count && v.isCapitalised(m.upperBound) {
      // In a sentence in capitals every word is capitalised: the capitals mark no name.
      if shouted(v.rawWord(m.lowerBound)) { continue }
      var e = m.upperBound
      while e < v.count, e < m.upperBound + 4, v.isCapitalised(e) { e += 1 }
      return (v.raw(m.lowerBound..<e), m.lowerBound..<e)
    }
    return nil
  }

  /// A word in capitals (two letters or more, none lowercase): "BASED", not "Powered" or "X".
  static func shouted(_ w: Substring) -> Bool {
    var letters = 0
    for b in w.utf8 {
      if b >= 0x61 && b <= 0x7A { return false }
      if b >= 0x41 && b <= 0x5A { letters += 1 }
    }
    return letters >= 2
  }

  /// Whether a comma, colon or semicolon stands right before the word at `at`.
  static func startsClause(_ v: SentenceView, at: Int) -> Bool {
    let t = v.wordTokens[at]
    guard t > 0 else { return true }
    let prev = v.text.tokens[t - 1]
    guard prev.kind == .punctuation else { return false }
    let n = v.text.normalizedSlice(prev)
    return n.elementsEqual(",".utf8) || n.elementsEqual(":".utf8) || n.elementsEqual(";".utf8)
  }
}

/// Normalised ids for where an attribution must be shown.
enum PlaceIDs {
  static func ids(_ raw: [String]) -> [String] {
    var out: [String] = []
    for r in raw {
      let s = r.lowercased().replacingOccurrences(of: "-", with: " ")
      let id: String
      switch true {
      case s.contains("web"): id = "website"
      case s.contains("interface"): id = "user-interface"
      case s.contains("blog"): id = "blogpost"
      case s.contains("about"): id = "about-page"
      case s.contains("documentation"): id = "product-documentation"
      case s.contains("splash"): id = "splash-screen"
      default: id = s.replacingOccurrences(of: " ", with: "-")
      }
      if !out.contains(id) { out.append(id) }
    }
    return out
  }
}

/// `naming`: derived models must be named in a certain way.
struct NamingRule: ClauseRule {
  static let nameWords: PhraseSet = ["name", "names", "named", "naming", "title", "model name"]
  static let prefix: PhraseSet = [
    "at the beginning", "begin with", "begins with", "start with", "starts with", "prefix", "prefixed",
    "beginning of", "precede", "first word", "beginning with", "begins", "starting with",
  ]
  static let include: PhraseSet = [
    "have", "has", "carry", "feature", "show", "keep", "include", "includes", "contain", "contains", "incorporate",
    "bear", "use",
  ]

  static let fileWords: Set<String> = ["file", "files", "folder", "directory", "document"]
  static let phraseWords: Set<String> = ["word", "words", "phrase", "term", "string", "text", "prefix"]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // "Products derived from this software may not be called "Apache", nor may "Apache" appear in
      // their name": derived works must be named otherwise (Apache 1.1, PHP, XML:DB).
      if let b = v.first(.mayNotBeCalled),
        v.first(ShareAlikeRule.derivatives, in: 0..<b.lowerBound) != nil
          || v.first(.productsDerived, in: 0..<b.lowerBound) != nil
      {
        out.append(ctx.clause(.naming, in: v, evidence: b))
        continue
      }
      guard let nw = v.first(nameWords), v.has(Lexicon.must) || v.has(.mustRequired) else { continue }
      let pos = v.first(prefix)
      guard pos != nil || v.has(include) else { continue }
      // Names of licensors in endorsements ("may not use the name of the author") are trademark rules.
      if v.has(.endorsePromote) { continue }
      if v.has(.notRequiredNeedNot) { continue }
      // The phrase quoted after the name word ("a name that begins with "X""), else the first one.
      // A phrase quoted before the name word only counts with a position ("begin with"): otherwise
      // it is usually a defined term ("Export Administration Regulations ("EAR")").
      // "must have the word "Tern" somewhere in its name" introduces the phrase as a word.
      let earlier = QuoteFinder.quoted(in: v, after: 0).flatMap { q in
        pos != nil
          || (Swift.max(0, q.words.lowerBound - 3)..<q.words.lowerBound).contains {
            Self.phraseWords.contains(v.word($0))
          } ? q : nil
      }
      guard
        let quoted = QuoteFinder.quoted(in: v, after: nw.lowerBound) ?? earlier,
        quoted.text.split(separator: " ").count <= 4,
        // "Licensor's name" read between two apostrophes is a possessive, not a quotation.
        !quoted.text.hasPrefix("s ")
      else {
        continue
      }
      // "a file named DEPENDENCIES": the name of a file, not of a derived work.
      if nw.lowerBound > 0, Self.fileWords.contains(v.word(nw.lowerBound - 1)) { continue }
      if v.negated(before: nw.lowerBound, window: 4) { continue }
      var p = ClauseParameters()
      p.requiredPhrase = String(
        quoted.text.reversed().drop(while: { " -–—:,.".contains($0) }).reversed())
      p.position = pos != nil ? "prefix" : "anywhere"
      out.append(ctx.clause(.naming, in: v, evidence: ExtractionContext.cover(nw, quoted.words), parameters: p))
    }
    return out
  }
}

/// `share-alike`: derivatives must be released under the same licence.
struct ShareAlikeRule: ClauseRule {
  static let sameLicence: PhraseSet = [
    "under the same license", "under this license", "under the terms of this license", "same license",
    "under the same terms", "same or compatible license", "under the terms of this public license",
    "same license elements", "a later version of this license", "compatible license", "under this agreement",
    "under the terms of this agreement", "under the terms of the gnu", "under the same conditions",
    "terms of this license", "this license and only this license", "sharealike", "share alike", "copyleft",
    "license the entire work", "as a whole under this license", "under these terms", "subject to this license",
    "subject to the terms of this agreement", "subject to the terms of this license", "subject to this agreement",
  ]
  static let derivatives: PhraseSet = [
    "derived work*", "derived model*", "fine tuned", "derivative model*",
    "derivative work*", "modified version*", "modifications", "adaptation*", "adapted material", "work based on",
    "covered work", "derivatives", "modified files", "larger work", "combined work", "the work as a whole",
    "changes", "larger works", "executable form", "source code form", "covered software", "any work",
    "modified form", "adapted _", "derived dataset*", "derived data",
    // "The Font Software, modified or unmodified, … must be distributed entirely under this license".
    "modified or unmodified",
  ]
  static let release: PhraseSet = [
    "licensed", "license", "distribute*", "release*", "convey*", "made available", "make available", "provided",
    "publish", "distribution",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    // The document's copyleft reach, worked out at the first share-alike clause: it runs another rule
    // over the document, and most texts have no such clause.
    var docScopeFound: String?
    func scope() -> String {
      if let s = docScopeFound { return s }
      let s = docScope(ctx)
      docScopeFound = s
      return s
    }
    for v in ctx.sentences() {
      // SSLeay: the licence and distribution terms of any public version or derivative "cannot be
      // changed", so the code may not be relicensed: derivatives keep these terms.
      if let t = v.first(.distributionTerms), let c = v.first(.cannotBeChanged), v.has(.derivativeWord) {
        var p = ClauseParameters()
        p.scope = scope()
        out.append(ctx.clause(.shareAlike, in: v, evidence: ExtractionContext.cover(t, c), parameters: p))
        continue
      }
      guard let same = v.first(sameLicence), v.has(release) else { continue }
      // "Updates provided by the Licensor are subject to this agreement" covers the licensor's own changes:
      // derivatives "subject to the terms of this agreement" share alike only where they are distributed.
      if v.first(.subjectToAgreement, in: same) != nil, !v.has(.distributionWords) { continue }
      // In a list of conditions ("If You Share Adapted Material …: 1. the Adapter's License must be …")
      // what the condition is about is named in the sentences before.
      let context = (Swift.max(0, v.index - 3)..<v.index).map { ctx.views[$0] }
      let listItem =
        ctx.inDutyList[v.index]
        || context.contains {
          BanScope.endsWithColon(ctx.structure.sentences[$0.index], text: ctx.text) || $0.has(.followingConditions)
        }
      // The list's introduction names what is released ("When the Program is Distributed as Source Code:").
      let introReleases = context.contains {
        $0.has(derivatives)
          || ($0.has(release) && $0.first(.whenIf, in: 0..<Swift.min($0.count, 3)) != nil
            && BanScope.endsWithColon(ctx.structure.sentences[$0.index], text: ctx.text))
      }
      guard let d = v.first(derivatives) ?? (listItem && introReleases ? same : nil) else {
        continue
      }
      // "derivative works of the Licensed Work are subject to this License" binds as much as "must".
      // In a duty list the item must still release something ("license the entire work …"), not
      // merely name the licence ("comply with the terms of this License").
      let releases = v.find(release).contains { !same.contains($0.lowerBound) }
      guard
        v.has(Lexicon.must) || v.has(.mustOnlyUnder) || v.has(.areSubjectTo) || (ctx.inDutyList[v.index] && releases)
      else {
        continue
      }
      if v.has(.youMayObtainMay2) {
        continue
      }
      // "will not be automatically subject to this License"; "rights granted under this licence will end
      // automatically" (termination, not copyleft).
      if v.negated(before: same.lowerBound, window: 4) || v.has(TerminationRule.terminate) { continue }
      // "you may not distribute it under this licence": a ban near the licence phrase, not a duty to
      // use it ("… under this licence and no other, and you may not add further restrictions" is one).
      // A "may not" elsewhere in the sentence usually limits a permission to redistribute the work as is
      // ("You may distribute the Work only under the terms of this License … You may not sublicense");
      // forbidding further restrictions is part of a copyleft, not against it.
      if v.has(.mayNot), !v.has(.mayNotAddRestrictions) || v.find(.mayNot).count > v.find(.mayNotAddRestrictions).count
      {
        continue
      }
      // "under the same terms" in a grant of permissions ("you may distribute … under this licence") is not copyleft
      if v.has(.youMayPermission) && !v.has(.mustOnlyUnder2) { continue }
      var p = ClauseParameters()
      p.scope = scope()
      out.append(ctx.clause(.shareAlike, in: v, evidence: ExtractionContext.cover(same, d), parameters: p))
    }
    return out
  }

  static let libraryTitle: PhraseSet = ["lesser general public license", "library general public license"]
  static let linking: PhraseSet = ["link*", "dynamically", "statically"]
  static let libraryWord: PhraseSet = ["library"]
  static let coveredSoftware: PhraseSet = ["covered software"]
  static let fileWords: PhraseSet = [
    "each file", "any file", "covered file*", "separate file*", "file level", "file by file", "file that contains",
    "files that contain", "portion of the software in source code form",
  ]

  /// Copyleft reach from the licence's own vocabulary (network, library, file, whole work).
  static func docScope(_ ctx: ExtractionContext) -> String {
    // Network: the licence itself gives remote users the source (not a mere mention of another licence).
    if !NetworkUseDiscloseRule.extract(ctx).isEmpty { return "network" }
    let seg = Array(ctx.views[ctx.active])
    // Library: a library licence by its title, or one that keeps returning to linking a library.
    let title = seg.prefix(5)
    if title.contains(where: { $0.has(libraryTitle) }) { return "library" }
    let linkingSentences = seg.filter { $0.has(linking) && $0.has(libraryWord) }.count
    if linkingSentences >= 2 || (linkingSentences >= 1 && title.contains { $0.has(libraryWord) }) { return "library" }
    // File: copyleft measured in files ("Covered Software" throughout, or "any file that contains …").
    let covered = seg.filter { $0.has(coveredSoftware) }.count
    let fileCopyleft = seg.contains { $0.has(fileWords) && $0.has(sameLicence) }
    if covered >= 3 || fileCopyleft { return "file" }
    return "work"
  }

}

/// `disclose-source`: source must be made available with distributions.
struct DiscloseSourceRule: ClauseRule {
  static let source: PhraseSet = [
    "source code", "corresponding source", "complete source", "source form", "source code form",
    "machine readable", "preferred form", "source files", "how to get the source", "how to obtain the source",
  ]
  static let provide: PhraseSet = [
    "make available", "made available", "provide", "accompany", "accompanied", "offer", "include", "distribute",
    "convey", "give", "disclose", "publish", "inform", "must also", "available to",
    // Source "included" with the distribution or "available" for at most the cost of copying
    // (Sleepycat, TOSL, TORQUE): passive verbs whose subject is the source.
    "be included", "be available",
  ]
  static let publishChanges: PhraseSet = [
    "publish your changes", "publish the changes", "publish your modifications", "publish the modifications",
    "make your changes available", "make your modifications available", "release your changes",
    "release your modifications", "publish any changes", "publish any modifications",
    "publicly release the modified version", "publicly release your modified version",
  ]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // "modified versions are distributed with source code": the source named right after the verb.
      // "If you modify this product, you must publish your changes": the changes are the source.
      if let c = v.first(publishChanges), v.has(Lexicon.must), !v.negated(before: c.lowerBound, window: 3),
        !v.has(.notRequiredNeedNot)
      {
        out.append(ctx.clause(.discloseSource, in: v, evidence: c))
        continue
      }
      guard let s = v.first(source) ?? v.first(.distributedWithSource) else { continue }
      // "The source code must either be included in the distribution or be available …": the passive
      // verbs count only with the source as their subject ("… must be included in the LEGAL file" and
      // "source code shall not be included" do not).
      let passiveOK = { (m: Range<Int>) -> Bool in
        v.word(m.lowerBound) != "be"
          || (s.upperBound <= m.lowerBound && m.lowerBound - s.upperBound <= 4
            && !v.negated(before: m.lowerBound, window: 2))
      }
      guard let pv = v.find(provide).first(where: passiveOK) ?? v.first(.distributedWithSource) else { continue }
      // Notices kept from the source form are retain-notices, not source disclosure.
      if v.has(.noticesNotice) { continue }
      guard v.has(Lexicon.must) || v.has(.providedThatOnCondition) else { continue }
      if v.has(.notRequiredNeedNot) { continue }
      // "Redistribution in source code form must contain this license": the form of a redistribution
      // and the licence it carries, not a duty to disclose source.
      if v.has(.thisLicenceObject),
        v.find(source).allSatisfy({ $0.lowerBound > 0 && v.word($0.lowerBound - 1) == "in" })
      {
        continue
      }
      if v.has(.networkRemotely) && !v.has(.distributeConvey) { continue }
      out.append(ctx.clause(.discloseSource, in: v, evidence: ExtractionContext.cover(s, pv)))
    }
    return out
  }
}

/// `network-use-disclose`: users interacting over a network get the source.
struct NetworkUseDiscloseRule: ClauseRule {
  static let network: PhraseSet = [
    "available to third parties as a service", "offer the program as a service", "as a service",
    "remotely through a computer network", "interacting with it remotely", "interact with it remotely",
    "remote network interaction", "users interacting", "interacting with", "interact with", "network service",
    "as a network service", "accessed remotely", "access it remotely", "over a network", "via a network",
    "through a network",
  ]
  static let source: PhraseSet = ["source", "source code", "corresponding source"]

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      guard let n = v.first(network), let s = v.first(source) else { continue }
      // Interaction over a network, not a download location ("from a network server").
      guard v.has(.interactRemote), v.has(.networkRemote) else {
        continue
      }
      guard v.has(Lexicon.must) || v.has(.mustOffer) else { continue }
      if v.has(.notRequiredNeedNot) { continue }
      out.append(ctx.clause(.networkUseDisclose, in: v, evidence: ExtractionContext.cover(n, s)))
    }
    return out
  }
}

/// `flow-down`: use restrictions must be passed on to, and bind, downstream recipients.
struct FlowDownRule: ClauseRule {
  static let restrictions: PhraseSet = [
    "use restrictions", "use based restrictions", "use restriction", "acceptable use policy",
    "prohibited use policy", "use policy", "restrictions set forth", "restrictions in", "restrictions of",
    "paragraph 5", "attachment a", "section 3.2", "the restrictions", "these restrictions", "same restrictions",
    "restrictions referenced", "prohibited uses", "use limitations", "the guidelines", "use guidelines",
    "usage policy", "the policy",
  ]
  static let downstream: PhraseSet = [
    "any agreement", "third party", "third parties", "recipient*", "downstream", "subsequent", "users of",
    "end users", "licensees", "sublicensee*", "anyone", "whom you", "those who", "such party", "such parties",
    "distribute", "distribution", "derivatives", "derivative", "customers", "your customers", "sub licensee*",
    "sub license*",
  ]
  static let bind: PhraseSet = [
    "enforceable provision", "must include", "shall include", "include", "notice", "bind", "binding", "bound by",
    "subject to", "flow down", "pass on", "impose", "require", "requires", "ensure", "comply", "enforce",
    "provide a copy", "must provide", "shall provide", "agree to",
  ]

  /// Downstream terms measured against the licence: "terms that protect it at least as much as this
  /// agreement", "at least as restrictive as", "substantially the same": the licence's protections flow down.
  static let asProtective: PhraseSet = [
    "at least as much as", "at least as protective", "at least as restrictive", "as restrictive as",
    "no less protective", "no less restrictive", "substantially the same", "substantially similar",
    "as protective as", "protect it as much as", "protect the software as much",
  ]
  /// What the downstream terms are measured against: the licence itself.
  static let licenceTerms: PhraseSet = [
    "this agreement", "these terms", "this license", "this licence", "the terms of this", "these license terms",
    "this eula", "the license terms", "the licence terms",
  ]

  /// Binding recipients to the licence itself: "you bind each recipient to the terms of this licence",
  /// "require your users to agree to these terms".
  static let bindVerbs: PhraseSet = ["bind", "binds", "require", "requires", "oblige", "obligate"]
  static let recipients: PhraseSet = [
    "recipient*", "users", "end users", "third part*", "customers", "licensees", "sublicensee*", "sub licensee*",
    "distributees", "anyone", "those",
  ]
  static let toTerms: PhraseSet = [
    "to the terms of", "to the terms", "to agree to", "to comply with", "to be bound by", "to accept", "to abide by",
  ]

  static func bindsToLicence(_ ctx: ExtractionContext, _ v: SentenceView) -> Clause? {
    for b in v.find(bindVerbs) {
      guard let r = v.first(recipients, in: b.upperBound..<Swift.min(v.count, b.upperBound + 6)),
        // "bind each recipient to whom you redistribute the Data to the terms of …": a relative clause between.
        let t = v.first(toTerms, in: r.upperBound..<Swift.min(v.count, r.upperBound + 12)),
        v.first(licenceTerms, in: t.lowerBound..<Swift.min(v.count, t.upperBound + 8)) != nil
          || v.first(.itThem, in: t.upperBound..<Swift.min(v.count, t.upperBound + 2)) != nil
          || v.first(.toTheTermsOf, in: t) != nil,
        !v.negated(before: b.lowerBound, window: 3), !v.has(.confidential)
      else { continue }
      // "require" is a duty only with a modal before it ("you must include these terms and require users
      // to agree to it") or in a duty list; "We may require users to agree" is an option. "You bind each
      // recipient" states one.
      if v.word(b.lowerBound).hasPrefix("require") {
        let before = Swift.max(0, b.lowerBound - 10)..<b.lowerBound
        let optional = b.lowerBound > 0 && ["may", "can", "might", "could"].contains(v.word(b.lowerBound - 1))
        guard !optional, ctx.inDutyList[v.index] || v.first(.mustShall, in: before) != nil else { continue }
      }
      var p = ClauseParameters()
      p.what = "licence-terms"
      return ctx.clause(.flowDown, in: v, evidence: ExtractionContext.cover(b, t), parameters: p)
    }
    return nil
  }

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    guard ctx.role == .licence else { return [] }
    var out: [Clause] = []
    for v in ctx.sentences() {
      // Use restrictions named in the sentence decide `what`; binding to the whole licence comes after.
      if !v.has(restrictions), let c = bindsToLicence(ctx, v) {
        out.append(c)
        continue
      }
      // "Each sub-licence you grant must be at least as protective as this agreement": the sub-licence
      // is itself the downstream term, with no verb of binding.
      if let a = v.first(asProtective), let d = v.first(downstream), v.has(bind) || v.has(.subLicenceWord),
        v.has(licenceTerms),
        !v.has(.confidential),
        v.has(Lexicon.must) || v.has(.mustShall) || ctx.inDutyList[v.index]
      {
        var p = ClauseParameters()
        p.what = "licence-terms"
        out.append(ctx.clause(.flowDown, in: v, evidence: ExtractionContext.cover(d, a), parameters: p))
        continue
      }
      guard let r = v.first(restrictions), let d = v.first(downstream), let b = v.first(bind),
        v.has(Lexicon.must) || v.has(.mustShall)
      else {
        if v.has(restrictions), let c = bindsToLicence(ctx, v) { out.append(c) }
        continue
      }
      var p = ClauseParameters()
      p.what = v.has(.policy) ? "acceptable-use-policy" : "use-restrictions"
      let ev = ExtractionContext.cover(ExtractionContext.cover(r, d), b)
      out.append(ctx.clause(.flowDown, in: v, evidence: ev, parameters: p))
    }
    return out
  }
}

/// `acceptance`: the licence is accepted by an act.
struct AcceptanceRule: ClauseRule {
  /// Acts that accept, by mechanism: they count inside a "by …", "upon …" or "if you …" clause.
  static let acts: [(PhraseSet, AcceptanceMechanism)] = [
    (
      [
        "click*", "select*", "tick*", "checking the box", "check the box", "checkbox", "i accept", "i agree",
        "accept button", "clickwrap",
      ], .click
    ),
    (
      [
        "sign", "signing", "signed", "signature", "executing this agreement", "execute this agreement",
        "countersign*",
      ], .signature
    ),
    (["download*"], .download),
    (
      [
        "distribut*", "redistribut*", "convey*", "propagat*", "sharing", "publishing", "sublicensing",
        "making available",
      ], .distribution
    ),
    (
      [
        "us*", "access*", "install*", "run", "running", "copy*", "exercis*", "modify*", "modifying", "operat*",
        "deploy*", "continu*", "reproduc*", "perform*", "display*", "obtain*", "receiv*", "evaluat*",
        // "by undertaking any of the acts above": the acts the grant names.
        "undertaking any",
      ], .use
    ),
  ]
  static let accept: PhraseSet = [
    "accept", "accepts", "accepted", "accepting", "acceptance", "agree", "agrees", "agreeing", "agreed",
    "bound by", "consent to", "consents to", "recognized and accepted", "deemed to have accepted", "assent to",
    "signals assent", "signal assent", "manifests assent", "indicates assent",
    "starts when", "takes effect when", "effective upon", "becomes effective", "commences upon", "commence upon",
    "becomes binding", "binding on", "agree that you have read",
  ]
  static let signs: PhraseSet = [
    "sign this license", "sign this agreement", "signing this agreement", "sign the agreement", "signing this license",
    // Contributor agreements ask the contributor to fill in and sign the form.
    "complete and sign", "sign and send", "sign and return", "carefully before signing", "asked to sign",
  ]
  /// Acts named before the acceptance ("Any use … constitutes acceptance").
  static let constitutes: PhraseSet = [
    "constitutes", "constitute", "means", "mean", "indicates", "indicate", "signifies", "signify", "shall be deemed",
    "is deemed", "consists", "consist", "amounts to",
  ]
  static let introducers: PhraseSet = ["by", "upon", "if you", "when you", "once you", "once", "through", "by way of"]
  static let licence: PhraseSet = [
    "this agreement", "this license", "this licence", "these terms", "the terms", "this policy", "this eula",
    "bound by", "the agreement", "the license", "this public license", "terms and conditions", "policy",
    "this acceptable use policy", "it", "them", "license agreement", "licence agreement", "the _ license",
    "the _ _ license", "this _ license", "its terms", "its rules", "their terms", "these rules", "the rules",
    "the following terms", "terms of service", "the present license", "the present licence",
    "the present agreement", "the rights and obligations", "the following",
  ]
  /// Acceptance required as a condition, with no act named: "In order to get any license under these
  /// terms, you must agree to them".
  static let mustAgree: PhraseSet = [
    "must agree to", "have to agree to", "must accept", "have to accept", "need to agree to", "required to agree",
    "must first agree", "must first accept",
  ]

  /// Acceptance as the condition of a permission, or implied by an act: "permission to use … is contingent
  /// upon your acceptance of these terms", "applying a change is an implicit consent to this licence".
  static let acceptanceAsCondition: PhraseSet = [
    "contingent upon your acceptance", "contingent on your acceptance", "conditioned upon your acceptance",
    "conditioned on your acceptance", "conditional upon your acceptance", "conditional on your acceptance",
    "implicit consent", "implied consent", "tacit acceptance", "implicit acceptance", "implied acceptance",
    "tacit consent",
  ]

  /// Agreement by an act, to something other than the licence by name: "By clicking the access button
  /// you agree to keep your copy up to date" (a click is always a contract's act), "By choosing to
  /// download the material the user agrees:" (the terms follow as a list).
  static func actAcceptance(_ ctx: ExtractionContext, _ v: SentenceView) -> Clause? {
    guard
      let a = v.find(accept).first(where: {
        $0.count == 1 && ["agree", "agrees", "accept", "accepts"].contains(v.word($0.lowerBound))
      }), !v.negated(before: a.lowerBound, window: 3)
    else { return nil }
    var m = Set<AcceptanceMechanism>()
    for intro in v.find(introducers, in: 0..<a.lowerBound) where v.word(intro.lowerBound) == "by" {
      m.formUnion(mechanisms(in: v, intro.upperBound..<Swift.min(a.lowerBound, intro.upperBound + 12)))
    }
    // The agreement ends the sentence (a list follows), perhaps before the list's first number.
    let ends = a.upperBound == v.count || (a.upperBound == v.count - 1 && v.word(a.upperBound).allSatisfy(\.isNumber))
    guard m.contains(.click) || (ends && !m.isEmpty) else { return nil }
    var p = ClauseParameters()
    p.mechanism = m.sorted()
    return ctx.clause(.acceptance, in: v, evidence: a, parameters: p)
  }

  /// The mechanisms whose acts are named in a word range.
  static func mechanisms(in v: SentenceView, _ range: Range<Int>) -> Set<AcceptanceMechanism> {
    Set(acts.filter { v.first($0.0, in: range) != nil }.map(\.1))
  }

  static func extract(_ ctx: ExtractionContext) -> [Clause] {
    var out: [Clause] = []
    for v in ctx.sentences() {
      var m = Set<AcceptanceMechanism>()
      if let s = v.first(signs) {
        m.insert(.signature)
        var p = ClauseParameters()
        p.mechanism = [.signature]
        out.append(ctx.clause(.acceptance, in: v, evidence: s, parameters: p))
        continue
      }
      // "Those who do not agree should stop using the software", "if you do not agree to the changed
      // terms, discontinue your use": whoever keeps using has accepted, so the act is use.
      if let r = v.first(.refuseToAgree), let stop = v.first(.stopUsing),
        stop.lowerBound > r.upperBound, stop.lowerBound - r.upperBound <= 24
      {
        var p = ClauseParameters()
        p.mechanism = [.use]
        out.append(ctx.clause(.acceptance, in: v, evidence: stop, parameters: p))
        continue
      }
      // A heading that is only the phrase ("5. Implied acceptance.") accepts nothing by itself.
      if let c = v.first(acceptanceAsCondition), !v.negated(before: c.lowerBound, window: 3), v.count > c.count + 2 {
        var p = ClauseParameters()
        let acts = mechanisms(in: v, 0..<c.lowerBound)
        if !acts.isEmpty { p.mechanism = acts.sorted() }
        out.append(ctx.clause(.acceptance, in: v, evidence: c, parameters: p))
        continue
      }
      // Acceptance of the licence itself: its name follows the acceptance closely.
      guard
        let a = v.find(accept).first(where: {
          v.first(licence, in: $0.lowerBound..<Swift.min(v.count, $0.upperBound + 8)) != nil
            // "This Agreement takes effect when …": the licence is named just before.
            || ($0.count > 1 && v.first(licence, in: Swift.max(0, $0.lowerBound - 6)..<$0.lowerBound) != nil)
        })
      else {
        if let c = actAcceptance(ctx, v) { out.append(c) }
        continue
      }
      if v.has(.agreedToInWriting) {
        continue
      }
      // "takes effect when both parties have signed": the acceptance phrase introduces the act itself.
      if ["when", "upon"].contains(v.word(a.upperBound - 1))
        || (a.upperBound < v.count && ["when", "upon", "once"].contains(v.word(a.upperBound)))
      {
        m.formUnion(mechanisms(in: v, a.upperBound..<Swift.min(v.count, a.upperBound + 8)))
      }
      for intro in v.find(introducers) {
        // "must be bound by the Guidelines": "by" names what binds, not an act of acceptance.
        if intro.lowerBound > 0, v.word(intro.lowerBound - 1) == "bound" { continue }
        m.formUnion(mechanisms(in: v, intro.upperBound..<Swift.min(v.count, intro.upperBound + 12)))
      }
      if m.isEmpty, let c = v.first(constitutes), c.lowerBound < a.lowerBound {
        m.formUnion(mechanisms(in: v, 0..<c.lowerBound))
      }
      // "Clicking "Agree and access" on this page accepts the … Licence": the act is the subject.
      if m.isEmpty, a.lowerBound <= 10, v.word(a.lowerBound).hasSuffix("s") {
        m.formUnion(mechanisms(in: v, 0..<Swift.min(2, a.lowerBound)))
      }
      // "… click 'I Accept' below …" without "by".
      if v.has(.iAcceptAcceptButton) { m.insert(.click) }
      if m.isEmpty, let must = v.first(mustAgree), !v.negated(before: must.lowerBound, window: 3) {
        out.append(ctx.clause(.acceptance, in: v, evidence: must))
        continue
      }
      if m.isEmpty { continue }
      if v.negated(before: a.lowerBound, window: 3)
        && !v.has(.indicateYourAcceptanceIndicates)
      {
        continue
      }
      var p = ClauseParameters()
      p.mechanism = m.sorted()
      out.append(ctx.clause(.acceptance, in: v, evidence: a, parameters: p))
    }
    return out
  }
}

/// Finds quoted phrases (“…”, "…", '…') in a sentence.
enum QuoteFinder {
  struct Quoted {
    let text: String
    let words: Range<Int>
  }

  /// The first quoted phrase whose words start at or after word position `after`.
  static func quoted(in v: SentenceView, after: Int, maxTokens: Int = 12) -> Quoted? {
    let toks = v.text.tokens
    guard let firstTok = v.wordTokens.first, let lastTok = v.wordTokens.last else { return nil }
    let startTok = after < v.count ? v.wordTokens[after] : lastTok
    var i = Swift.max(firstTok - 1, 0)
    while i <= lastTok {
      let t = toks[i]
      if t.kind == .punctuation, isQuote(v.text.normalizedSlice(t)) {
        var j = i + 1
        while j <= lastTok + 1, j < toks.count,
          !(toks[j].kind == .punctuation && isQuote(v.text.normalizedSlice(toks[j])))
        {
          j += 1
        }
        guard j < toks.count, j > i + 1 else {
          i = j + 1
          continue
        }
        if i + 1 >= startTok, j - i - 1 <= maxTokens {
          let span = Span(start: Int(toks[i + 1].start), end: Int(toks[j - 1].end))
          let words = v.wordTokens.indices.filter { v.wordTokens[$0] > i && v.wordTokens[$0] < j }
          if let lo = words.first, let hi = words.last {
            return Quoted(text: v.text.sliceWithoutLeaders(span), words: lo..<(hi + 1))
          }
        }
        i = j + 1
        continue
      }
      i += 1
    }
    return nil
  }

  static func isQuote(_ n: ArraySlice<UInt8>) -> Bool {
    n.count == 1 && (n.first == UInt8(ascii: "\"") || n.first == UInt8(ascii: "'"))
  }
}

extension PhraseSet {
  fileprivate static let courtesyOnly: PhraseSet = [
    "do not require", "does not require", "but not require", "kindly request", "we request", "we ask that",
    "would appreciate", "is appreciated", "are encouraged", "is encouraged",
  ]
  fileprivate static let notAllowedToRemove: PhraseSet = [
    "not allowed to remove", "not allowed to modify or remove", "not allowed to alter or remove",
    "not permitted to remove", "not permitted to modify or remove", "not permitted to alter or remove",
  ]
  fileprivate static let distributionTerms: PhraseSet = [
    "licence and distribution terms", "license and distribution terms", "distribution terms",
  ]
  fileprivate static let derivativeWord: PhraseSet = ["derivative", "derivatives", "derived"]
  fileprivate static let cannotBeChanged: PhraseSet = [
    "cannot be changed", "can not be changed", "may not be changed", "must not be changed",
  ]
  fileprivate static let mayNotBeCalled: PhraseSet = [
    "may not be called", "must not be called", "shall not be called", "may not be named", "must not be named",
    "shall not be named", "may not use the name", "appear in their name",
    "appear in their names",
  ]
  fileprivate static let productsDerived: PhraseSet = ["products derived", "product derived", "derived products"]
  fileprivate static let anAcknowledgement: PhraseSet = [
    "an acknowledgment", "an acknowledgement", "acknowledgment in the", "acknowledgement in the",
  ]
  fileprivate static let isRequired: PhraseSet = ["is required", "is mandatory"]
  fileprivate static let confidential: PhraseSet = ["confidential*", "privacy"]
  /// Whether a string's first words match one of the phrases.
  func containsStart(of s: String) -> Bool {
    let t = TokenizedText(s)
    let st = TextStructure.single(t)
    guard let sentence = st.sentences.first else { return false }
    let v = SentenceView(index: 0, sentence: sentence, text: t)
    return v.first(self, in: 0..<Swift.min(v.count, maxLength)).map { $0.lowerBound == 0 } ?? false
  }
}

extension TextStructure {
  /// A structure treating the whole text as one sentence (for short phrases).
  static func single(_ t: TokenizedText) -> TextStructure {
    guard let f = t.tokens.first, let l = t.tokens.last else {
      return TextStructure(sentences: [], sections: [], headings: [], definitions: [])
    }
    return TextStructure(
      sentences: [Sentence(span: Span(start: Int(f.start), end: Int(l.end)), tokenRange: 0..<t.tokens.count)],
      sections: [], headings: [], definitions: [])
  }
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let copyCopies: PhraseSet = [
    "copy", "copies", "distribut*", "redistribut*", "convey*", "all copies", "substantial portions", "share", "shared",
    "recipient*", "give", "pass on", "hand on", "source code", "binary form", "provide", "pass _ on", "hand _ on",
    "every copy", "each copy",
  ]
  fileprivate static let underTheTermsOf: PhraseSet = [
    "under the terms of this license", "under this license", "under these terms", "subject to the provisions of this",
    "subject to the terms of this",
  ]
  fileprivate static let copyOfCopiesOf: PhraseSet = [
    "copy of", "copies of", "text of", "accompan*", "include", "included", "come with",
  ]
  fileprivate static let youMayObtainMay: PhraseSet = [
    "you may obtain", "may obtain a copy", "should have received", "whether or not", "permitted to copy",
    "copies of this license document",
  ]
  fileprivate static let mayNotRemoveNot: PhraseSet = ["may not remove", "not remove"]
  /// "alter the notice of the licensor's proprietary rights": a bare notice that names what it protects.
  fileprivate static let proprietaryRights: PhraseSet = ["proprietary rights", "proprietary right"]
  /// "You retain all moral rights, including attribution, in content you publish": the user's rights.
  fileprivate static let moralRights: PhraseSet = ["moral right*"]
  fileprivate static let copyCopies2: PhraseSet = [
    "copy", "copies", "distribut*", "removed", "remove", "altered", "source", "intact", "file",
  ]
  fileprivate static let uponNoticeWrittenNotice: PhraseSet = [
    "upon notice", "written notice", "notice to you", "notice of termination", "prior notice", "without notice",
    "notice of breach",
  ]
  fileprivate static let copyright: PhraseSet = ["copyright"]
  fileprivate static let cause: PhraseSet = ["cause"]
  fileprivate static let stateThatItIs: PhraseSet = ["state that it is", "state that the software"]
  fileprivate static let modifiedChanged: PhraseSet = ["modified", "changed"]
  fileprivate static let required: PhraseSet = ["required"]
  fileprivate static let mustRequired: PhraseSet = ["must", "required"]
  fileprivate static let endorsePromote: PhraseSet = ["endorse", "promote", "endorsement"]
  fileprivate static let mustOnlyUnder: PhraseSet = ["must", "only under", "provided that", "on condition"]
  fileprivate static let youMayObtainMay2: PhraseSet = [
    "you may obtain", "need not", "not required", "is not required", "do not have to",
  ]
  /// "… and you may not add further restrictions": a copyleft's own companion rule, not a ban.
  fileprivate static let mayNotAddRestrictions: PhraseSet = [
    "may not add", "may not impose",
  ]
  fileprivate static let mayNot: PhraseSet = ["may not"]
  fileprivate static let copyOfThisLicence: PhraseSet = [
    "copy of this license", "copy of the license", "copy of this agreement", "text of this license",
  ]
  fileprivate static let completeCorresponding: PhraseSet = [
    "corresponding source", "complete source", "source code of", "source code for", "machine readable source",
    "preferred form",
  ]
  fileprivate static let agreeAccept: PhraseSet = ["agree to", "accept", "bound by", "comply with"]
  fileprivate static let changesWords: PhraseSet = ["changes", "modifications", "your changes"]
  fileprivate static let removedOrAltered: PhraseSet = [
    "removed or altered", "alter or remove", "remove or alter", "altered or removed", "removed, altered",
  ]
  fileprivate static let whenIf: PhraseSet = ["when", "if", "where", "whenever"]
  fileprivate static let areSubjectTo: PhraseSet = [
    "are subject to this license", "is subject to this license", "are subject to the terms of this agreement",
    "is subject to the terms of this agreement", "are subject to this agreement",
    "are subject to the terms of this license",
  ]
  fileprivate static let distributedWithSource: PhraseSet = [
    "distributed with source code", "distributed with sources", "distributed with the source code",
    "distributed with its source code", "distributed with complete source code", "distributed with their source code",
  ]
  fileprivate static let subjectToAgreement: PhraseSet = [
    "subject to the terms of this agreement", "subject to the terms of this license", "subject to this agreement",
  ]
  fileprivate static let distributionWords: PhraseSet = ["distribution", "distribute*", "redistribut*"]
  fileprivate static let youMayPermission: PhraseSet = ["you may", "permission", "free to"]
  fileprivate static let mustOnlyUnder2: PhraseSet = ["must", "only under", "shall"]
  fileprivate static let interactingWithItRemotely: PhraseSet = [
    "interacting with it remotely", "remotely through a computer network", "network server", "over a network",
    "network interaction", "users interacting",
  ]
  fileprivate static let lesserGeneralPublicLicense: PhraseSet = [
    "lesser general public license", "the library", "work that uses the library", "combined work", "linked",
  ]
  fileprivate static let library: PhraseSet = ["library"]
  fileprivate static let fileFiles: PhraseSet = ["file", "files"]
  fileprivate static let coveredSoftwareSourceCode: PhraseSet = [
    "covered software", "source code form", "each file", "file level", "file-based", "modified files",
  ]
  fileprivate static let noticesNotice: PhraseSet = ["notices", "notice"]
  fileprivate static let providedThatOnCondition: PhraseSet = ["provided that", "on condition", "must"]
  fileprivate static let notRequiredNeedNot: PhraseSet = [
    "not required", "need not", "no obligation", "not obligated", "do not have to", "does not have to",
    "does not require", "do not need to", "not be obliged", "not obliged", "under no obligation",
  ]
  fileprivate static let thisLicenceObject: PhraseSet = [
    "this license", "copy of this license", "this license document", "this agreement", "these terms",
  ]
  fileprivate static let networkRemotely: PhraseSet = ["network", "remotely"]
  fileprivate static let distributeConvey: PhraseSet = ["distribute", "convey"]
  fileprivate static let interactRemote: PhraseSet = [
    "interact*", "remote*", "network service", "users", "as a service", "people", "persons",
  ]
  fileprivate static let networkRemote: PhraseSet = ["network", "remote*"]
  fileprivate static let mustOffer: PhraseSet = ["must", "offer", "provide"]
  fileprivate static let mustShall: PhraseSet = ["must", "shall"]
  fileprivate static let itThem: PhraseSet = ["it", "them"]
  fileprivate static let bindRecipients: PhraseSet = ["bind", "binds"]
  fileprivate static let toWord: PhraseSet = ["to"]
  fileprivate static let subLicenceWord: PhraseSet = ["sub license*", "sublicense*"]
  fileprivate static let toTheTermsOf: PhraseSet = ["to the terms"]
  fileprivate static let policy: PhraseSet = ["policy", "guidelines"]
  fileprivate static let byIfYou: PhraseSet = ["by", "if you", "when you", "upon"]
  fileprivate static let bySigningSign: PhraseSet = ["by signing", "sign", "signature", "signed"]
  fileprivate static let notRequiredToAccept: PhraseSet = [
    "not required to accept", "you are not required", "do not accept", "don't accept", "not accept",
  ]
  fileprivate static let byClickingIAccept: PhraseSet = ["by clicking", "i accept"]
  fileprivate static let indicateYourAcceptance: PhraseSet = ["indicate your acceptance"]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let followingNoticeThatReads: PhraseSet = [
    "following", "notice that reads", "this notice", "notice stating", "text file",
  ]
  fileprivate static let requiredRequirement: PhraseSet = ["required", "requirement"]
  fileprivate static let theAttributionIs: PhraseSet = [
    "the attribution is", "attribution shall be", "attribution must be", "the attribution notice is",
  ]
  fileprivate static let agreedToInWriting: PhraseSet = [
    "agreed to in writing", "changed terms", "revised terms", "modified terms", "updated terms", "new version",
    "otherwise agreed", "agreed in writing",
  ]
  fileprivate static let iAcceptAcceptButton: PhraseSet = ["i accept", "accept button", "clicking"]
  fileprivate static let indicateYourAcceptanceIndicates: PhraseSet = [
    "indicate your acceptance", "indicates your acceptance",
  ]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let doNotAcceptNot: PhraseSet = ["do not accept", "not accept"]
  fileprivate static let refuseToAgree: PhraseSet = [
    "do not agree", "don not agree", "does not agree", "cannot agree", "can not agree", "won not agree",
    "will not agree",
    "do not accept", "does not accept", "cannot accept", "disagree with",
  ]
  fileprivate static let stopUsing: PhraseSet = [
    "stop using", "stop use", "stop your use", "discontinue your use", "discontinue use", "discontinue using",
    "discontinue all use", "cease using", "cease use", "cease all use", "cease your use", "cease to use",
    "discontinue their use", "stop their use", "cease their use",
  ]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let followingConditions: PhraseSet = ["following conditions"]
  fileprivate static let lesserGeneralPublicLicense2: PhraseSet = [
    "lesser general public license", "library general public license", "work that uses the library", "combined work",
    "linked with the library",
  ]
  fileprivate static let eachFileSeparateFile: PhraseSet = [
    "each file", "separate file", "separate files", "file level", "file by file", "covered software",
    "source code form", "portion of the software in source code form", "files containing", "separate modules",
  ]
}

/// Phrase sets used by the rules above, compiled once.
extension PhraseSet {
  fileprivate static let lesserGeneralPublicLicense3: PhraseSet = [
    "lesser general public license", "library general public license",
  ]
  fileprivate static let linkDynamically: PhraseSet = ["link*", "dynamically", "statically"]
  fileprivate static let library2: PhraseSet = ["library"]
  fileprivate static let eachFileSeparateFile2: PhraseSet = [
    "each file", "separate file", "separate files", "file level", "file by file", "covered software",
    "source code form", "portion of the software in source code form", "files containing",
  ]
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let obligations: [PhraseSet] =
    [
      IncludeLicenseRule.copyOfLicence,
      IncludeLicenseRule.verbs,
      IncludeLicenseRule.accordance,
      RetainNoticesRule.notices,
      RetainNoticesRule.passOn,
      RetainNoticesRule.verbs,
      RetainNoticesRule.theFollowing,
      RetainNoticesRule.carryVerbs,
      StateChangesRule.triggers,
      StateChangesRule.change,
      AttributionDisplayRule.display,
      AttributionDisplayRule.phrases,
      AttributionDisplayRule.wherePlaces,
      AttributionDisplayRule.following,
      AttributionDisplayRule.acknowledge,
      AttributionDisplayRule.creditPlaces,
      AttributionDisplayRule.creditVerbs,
      AttributionDisplayRule.notDisplay,
      AttributionDisplayRule.keep,
      AttributionDisplayRule.acknowledgementPlaces,
      NamingRule.nameWords,
      NamingRule.prefix,
      NamingRule.include,
      ShareAlikeRule.sameLicence,
      ShareAlikeRule.derivatives,
      ShareAlikeRule.release,
      ShareAlikeRule.libraryTitle,
      ShareAlikeRule.linking,
      ShareAlikeRule.libraryWord,
      ShareAlikeRule.coveredSoftware,
      ShareAlikeRule.fileWords,
      DiscloseSourceRule.source,
      DiscloseSourceRule.provide,
      DiscloseSourceRule.publishChanges,
      NetworkUseDiscloseRule.network,
      NetworkUseDiscloseRule.source,
      FlowDownRule.restrictions,
      FlowDownRule.downstream,
      FlowDownRule.bind,
      FlowDownRule.asProtective,
      FlowDownRule.licenceTerms,
      FlowDownRule.bindVerbs,
      FlowDownRule.recipients,
      FlowDownRule.toTerms,
      AcceptanceRule.accept,
      AcceptanceRule.signs,
      AcceptanceRule.constitutes,
      AcceptanceRule.introducers,
      AcceptanceRule.licence,
      AcceptanceRule.mustAgree,
      AcceptanceRule.acceptanceAsCondition,
      PhraseSet.courtesyOnly,
      PhraseSet.notAllowedToRemove,
      PhraseSet.distributionTerms,
      PhraseSet.derivativeWord,
      PhraseSet.cannotBeChanged,
      PhraseSet.mayNotBeCalled,
      PhraseSet.productsDerived,
      PhraseSet.anAcknowledgement,
      PhraseSet.isRequired,
      PhraseSet.confidential,
      PhraseSet.copyCopies,
      PhraseSet.underTheTermsOf,
      PhraseSet.copyOfCopiesOf,
      PhraseSet.youMayObtainMay,
      PhraseSet.mayNotRemoveNot,
      PhraseSet.proprietaryRights,
      PhraseSet.moralRights,
      PhraseSet.copyCopies2,
      PhraseSet.uponNoticeWrittenNotice,
      PhraseSet.copyright,
      PhraseSet.cause,
      PhraseSet.stateThatItIs,
      PhraseSet.modifiedChanged,
      PhraseSet.required,
      PhraseSet.mustRequired,
      PhraseSet.endorsePromote,
      PhraseSet.mustOnlyUnder,
      PhraseSet.youMayObtainMay2,
      PhraseSet.mayNotAddRestrictions,
      PhraseSet.mayNot,
      PhraseSet.copyOfThisLicence,
      PhraseSet.completeCorresponding,
      PhraseSet.agreeAccept,
      PhraseSet.changesWords,
      PhraseSet.removedOrAltered,
      PhraseSet.whenIf,
      PhraseSet.areSubjectTo,
      PhraseSet.distributedWithSource,
      PhraseSet.subjectToAgreement,
      PhraseSet.distributionWords,
      PhraseSet.youMayPermission,
      PhraseSet.mustOnlyUnder2,
      PhraseSet.interactingWithItRemotely,
      PhraseSet.lesserGeneralPublicLicense,
      PhraseSet.library,
      PhraseSet.fileFiles,
      PhraseSet.coveredSoftwareSourceCode,
      PhraseSet.noticesNotice,
      PhraseSet.providedThatOnCondition,
      PhraseSet.notRequiredNeedNot,
      PhraseSet.thisLicenceObject,
      PhraseSet.networkRemotely,
      PhraseSet.distributeConvey,
      PhraseSet.interactRemote,
      PhraseSet.networkRemote,
      PhraseSet.mustOffer,
      PhraseSet.mustShall,
      PhraseSet.itThem,
      PhraseSet.bindRecipients,
      PhraseSet.toWord,
      PhraseSet.subLicenceWord,
      PhraseSet.toTheTermsOf,
      PhraseSet.policy,
      PhraseSet.byIfYou,
      PhraseSet.bySigningSign,
      PhraseSet.notRequiredToAccept,
      PhraseSet.byClickingIAccept,
      PhraseSet.indicateYourAcceptance,
      PhraseSet.followingNoticeThatReads,
      PhraseSet.requiredRequirement,
      PhraseSet.theAttributionIs,
      PhraseSet.agreedToInWriting,
      PhraseSet.iAcceptAcceptButton,
      PhraseSet.indicateYourAcceptanceIndicates,
      PhraseSet.doNotAcceptNot,
      PhraseSet.refuseToAgree,
      PhraseSet.stopUsing,
      PhraseSet.followingConditions,
      PhraseSet.lesserGeneralPublicLicense2,
      PhraseSet.eachFileSeparateFile,
      PhraseSet.lesserGeneralPublicLicense3,
      PhraseSet.linkDynamically,
      PhraseSet.library2,
      PhraseSet.eachFileSeparateFile2,
    ]
    + AcceptanceRule.acts.map(\.0)
}
