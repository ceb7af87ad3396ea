import ArgumentParser
import LicenseCheck

@main
struct LicenseCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "licensecheck",
    abstract: "Read licence texts and say what they really allow.",
    version: licenseCheckVersion,
    subcommands: [Analyze.self, TextCommand.self, Compat.self]
  )
}

/// Options every command that reads licence files shares.
struct ReadingOptions: ParsableArguments {
  @Option(help: "Read inputs as this format instead of detecting it (text, markdown, html, spdx-xml).")
  var inputFormat: SourceFormat?

  @Option(help: "Refuse inputs larger than this many bytes.")
  var maxBytes: Int = 16 << 20

  var readOptions: ReadOptions { ReadOptions(maxBytes: maxBytes, format: inputFormat) }
}

extension SourceFormat: ExpressibleByArgument {}
