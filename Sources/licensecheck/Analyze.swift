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

  /// One input's outcome with its rendering, made on a worker thread. Only the json format keeps the
  /// analysis itself (it prints one array at the end): for the others it is freed on the worker that
  /// rendered it, so results waiting their turn hold their output only.
  struct Rendered: Sendable {
    /// Why the input could not be read; nil when it was analysed.
    var failure: ReadError?
    var osdConformant = true
    var analysis: LicenseAnalysis?
    var warnings: [String] = []
    var output: Result<String, any Error>?
    /// The jsonl line with its newline, as bytes: written to stdout as they are, with no `String` made.
    var line: Result<[UInt8], any Error>?
  }

  func run() throws {
    try Self.run(
      paths: paths, format: format, policy: policy, failOn: failOn,
      analyzer: try corpusOptions.analyzer(reading.analyzer))
  }

  /// The command's work, from plain values: also called for a plain one-file line parsed without
  /// ArgumentParser (``AnalyzeLine``).
  static func run(paths: [String], format: Format, policy: String?, failOn: FailOn?, analyzer: Analyzer) throws {
    if format == .jsonl, paths.count > 1 { Output.bufferStdoutForPipes() }
    var inputs = Inputs(analyzer: analyzer)
    if let policy {
      do {
        inputs.policy = try DocumentReader.read(path: policy, options: analyzer.readOptions)
      } catch {
        Output.error(error)
        throw ExitCode(2)
      }
    }
    let style = Output.humanStyle
    var results: [LicenseAnalysis] = []
    var failed = false
    var anyNotConformant = false
    var first = true
    // Files are read, analysed and rendered on all cores (this thread is one of the workers) and printed in input order;
    // only the json format keeps every analysis (it prints one array at the end).
    try inputs.analyzer.analyze(paths: paths, policy: inputs.policy) { path, outcome -> Rendered in
      let analysis: LicenseAnalysis
      let warnings: [ReadWarning]
      switch outcome {
      case .failed(let error): return Rendered(failure: error)
      case .analysed(let a, let w): (analysis, warnings) = (a, w)
      }
      var r = Rendered(osdConformant: analysis.osdConformant)
      r.warnings = warnings.map { "\(path): \($0.message)" }
      switch format {
      case .jsonl: r.line = Result { try Output.jsonLineBytes(analysis) }
      case .text:
        r.output = .success(
          Output.escaped(TextReport.render(analysis, style: style), multiline: true, keepStyle: style.colour))
      case .json: r.analysis = analysis
      }
      return r
    } emit: { r in
      if let error = r.failure {
        failed = true
        Output.error(error)
        return
      }
      for w in r.warnings { Output.warn(w) }
      if !r.osdConformant { anyNotConformant = true }
      switch format {
      case .jsonl: Output.writeStdout(try r.line!.get())
      case .text:
        if !first { print("") }
        let out = try r.output!.get()
        print(out, terminator: out.hasSuffix("\n") ? "" : "\n")
      case .json: results.append(r.analysis!)
      }
      first = false
    }
    if format == .json {
      // One shape whatever the number of inputs: an array of analyses, in input order; nothing at all when
      // no input could be read.
      if !results.isEmpty || !failed { print(try Output.json(results)) }
    }
    if failed { throw ExitCode(2) }
    if failOn == .osd, anyNotConformant { throw ExitCode(1) }
  }
}
