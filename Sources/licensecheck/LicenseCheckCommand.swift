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
      // Many paths (`xargs`, shell globs) are set aside before ArgumentParser, whose parsing of a
      // repeated argument is quadratic in the count (819 paths: 241 M instructions, a quarter of a
      // second on one core before any file is read).
      let arguments = Array(CommandLine.arguments.dropFirst())
      // A plain one-file `analyze` (the commonest line, and the one whose start-up is timed) is
      // parsed here: building ArgumentParser's command tree costs about a fifth of such a run.
      if let line = AnalyzeLine.parse(arguments) {
        try line.run()
        return
      }
      if let split = AnalyzePaths.split(arguments), var analyze = try parseAsRoot(split.arguments) as? Analyze {
        analyze.paths = split.paths
        try analyze.run()
        return
      }
      var command = try parseAsRoot(arguments)
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

  /// `--max-bytes` when not given.
  static let defaultMaxBytes = 16 << 20
  /// `--max-analyzed-bytes` when not given.
  static let defaultMaxAnalyzedBytes = 1 << 19

  @Option(help: "Refuse inputs larger than this many bytes.")
  var maxBytes: Int = defaultMaxBytes

  @Option(
    help: ArgumentHelp(
      "Analyse at most this many bytes of each text; the rest is reported as not read (no licence is near 512 KiB).",
      valueName: "bytes"))
  var maxAnalyzedBytes: Int = defaultMaxAnalyzedBytes

  var readOptions: ReadOptions { ReadOptions(maxBytes: maxBytes, format: inputFormat) }

  var analyzer: Analyzer { Self.analyzer(readOptions: readOptions, maxAnalyzedBytes: maxAnalyzedBytes) }

  static func analyzer(readOptions: ReadOptions, maxAnalyzedBytes: Int) -> Analyzer {
    Analyzer(readOptions: readOptions, limits: AnalysisLimits(maxBytes: maxAnalyzedBytes))
  }
}

/// A plain `analyze` line with one path and at most `--format` and `--fail-on`, parsed without
/// ArgumentParser. Anything else (another option, a second path, `-`, `--help`, a bad or repeated
/// value) returns nil and goes to ArgumentParser, which parses and reports it as before.
struct AnalyzeLine {
  var format: Analyze.Format = .text
  var failOn: Analyze.FailOn?
  var path: String

  static func parse(_ arguments: [String]) -> AnalyzeLine? {
    guard arguments.count >= 2, arguments.count <= 6, arguments[0] == "analyze" else { return nil }
    var format: Analyze.Format?
    var failOn: Analyze.FailOn?
    var path: String?
    var i = 1
    while i < arguments.count {
      let a = arguments[i]
      var name = a
      var value: String?
      if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
        name = String(a[..<eq])
        value = String(a[a.index(after: eq)...])
      }
      switch name {
      case "--format", "--fail-on":
        if value == nil {
          guard i + 1 < arguments.count else { return nil }
          value = arguments[i + 1]
          i += 1
        }
        if name == "--format" {
          guard format == nil, let v = value.flatMap(Analyze.Format.init(rawValue:)) else { return nil }
          format = v
        } else {
          guard failOn == nil, let v = value.flatMap(Analyze.FailOn.init(rawValue:)) else { return nil }
          failOn = v
        }
      default:
        // A path: one only, not an option, not standard input, not a word ArgumentParser reads itself.
        guard path == nil, !a.isEmpty, !a.hasPrefix("-"), a != "help" else { return nil }
        path = a
      }
      i += 1
    }
    guard let path else { return nil }
    return AnalyzeLine(format: format ?? .text, failOn: failOn, path: path)
  }

  func run() throws {
    let base = ReadingOptions.analyzer(
      readOptions: ReadOptions(maxBytes: ReadingOptions.defaultMaxBytes, format: nil),
      maxAnalyzedBytes: ReadingOptions.defaultMaxAnalyzedBytes)
    var analyzer = base
    analyzer.templates = try CorpusOptions.library(nil)
    try Analyze.run(paths: [path], format: format, policy: nil, failOn: failOn, analyzer: analyzer)
  }
}

extension SourceFormat: ExpressibleByArgument {}

/// The paths of an `analyze` command line with many of them, taken out before ArgumentParser sees it.
enum AnalyzePaths {
  /// `analyze`'s options that take a value (`--name value` or `--name=value`).
  static let valueOptions: Set<String> = [
    "--format", "--policy", "--fail-on", "--input-format", "--max-bytes", "--max-analyzed-bytes", "--corpus",
  ]

  /// The arguments to parse (the options and the first path, so that every check still runs) and all
  /// the paths in order; nil when the line is not `analyze` with two or more paths, or holds anything
  /// else (`--`, `--help`, an unknown option), which ArgumentParser then parses and reports as usual.
  static func split(_ arguments: [String]) -> (arguments: [String], paths: [String])? {
    guard arguments.count > 2, arguments[0] == "analyze" else { return nil }
    var kept = ["analyze"]
    var paths: [String] = []
    var i = 1
    while i < arguments.count {
      let a = arguments[i]
      if a == "-" || !a.hasPrefix("-") {
        if paths.isEmpty { kept.append(a) }
        paths.append(a)
        i += 1
      } else if let eq = a.firstIndex(of: "="), valueOptions.contains(String(a[..<eq])) {
        kept.append(a)
        i += 1
      } else if valueOptions.contains(a), i + 1 < arguments.count,
        arguments[i + 1] == "-" || !arguments[i + 1].hasPrefix("-")
      {
        kept.append(contentsOf: arguments[i...(i + 1)])
        i += 2
      } else {
        return nil
      }
    }
    return paths.count > 1 ? (kept, paths) : nil
  }
}
