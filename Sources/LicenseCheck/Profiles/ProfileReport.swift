/// The output of `licensecheck check`: the profile asked about and one verdict per licence.
public struct CheckReport: Sendable, Codable, Equatable {
  /// ``profileVerdictSchemaVersion``.
  public var schemaVersion: Int
  /// The profile, after the profile file and the command-line options were merged.
  public var profile: UsageProfile
  /// One verdict per licence, in input order.
  public var verdicts: [ProfileVerdict]

  /// Creates a report.
  public init(profile: UsageProfile, verdicts: [ProfileVerdict]) {
    self.schemaVersion = profileVerdictSchemaVersion
    self.profile = profile
    self.verdicts = verdicts
  }

  /// A short name for a verdict's licence: the path's file name with the id, or the id or expression.
  public static func name(_ v: ProfileVerdict) -> String {
    guard let id = v.id, id != v.licence else { return v.licence }
    return "\(v.licence) (\(id))"
  }

  /// The deciding clause of a verdict, in a few words: `usage-cap §2: …reason`.
  public static func deciding(_ v: ProfileVerdict) -> String {
    guard let f = v.deciding ?? (v.verdict == .allowedWithConditions ? nil : v.findings.first) else {
      return v.reason
    }
    var head = f.kind?.rawValue ?? "note"
    if let s = f.section { head += " §\(s)" }
    return head + ": " + f.reason
  }

