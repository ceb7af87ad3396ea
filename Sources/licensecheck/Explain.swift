import ArgumentParser
import LicenseCheck

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a licence in plain language, with the quoted words behind each point.",
    discussion: """
      Sections: what you may do, what you must do, what you may not do, who is excluded, what the
      licensor can change later, and the legal small print.

      Examples:
        licensecheck explain LICENSE
        licensecheck explain --policy USE_POLICY.md LICENSE
        licensecheck explain --format json LICENSE
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Option(help: ArgumentHelp("A use policy the licence incorporates.", valueName: "file"))
  var policy: String?

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "The licence file; - reads standard input.")
  var path: String

  func run() throws {
    var inputs = Inputs(analyzer: reading.analyzer)
    do {
      if let policy { inputs.policy = try DocumentReader.read(path: policy, options: reading.readOptions) }
    } catch {
      Output.error(error)
      throw ExitCode(2)
    }
    let document: Document
    do {
      document = try DocumentReader.read(path: path, options: reading.readOptions)
    } catch {
      Output.error(error)
      throw ExitCode(2)
    }
    for w in document.warnings { Output.warn("\(path): \(w.message)") }
    let analysis = inputs.analyzer.analyze(document, policy: inputs.policy)
    // An unidentified licence is named by its own title, not its file name.
    let explanation = Explanation(analysis, document: document)
    switch format {
    case .text: Output.write(explanation.text(style: Output.humanStyle))
    case .json: print(try Output.json(explanation))
    }
  }
}
