extension OpennessReport {
  /// Where the frameworks' facts come from, for every format's footer.
  public static let sources =
    "Sources: Model Openness Framework, LF AI & Data, arXiv 2403.13784 (components and classes as in the Model Openness Tool); Open Source AI Definition 1.0, Open Source Initiative, 2024-10-28."

  /// The sign of a reason for people: ✗ fails, ? unknown, ✓ holds, · note.
  static func sign(_ weight: OpennessReason.Weight) -> String {
    switch weight {
    case .fails: return "✗"
    case .unknown: return "?"
    case .holds: return "✓"
    case .note: return "·"
    }
  }

  /// `none; Class III needs (2 of 6): model architecture (not found); …`.
  public var mofSummary: String {
    var s = mof.title
    if !mof.unverified.isEmpty {
      s += " (resting on links not verified: " + mof.unverified.map(\.title).joined(separator: ", ") + ")"
    }
    return s
  }

  /// The MOF line for the next class: `Class II (open tooling) needs (7 of 11): …`.
  public var mofNextSummary: String? {
    guard let next = mof.next else { return nil }
    let progress = mof.progress.map { " (\($0.met) of \($0.required) required components count)" } ?? ""
    // Components that miss for the same reason (one restrictive licence) are named together.
    var reasons: [String] = []
    var byReason: [String: [String]] = [:]
    for gap in mof.missing {
      if byReason[gap.reason] == nil { reasons.append(gap.reason) }
      byReason[gap.reason, default: []].append(gap.component.title)
    }
    let gaps = reasons.map { "\(byReason[$0]!.joined(separator: ", ")): \($0)" }.joined(separator: "; ")
    return "\(next.title)\(progress) lacks: \(gaps)"
  }

  /// A component's licence cell: `Apache-2.0 open-source`, `referenced`, `-`.
  static func licenceCell(_ c: ReleaseComponent) -> String {
    guard let l = c.licence else { return "-" }
    if c.status == .referenced { return "not verified" }
    return "\(l.licence ?? "no licence") \(l.openness.rawValue)"
  }

  /// A component's evidence cell: the first entries, `+ N more`.
  static func evidenceCell(_ c: ReleaseComponent, limit: Int = 3) -> String {
    var items = c.evidence.prefix(limit).map(\.summary)
    let more = c.evidence.count - min(limit, c.evidence.count) + c.more
    if more > 0 { items.append("+ \(more) more") }
    return items.joined(separator: "; ")
  }

  /// The report for people: the answer, the OSAID reasons, the MOF class and what the next class lacks,
  /// the card's declaration check, findings, notes, then one row per component.
  /// - Parameter style: plain or coloured.
  /// - Returns: the text, ending with a newline.
  public func text(style: TextStyle = .plain) -> String {
    var out = style.bold(root) + "\n"
    out += "  answer     " + answer + "\n"
    let status: String
    switch osaid.status {
    case .conformant: status = style.green(osaid.status.title)
    case .notConformant: status = style.red(osaid.status.title)
    case .insufficientInformation: status = style.yellow(osaid.status.title)
    }
    out += "  OSAID 1.0  " + status + "\n"
    for reason in osaid.reasons {
      out += "             \(Self.sign(reason.weight)) \(reason.message)\n"
    }
    out += "  MOF        " + mofSummary + "\n"
    if let next = mofNextSummary { out += "             " + next + "\n" }
    if let declared {
      var value = "license: " + (declared.license ?? "-")
      if let name = declared.licenseName { value += ", license_name: " + name }
      out += "  card       \(value)"
      if let check = declaration { out += " (\(check.verdict.rawValue): \(check.reason))" }
      out += "\n"
    }
    for finding in findings { out += "  finding    \(finding.code.rawValue): \(finding.message)\n" }
    for note in notes { out += "  note       \(note)\n" }
    out += "\n"
    var rows = AlignedColumns()
    rows.rows.append(["  component", "status", "licence", "evidence"])
    for c in components {
      rows.rows.append(["  " + c.kind.rawValue, c.status.rawValue, Self.licenceCell(c), Self.evidenceCell(c)])
    }
    out += rows.render { row, column, cell in
      guard row > 0, column == 1 else { return row == 0 ? style.dim(cell) : cell }
      switch components[row - 1].status {
      case .present: return style.green(cell)
      case .referenced: return style.yellow(cell)
      case .absent: return style.dim(cell)
      }
    }
    return out
  }

