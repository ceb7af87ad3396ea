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

  /// An HTML table (a fragment) with the legend; each cell's title holds the first reason.
  public var html: String {
    var out = "<table class=\"licensecheck-compat\">\n<thead><tr><th>outbound \\ inbound</th>"
    for l in licences { out += "<th>\(escapeHTML(l))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for (r, row) in results.enumerated() {
      out += "<tr><th>\(escapeHTML(licences[r]))</th>"
      for result in row {
        let title = result.reasons.first.map { " title=\"\(escapeHTML($0))\"" } ?? ""
        out += "<td class=\"\(result.verdict.rawValue) \(result.basis.rawValue)\"\(title)>\(Self.cell(result))</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n<p>\(escapeHTML(Self.legend))</p>\n"
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
