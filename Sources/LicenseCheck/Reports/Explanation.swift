/// A plain-language account of a licence for someone who is not a lawyer: what you may do, what you
/// must do, what you may not do, who is excluded, what the licensor can change later, and the legal
/// small print, each point with the quoted words it rests on.
///
/// ```swift
/// let explanation = Explanation(try Analyzer().analyze(path: "LICENSE"))
/// print(explanation.text())
/// ```
///
/// Sentences come from one template per clause kind, filled with the clause's parameters; nothing
/// is said that no clause supports.
public struct Explanation: Sendable, Codable, Equatable {
  /// One point: a sentence and the words it rests on.
  public struct Point: Sendable, Codable, Equatable, Hashable {
    /// The clause kind behind the point.
    public let kind: ClauseKind
    /// The plain-language sentence.
    public let text: String
    /// A quote from the licence.
    public let evidence: String
    /// Where the quote is (`§4.a, line 40`).
    public let location: String
  }

  /// One heading and its points.
  public struct Section: Sendable, Codable, Equatable, Hashable {
    /// A stable id: `may`, `must`, `may-not`, `excluded`, `licensor`, `legal`.
    public let id: String
    /// The heading.
    public let title: String
    /// The points, in text order; empty when the licence says nothing on this.
    public let points: [Point]
  }

  /// The JSON contract version.
  public let schemaVersion: Int
  /// The licence's path.
  public let path: String
  /// The licence name, or the file name.
  public let licence: String
  /// Whether the licence is OSD conformant.
  public let osdConformant: Bool
  /// The sections, always all six, in order.
  public let sections: [Section]

  /// Explains an analysis.
  /// - Parameters:
  ///   - analysis: the analysis to explain.
  ///   - document: the document analysed; when the licence is not identified, its own title (the HTML or
  ///     front-matter `title`, else its first line when that is short) names it instead of the file name.
  public init(_ analysis: LicenseAnalysis, document: Document? = nil) {
    schemaVersion = licenseCheckSchemaVersion
    path = analysis.source.path
    if analysis.identification == nil, let title = document.flatMap(Self.title(of:)) {
      licence = title
    } else {
      licence = ComparisonTable.licenceName(analysis)
    }
    osdConformant = analysis.osdConformant
    var byId: [String: [Point]] = [:]
    var seen = Set<String>()
    // Licences repeat their grant (a heading, the grant, a trademark licence, a termination
    // proviso); one point with every right granted reads better than four partial ones.
    var clauses = analysis.clauses
    let grants = clauses.filter { $0.kind == .copyrightGrant }
    if grants.count > 1 {
      let richest = grants.max { Self.weight($0) < Self.weight($1) }!
      var merged = richest.parameters
      let rights = Set(grants.flatMap { $0.parameters.rights ?? [] })
      merged.rights = GrantRight.allCases.filter(rights.contains)
      let combined = Clause(
        kind: .copyrightGrant, span: richest.span, evidence: richest.evidence, section: richest.section,
        document: richest.document, parameters: merged)
      clauses = clauses.compactMap { $0.kind != .copyrightGrant ? $0 : ($0 == richest ? combined : nil) }
    }
    for (index, clause) in clauses.enumerated() {
      let continuedUse = OSDEvaluator.continuedUseAccepts(index, in: clauses)
      let (section, sentence) = Self.template(clause, continuedUse: continuedUse)
      // One point per distinct sentence: repeated headings ("Disclaimer", "AS IS") say the same thing.
      guard seen.insert(section + "\u{0}" + sentence).inserted else { continue }
      byId[section, default: []].append(
        Point(
          kind: clause.kind, text: sentence, evidence: ClauseSummary.oneLine(clause.evidence, limit: 240),
          location: ClauseSummary.location(of: clause)))
    }
    sections = Self.headings.map { Section(id: $0.id, title: $0.title, points: byId[$0.id] ?? []) }
  }

  /// Section ids and headings, in order.
  static let headings: [(id: String, title: String)] = [
    ("may", "What you may do"),
    ("must", "What you must do"),
    ("may-not", "What you may not do"),
    ("excluded", "Who is excluded"),
    ("licensor", "What the licensor can change later"),
    ("legal", "Legal small print"),
  ]

