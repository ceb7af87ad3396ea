// The clause model of a licence reduced to what the compatibility rules need. Traits come from our own
// extractor (`LicenseTraits(id:clauses:)`, run over the corpus by `licensecheck-compat-data traits` into
// `licenses/compat/traits.json`), or from hand-reviewed records for the well-known families
// (`licenses/compat/overrides.json`), which also carry what no clause kind expresses: a copyleft licence's
// "no further restrictions" rule and the licences a text itself names as compatible.

/// How far a licence's copyleft reaches.
public enum CopyleftScope: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  /// Per file (MPL, EPL, CDDL): other files of a larger work may be under other terms.
  case file
  /// The library (LGPL): a program that links it may be under other terms if the library can be replaced.
  case library
  /// The whole derived work (GPL, EUPL).
  case work
  /// The whole work, including use over a network (AGPL, OSL).
  case network

  public static func < (l: CopyleftScope, r: CopyleftScope) -> Bool {
    allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
  }

  /// True for copyleft that takes in the whole derived work.
  public var coversWholeWork: Bool { self == .work || self == .network }
}

/// A restriction on what recipients may do with the work: a clause kind of the restriction family.
public enum UseRestriction: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  /// Named uses or purposes are banned.
  case fieldOfUse = "field-of-use"
  /// A use policy is incorporated.
  case acceptableUsePolicy = "acceptable-use-policy"
  /// Rights lapse or change above a size threshold.
  case usageCap = "usage-cap"
  /// Commercial use is excluded.
  case nonCommercial = "non-commercial"
  /// Use is limited to research or evaluation.
  case researchOnly = "research-only"
  /// Outputs may not be used to build or improve other models.
  case outputUse = "output-use"
  /// Rights exclude or only cover certain places.
  case territory
  /// Certain persons may not be licensees.
  case userRestriction = "user-restriction"
  /// Offering the work as a hosted service is restricted.
  case hostedService = "hosted-service"

  public static func < (l: UseRestriction, r: UseRestriction) -> Bool {
    allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
  }

  /// The restriction as words in a reason.
  public var phrase: String {
    switch self {
    case .fieldOfUse: return "banned fields of use"
    case .acceptableUsePolicy: return "an acceptable use policy"
    case .usageCap: return "a usage cap"
    case .nonCommercial: return "no commercial use"
    case .researchOnly: return "research use only"
    case .outputUse: return "limits on using outputs"
    case .territory: return "territorial limits"
    case .userRestriction: return "excluded licensees"
    case .hostedService: return "limits on hosted services"
    }
  }

  /// The restriction kinds that carry this one: a use policy and a list of banned uses are both restrictions
  /// by use, so either carries the other.
  package var carriedBy: [UseRestriction] {
    switch self {
    case .fieldOfUse, .acceptableUsePolicy: return [.fieldOfUse, .acceptableUsePolicy]
    default: return [self]
    }
  }

  /// The clause kind with the same id.
  public var clauseKind: ClauseKind { ClauseKind(rawValue: rawValue)! }
}

/// A term beyond keeping notices that a permissive licence may add, and that a copyleft licence with a "no
/// further restrictions" rule may count as a further restriction.
public enum ExtraTerm: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  /// Rights end when the licensee brings a patent claim (a `termination` with the `litigation` trigger).
  case patentTermination = "patent-termination"
  /// The licensee must defend or indemnify the licensor.
  case indemnification
  /// A phrase must be displayed in advertising, documentation or a product (`attribution-display`).
  case attributionDisplay = "attribution-display"
  /// Derived works must be named a certain way (`naming`).
  case naming
  /// A chosen law or venue governs (`governing-law`).
  case governingLaw = "governing-law"
  /// The grant may not be transferred.
  case nonTransferable = "non-transferable"

  public static func < (l: ExtraTerm, r: ExtraTerm) -> Bool {
    allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
  }

  /// The term as words in a reason.
  public var phrase: String {
    switch self {
    case .patentTermination: return "termination on patent litigation"
    case .indemnification: return "an indemnity"
    case .attributionDisplay: return "an acknowledgement to display"
    case .naming: return "a naming rule"
    case .governingLaw: return "a choice of law"
    case .nonTransferable: return "a non-transferable grant"
    }
  }
}

