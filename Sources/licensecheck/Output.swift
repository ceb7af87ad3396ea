import ArgumentParser
import Foundation
import LicenseCheck

/// Printing shared by the commands: JSON encoders, stderr lines, terminal detection.
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

  /// One line per bad input, on stderr, so the other inputs' output stays parseable.
  static func error(_ error: Error) { self.error("\(error)") }

  static func error(_ message: String) {
    FileHandle.standardError.write(Data("licensecheck: error: \(message)\n".utf8))
  }

  static func warn(_ message: String) {
    FileHandle.standardError.write(Data("licensecheck: warning: \(message)\n".utf8))
  }

  /// Writes text to stdout without adding a second newline.
  static func write(_ text: String) {
    print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
  }

  /// Colour only for a person at a terminal: stdout is a TTY and `NO_COLOR` is unset or empty. Long lines
  /// wrap to the terminal's width only on a TTY, never in pipes or files.
  static var humanStyle: TextStyle {
    let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let tty = isatty(STDOUT_FILENO) == 1
    return TextStyle(colour: tty && !noColour, width: tty ? terminalWidth : nil)
  }

  /// The terminal's columns (`TIOCGWINSZ`), else `$COLUMNS`, else 80.
  static var terminalWidth: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
    return 80
  }

  /// Whether a progress bar may be drawn: stderr is a terminal.
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Reads and analyses several inputs, reporting each bad one on stderr and carrying on.
struct Inputs {
  let analyzer: Analyzer
  var policy: Document? = nil

  /// Analyses each path, calling `each` in input order; returns whether any input failed.
  func analyze(_ paths: [String], each: (LicenseAnalysis) throws -> Void) rethrows -> Bool {
    var failed = false
    for path in paths {
      let document: Document
      do {
        document = try DocumentReader.read(path: path, options: analyzer.readOptions)
      } catch {
        failed = true
        Output.error(error)
        continue
      }
      for w in document.warnings { Output.warn("\(path): \(w.message)") }
      try each(analyzer.analyze(document, policy: policy))
    }
    return failed
  }

  /// All analyses of the good inputs, and whether any input failed.
  func analyzeAll(_ paths: [String]) -> (analyses: [LicenseAnalysis], failed: Bool) {
    var out: [LicenseAnalysis] = []
    let failed = analyze(paths) { out.append($0) }
    return (out, failed)
  }
}