  /// The section id and sentence for one clause.
  static func template(_ clause: Clause, continuedUse: Bool = false) -> (String, String) {
    let p = clause.parameters
    switch clause.kind {
    case .copyrightGrant:
      let rights = p.rights.map { $0.map(Self.rightWord) } ?? ["use"]
      var flags: [String] = []
      if p.royaltyFree == true { flags.append("free of charge") }
      if p.worldwide == true { flags.append("anywhere in the world") }
      if p.perpetual == true || p.irrevocable == true { flags.append("without the grant being withdrawn at will") }
      let tail = flags.isEmpty ? "" : ", " + Self.join(flags)
      return ("may", "You may \(Self.join(rights)) the work\(tail).")
    case .patentGrant:
      return ("may", "You get a licence to the licensor's patents that the work uses.")
    case .outputRights:
      switch p.owner {
      case "licensee": return ("may", "What you generate with the model is yours; the licensor claims no rights in it.")
      case "licensor": return ("may", "The licensor claims rights in what you generate with the model.")
      default: return ("may", "The licence speaks about the model's outputs but does not say who owns them.")
      }
    case .includeLicense:
      return ("must", "Give a copy of the licence to anyone you pass the work (or your version of it) on to.")
    case .retainNotices:
      if let notice = p.noticeText { return ("must", "Keep this notice in copies you distribute: “\(notice)”.") }
      return ("must", "Keep the copyright and attribution notices in copies you distribute.")
    case .stateChanges:
      return ("must", "Mark files you changed as changed.")
    case .attributionDisplay:
      let phrase = p.text.map { "“\($0)”" } ?? "the required attribution"
      // Read `where` through the generic fields, so a single place and a list both read well.
      let place = ClauseSummary.fields(of: p).first { $0.key == "where" }.map { " (\($0.value))" } ?? ""
      return ("must", "Show \(phrase) prominently\(place) with any product or service built on the work.")
    case .naming:
      let phrase = p.requiredPhrase.map { "“\($0)”" } ?? "the required name"
      if p.position == "prefix" {
        return ("must", "Start the name of any model you build from it with \(phrase).")
      }
      return ("must", "Include \(phrase) in the name of any model you build from it.")
    case .shareAlike:
      let scope = p.scope.map { " (scope: \($0))" } ?? ""
      return ("must", "Release your changes or derived works under this same licence\(scope).")
    case .discloseSource:
      return ("must", "Make the source code available when you distribute the work.")
    case .networkUseDisclose:
      return ("must", "Offer the source code to people who use your version over a network.")
    case .flowDown:
      let what = p.what == "acceptable-use-policy" ? "the acceptable use policy" : "the use restrictions"
      return ("must", "Pass \(what) on to anyone you give the work to, and make them binding on them.")
    case .acceptance:
      let how = p.mechanism.map { Self.join($0.sorted().map { Self.acceptanceWord($0) }) } ?? "using the work"
      return ("must", "You accept the licence by \(how).")
    case .usageCap:
      let cap = ClauseSummary.capPhrase(p).map { "more than \($0)" } ?? "more than a size threshold"
      let then: String
      switch p.consequence {
      case .separateLicenceRequired?: then = "must ask the licensor for a separate licence, which it may refuse"
      case .fee?: then = "must pay a fee"
      case .attributionRequired?: then = "must give attribution"
      case nil: then = "lose or change their rights"
      }
      return ("excluded", "Organisations with \(cap) \(then).")
    case .territory:
      if let ex = p.excluded, !ex.isEmpty { return ("excluded", "The rights do not cover \(Self.join(ex)).") }
      if let inc = p.included, !inc.isEmpty { return ("excluded", "The rights only cover \(Self.join(inc)).") }
      return ("excluded", "The rights are limited to certain places.")
    case .userRestriction:
      return ("excluded", "Some people or organisations may not use it\(p.who.map { ": \($0)" } ?? "").")
    case .acceptableUsePolicy:
      let ref = p.reference.map { " (\($0))" } ?? ""
      let change = p.updatable == true ? " The policy can be updated." : ""
      return ("may-not", "Do not use it in ways its acceptable use policy forbids\(ref).\(change)")
    case .fieldOfUse:
      if let fields = p.fields, !fields.isEmpty {
        return ("may-not", "Do not use it for: \(fields.joined(separator: ", ")).")
      }
      return ("may-not", "Do not use it for certain listed purposes.")
    case .nonCommercial:
      return ("may-not", "Do not use it commercially.")
    case .researchOnly:
      return ("may-not", "Use it only for research or evaluation.")
    case .outputUse:
      let target = p.scope == "any-model" ? "any other model" : "other large language models"
      return ("may-not", "Do not use its outputs to build or improve \(target).")
    case .hostedService:
      return ("may-not", "Do not offer it to others as a hosted or managed service.")
    case .trademark:
      return ("may-not", "You get no right to use the licensor's trademarks beyond what the licence allows.")
    case .noReverseEngineering:
      return ("may-not", "Do not reverse engineer or decompile it.")
    case .noModification:
      return ("may-not", "Do not modify it, or pass on modified versions.")
    case .noRedistribution:
      return ("may-not", "Do not pass copies of it on to others.")
    case .productionUse:
      return ("may-not", "Use it only for development, testing or evaluation; production use needs another licence.")
    case .competingUse:
      return ("may-not", "Do not use it to build or offer a product or service that competes with the licensor.")
    case .productTie:
      return ("may-not", "Use it only with the product, device or service the licence names.")
    case .timeLimit:
      let period = p.days.map { " (\(Int($0)) days)" } ?? ""
      if p.limitType == "change-date" {
        return ("licensor", "The licence changes to other terms at a set date\(period).")
      }
      return ("may-not", "Your rights last only for a limited period\(period).")
    case .seatLimit:
      let count = p.limit.map { "\(Int($0)) " } ?? "a limited number of "
      return ("may-not", "Use it on no more than \(count)\(p.unit ?? "seats").")
    case .remoteRestriction:
      return ("licensor", "The licensor may restrict your use remotely or otherwise.")
    case .unilateralChange:
      let what = p.what == "policy" ? "the use policy" : "the terms"
      // Only when the text says so: many licences reserve changes without saying how they bind.
      if continuedUse {
        return ("licensor", "The licensor may change \(what); continuing to use the work means you accept the change.")
      }
      return ("licensor", "The licensor may change \(what).")
    case .termination:
      let triggers = p.triggers ?? []
      if triggers.contains(.atWill) { return ("licensor", "The licensor may end the licence at any time.") }
      var causes: [String] = []
      if triggers.contains(.breach) { causes.append("you break its terms") }
      if triggers.contains(.litigation) { causes.append("you sue the licensor over the work") }
      if causes.isEmpty { return ("licensor", "The licence can end.") }
      return ("licensor", "The licence ends if \(causes.joined(separator: " or ")).")
    case .warrantyDisclaimer:
      return ("legal", "It comes as it is, with no promise that it works or is fit for any purpose.")
    case .liabilityLimitation:
      return ("legal", "The licensor is not liable for damage it causes.")
    case .indemnification:
      return ("legal", "You must cover the licensor's costs if others make claims over your use.")
    case .governingLaw:
      if let j = p.jurisdiction {
        return ("legal", "The law of \(j) governs the licence\(p.venue.map { "; disputes go to \($0)" } ?? "").")
      }
      return ("legal", "A named jurisdiction's law governs the licence.")
    case .exportControl:
      return ("legal", "Export control laws apply to the work.")
    }
  }

