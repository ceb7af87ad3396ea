import ArgumentParser
import Foundation
import LicenseCheck

@main
struct LicenseCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "licensecheck",
    abstract: "Read licence texts and say what they really allow.",
    discussion: """
      Exit status: 0 success; 1 a --fail-on condition held; 2 bad usage or an unreadable input.
      Shell completions: licensecheck --generate-completion-script bash|zsh|fish
      """,
    version: licenseCheckVersion,
    subcommands: [
      Analyze.self, Scan.self, Table.self, Diff.self, Explain.self, Compat.self, Identify.self, TextCommand.self,
      Check.self,
      VersionCommand.self, Openness.self,
    ]
  )

  /// Runs the tool with the exit codes of the JSON contract: ArgumentParser's usage errors exit
  /// with 64 (EX_USAGE) by default, but scripts here are promised 2 for bad usage.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      // Help and version go to stdout as ArgumentParser prints them.
      if code == .success { exit(withError: error) }
      // One prefix for every error line (`licensecheck: error: …`, then ArgumentParser's usage lines);
      // errors echo arguments, so control characters are escaped before they reach a terminal.
      var message = fullMessage(for: error)
      if code == .validationFailure, message.hasPrefix("Error: ") {
        message = "licensecheck: error: " + message.dropFirst("Error: ".count)
      }
      if !message.isEmpty {
        FileHandle.standardError.write(Data((Output.escaped(message, multiline: true) + "\n").utf8))
      }
      Self.exit(withError: ExitCode(code == .validationFailure ? 2 : code.rawValue))
    }
  }
}

/// Options every command that reads licence files shares.
struct ReadingOptions: ParsableArguments {
  @Option(
    help: "Read inputs as this format instead of detecting it (text, markdown, html, spdx-xml, debian-copyright).")
  var inputFormat: SourceFormat?

  @Option(help: "Refuse inputs larger than this many bytes.")
  var maxBytes: Int = 16 << 20

  @Option(
    help: ArgumentHelp(
      "Analyse at most this many bytes of each text; the rest is reported as not read (no licence is near 512 KiB).",
      valueName: "bytes"))
  var maxAnalyzedBytes: Int = 1 << 19

  var readOptions: ReadOptions { ReadOptions(maxBytes: maxBytes, format: inputFormat) }

  var analyzer: Analyzer {
    Analyzer(readOptions: readOptions, limits: AnalysisLimits(maxBytes: maxAnalyzedBytes))
  }
}

extension SourceFormat: ExpressibleByArgument {}
