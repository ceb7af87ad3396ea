/// The overall OSD answer for one document and what it rests on.
///
/// `conformant` is only claimed with positive evidence: all ten criteria pass on the clauses found, and
/// either the text is identified as an OSI-approved licence, or every restrictive sentence of the text
/// (`may not`, `only`, `prohibited`, …) was understood as some clause. Otherwise the answer is
/// `undetermined` (or `not-conformant` when a criterion fails), never a silent "yes".
public struct OSDConformance: Sendable, Codable, Equatable, Hashable {
  /// `conformant`, `not-conformant`, `undetermined` or `not-judged` (a text that is not a licence).
  public enum Status: String, Sendable, Codable, Equatable, Hashable {
    case conformant
    case notConformant = "not-conformant"
    case undetermined
    case notJudged = "not-judged"
  }
  /// The answer.
  public let status: Status
  /// One plain sentence saying why.
  public let reason: String
  /// Indexes into the analysis's `clauses`: the grants a `conformant` rests on, or the clauses that fail.
  public let because: [Int]

  /// Creates an answer.
  public init(status: Status, reason: String, because: [Int]) {
    self.status = status
    self.reason = reason
    self.because = because
  }
}

extension UnexplainedFinder {
  /// Cues that restrict: an unexplained sentence with one of these may hide a restriction the OSD
  /// verdicts did not see.
  /// Limits inside a grant sentence are listed with their own words as cues, so every one of
  /// ``grantLimiters`` restricts too.
  public static let restrictiveCues: Set<String> = Set([
    "may not", "must not", "shall not", "prohibited", "prohibit", "prohibits", "only", "solely", "exclusively",
    "restricted", "restrict", "restricts", "not permitted", "not allowed", "not licensed", "no right", "no rights",
    "cannot", "can not", "will not", "won not", "wo not", "not be used", "do not", "does not permit", "may only",
  ]).union(grantLimiters.patterns)
}

extension OSDConformance {
  /// The ids the embedded index marks OSI-approved (`isOsiApproved` in the SPDX XML), looked up once.
  static let osiApprovedIDs: Set<String> = Set(
    Identifier.standard.index.licenses.filter { $0.flags.contains(.osiApproved) }.map(\.id))

  /// Decides the overall answer from the verdicts, the identification and what was not understood.
  static func decide(
    verdicts: [OSDVerdict], clauses: [Clause], identification: Identification?,
    unexplained: [UnexplainedSentence], osiApproved: (String) -> Bool
  ) -> OSDConformance {
    let failing = verdicts.filter { $0.verdict == .fail }
    if !failing.isEmpty {
      let ids = Array(Set(failing.flatMap(\.because))).sorted()
      let list = failing.map(\.criterion).joined(separator: ", ")
      return OSDConformance(status: .notConformant, reason: "Fails \(list).", because: ids)
    }
    let unknown = verdicts.filter { $0.verdict == .unknown }
    if !unknown.isEmpty {
      let list = unknown.map(\.criterion).joined(separator: ", ")
      return OSDConformance(
        status: .undetermined, reason: "No fail, but \(list) could not be settled from the text.", because: [])
    }
    let grants = clauses.indices.filter { clauses[$0].kind == .copyrightGrant }
    // A Debian copyright file declares many licences: the whole is open source only when every
    // licence it declares is, and the declarations were checked against their texts.
    if let id = identification, id.method == "debian-copyright" {
      let ids = Identifier.licenseIDs(in: id.expression ?? id.id)
      let other = ids.filter { !osiApproved($0) }
      if !other.isEmpty {
        return OSDConformance(
          status: .undetermined,
          reason:
            "A Debian copyright file; \(other.prefix(5).joined(separator: ", "))\(other.count > 5 ? " …" : "") \(other.count == 1 ? "is not an" : "are not") OSI-approved licence\(other.count == 1 ? "" : "s") this tool knows: check \(other.count == 1 ? "it" : "them") by hand.",
          because: grants)
      }
      if id.lowConfidence == true {
        return OSDConformance(
          status: .undetermined,
          reason: "A Debian copyright file whose declared licence names are not confirmed by their texts.",
          because: grants)
      }
      return OSDConformance(
        status: .conformant,
        reason:
          "A Debian copyright file whose every declared licence (\(ids.joined(separator: ", "))) is OSI-approved.",
        because: grants)
    }
    if let id = identification, ["exact", "template"].contains(id.method) || id.confidence >= 0.97,
      (id.coverage ?? 1) >= 0.95, osiApproved(id.id)
    {
      return OSDConformance(
        status: .conformant,
        reason: "All ten criteria pass, and the text is \(id.id), an OSI-approved licence.", because: grants)
    }
    let restrictive = unexplained.filter { u in u.cues.contains { UnexplainedFinder.restrictiveCues.contains($0) } }
    if !restrictive.isEmpty {
      let lines = restrictive.prefix(3).map { String($0.span.line) }.joined(separator: ", ")
      let more = restrictive.count > 3 ? " …" : ""
      return OSDConformance(
        status: .undetermined,
        reason:
          "All ten criteria pass on the clauses found, but \(restrictive.count) restrictive sentence\(restrictive.count == 1 ? " was" : "s were") not understood (line\(restrictive.count == 1 ? "" : "s") \(lines)\(more)).",
        because: grants)
    }
    // A licence exception ("You must comply with the X License in all respects for all of the code
    // used other than …") leaves the rest of the work under X: the text is open source only when X is
    // an OSI-approved family it names (an exception to the SSPL is not).
    if let base = unexplained.first(where: { Self.namesBaseLicence($0.text) }),
      !Self.namesOSIFamily(base.text)
    {
      return OSDConformance(
        status: .undetermined,
        reason:
          "All ten criteria pass on the clauses found, but the text leaves the rest of the work under another licence that this tool does not know to be OSI-approved (line \(base.span.line)).",
        because: grants)
    }
    return OSDConformance(
      status: .conformant, reason: "All ten criteria pass, and every restrictive sentence was understood.",
      because: grants)
  }

  /// "… in all respects for all of the code used other than …": the base-licence formula of licence
  /// exceptions.
  static func namesBaseLicence(_ sentence: String) -> Bool {
    sentence.range(of: "in all respects", options: .caseInsensitive) != nil
  }

  /// Families of OSI-approved licences that a notice can name (``NoticeRecognizer``); the GNU FDL and
  /// CC0 are not among them.
  static let osiFamilies: Set<String> = [
    "gpl", "lgpl", "lgpl-library", "agpl", "apache", "mpl", "epl", "cddl", "eupl", "artistic", "mit", "bsl",
    "isc", "psf", "zlib",
  ]

  /// Whether the sentence names a licence of an OSI-approved family, and no other licence name.
  static func namesOSIFamily(_ sentence: String) -> Bool {
    let items = NoticeRecognizer.items(TokenizedText(sentence), limit: 200)
    let families = NoticeRecognizer.mentions(items).map(\.family)
    return !families.isEmpty && families.allSatisfy { osiFamilies.contains($0) }
  }

}
