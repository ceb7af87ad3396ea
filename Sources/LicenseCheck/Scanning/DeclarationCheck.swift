/// Whether a model card's declared licence agrees with the licence texts beside it.
///
/// A card that says `apache-2.0` over a Llama licence file is the classic mislabel: anyone trusting
/// the card thinks the model is open source. The check works without identification (it looks for
/// the declared family's name in the text, and for use restrictions an open licence cannot have)
/// and uses ``Identification`` when the analysis has one.
public struct DeclarationCheck: Sendable, Codable, Equatable, Hashable {
  /// The outcome.
  public enum Verdict: String, Sendable, Codable, Equatable, Hashable {
    /// The texts agree with the declaration.
    case matches
    /// A text contradicts the declaration.
    case mismatch
    /// Nothing to compare (no licence text, or a declaration such as `other` with no name).
    case unverifiable
  }

  /// The outcome.
  public let verdict: Verdict
  /// One sentence saying why.
  public let reason: String

  /// Creates a result.
  public init(verdict: Verdict, reason: String) {
    self.verdict = verdict
    self.reason = reason
  }

  /// Checks a declaration against licence texts and SPDX tags of the same folder.
  /// - Parameters:
  ///   - declared: the card's declaration.
  ///   - licences: licence files read and analysed (the text is searched for the family's name).
  ///   - spdxIdentifiers: SPDX expressions of source files, used when there is no licence text.
  /// - Returns: the verdict and reason.
  public static func check(
    _ declared: DeclaredLicense, licences: [(document: Document, analysis: LicenseAnalysis)],
    spdxIdentifiers: [String] = []
  ) -> DeclarationCheck {
    let label =
      declared.license.map { $0 == "other" ? (declared.licenseName ?? $0) : $0 } ?? declared.licenseName ?? "?"
    guard let family = DeclaredFamily.find(declared) else {
      return DeclarationCheck(
        verdict: .unverifiable, reason: "the card declares '\(label)', which is not a licence id the check knows")
    }
    if licences.isEmpty {
      guard !spdxIdentifiers.isEmpty else {
        return DeclarationCheck(verdict: .unverifiable, reason: "no licence text in the folder")
      }
      let agreeing = spdxIdentifiers.filter { family.matches(identifier: $0) }
      if agreeing.isEmpty {
        return DeclarationCheck(
          verdict: .mismatch,
          reason: "the card declares '\(label)' but source files are tagged \(spdxIdentifiers.joined(separator: ", "))")
      }
      return DeclarationCheck(verdict: .matches, reason: "source files are tagged \(agreeing[0])")
    }
    var firstMismatch: DeclarationCheck?
    for (document, analysis) in licences {
      let result = check(family, label: label, declared: declared, document: document, analysis: analysis)
      if result.verdict == .matches { return result }
      if firstMismatch == nil { firstMismatch = result }
    }
    return firstMismatch!
  }

  private static func check(
    _ family: DeclaredFamily, label: String, declared: DeclaredLicense, document: Document, analysis: LicenseAnalysis
  ) -> DeclarationCheck {
    let file = document.path.split(separator: "/").last.map(String.init) ?? document.path
    if let id = analysis.identification {
      let identified = DeclaredFamily.normalise(id.family ?? id.id)
      if !family.prefixes.contains(where: { identified.hasPrefix($0) }) {
        return DeclarationCheck(
          verdict: .mismatch, reason: "the card declares '\(label)' but \(file) is \(id.name) (\(id.id))")
      }
      // Model licences change terms between versions (Llama 3 → 3.1), so a card naming another
      // version of the same family is also a mismatch. Only for model families: SPDX ids carry
      // their own version spellings (`cc0-1.0`, `gpl-3.0-only`) that this simple rule would misread.
      if !family.unrestricted, let version = id.version, let license = declared.license {
        let declaredVersion = String(DeclaredFamily.normalise(license).drop { !($0 >= "0" && $0 <= "9") })
        if !declaredVersion.isEmpty, declaredVersion != DeclaredFamily.normalise(version) {
          return DeclarationCheck(
            verdict: .mismatch,
            reason: "the card declares '\(label)' but \(file) is \(id.name) (\(id.id)), another version")
        }
      }
      return DeclarationCheck(verdict: .matches, reason: "\(file) is \(id.name) (\(id.id))")
    }
    if family.unrestricted {
      let restrictive = analysis.clauses.filter { DeclaredFamily.restrictiveKinds.contains($0.kind) }
      if let first = restrictive.first {
        let value = ClauseSummary.keyParameter(of: restrictive.filter { $0.kind == first.kind }) ?? "✓"
        let shown = value == "✓" ? first.kind.rawValue : "\(first.kind.rawValue) \(value)"
        return DeclarationCheck(
          verdict: .mismatch,
          reason:
            "the card declares '\(label)', which allows any use, but \(file) restricts use: \(shown) (\(ClauseSummary.location(of: first)))"
        )
      }
    }
    let lower = document.text.lowercased()
    guard family.phrases.contains(where: { lower.contains($0) }) else {
      return DeclarationCheck(
        verdict: .mismatch,
        reason: "the card declares '\(label)' but \(file) never mentions \(family.phrases[0])")
    }
    return DeclarationCheck(verdict: .matches, reason: "\(file) mentions \(family.phrases[0])")
  }
}

