/// Plain-text rendering of the OSD verdicts, for terminals and review notes.
public enum OSDReport {
  /// A ten-row table (criterion, title, verdict, reason) with aligned columns, then the conformance line
  /// and the warnings.
  ///
  /// ```
  /// Criterion  Title                 Verdict  Reason
  /// osd-1      Free Redistribution   fail     Licensees above 700 million monthly active users get …
  /// ```
  ///
  /// The reason column is last and never padded, so long explanations do not push the other columns.
  /// Clause references are written as `#n`, the index into the analysis's `clauses`.
  /// - Parameter analysis: an analysis whose `osd` has been filled in.
  /// - Returns: the text, ending with a newline.
  public static func text(_ analysis: LicenseAnalysis) -> String {
    text(analysis, style: .plain)
  }

  /// The same table, with verdicts coloured (pass green, fail red, unknown yellow) when `style` asks.
  /// - Parameters:
  ///   - analysis: an analysis whose `osd` has been filled in.
  ///   - style: plain or coloured.
  /// - Returns: the text, ending with a newline.
  public static func text(_ analysis: LicenseAnalysis, style: TextStyle) -> String {
    var rows: [[String]] = [["Criterion", "Title", "Verdict", "Reason"]]
    for v in analysis.osd {
      rows.append([v.criterion, v.title, v.verdict.rawValue, v.explanation + references(v.because)])
    }
    // Pad by Character count: titles and ids are ASCII, and verdicts are fixed words.
    var widths = [Int](repeating: 0, count: 3)
    for row in rows {
      for column in 0..<3 { widths[column] = max(widths[column], row[column].count) }
    }
    var out = ""
    for (r, row) in rows.enumerated() {
      var line = ""
      for column in 0..<3 {
        let padding = String(repeating: " ", count: widths[column] - row[column].count + 2)
        if r == 0 {
          line += style.bold(row[column]) + padding
        } else if column == 2, let verdict = OSDVerdict.Verdict(rawValue: row[column]) {
          // Colour after measuring, so escapes never count towards the width.
          line += style.verdict(verdict) + padding
        } else {
          line += row[column] + padding
        }
      }
      // The reason column wraps under itself on a terminal (style.width), never in pipes.
      let start = widths.reduce(0, +) + 6
      out += line + (r == 0 ? style.bold(row[3]) : style.fit(row[3], start: start, indent: start)) + "\n"
    }
    let conformant = analysis.osdConformant ? style.green("yes") : style.red("no")
    out += "\n" + style.bold("OSD conformant:") + " " + conformant
    if let c = analysis.conformance { out += " (\(c.status.rawValue): \(c.reason))" }
    out += "\n"
    if !analysis.warnings.isEmpty {
      out += style.bold("Warnings:") + "\n"
      // The same warning from many clauses (a text repeated many times) is said once, citing them all.
      var grouped: [(kind: String, explanation: String, because: [Int])] = []
      var at: [String: Int] = [:]
      for w in analysis.warnings {
        let key = w.kind + "\u{0}" + w.explanation
        if let i = at[key] {
          grouped[i].because += w.because
        } else {
          at[key] = grouped.count
          grouped.append((w.kind, w.explanation, w.because))
        }
      }
      for w in grouped {
        let text = w.explanation + references(w.because)
        out += "  " + style.yellow(w.kind) + ": " + style.fit(text, start: w.kind.count + 4, indent: 4) + "\n"
      }
    }
    return out
  }

  /// ` [#2, #5]`, or nothing when no clause is cited. Long lists are cut after five references
  /// (` [#3, #8, #9, #12, #20 and 42,998 more]`); the JSON keeps every index in `because`.
  static func references(_ because: [Int], limit: Int = 5) -> String {
    guard !because.isEmpty else { return "" }
    let shown = because.prefix(limit).map { "#\($0)" }.joined(separator: ", ")
    let rest = because.count - min(limit, because.count)
    return " [" + shown + (rest > 0 ? " and \(grouped(rest)) more" : "") + "]"
  }

  /// `42998` → `42,998`.
  static func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out += "," }
      out.append(d)
    }
    return out
  }
}