  /// A Markdown document: the answer, the verdicts with their reasons, and the component table.
  /// - Returns: the document, ending with a newline.
  public func markdown() -> String {
    let m = MarkdownText.escape
    var out = "## Openness of `\(root.replacingOccurrences(of: "`", with: "'"))`\n\n"
    out += "**\(m(answer))**\n\n"
    out += "- **OSAID 1.0:** \(osaid.status.title)\n"
    for reason in osaid.reasons {
      out += "  - \(Self.sign(reason.weight)) \(m(reason.message))\n"
    }
    out += "- **MOF:** \(m(mofSummary))\n"
    if let next = mofNextSummary { out += "  - \(m(next))\n" }
    if let declared, let check = declaration {
      out +=
        "- **Card:** license: \(m(declared.license ?? "-")) (\(check.verdict.rawValue): \(m(check.reason)))\n"
    }
    for finding in findings { out += "- **Finding:** \(finding.code.rawValue): \(m(finding.message))\n" }
    for note in notes { out += "- **Note:** \(m(note))\n" }
    out += "\n| component | status | licence | evidence |\n|---|---|---|---|\n"
    for c in components {
      out +=
        "| \(c.kind.rawValue) | \(c.status.rawValue) | \(MarkdownText.cell(Self.licenceCell(c))) | \(MarkdownText.cell(Self.evidenceCell(c))) |\n"
    }
    return out + "\n" + Self.sources + "\n"
  }

  /// A standalone HTML page (the shared page design): the answer, the verdicts and the component table,
  /// each licence's reason in a tooltip. Every text is HTML-escaped.
  /// - Parameter title: the page title; defaults to `Openness of ROOT`.
  /// - Returns: the page.
  public func html(title: String? = nil) -> String {
    let e = HTMLText.escape
    var out = HTMLPage.head(title: title ?? "Openness of \(root)")
    let statusClass = osaid.status == .conformant ? "pass" : osaid.status == .notConformant ? "fail" : "unknown"
    out += "<p><strong>\(e(answer))</strong></p>\n<dl>\n"
    out += "<dt>OSAID 1.0</dt><dd><span class=\"\(statusClass)\">\(e(osaid.status.title))</span><ul>\n"
    for reason in osaid.reasons {
      out += "<li class=\"\(Self.cssClass(reason.weight))\">\(e(reason.message))</li>\n"
    }
    out += "</ul></dd>\n<dt>MOF</dt><dd>\(e(mofSummary))"
    if let next = mofNextSummary { out += "<br>\(e(next))" }
    out += "</dd>\n"
    if let declared, let check = declaration {
      out +=
        "<dt>Card</dt><dd>license: \(e(declared.license ?? "-")) (\(e(check.verdict.rawValue)): \(e(check.reason)))</dd>\n"
    }
    for finding in findings { out += "<dt>Finding</dt><dd>\(e(finding.code.rawValue)): \(e(finding.message))</dd>\n" }
    for note in notes { out += "<dt>Note</dt><dd>\(e(note))</dd>\n" }
    out += "</dl>\n<table>\n<thead>\n<tr>"
    for h in ["component", "status", "licence", "evidence"] { out += "<th scope=\"col\">\(h)</th>" }
    out += "</tr>\n</thead>\n<tbody>\n"
    for c in components {
      let statusCell = c.status == .present ? "yes" : c.status == .referenced ? "unknown" : "no"
      let licenceClass: String
      switch c.licence?.openness {
      case .openSource?, .openData?: licenceClass = c.status == .present ? "pass" : "unknown"
      case .restricted?: licenceClass = "fail"
      case .unknown?, .none?: licenceClass = "unknown"
      case nil: licenceClass = ""
      }
      let tip = c.licence.map { " title=\"\(e($0.reason + " (" + $0.source + ")"))\"" } ?? ""
      let classAttr = licenceClass.isEmpty ? "" : " class=\"\(licenceClass)\""
      out += "<tr><th scope=\"row\">\(e(c.kind.title))</th><td class=\"\(statusCell)\">\(e(c.status.rawValue))</td>"
      out += "<td\(classAttr)\(tip)>\(e(Self.licenceCell(c)))</td><td>\(e(Self.evidenceCell(c, limit: 8)))</td></tr>\n"
    }
    out += """
      </tbody>
      </table>
      <div class="legend">
      <p><span class="yes">present</span><span class="unknown">referenced</span><span class="no">absent</span>
      whether the component is in the folder; a component only named by a URL or front-matter key is referenced, not verified.
      <span class="pass">open</span><span class="fail">restricted</span><span class="unknown">not established</span>
      the licence covering it; hover a cell for the reason and where the licence comes from.</p>
      <p>\(e(Self.sources))</p>

      """
    return out + HTMLPage.tail
  }

