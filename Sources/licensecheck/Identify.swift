import ArgumentParser
import LicenseCheck

struct Identify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Say which known licence each file is: id, name, version, confidence, method.",
    discussion: """
      Prints "unknown" when nothing known matches well enough.

      Examples:
        licensecheck identify LICENSE
        licensecheck identify --format json LICENSE COPYING
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @OptionGroup var reading: ReadingOptions

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
    let (analyses, failed) = Inputs(analyzer: reading.analyzer).analyzeAll(paths)
    switch format {
    case .json:
      print(try Output.json(analyses.map { Entry(path: $0.source.path, identification: $0.identification) }))
    case .text:
      var rows: [[String]] = [["path", "id", "name", "version", "confidence", "method"]]
      for a in analyses {
        if let id = a.identification {
          rows.append([
            a.source.path, id.id, id.name, id.version ?? "-", String(format: "%.3f", id.confidence), id.method,
          ])
        } else {
          rows.append([a.source.path, "unknown", "-", "-", "-", "-"])
        }
      }
      Output.write(Columns.render(rows))
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
