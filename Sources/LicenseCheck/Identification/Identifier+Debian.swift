extension Identifier {
  /// The identification of a Debian copyright file (DEP-5): one segment per licence text it holds,
  /// each checked against the name the packager declared for it, and the file's SPDX expression
  /// from its `Files:` stanzas.
  ///
  /// - The primary id is the licence of the first `Files:` stanza (normally `Files: *`, the
  ///   package's own licence); the expression joins every `Files:` licence with `AND`, in order.
  ///   A declared name with no certain SPDX translation stays in it as `LicenseRef-…`.
  /// - The primary id is *verified* when a licence text in the file (a stand-alone `License:`
  ///   paragraph or the stanza's own text) is identified as that licence; otherwise the id rests
  ///   on the declaration alone and is reported with `lowConfidence`.
  /// - A segment whose text is identified as another licence than the one declared has
  ///   `matchesDeclared: false`; `scan` reports it as a finding.
  ///
  /// - Parameters:
  ///   - copyright: the parsed file.
  ///   - library: SPDX templates for `template` matches, when a corpus is given.
  /// - Returns: nil when the file has neither `Files:` stanzas nor licence texts.
  /// - Complexity: one identification per licence text.
  public func identification(of copyright: DebianCopyright, library: TemplateLibrary? = nil) -> Identification? {
    var segments: [IdentifiedSegment] = []
    // Declared expression → the confidence of a text that verifies it.
    var verified: [String: Double] = [:]
    for stanza in copyright.stanzas where stanza.kind != .header {
      guard let name = stanza.license, let text = stanza.text, let lines = stanza.textLines else { continue }
      let tokens = TokenizedText(text)
      guard tokens.tokens.count >= 3 else { continue }
      let declaredID = DebianLicenseName.spdx(name, catalogue: catalogue)
      var segment: IdentifiedSegment
      if let found = identify(tokens, library: library) {
        segment = IdentifiedSegment(
          id: found.expression ?? found.id, lineStart: lines.lowerBound, lineEnd: lines.upperBound,
          confidence: found.confidence, method: found.method)
        let sure = found.lowConfidence != true && found.confidence >= Self.segmentConfidence
        if let declaredID, sure {
          let agrees = Self.agrees(declared: declaredID, found, text: tokens)
          segment.matchesDeclared = agrees
          if agrees { verified[declaredID] = max(verified[declaredID] ?? 0, found.confidence) }
        }
      } else {
        segment = IdentifiedSegment(
          id: declaredID ?? Self.licenseRef(name), lineStart: lines.lowerBound, lineEnd: lines.upperBound,
          confidence: 0, method: "declared")
      }
      segment.declared = name
      segment.declaredID = declaredID
      segments.append(segment)
    }

    var parts: [String] = []
    for stanza in copyright.stanzas where stanza.kind == .files {
      guard let name = stanza.license else { continue }
      let part = DebianLicenseName.spdx(name, catalogue: catalogue) ?? Self.licenseRef(name)
      // `A AND B` stanzas add their licences one by one, so the file's expression stays flat.
      let pieces = part.contains(" OR ") || part.contains(" WITH ") ? [part] : Self.licenseIDs(in: part)
      for p in pieces where !parts.contains(p) { parts.append(p) }
    }
    guard let primary = parts.first ?? segments.first?.declaredID ?? segments.first?.id else { return nil }
    let primaryID = Self.licenseIDs(in: primary).first ?? primary
    let confidence = verified[primary]
    var out = Identification(
      id: primaryID, name: displayName(primaryID), family: catalogue.entry(id: primaryID)?.family,
      version: catalogue.entry(id: primaryID)?.version ?? TitleEvidence.NamePatterns.version(ofID: primaryID),
      confidence: Self.round(confidence ?? Self.declaredOnlyConfidence), method: "debian-copyright", candidates: [])
    if confidence == nil { out.lowConfidence = true }
    let expression =
      parts.count > 1 ? parts.map { $0.contains(" ") ? "(\($0))" : $0 }.joined(separator: " AND ") : primary
    if expression != primaryID { out.expression = expression }
    if !segments.isEmpty { out.segments = segments }
    return out
  }

  /// The confidence of an id that rests on a packager's declaration with no text to check it.
  static let declaredOnlyConfidence = 0.5

  /// The full name of an id, from the catalogue or the SPDX list; the id itself otherwise.
  func displayName(_ id: String) -> String {
    catalogue.entry(id: id)?.name ?? index.licenses.first { $0.id == id }?.name ?? catalogue.lookup(alias: id)?.name
      ?? id
  }

  /// A declared name with no SPDX id, as an SPDX `LicenseRef-` (letters, digits, `.` and `-` kept).
  static func licenseRef(_ name: String) -> String {
    var out = ""
    for c in name.unicodeScalars {
      let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "." || c == "-"
      out.unicodeScalars.append(ok ? c : "-")
    }
    return "LicenseRef-" + out
  }

  /// The licence ids of an SPDX expression (operators, parentheses and exceptions left out), by the
  /// project's expression parser; the text itself when it does not parse.
  static func licenseIDs(in expression: String) -> [String] {
    guard let parsed = try? LicenseExpression(parsing: expression) else { return [expression] }
    return parsed.terms.map(\.id)
  }

  /// Whether an identified text is (one of) the licence(s) declared for it.
  ///
  /// Lenient where the text cannot tell: a full GNU text, or a notice that does not state the
  /// version rule ("see /usr/share/common-licenses/GPL-2"), does not say whether the grant is
  /// "-only" or "-or-later", nor whether a GFDL text has invariant sections; a variant of the
  /// declared licence (`BSD-4-Clause-UC` for `BSD-4-clause`) is that licence; and a notice naming
  /// several licences agrees when any of them is the declared one.
  static func agrees(declared: String, _ found: Identification, text: TokenizedText) -> Bool {
    let declaredIDs = Set(licenseIDs(in: declared))
    // Each id the text gives, and whether its version rule is stated (then it must match exactly).
    var foundIDs = (licenseIDs(in: found.expression ?? found.id) + (found.alternatives ?? [])).map {
      (id: $0, strict: false)
    }
    if found.method == "notice" {
      foundIDs = NoticeRecognizer.recognize(text).map { (id: $0.id, strict: $0.ruleStated) }
      if foundIDs.isEmpty { foundIDs = [(found.id, false)] }
    }
    if foundIDs.contains(where: { declaredIDs.contains($0.id) }) { return true }
    if foundIDs.contains(where: { f in declaredIDs.contains { f.id.hasPrefix($0 + "-") } }) { return true }
    // The exception text alone (`Autoconf-exception-generic` for `GPL-3+ with Autoconf exception`).
    if let stem = found.id.split(separator: "-").first, found.id.contains("exception"),
      declared.contains(" WITH \(stem)-")
    {
      return true
    }
    func base(_ id: String) -> String {
      var out = id
      for suffix in ["-or-later", "-only", "-no-invariants", "-invariants"] where out.hasSuffix(suffix) {
        out = String(out.dropLast(suffix.count))
      }
      return out
    }
    let declaredBases = Set(declaredIDs.map(base))
    return foundIDs.contains { !$0.strict && declaredBases.contains(base($0.id)) }
  }
}
