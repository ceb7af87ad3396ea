import ArgumentParser
import LicenseCheck

struct Identify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "identify",
    abstract: "Say which known licence each file is: id, name, version, confidence, method.",
    discussion: """
      Prints "unknown" when nothing known matches well enough. A file holding several licences
      (a licence with its use policy, a dual-licence file) gets one indented line per licence
      with its line range.

      Examples:
        licensecheck identify LICENSE
        licensecheck identify --format json LICENSE COPYING
        licensecheck identify --explain --corpus ../license-list-XML LICENSE
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Flag(help: "Show the closest candidates and, with a corpus folder, a word diff against the best one.")
  var explain = false

  @OptionGroup var reading: ReadingOptions

  @OptionGroup var corpusOptions: CorpusOptions

  @Argument(help: "Licence files; - reads standard input.")
  var paths: [String]

  /// The JSON object per input: the path and the identification (null when unknown).
  struct Entry: Encodable {
    let path: String
    let identification: Identification?

    enum CodingKeys: String, CodingKey { case path, identification }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(path, forKey: .path)
      try c.encode(identification, forKey: .identification)
    }
  }

  func run() throws {
    let analyzer = try corpusOptions.analyzer(reading.analyzer)
    if explain { return try runExplain(analyzer) }
    let (analyses, failed) = Inputs(analyzer: analyzer).analyzeAll(paths)
    // Nothing on stdout for inputs that failed: no empty header or array when none could be read.
    if analyses.isEmpty { throw ExitCode(failed ? 2 : 0) }
    switch format {
    case .json:
      print(try Output.json(analyses.map { Entry(path: $0.source.path, identification: $0.identification) }))
    case .text:
      var rows: [[String]] = [["path", "id", "name", "version", "confidence", "coverage", "method"]]
      for a in analyses {
        if let id = a.identification {
          // An expression (`GPL-2.0-or-later WITH Autoconf-exception-generic`, `MIT AND PSF-2.0`) says more than the id.
          rows.append([
            a.source.path, id.expression ?? id.id, id.name, id.version ?? "-",
            String(format: "%.3f", id.confidence) + (id.lowConfidence == true ? " (low confidence)" : ""),
            id.coverage.map { String(format: "%.3f", $0) } ?? "-", id.method,
          ])
          for s in id.segments ?? [] {
            // A Debian copyright stanza: the name its packager declared, and whether the text agrees.
            var declared = ""
            if let name = s.declared {
              declared = "declared " + name
              if let agrees = s.matchesDeclared { declared += agrees ? " (matches)" : " (MISMATCH)" }
            }
            rows.append([
              "  lines \(s.lineStart)-\(s.lineEnd)", s.id, declared, "", String(format: "%.3f", s.confidence), "",
              s.method,
            ])
          }
        } else {
          rows.append([a.source.path, "unknown", "-", "-", "-", "-", "-"])
        }
      }
      Output.write(Columns.render(rows))
    }
    if failed { throw ExitCode(2) }
  }

  /// The JSON object per input with `--explain`.
  struct Explained: Encodable {
    let path: String
    let explanation: IdentificationExplanation
  }

  func runExplain(_ analyzer: Analyzer) throws {
    var failed = false
    var out: [Explained] = []
    for path in paths {
      do {
        let doc = try DocumentReader.read(path: path, options: analyzer.readOptions)
        out.append(
          Explained(
            path: path,
            explanation: Identifier.standard.explain(TokenizedText(doc.text), library: analyzer.templates)))
      } catch {
        failed = true
        Output.error(error)
      }
    }
    if out.isEmpty { throw ExitCode(failed ? 2 : 0) }
    switch format {
    case .json: print(try Output.json(out))
    case .text: Output.write(out.map { "\($0.path)\n" + $0.explanation.text }.joined(separator: "\n"))
    }
    if failed { throw ExitCode(2) }
  }
}

/// Aligned columns for terminal output (the last column is not padded).
enum Columns {
  static func render(_ rows: [[String]]) -> String {
    var widths: [Int] = []
    for row in rows {
      for (i, cell) in row.enumerated() {
        if i == widths.count { widths.append(0) }
        widths[i] = max(widths[i], cell.count)
      }
    }
    return rows.map { row in
      row.enumerated().map { i, cell in
        i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
      }.joined()
    }.joined(separator: "\n") + "\n"
  }
}
