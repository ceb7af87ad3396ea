/// The human-readable report of one analysis, as `licensecheck analyze` prints it.
///
/// ```swift
/// let analysis = try Analyzer().analyze(path: "LICENSE")
/// print(TextReport.render(analysis))
/// ```
///
/// The layout: a source line and the identification, then the clauses grouped by effect
/// (permissions, obligations, restrictions, licensor rights, legal), each with its index `#n`,
/// kind, location, parameters and quoted evidence, then the OSD table and warnings from
/// ``OSDReport``.
public enum TextReport {
  /// Renders an analysis.
  /// - Parameters:
  ///   - analysis: the analysis to show.
  ///   - style: plain (files, pipes) or coloured (terminals).
  /// - Returns: the report, ending with a newline.
  /// - Complexity: O(n) in the number of clauses.
  public static func render(_ analysis: LicenseAnalysis, style: TextStyle = .plain) -> String {
    let source = analysis.source
    var out = style.bold(source.path)
    out += "  (\(source.format.rawValue), \(source.bytes) bytes, sha256 \(source.sha256.prefix(12))…)\n"
    out += "Identified: " + identificationText(analysis.identification) + "\n"
    if let expression = analysis.identification?.expression { out += "Expression: " + expression + "\n" }
    // The licences of a Debian copyright file, each under its declared name (mismatches first to the eye).
    if analysis.identification?.method == "debian-copyright" {
      for s in analysis.identification?.segments ?? [] {
        let verdict = s.matchesDeclared.map { $0 ? "matches" : style.red("MISMATCH") } ?? "not compared"
        out += "  lines \(s.lineStart)-\(s.lineEnd): License: \(s.declared ?? "-") → \(s.id) (\(s.method)) \(verdict)\n"
      }
    }
    if let c = analysis.documentClass {
      out += "Document: " + c.class.rawValue + " — " + c.reason + "\n"
    }
    if let cut = analysis.truncated { out += style.red("Truncated: ") + cut.explanation + "\n" }

    // Pad kind and location to common widths across the whole report so groups line up.
    let indexWidth = "#\(max(analysis.clauses.count - 1, 0))".count
    let kindWidth = analysis.clauses.map(\.kind.rawValue.count).max() ?? 0
    let locationWidth = analysis.clauses.map { ClauseSummary.location(of: $0).count }.max() ?? 0
    if analysis.clauses.isEmpty { out += "\nNo clauses found.\n" }
    var formatted: [ClauseParameters: String] = [:]
    for effect in ClauseEffect.allCases {
      let members = analysis.clauses.indices.filter { analysis.clauses[$0].effect == effect }
      if members.isEmpty { continue }
      out += "\n" + style.bold(heading(effect)) + "\n"
      for i in members {
        let clause = analysis.clauses[i]
        let index = "#\(i)".padding(indexWidth)
        let kind = clause.kind.rawValue.padding(kindWidth)
        let location = ClauseSummary.location(of: clause).padding(locationWidth)
        // Many clauses share their parameters (every grant of a long list): format each value once.
        let parameters: String
        if let known = formatted[clause.parameters] {
          parameters = known
        } else {
          parameters = ClauseSummary.fields(of: clause.parameters).map { "\($0.key): \($0.value)" }
            .joined(separator: "; ")
          formatted[clause.parameters] = parameters
        }
        let column = indexWidth + kindWidth + locationWidth + 8
        let fitted = style.fit(parameters, start: column, indent: column)
        var line = "  \(index)  \(colour(kind, effect, style))  \(style.dim(location))  \(fitted)"
        while line.hasSuffix(" ") { line.removeLast() }
        out += line + "\n"
        out += String(repeating: " ", count: indexWidth + 4) + "“" + ClauseSummary.oneLine(clause.evidence) + "”\n"
      }
    }
    if analysis.documentClass?.class == .notALicence {
      out += "\nOSD: not judged (the text is not a licence).\n"
    } else {
      out += "\n" + OSDReport.text(analysis, style: style)
    }
    out += notUnderstood(analysis, style: style)
    return out
  }

  /// How many entries of the "Not understood" list the text report shows (JSON has them all).
  public static let unexplainedShown = 5

  /// The normative sentences no clause covers: a count, the coverage, and the first few with their lines.
  static func notUnderstood(_ analysis: LicenseAnalysis, style: TextStyle) -> String {
    guard let coverage = analysis.coverage, !analysis.unexplained.isEmpty else { return "" }
    let n = analysis.unexplained.count
    var out = "\n" + style.bold("Not understood:") + " \(n) of \(coverage.normative) normative sentences"
    out += " are covered by no clause (coverage \(percent(coverage.ratio)))\n"
    for u in analysis.unexplained.prefix(unexplainedShown) {
      let place = u.section.map { "§\($0), line \(u.span.line)" } ?? "line \(u.span.line)"
      out +=
        "  " + style.dim(place) + "  [" + u.cues.joined(separator: ", ") + "]  “"
        + ClauseSummary.oneLine(u.text) + "”\n"
    }
    if n > unexplainedShown { out += "  … and \(n - unexplainedShown) more (all of them in --format json)\n" }
    return out
  }

  /// `Llama 3.1 Community License Agreement (Llama-3.1, version 3.1, 99.8%, similarity)` or `unknown`.
  /// - Parameter identification: an analysis's identification.
  /// - Returns: one line of text.
  public static func identificationText(_ identification: Identification?) -> String {
    guard let id = identification else { return "unknown" }
    var details = [id.id]
    if let version = id.version { details.append("version \(version)") }
    details.append(percent(id.confidence))
    details.append(id.method)
    return "\(id.name) (\(details.joined(separator: ", ")))"
  }

  /// `99.8%`.
  static func percent(_ confidence: Double) -> String {
    let tenths = (confidence * 1000).rounded() / 10
    return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
  }

  /// The heading of an effect group.
  static func heading(_ effect: ClauseEffect) -> String {
    switch effect {
    case .permission: return "Permissions"
    case .obligation: return "Obligations"
    case .restriction: return "Restrictions"
    case .licensorRight: return "Licensor rights"
    case .legal: return "Legal"
    }
  }

  private static func colour(_ text: String, _ effect: ClauseEffect, _ style: TextStyle) -> String {
    switch effect {
    case .permission: return style.green(text)
    case .restriction: return style.red(text)
    case .licensorRight: return style.yellow(text)
    case .obligation, .legal: return text
    }
  }
}

extension String {
  /// Pads with spaces to `width` characters (never truncates).
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