  static func cssClass(_ weight: OpennessReason.Weight) -> String {
    switch weight {
    case .fails: return "fail"
    case .unknown: return "unknown"
    case .holds: return "pass"
    case .note: return ""
    }
  }
}

/// Markdown escaping for reports: inline text and table cells.
enum MarkdownText {
  /// Escapes characters that start Markdown markup inside inline text.
  static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "*", "_", "`", "[", "]", "<", ">", "|", "\\": out += "\\" + String(ch)
      case "\n", "\r", "\r\n": out += " "
      default: out.append(ch)
      }
    }
    return out
  }

  /// A table cell: `|` escaped, line breaks as spaces.
  static func cell(_ s: String) -> String { escape(s) }
}

/// Releases side by side (`table --openness`): one row per release folder.
public struct OpennessTable: Sendable, Equatable {
  /// The reports, one row each.
  public let reports: [OpennessReport]

  /// Creates a table.
  public init(_ reports: [OpennessReport]) { self.reports = reports }

  /// Column ids and titles.
  public static let columns: [(id: String, title: String)] = [
    ("release", "release"), ("weights", "weights"), ("parameters-licence", "parameters licence"),
    ("training-code", "training code"), ("inference-code", "inference code"), ("data-information", "data information"),
    ("datasets", "datasets"), ("paper", "paper"), ("osaid", "OSAID 1.0"), ("mof", "MOF class"), ("answer", "answer"),
  ]

  /// The cells of one release, in column order.
  static func cells(_ r: OpennessReport) -> [String] {
    func status(_ kind: ReleaseComponentKind) -> String {
      let c = r.component(kind)
      guard c.status == .present, let l = c.licence else { return c.status.rawValue }
      return "\(l.licence ?? "no licence") (\(l.openness.rawValue))"
    }
    let info = [r.component(.trainingDataInformation), r.component(.dataCard)]
    let dataInfo =
      info.contains { $0.status == .present }
      ? "present" : info.contains { $0.status == .referenced } ? "referenced" : "absent"
    let weights = r.component(.parameters)
    return [
      r.root, weights.status.rawValue,
      weights.licence.map { "\($0.licence ?? "none") (\($0.openness.rawValue))" } ?? "-",
      status(.trainingCode), status(.inferenceCode), dataInfo, r.component(.datasets).status.rawValue,
      r.component(.researchPaper).status.rawValue, r.osaid.status.title, r.mof.title, r.answer,
    ]
  }

