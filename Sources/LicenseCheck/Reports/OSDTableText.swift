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
    for row in rows {
      var line = ""
      for column in 0..<3 {
        line += row[column] + String(repeating: " ", count: widths[column] - row[column].count + 2)
      }
      out += line + row[3] + "\n"
    }
    out += "\nOSD conformant: " + (analysis.osdConformant ? "yes" : "no") + "\n"
    if !analysis.warnings.isEmpty {
      out += "Warnings:\n"
      for w in analysis.warnings {
        out += "  " + w.kind + ": " + w.explanation + references(w.because) + "\n"
      }
    }
    return out
  }

  /// ` [#2, #5]`, or nothing when no clause is cited.
  private static func references(_ because: [Int]) -> String {
    because.isEmpty ? "" : " [" + because.map { "#\($0)" }.joined(separator: ", ") + "]"
  }
}
