import ArgumentParser
import LicenseCheck

struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version",
    abstract: "Print the tool version, the JSON schema version and the SPDX list version of the embedded index.",
    discussion: """
      Examples:
        licensecheck version
        licensecheck version --format json
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  func run() throws {
    switch format {
    case .text: Output.write(VersionInfo.current.text)
    case .json: print(try Output.json(VersionInfo.current))
    }
  }
}
