import ArgumentParser
import Foundation
import LicenseCheck

struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Analyse licence files: source, identification, clauses, OSD verdicts.",
    discussion: """
      Examples:
        licensecheck analyze LICENSE
        licensecheck analyze --format json LICENSE USE_POLICY.md
        cat LICENSE | licensecheck analyze -
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

  @Option(help: "Output format: text, json or jsonl.")
  var format: Format = .text

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "Licence files to analyse; - reads standard input.")
  var paths: [String]

  func run() throws {
    let analyzer = Analyzer(readOptions: reading.readOptions)
    var results: [LicenseAnalysis] = []
    var failed = false
    for path in paths {
      do {
        let analysis = try analyzer.analyze(path: path)
        results.append(analysis)
        if format == .jsonl { print(try Output.jsonLine(analysis)) }
        if format == .text { print(TextReport.render(analysis)) }
      } catch {
        failed = true
        Output.error(error)
      }
    }
    if format == .json {
      print(results.count == 1 && paths.count == 1 ? try Output.json(results[0]) : try Output.json(results))
    }
    if failed { throw ExitCode(2) }
  }
}

struct TextCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "text",
    abstract: "Print the plain-text view of a licence file (what every other command reads).",
    discussion: """
      Examples:
        licensecheck text LICENSE.html
        licensecheck text ../shared/corpus/spdx/src/MIT.xml
      """
  )

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "Files to print; - reads standard input.")
  var paths: [String]

  func run() throws {
    var failed = false
    for path in paths {
      do {
        let doc = try DocumentReader.read(path: path, options: reading.readOptions)
        for w in doc.warnings { Output.warn("\(path): \(w.message)") }
        print(doc.text, terminator: doc.text.hasSuffix("\n") ? "" : "\n")
      } catch {
        failed = true
        Output.error(error)
      }
    }
    if failed { throw ExitCode(2) }
  }
}

enum Output {
  static func json<T: Encodable>(_ value: T) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try e.encode(value), as: UTF8.self)
  }

  static func jsonLine<T: Encodable>(_ value: T) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try e.encode(value), as: UTF8.self)
  }

  static func error(_ error: Error) {
    FileHandle.standardError.write(Data("licensecheck: error: \(error)\n".utf8))
  }

  static func warn(_ message: String) {
    FileHandle.standardError.write(Data("licensecheck: warning: \(message)\n".utf8))
  }
}

enum TextReport {
  static func render(_ a: LicenseAnalysis) -> String {
    var lines: [String] = []
    lines.append(
      "\(a.source.path)  (\(a.source.format.rawValue), \(a.source.bytes) bytes, sha256 \(a.source.sha256.prefix(12))…)")
    for effect in ClauseEffect.allCases {
      let cs = a.clauses.filter { $0.effect == effect }
      if cs.isEmpty { continue }
      lines.append("")
      lines.append(effect.rawValue.uppercased())
      for c in cs {
        let params = (try? Output.jsonLine(c.parameters)) ?? ""
        let ev = c.evidence.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
        lines.append("  \(c.kind.rawValue)  [§\(c.section ?? "-") line \(c.span.line)] \(params == "{}" ? "" : params)")
        lines.append("      \"\(ev.prefix(160))\"")
      }
    }
    return lines.joined(separator: "\n")
  }
}