/// Where a licence's traits come from.
public enum TraitsOrigin: String, Sendable, Codable, Equatable, Hashable {
  /// Our clause extractor, run over the licence text.
  case extracted
  /// A hand-reviewed record (`licenses/compat/overrides.json`).
  case reviewed
}

/// What the compatibility rules know about one licence.
public struct LicenseTraits: Sendable, Codable, Equatable, Hashable {
  /// The licence id (SPDX id, or a catalogue id such as `Llama-3.1`), or a label for an unknown text.
  public var id: String
  /// Extracted or reviewed.
  public var origin: TraitsOrigin
  /// The copyleft scope, or nil for no share-alike.
  public var copyleft: CopyleftScope?
  /// Restrictions on use, sorted.
  public var restrictions: [UseRestriction]
  /// Terms beyond notices, sorted.
  public var extraTerms: [ExtraTerm]
  /// Use restrictions must be passed on to, and bind, downstream recipients.
  public var flowDown: Bool
  /// Copyright notices or the licence text must be kept.
  public var notices: Bool
  /// The text grants copyright rights at all (a text with no grant cannot be judged).
  public var grants: Bool
  /// A copyleft licence that forbids imposing further restrictions on recipients (GPL family, EUPL).
  public var forbidsFurtherRestrictions: Bool
  /// Extra terms of an inbound licence that such a copyleft licence nonetheless accepts (GPL-3.0 §7).
  public var permits: [ExtraTerm]
  /// Licences the text itself lets its material be distributed under (secondary licences, conversion to the
  /// GPL, later versions, an appendix of compatible licences); `-or-later` ids cover every later version.
  public var compatibleWith: [String]
  /// The phrase a `naming` clause requires.
  public var requiredName: String?
  /// The phrase an `attribution-display` clause requires.
  public var displayText: String?
  /// Why a reviewed record says what it says (not used by the rules).
  public var note: String?

  /// Creates traits.
  public init(
    id: String, origin: TraitsOrigin = .reviewed, copyleft: CopyleftScope? = nil, restrictions: [UseRestriction] = [],
    extraTerms: [ExtraTerm] = [], flowDown: Bool = false, notices: Bool = true, grants: Bool = true,
    forbidsFurtherRestrictions: Bool = false, permits: [ExtraTerm] = [], compatibleWith: [String] = [],
    requiredName: String? = nil, displayText: String? = nil, note: String? = nil
  ) {
    self.id = id
    self.origin = origin
    self.copyleft = copyleft
    self.restrictions = Array(Set(restrictions)).sorted()
    self.extraTerms = Array(Set(extraTerms)).sorted()
    self.flowDown = flowDown
    self.notices = notices
    self.grants = grants
    self.forbidsFurtherRestrictions = forbidsFurtherRestrictions
    self.permits = Array(Set(permits)).sorted()
    self.compatibleWith = compatibleWith
    self.requiredName = requiredName
    self.displayText = displayText
    self.note = note
  }

  enum CodingKeys: String, CodingKey {
    case id, origin, copyleft, restrictions, extraTerms, flowDown, notices, grants, forbidsFurtherRestrictions
    case permits, compatibleWith, requiredName, displayText, note
  }

