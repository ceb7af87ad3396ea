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

  /// One JSON line: the bytes `JSONEncoder` writes with sorted keys and unescaped slashes, from the
  /// library's faster encoder.
  static func jsonLine<T: Encodable>(_ value: T) throws -> String { try CompactJSON.line(value) }

  /// ``jsonLine(_:)`` as UTF-8 bytes, newline included, for ``writeStdout(_:)``.
  static func jsonLineBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
    var bytes = try CompactJSON.bytes(value)
    bytes.append(0x0A)
    return bytes
  }

  /// One line per bad input, on stderr, so the other inputs' output stays parseable.
  static func error(_ error: Error) { self.error("\(error)") }

  static func error(_ message: String) {
    FileHandle.standardError.write(Data("licensecheck: error: \(oneLine(message))\n".utf8))
  }

  static func warn(_ message: String) {
    FileHandle.standardError.write(Data("licensecheck: warning: \(oneLine(message))\n".utf8))
  }

  /// A message on one line, escaped, and cut in the middle when an input it quotes is huge.
  static func oneLine(_ message: String, limit: Int = 1_000) -> String {
    let safe = escaped(message, multiline: false)
    guard safe.unicodeScalars.count > limit else { return safe }
    let scalars = Array(safe.unicodeScalars)
    let head = String(String.UnicodeScalarView(scalars[..<(limit / 2)]))
    let tail = String(String.UnicodeScalarView(scalars[(scalars.count - limit / 2)...]))
    return head + " … (\(scalars.count - limit) characters cut) … " + tail
  }

  /// Writes text to stdout without adding a second newline, with control characters escaped
  /// (`escape: false` only for JSON, which escapes its own).
  static func write(_ text: String, escape: Bool = true) {
    let out = escape ? escaped(text, multiline: true, keepStyle: humanStyle.colour) : text
    print(out, terminator: out.hasSuffix("\n") ? "" : "\n")
  }

  /// Text from inputs made safe for a terminal: control characters (C0, DEL, C1) and bidirectional
  /// overrides become visible escapes (`\u{1B}`), so an input cannot move the cursor, retitle the
  /// terminal or split one message into two lines.
  ///
  /// - Parameters:
  ///   - multiline: keep `\n` and `\t` (text reports); messages escape them too.
  ///   - keepStyle: keep colour sequences (`ESC [ digits ; m`), which our own styled output uses.
  static func escaped(_ text: String, multiline: Bool, keepStyle: Bool = false) -> String {
    let scalars = Array(text.unicodeScalars)
    guard scalars.contains(where: { needsEscape($0, multiline: multiline) }) else { return text }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if keepStyle, c == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
        var j = i + 2
        while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
        if j < scalars.count, scalars[j] == "m" {
          out.append(contentsOf: scalars[i...j])
          i = j + 1
          continue
        }
      }
      if multiline, c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
        out.append(c)
      } else if needsEscape(c, multiline: multiline) {
        switch c {
        case "\n": out.append(contentsOf: "\\n".unicodeScalars)
        case "\r": out.append(contentsOf: "\\r".unicodeScalars)
        case "\t": out.append(contentsOf: "\\t".unicodeScalars)
        default: out.append(contentsOf: "\\u{\(String(c.value, radix: 16, uppercase: true))}".unicodeScalars)
        }
      } else {
        out.append(c)
      }
      i += 1
    }
    return String(out)
  }

  static func needsEscape(_ c: Unicode.Scalar, multiline: Bool) -> Bool {
    switch c.value {
    case 0x0A, 0x09: return !multiline
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
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