  /// How much a grant clause says: its rights and flags.
  private static func weight(_ clause: Clause) -> Int {
    let p = clause.parameters
    let flags = [p.royaltyFree, p.worldwide, p.perpetual, p.irrevocable, p.nonExclusive].compactMap { $0 }.count
    return (p.rights?.count ?? 0) + flags
  }

  private static func rightWord(_ r: GrantRight) -> String {
    switch r {
    case .createDerivatives: return "build on"
    default: return r.rawValue
    }
  }

  private static func acceptanceWord(_ m: AcceptanceMechanism) -> String {
    switch m {
    case .click: return "clicking to accept"
    case .use: return "using the work"
    case .distribution: return "distributing it"
    case .signature: return "signing"
    case .download: return "downloading it"
    }
  }

  /// `a`, `a and b`, `a, b and c`.
  static func join(_ words: [String]) -> String {
    switch words.count {
    case 0: return ""
    case 1: return words[0]
    default: return words.dropLast().joined(separator: ", ") + " and " + words.last!
    }
  }

  /// A document's own title: metadata `title` (HTML `<title>`, front matter), else its first non-blank line
  /// when it is short enough to be one (at most 120 characters, with a letter). Nil otherwise.
  public static func title(of document: Document) -> String? {
    if let t = document.metadata["title"]?.stringValue?.trimmingASCIIWhitespace(), !t.isEmpty { return t }
    for line in document.text.split(separator: "\n", maxSplits: 20, omittingEmptySubsequences: true) {
      let t = String(line).trimmingASCIIWhitespace()
      if t.isEmpty { continue }
      guard t.count <= 120, t.contains(where: \.isLetter) else { return nil }
      return t
    }
    return nil
  }

  /// The explanation for people: a title, then each heading with its bullets and quotes.
  /// - Parameter style: plain or coloured.
  /// - Returns: the text, ending with a newline.
  public func text(style: TextStyle = .plain) -> String {
    var out = style.bold(licence) + "  (\(path))\n"
    out += "OSD conformant: " + (osdConformant ? style.green("yes") : style.red("no"))
    out += ". This is an automated reading, not legal advice.\n"
    for section in sections {
      out += "\n" + style.bold(section.title) + "\n"
      if section.points.isEmpty {
        out += "  • Nothing found in the text.\n"
        continue
      }
      for point in section.points {
        out += "  • " + style.fit(point.text, start: 4, indent: 4) + "\n"
        out += "    " + style.dim("“\(point.evidence)” (\(point.location))") + "\n"
      }
    }
    return out
  }
}