  /// Decodes a record; every key but `id` may be left out (reviewed records stay short), with the defaults of
  /// ``init(id:origin:copyleft:restrictions:extraTerms:flowDown:notices:grants:forbidsFurtherRestrictions:permits:compatibleWith:requiredName:displayText:note:)``.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(String.self, forKey: .id),
      origin: try c.decodeIfPresent(TraitsOrigin.self, forKey: .origin) ?? .reviewed,
      copyleft: try c.decodeIfPresent(CopyleftScope.self, forKey: .copyleft),
      restrictions: try c.decodeIfPresent([UseRestriction].self, forKey: .restrictions) ?? [],
      extraTerms: try c.decodeIfPresent([ExtraTerm].self, forKey: .extraTerms) ?? [],
      flowDown: try c.decodeIfPresent(Bool.self, forKey: .flowDown) ?? false,
      notices: try c.decodeIfPresent(Bool.self, forKey: .notices) ?? true,
      grants: try c.decodeIfPresent(Bool.self, forKey: .grants) ?? true,
      forbidsFurtherRestrictions: try c.decodeIfPresent(Bool.self, forKey: .forbidsFurtherRestrictions) ?? false,
      permits: try c.decodeIfPresent([ExtraTerm].self, forKey: .permits) ?? [],
      compatibleWith: try c.decodeIfPresent([String].self, forKey: .compatibleWith) ?? [],
      requiredName: try c.decodeIfPresent(String.self, forKey: .requiredName),
      displayText: try c.decodeIfPresent(String.self, forKey: .displayText),
      note: try c.decodeIfPresent(String.self, forKey: .note))
  }

  /// Traits derived from extracted clauses.
  ///
  /// A `share-alike` clause gives the copyleft scope (`network` when the text also has
  /// `network-use-disclose`); the restriction kinds give `restrictions`; a `termination` on `litigation`,
  /// `indemnification`, `attribution-display`, `naming`, `governing-law` and a non-transferable grant give
  /// `extraTerms`. A copyleft reaching the library or the whole work is taken to forbid further restrictions
  /// (the GPL family and the EUPL say so; no clause kind records it) and to accept the extra terms it has
  /// itself, plus patent termination when it grants patents.
  /// - Complexity: O(n) in the number of clauses.
  public init(id: String, clauses: [Clause]) {
    var scopes: [CopyleftScope] = []
    var restrictions: Set<UseRestriction> = []
    var extra: Set<ExtraTerm> = []
    var flowDown = false
    var notices = false
    var grants = false
    var patentGrant = false
    var networkDisclose = false
    var requiredName: String?
    var displayText: String?
    for clause in clauses {
      if let r = UseRestriction(rawValue: clause.kind.rawValue) { restrictions.insert(r) }
      switch clause.kind {
      case .shareAlike:
        scopes.append(clause.parameters.scope.flatMap(CopyleftScope.init(rawValue:)) ?? .work)
      case .networkUseDisclose: networkDisclose = true
      case .flowDown: flowDown = true
      case .includeLicense, .retainNotices: notices = true
      case .copyrightGrant:
        grants = true
        if clause.parameters.nonTransferable == true { extra.insert(.nonTransferable) }
      case .patentGrant: patentGrant = true
      case .termination:
        if (clause.parameters.triggers ?? []).contains(.litigation) { extra.insert(.patentTermination) }
      case .indemnification: extra.insert(.indemnification)
      case .attributionDisplay:
        extra.insert(.attributionDisplay)
        displayText = displayText ?? clause.parameters.text
      case .naming:
        extra.insert(.naming)
        requiredName = requiredName ?? clause.parameters.requiredPhrase
      case .governingLaw: extra.insert(.governingLaw)
      default: break
      }
    }
    var copyleft = scopes.max()
    if copyleft != nil, networkDisclose { copyleft = .network }
    let forbids = copyleft.map { $0 >= .library } ?? false
    var permits: Set<ExtraTerm> = []
    if forbids {
      permits = extra.intersection([.patentTermination, .indemnification, .governingLaw])
      if patentGrant { permits.insert(.patentTermination) }
    }
    self.init(
      id: id, origin: .extracted, copyleft: copyleft, restrictions: Array(restrictions), extraTerms: Array(extra),
      flowDown: flowDown, notices: notices, grants: grants, forbidsFurtherRestrictions: forbids,
      permits: Array(permits), requiredName: requiredName, displayText: displayText)
  }

  /// True when the licence has no copyleft, no use restriction and no flow-down: only notices and, at most,
  /// extra terms.
  public var isPermissive: Bool { copyleft == nil && restrictions.isEmpty && !flowDown }
}

