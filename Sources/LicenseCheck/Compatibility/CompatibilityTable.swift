/// A compatibility table for a set of licences, in the matrix's orientation: one row per outbound (leading)
/// licence, one column per inbound (subordinate) licence. Cells the matrix does not decide are marked.
public struct CompatibilityTable: Sendable, Equatable {
  /// The licences, as given; row and column order.
  public let licences: [String]
  /// `results[row][column]`: the component under `licences[column]` into a work under `licences[row]`.
  public let results: [[CompatibilityResult]]

  /// Checks every ordered pair.
  /// - Complexity: O(n²) checks.
  public init(licences: [String], checker: CompatibilityChecker) {
    self.licences = licences
    // Resolve each side once: a path is read and analysed a single time.
    let inputs = licences.map { arg in Result { () throws(LicenseInputError) in try checker.resolve(arg) } }
    self.results = licences.indices.map { r in
      licences.indices.map { c in
        switch (inputs[c], inputs[r]) {
        case (.success(let i), .success(let o)):
          return checker.check(i, o, inboundText: licences[c], outboundText: licences[r])
        case (.failure(let e), _), (_, .failure(let e)):
          return CompatibilityResult(
            inbound: licences[c], outbound: licences[r], verdict: .unknown, basis: .derived, reasons: [e.description])
        }
      }
    }
  }

  /// The short cell text: `yes`, `cond`, `no`, `?`, `same`; a derived verdict ends in `*`.
  public static func cell(_ r: CompatibilityResult) -> String {
    if r.basis == .identical { return "same" }
    let word: String
    switch r.verdict {
    case .compatible: word = "yes"
    case .conditional: word = "cond"
    case .incompatible: word = "no"
    case .unknown: word = "?"
    }
    return r.basis == .derived ? word + "*" : word
  }

  /// The legend printed under Markdown and HTML tables.
  public static let legend =
    "Rows: the work's (outbound) licence; columns: the component's (inbound) licence. yes = compatible, cond = conditional, no = incompatible, ? = unknown, same = identical; * = derived from the clause models, otherwise from the OSADL matrix (CC-BY-4.0, OSADL eG)."

  /// A Markdown table with the legend.
  public var markdown: String {
    var lines = ["| outbound \\ inbound | " + licences.map(escapeMarkdown).joined(separator: " | ") + " |"]
    lines.append("|---|" + String(repeating: "---|", count: licences.count))
    for (r, row) in results.enumerated() {
      lines.append("| \(escapeMarkdown(licences[r])) | " + row.map(Self.cell).joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n\n" + Self.legend + "\n"
  }

  /// CSV (RFC 4180), header row first.
  public var csv: String {
    var lines = [(["outbound \\ inbound"] + licences).map(escapeCSV).joined(separator: ",")]
    for (r, row) in results.enumerated() {
      lines.append(([licences[r]] + row.map(Self.cell)).map(escapeCSV).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A standalone HTML page in the design of `table --format html`: the table, a legend, and each cell's
  /// reasons in its tooltip.
  public var html: String { html(title: "Licence compatibility") }

  /// A standalone HTML page with this title.
  public func html(title: String) -> String {
    let e = HTMLText.escape
    var out = HTMLPage.head(title: title)
    out += "<table class=\"licensecheck-compat\">\n<thead><tr><th scope=\"col\">outbound \\ inbound</th>"
    for l in licences { out += "<th scope=\"col\">\(e(l))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for (r, row) in results.enumerated() {
      out += "<tr><th scope=\"row\">\(e(licences[r]))</th>"
      for result in row {
        let title = ["\(result.verdict.rawValue) (\(result.basis.rawValue))"] + result.reasons
        let cls = result.basis == .identical ? "identical" : result.verdict.rawValue
        out += "<td class=\"\(cls) \(result.basis.rawValue)\" title=\"\(e(title.joined(separator: "\n")))\">"
        out += "\(e(Self.cell(result)))</td>"
      }
      out += "</tr>\n"
    }
    out += """
      </tbody>
      </table>
      <div class="legend">
      <p><span class="compatible">yes</span><span class="conditional">cond</span><span class="incompatible">no</span>\
      <span class="unknown">?</span><span class="identical">same</span>
      compatible, conditional (allowed under stated conditions), incompatible, unknown, identical licence;
      <code>*</code> derived from the clause models, otherwise from the OSADL matrix. Hover a cell for its reasons.</p>
      <p>\(e(Self.legend))</p>

      """
    return out + HTMLPage.tail
  }
}

private func escapeMarkdown(_ s: String) -> String {
  var out = ""
  for ch in s { out += ch == "|" ? "\\|" : String(ch) }
  return out
}

private func escapeCSV(_ s: String) -> String {
  guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
  var out = "\""
  for ch in s { out += ch == "\"" ? "\"\"" : String(ch) }
  return out + "\""
}

private func escapeHTML(_ s: String) -> String {
  var out = ""
  for ch in s {
    switch ch {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    default: out.append(ch)
    }
  }
  return out
}