  /// A GitHub-flavoured Markdown table.
  public func markdown() -> String {
    var out = "| " + Self.columns.map(\.title).joined(separator: " | ") + " |\n"
    out += "|" + Self.columns.map { _ in "---" }.joined(separator: "|") + "|\n"
    for r in reports { out += "| " + Self.cells(r).map(MarkdownText.cell).joined(separator: " | ") + " |\n" }
    return out
  }

  /// CSV per RFC 4180 (CRLF line ends, fields quoted when needed).
  public func csv() -> String {
    func field(_ s: String) -> String {
      guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    var out = Self.columns.map { field($0.title) }.joined(separator: ",") + "\r\n"
    for r in reports { out += Self.cells(r).map(field).joined(separator: ",") + "\r\n" }
    return out
  }

  /// A JSON array, one object per release, keyed by column id.
  public func json() -> String {
    if reports.isEmpty { return "[]\n" }
    var out = "[\n"
    for (k, r) in reports.enumerated() {
      let cells = Self.cells(r)
      out += "  {\n"
      for (i, column) in Self.columns.enumerated() {
        out += "    \(JSONText.quoted(column.id)): \(JSONText.quoted(cells[i]))" + (i == cells.count - 1 ? "\n" : ",\n")
      }
      out += k == reports.count - 1 ? "  }\n" : "  },\n"
    }
    return out + "]\n"
  }

  /// A standalone HTML page, each row's OSAID reasons in the tooltip of its OSAID cell.
  public func html(title: String = "Openness of model releases") -> String {
    let e = HTMLText.escape
    var out = HTMLPage.head(title: title) + "<table>\n<thead>\n<tr>"
    for column in Self.columns { out += "<th scope=\"col\">\(e(column.title))</th>" }
    out += "</tr>\n</thead>\n<tbody>\n"
    for r in reports {
      out += "<tr>"
      for (i, cell) in Self.cells(r).enumerated() {
        let id = Self.columns[i].id
        var attributes = ""
        switch id {
        case "osaid":
          let c = r.osaid.status == .conformant ? "pass" : r.osaid.status == .notConformant ? "fail" : "unknown"
          let reasons = r.osaid.reasons.filter { $0.weight != .holds }.map(\.message).joined(separator: "\n")
          attributes = " class=\"\(c)\" title=\"\(e(reasons))\""
        case "mof":
          attributes = " class=\"\(r.mof.reached == nil ? "fail" : "pass")\" title=\"\(e(r.mofNextSummary ?? ""))\""
        case "weights", "data-information", "datasets", "paper":
          let c = cell.hasPrefix("absent") ? "no" : cell.hasPrefix("referenced") ? "unknown" : "yes"
          attributes = " class=\"\(c)\""
        case "parameters-licence", "training-code", "inference-code":
          // Coloured by the licence when the component is there: open, restricted, not established.
          let kind: ReleaseComponentKind =
            id == "training-code" ? .trainingCode : id == "inference-code" ? .inferenceCode : .parameters
          let c = r.component(kind)
          let css: String
          if c.status == .absent {
            css = "no"
          } else if c.status == .referenced {
            css = "unknown"
          } else {
            switch c.licence?.openness ?? .none {
            case .openSource, .openData: css = "yes"
            case .restricted: css = "fail"
            case .unknown, .none: css = "unknown"
            }
          }
          attributes = " class=\"\(css)\"" + (c.licence.map { " title=\"\(e($0.reason))\"" } ?? "")
        default: break
        }
        out += i == 0 ? "<th scope=\"row\">\(e(cell))</th>" : "<td\(attributes)>\(e(cell))</td>"
      }
      out += "</tr>\n"
    }
    out += """
      </tbody>
      </table>
      <div class="legend">
      <p><span class="yes">present</span><span class="unknown">referenced</span><span class="no">absent</span>
      components; <span class="pass">conformant</span><span class="fail">not conformant</span><span class="unknown">insufficient information</span>
      OSAID 1.0 (hover for the reasons); hover a MOF cell for what the next class lacks.</p>
      <p>\(e(OpennessReport.sources))</p>

      """
    return out + HTMLPage.tail
  }
}
