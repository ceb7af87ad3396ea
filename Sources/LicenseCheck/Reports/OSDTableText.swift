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
      out += line + (r == 0 ? style.bold(row[3]) : row[3]) + "\n"
    }
    let conformant = analysis.osdConformant ? style.green("yes") : style.red("no")
    out += "\n" + style.bold("OSD conformant:") + " " + conformant
    if let c = analysis.conformance { out += " (\(c.status.rawValue): \(c.reason))" }
    out += "\n"
    if !analysis.warnings.isEmpty {
      out += style.bold("Warnings:") + "\n"
      for w in analysis.warnings {
        out += "  " + style.yellow(w.kind) + ": " + w.explanation + references(w.because) + "\n"
      }
    }
    return out
  }

  /// ` [#2, #5]`, or nothing when no clause is cited.
  private static func references(_ because: [Int]) -> String {
    because.isEmpty ? "" : " [" + because.map { "#\($0)" }.joined(separator: ", ") + "]"
  }
}
