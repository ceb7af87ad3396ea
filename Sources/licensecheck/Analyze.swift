import ArgumentParser
import Foundation
import LicenseCheck

struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    // Named here: without a name ArgumentParser derives it with String(describing:), whose
    // protocol conformance lookups cost a millisecond at every start.
    commandName: "analyze",
    abstract: "Analyse licence files: source, identification, clauses, OSD verdicts.",
    discussion: """
      Examples:
        licensecheck analyze LICENSE
        licensecheck analyze --policy USE_POLICY.md LICENSE
        licensecheck analyze --format json LICENSE NOTICE
        cat LICENSE | licensecheck analyze --format jsonl -
        licensecheck analyze --fail-on osd --format jsonl LICENSE   # CI gate: exit 1 if not open source
        licensecheck analyze --corpus ../license-list-XML LICENSE   # SPDX template matching
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }
  enum FailOn: String, ExpressibleByArgument, CaseIterable { case osd }

  @Option(help: "Output format: text, json or jsonl.")
  var format: Format = .text

  @Option(
    help: ArgumentHelp(
      "A use policy the licences incorporate; its clauses are analysed with each licence.", valueName: "file"))
  var policy: String?

  @Option(help: "Exit 1 when this holds for any input: osd (not OSD conformant).")
  var failOn: FailOn?

  @OptionGroup var reading: ReadingOptions

  @OptionGroup var corpusOptions: CorpusOptions

  @Argument(help: "Licence files to analyse; - reads standard input.")
  var paths: [String]

  func run() throws {
    var inputs = Inputs(analyzer: try corpusOptions.analyzer(reading.analyzer))
    if let policy {
      do {
        inputs.policy = try DocumentReader.read(path: policy, options: reading.readOptions)
      } catch {
        Output.error(error)
        throw ExitCode(2)
      }
    }
    let style = Output.humanStyle
    var results: [LicenseAnalysis] = []
    var first = true
    let failed = try inputs.analyze(paths) { analysis in
      results.append(analysis)
      switch format {
      case .jsonl: print(try Output.jsonLine(analysis))
      case .text:
        if !first { print("") }
        Output.write(TextReport.render(analysis, style: style))
      case .json: break
      }
      first = false
    }
    if format == .json {
      // One shape whatever the number of inputs: an array of analyses, in input order; nothing at all when
      // no input could be read.
      if !results.isEmpty || !failed { print(try Output.json(results)) }
    }
    if failed { throw ExitCode(2) }
    if failOn == .osd, results.contains(where: { !$0.osdConformant }) { throw ExitCode(1) }
  }
}
