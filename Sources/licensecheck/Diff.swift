import ArgumentParser
import LicenseCheck

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show the clause-level difference between two licence texts or versions.",
    discussion: """
      Lists clause kinds removed (-) and added (+), parameters changed (~) and OSD verdicts changed.
      With --exit-code, exits 1 when the licences differ and 0 when they do not, like `git diff --exit-code`.

      Examples:
        licensecheck diff llama3/LICENSE llama3_1/LICENSE
        licensecheck diff --format json OLD_LICENSE NEW_LICENSE
        licensecheck diff --exit-code LICENSE.old LICENSE || echo "the terms changed"
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Flag(help: "Exit 1 when the licences differ (clauses or OSD verdicts), 0 when they do not.")
  var exitCode = false

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "The old (or reference) licence; - reads standard input.")
  var old: String

  @Argument(help: "The new (or other) licence.")
  var new: String

  func run() throws {
    let (analyses, failed) = Inputs(analyzer: reading.analyzer).analyzeAll([old, new])
    guard !failed, analyses.count == 2 else { throw ExitCode(2) }
    let diff = LicenseDiff(from: analyses[0], to: analyses[1])
    switch format {
    case .text: Output.write(diff.text(style: Output.humanStyle))
    case .json: print(try Output.json(diff))
    }
    if exitCode, !diff.isEmpty { throw ExitCode(1) }
  }
}