/// A licence family a card may declare: the ids that name it and the words its texts contain.
struct DeclaredFamily: Sendable {
  /// Normalised id prefixes (lower case, letters and digits only), longest-specific first in the table.
  let prefixes: [String]
  /// True when the family grants use without field, size or place restrictions (open-source and
  /// open-content licences); a text with such restrictions then contradicts the declaration.
  let unrestricted: Bool
  /// Lower-case recognition phrases, one of which its texts contain.
  let phrases: [String]

  /// Restrictions an unrestricted licence cannot have.
  static let restrictiveKinds: Set<ClauseKind> = [
    .usageCap, .acceptableUsePolicy, .fieldOfUse, .nonCommercial, .researchOnly, .outputUse, .territory,
    .userRestriction, .hostedService,
  ]

  /// Facts only: ids as model hubs spell them and short recognition phrases. More specific entries
  /// come first (`cc-by-nc` before `cc-by`).
  static let table: [DeclaredFamily] = [
    DeclaredFamily(prefixes: ["llama", "metallama"], unrestricted: false, phrases: ["llama"]),
    DeclaredFamily(prefixes: ["gemma"], unrestricted: false, phrases: ["gemma"]),
    DeclaredFamily(
      prefixes: ["openrail", "bigscienceopenrail", "creativemlopenrail", "bigcodeopenrail", "bigsciencebloomrail"],
      unrestricted: false, phrases: ["responsible ai license", "openrail", "rail license"]),
    DeclaredFamily(prefixes: ["qwen", "tongyi"], unrestricted: false, phrases: ["qwen", "tongyi qianwen"]),
    DeclaredFamily(prefixes: ["deepseek"], unrestricted: false, phrases: ["deepseek"]),
    DeclaredFamily(prefixes: ["ccbync"], unrestricted: false, phrases: ["creative commons"]),
    DeclaredFamily(prefixes: ["ccby", "cc0"], unrestricted: true, phrases: ["creative commons", "cc0"]),
    DeclaredFamily(prefixes: ["apache"], unrestricted: true, phrases: ["apache license"]),
    DeclaredFamily(prefixes: ["mit"], unrestricted: true, phrases: ["mit license", "permission is hereby granted"]),
    DeclaredFamily(
      prefixes: ["bsd", "0bsd"], unrestricted: true,
      phrases: ["redistribution and use in source and binary forms", "bsd"]),
    DeclaredFamily(prefixes: ["gpl", "lgpl", "agpl"], unrestricted: true, phrases: ["general public license"]),
    DeclaredFamily(prefixes: ["mpl"], unrestricted: true, phrases: ["mozilla public license"]),
    DeclaredFamily(prefixes: ["epl"], unrestricted: true, phrases: ["eclipse public license"]),
    DeclaredFamily(prefixes: ["eupl"], unrestricted: true, phrases: ["european union public licen"]),
    DeclaredFamily(prefixes: ["isc"], unrestricted: true, phrases: ["isc license", "permission to use, copy, modify"]),
    DeclaredFamily(prefixes: ["unlicense"], unrestricted: true, phrases: ["unlicense", "public domain"]),
    DeclaredFamily(prefixes: ["bsl", "boost"], unrestricted: true, phrases: ["boost software license"]),
    DeclaredFamily(prefixes: ["zlib"], unrestricted: true, phrases: ["zlib", "altered source versions"]),
  ]

  /// `Llama-3.1` → `llama31`: lower case, letters and digits only.
  static func normalise(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }))
  }

  /// The family a declaration names (`license`, or `license_name` when `license` is `other`).
  static func find(_ declared: DeclaredLicense) -> DeclaredFamily? {
    var names: [String] = []
    if let license = declared.license, license != "other", license != "unknown" { names.append(license) }
    if let name = declared.licenseName { names.append(name) }
    for name in names {
      let n = normalise(name)
      if let family = table.first(where: { f in f.prefixes.contains { n.hasPrefix($0) } }) { return family }
    }
    return nil
  }

  /// Whether an SPDX expression names this family.
  func matches(identifier: String) -> Bool {
    identifier.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }).contains { part in
      let n = DeclaredFamily.normalise(String(part))
      return prefixes.contains { n.hasPrefix($0) }
    }
  }
}