// MARK: - Compact encoding of the generated data

extension LicenseTraits {
  /// One line of the generated data: `id|origin|copyleft|restrictions|extraTerms|flags|permits|compatibleWith|
  /// requiredName|displayText`, lists comma-separated, flags as letters (`g` grants, `n` notices, `f`
  /// flow-down, `x` forbids further restrictions). Notes are left out.
  package var line: String {
    func clean(_ s: String?) -> String {
      String(
        decoding: (s ?? "").utf8.map { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 },
        as: UTF8.self)
    }
    var flags = ""
    if grants { flags += "g" }
    if notices { flags += "n" }
    if flowDown { flags += "f" }
    if forbidsFurtherRestrictions { flags += "x" }
    return [
      id, origin == .reviewed ? "r" : "e", copyleft?.rawValue ?? "",
      restrictions.map(\.rawValue).joined(separator: ","), extraTerms.map(\.rawValue).joined(separator: ","),
      flags, permits.map(\.rawValue).joined(separator: ","), compatibleWith.joined(separator: ","),
      clean(requiredName), clean(displayText),
    ].joined(separator: "|")
  }

  /// Decodes a line written by ``line``; nil when it is malformed.
  package init?(line: String) {
    let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    guard f.count == 10, !f[0].isEmpty else { return nil }
    func list<T: RawRepresentable>(_ s: String, _: T.Type) -> [T]? where T.RawValue == String {
      var out: [T] = []
      for part in s.split(separator: ",") {
        guard let v = T(rawValue: String(part)) else { return nil }
        out.append(v)
      }
      return out
    }
    guard let restrictions = list(f[3], UseRestriction.self), let extra = list(f[4], ExtraTerm.self),
      let permits = list(f[6], ExtraTerm.self)
    else { return nil }
    let copyleft: CopyleftScope?
    if f[2].isEmpty {
      copyleft = nil
    } else {
      guard let scope = CopyleftScope(rawValue: f[2]) else { return nil }
      copyleft = scope
    }
    self.init(
      id: f[0], origin: f[1] == "r" ? .reviewed : .extracted, copyleft: copyleft, restrictions: restrictions,
      extraTerms: extra, flowDown: f[5].contains("f"), notices: f[5].contains("n"), grants: f[5].contains("g"),
      forbidsFurtherRestrictions: f[5].contains("x"), permits: permits,
      compatibleWith: f[7].split(separator: ",").map(String.init), requiredName: f[8].isEmpty ? nil : f[8],
      displayText: f[9].isEmpty ? nil : f[9])
  }
}

/// The licences whose traits are known without their texts: extracted records, optionally overlaid with the
/// reviewed ones.
public struct TraitsCatalog: Sendable {
  private let byKey: [String: LicenseTraits]

  /// Creates a catalogue; later records replace earlier ones with the same id.
  public init(_ records: [LicenseTraits]) {
    var byKey: [String: LicenseTraits] = [:]
    for r in records { byKey[LicenseIDs.foldKey(r.id)] = r }
    self.byKey = byKey
  }

  /// Traits extracted by our own extractor from the corpus texts, with no reviewed record.
  public static let extracted = TraitsCatalog(TraitsData.extracted.compactMap(LicenseTraits.init(line:)))

  /// Extracted traits overlaid with the hand-reviewed records: what the derived engine uses by default.
  public static let reviewed = TraitsCatalog(
    TraitsData.extracted.compactMap(LicenseTraits.init(line:))
      + TraitsData.reviewed.compactMap(LicenseTraits.init(line:))
  )

  /// The traits of an id (case-insensitive), or nil.
  public func traits(for id: String) -> LicenseTraits? { byKey[LicenseIDs.foldKey(id)] }

  /// Every record, sorted by id.
  public var all: [LicenseTraits] { byKey.values.sorted { $0.id < $1.id } }
}
