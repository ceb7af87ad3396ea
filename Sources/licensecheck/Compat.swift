import ArgumentParser
import Foundation
import LicenseCheck

struct Compat: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compat",
    abstract: "Can a component under INBOUND go into a work distributed under OUTBOUND?",
    discussion: """
      INBOUND and OUTBOUND are SPDX ids, known ids such as Llama-3.1, SPDX expressions, or paths to licence
      texts (write ./NAME for a file whose name looks like an id). The OSADL matrix answers where it has both
      licences (basis: matrix); otherwise the verdict is derived from the licences' clause models (basis:
      derived). Exit status: 0, or 1 when --fail-on holds for some pair, or 2 for bad input.

      Examples:
        licensecheck compat Apache-2.0 GPL-2.0-only
        licensecheck compat --no-matrix --format json 'MIT AND Apache-2.0' GPL-3.0-only
        licensecheck compat Llama-3.1 Apache-2.0
        licensecheck compat --aggregate Llama-3.1 Apache-2.0
        licensecheck compat fixtures/examples/heron-model/LICENSE Apache-2.0
        licensecheck compat --pairs pairs.tsv --format jsonl
        licensecheck compat --matrix MIT Apache-2.0 GPL-2.0-only GPL-3.0-only Llama-3.1 --format markdown
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, markdown, html, csv }

  enum FailOn: String, ExpressibleByArgument, CaseIterable {
    /// Some pair is incompatible.
    case incompatible
    /// Some pair is anything but compatible.
    case notCompatible = "not-compatible"
  }

  @Option(help: "Output format: text, json or jsonl; for --matrix also markdown, html or csv.")
  var format: Format?

  @Option(help: "Read pairs from FILE, one per line: INBOUND<TAB>OUTBOUND (- for standard input).")
  var pairs: String?

  @Flag(name: .customLong("no-matrix"), help: "Ignore the OSADL matrix: always derive from the clause models.")
  var noMatrix = false

  @Flag(help: "Judge the component as a separate part beside the work, keeping its own licence.")
  var aggregate = false

  @Flag(help: "Use only the traits our extractor found, without the hand-reviewed overrides.")
  var extractedOnly = false

  @Option(
    name: .customLong("matrix"), parsing: .upToNextOption,
    help: "Print a compatibility table for these licences (rows: outbound, columns: inbound).")
  var tableLicences: [String] = []

  @Option(help: "Page title for --matrix --format html.")
  var title: String?

  @Option(help: "Exit with status 1 when some pair is incompatible or not-compatible.")
  var failOn: FailOn?

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "INBOUND OUTBOUND: the component's licence, then the work's licence.")
  var licences: [String] = []

  func validate() throws {
    let modes = [pairs != nil, !tableLicences.isEmpty, !licences.isEmpty].filter { $0 }.count
    if modes != 1 { throw ValidationError("Give INBOUND OUTBOUND, or --pairs FILE, or --matrix LICENCE...") }
    if !licences.isEmpty, licences.count != 2 { throw ValidationError("Give exactly two licences: INBOUND OUTBOUND.") }
    let tableFormats: [Format] = [.markdown, .html, .csv]
    if let format, tableFormats.contains(format), tableLicences.isEmpty {
      throw ValidationError("--format \(format.rawValue) is for --matrix tables.")
    }
  }

  func run() throws {
    let checker = CompatibilityChecker(
      options: CompatibilityOptions(useMatrix: !noMatrix, aggregate: aggregate, reviewedTraits: !extractedOnly),
      analyzer: Analyzer(readOptions: reading.readOptions))
    if !tableLicences.isEmpty {
      // Unknown ids and unreadable files are usage errors, as for a single pair: nothing on stdout.
      var bad = false
      for licence in tableLicences {
        do {
          _ = try checker.resolve(licence)
        } catch {
          Output.error(error)
          bad = true
        }
      }
      if bad { throw ExitCode(2) }
      try printTable(CompatibilityTable(licences: tableLicences, checker: checker))
      return
    }
    var results: [CompatibilityResult] = []
    var bad = false
    if let pairs {
      for (n, line) in try readLines(pairs).enumerated() {
        if line.isEmpty || line.hasPrefix("#") { continue }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
          Output.error(PairsError(message: "\(pairs):\(n + 1): expected INBOUND<TAB>OUTBOUND"))
          bad = true
          continue
        }
        guard let result = check(checker, fields[0], fields[1]) else {
          bad = true
          continue
        }
        results.append(result)
        try emit(result)
      }
    } else {
      guard let result = check(checker, licences[0], licences[1]) else { throw ExitCode(2) }
      results.append(result)
      try emit(result)
    }
    // One shape for a pair, --pairs and --matrix: an array of results.
    if format == .json { print(try Output.json(results)) }
    if bad { throw ExitCode(2) }
    if let failOn, results.contains(where: { fails($0, failOn) }) { throw ExitCode(1) }
  }

  /// Resolves and checks one pair; a side that is neither an expression nor a readable file is an error.
  func check(_ checker: CompatibilityChecker, _ inbound: String, _ outbound: String) -> CompatibilityResult? {
    do {
      let i = try checker.resolve(inbound)
      let o = try checker.resolve(outbound)
      return checker.check(i, o, inboundText: inbound, outboundText: outbound)
    } catch {
      Output.error(error)
      return nil
    }
  }

  func emit(_ result: CompatibilityResult) throws {
    switch format ?? .text {
    case .jsonl: print(try Output.jsonLine(result))
    case .text: Output.write(render(result))
    default: break
    }
  }

  func fails(_ r: CompatibilityResult, _ condition: FailOn) -> Bool {
    switch condition {
    case .incompatible: return r.verdict == .incompatible
    case .notCompatible: return r.verdict != .compatible
    }
  }

  func render(_ r: CompatibilityResult) -> String {
    let style = Output.humanStyle
    var lines = ["\(r.inbound) → \(r.outbound): \(r.verdict.rawValue) (\(r.basis.rawValue))"]
    if let alternative = r.alternative { lines.append("  alternative: \(alternative)") }
    for reason in r.reasons { lines.append("  - " + style.fit(reason, start: 4, indent: 4)) }
    return lines.joined(separator: "\n")
  }

  func printTable(_ table: CompatibilityTable) throws {
    switch format ?? .markdown {
    case .markdown, .text: Output.write(table.markdown)
    case .html: print(table.html(title: title ?? "Licence compatibility"), terminator: "")
    case .csv: print(table.csv, terminator: "")
    case .json: print(try Output.json(table.results.flatMap { $0 }))
    case .jsonl: for r in table.results.flatMap({ $0 }) { print(try Output.jsonLine(r)) }
    }
  }

  /// The pairs file's lines, read with the same size limit as every other input (`--max-bytes`).
  func readLines(_ path: String) throws -> [String] {
    let bytes: [UInt8]
    do {
      bytes = try DocumentReader.bytes(path: path, limit: reading.maxBytes)
    } catch {
      Output.error(PairsError(message: "cannot read the pairs file: \(error)"))
      throw ExitCode(2)
    }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
  }
}

struct PairsError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