  /// The plain-text report: a table (licence, verdict, deciding clause), then per licence its conditions
  /// and warnings.
  public func text(style: TextStyle = TextStyle()) -> String {
    let names = verdicts.map(Self.name)
    let w0 = min(max(7, names.map(\.count).max() ?? 0), 48)
    let w1 = "needs-separate-licence".count
    func pad(_ s: String, _ w: Int) -> String {
      s.count >= w ? s : s + String(repeating: " ", count: w - s.count)
    }
    var lines = [pad("licence", w0) + "  " + pad("verdict", w1) + "  deciding clause"]
    for (v, n) in zip(verdicts, names) {
      lines.append(pad(n, w0) + "  " + pad(v.verdict.rawValue, w1) + "  " + Self.deciding(v))
    }
    for (v, n) in zip(verdicts, names) where !v.conditions.isEmpty || !v.warnings.isEmpty || v.chosen != nil {
      lines.append("")
      lines.append("\(n): \(v.verdict.rawValue)")
      if let chosen = v.chosen { lines.append("  choose: \(chosen)") }
      if !v.conditions.isEmpty {
        lines.append("  conditions:")
        for c in v.conditions { lines.append("  - " + style.fit(c.duty, start: 4, indent: 4)) }
      }
      if !v.warnings.isEmpty {
        lines.append("  warnings:")
        for w in v.warnings { lines.append("  - " + style.fit(w, start: 4, indent: 4)) }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Markdown table, then the conditions of each licence as lists.
  public func markdown() -> String {
    func cell(_ s: String) -> String {
      s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
    var out = "| licence | verdict | deciding clause |\n|---|---|---|\n"
    for v in verdicts {
      out += "| \(cell(Self.name(v))) | \(v.verdict.rawValue) | \(cell(Self.deciding(v))) |\n"
    }
    for v in verdicts where !v.conditions.isEmpty || !v.warnings.isEmpty {
      out += "\n### \(cell(Self.name(v)))\n\n"
      for c in v.conditions { out += "- [ ] \(cell(c.duty))\n" }
      for w in v.warnings { out += "- warning: \(cell(w))\n" }
    }
    return out
  }

  /// CSV: one row per licence (licence, id, verdict, kind, section, reason, conditions joined by ` ; `).
  public func csv() -> String {
    func q(_ s: String) -> String {
      s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    var out = "licence,id,verdict,kind,section,reason,conditions\r\n"
    for v in verdicts {
      let f = v.deciding
      let row = [
        v.licence, v.id ?? "", v.verdict.rawValue, f?.kind?.rawValue ?? "", f?.section ?? "", f?.reason ?? v.reason,
        v.conditions.map(\.duty).joined(separator: " ; "),
      ]
      out += row.map(q).joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// A standalone HTML page: the table (verdict cells coloured, the evidence in tooltips), then conditions.
  public func html(title: String = "Usage-profile verdicts") -> String {
    let e = HTMLText.escape
    var out = HTMLPage.head(title: title)
    out += "<table>\n<thead>\n<tr><th scope=\"col\">licence</th><th scope=\"col\">verdict</th>"
    out += "<th scope=\"col\">deciding clause</th></tr>\n</thead>\n<tbody>\n"
    for v in verdicts {
      let cls: String
      switch v.verdict {
      case .allowed: cls = "yes"
      case .allowedWithConditions: cls = "conditional"
      case .unknown: cls = "unknown"
      case .forbidden, .needsSeparateLicence: cls = "no"
      }
      let evidence = v.deciding?.evidence ?? ""
      let tip = evidence.isEmpty ? "" : " title=\"\(e(evidence))\""
      out += "<tr><th scope=\"row\">\(e(Self.name(v)))</th><td class=\"\(cls)\">\(e(v.verdict.rawValue))</td>"
      out += "<td\(tip)>\(e(Self.deciding(v)))</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    for v in verdicts where !v.conditions.isEmpty || !v.warnings.isEmpty {
      out += "<h2>\(e(Self.name(v)))</h2>\n<ul>\n"
      for c in v.conditions { out += "<li>\(e(c.duty))</li>\n" }
      for w in v.warnings { out += "<li><em>warning:</em> \(e(w))</li>\n" }
      out += "</ul>\n"
    }
    out +=
      "<div class=\"legend\"><span class=\"yes\">allowed</span><span class=\"conditional\">allowed-with-conditions</span>"
    out += "<span class=\"unknown\">unknown</span><span class=\"no\">forbidden / needs-separate-licence</span>\n"
    out += HTMLPage.tail
    return out
  }
}

extension Analyzer {
  /// Reads nothing: analyses a licence (with the use policy it incorporates, if given) and checks a profile
  /// against it, reading caps and territories in the text.
  /// - Returns: the analysis and the verdict.
  public func check(_ document: Document, policy: Document? = nil, profile: UsageProfile) -> (
    analysis: LicenseAnalysis, verdict: ProfileVerdict
  ) {
    let analysis = analyze(document, policy: policy)
    return (
      analysis, analysis.check(profile, options: ProfileCheckOptions(text: document.text, policyText: policy?.text))
    )
  }
}

extension ComparisonTable {
  /// The column `table --profile` adds.
  public static let profileColumn = Column(
    id: "profile", title: "verdict", description: "The verdict for the usage profile, with its deciding reason.")

  /// The table with a `profile` column: one verdict per row (in row order), its reason and evidence in the
  /// tooltip; allowed verdicts colour as a pass, refusals as a fail.
  /// - Parameter verdicts: one verdict per row.
  /// - Returns: the table with the column added at the end (unchanged when the counts differ).
  public func addingProfileVerdicts(_ verdicts: [ProfileVerdict]) -> ComparisonTable {
    guard verdicts.count == rows.count else { return self }
    let rows = zip(self.rows, verdicts).map { row, v in
      let colour: OSDVerdict.Verdict
      switch v.verdict {
      case .allowed, .allowedWithConditions: colour = .pass
      case .forbidden, .needsSeparateLicence: colour = .fail
      case .unknown: colour = .unknown
      }
      let f = v.deciding
      let cell = Cell(
        text: v.verdict.rawValue, verdict: colour, evidence: f.flatMap { $0.evidence.isEmpty ? nil : $0.evidence },
        location: f?.section.map { "§\($0)" }, note: v.reason)
      return Row(path: row.path, cells: row.cells + [cell])
    }
    return ComparisonTable(columns: columns + [Self.profileColumn], rows: rows)
  }

  init(columns: [Column], rows: [Row]) {
    self.columns = columns
    self.rows = rows
  }
}
