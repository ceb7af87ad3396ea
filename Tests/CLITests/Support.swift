import Foundation
@_exported import TestSupport
import Testing

@Test func corpusIsPresentWhenRequired() {
  if Corpus.required {
    #expect(Corpus.available, "CI must have ../shared/corpus beside the package")
  } else if !Corpus.available {
    print("note: ../shared/corpus not found; corpus tests are skipped on this machine")
  }
}

/// Runs the built `licensecheck` executable, as swift-argument-parser's example tests do: the
/// binary sits next to the test bundle in the build products folder.
enum CLI {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Standard output as bytes, for JSONSerialization.
    var data: Data { Data(stdout.utf8) }
  }

  /// The executable: `$LICENSECHECK_BIN`, else `licensecheck` in the products folder.
  static var executable: URL? {
    if let env = ProcessInfo.processInfo.environment["LICENSECHECK_BIN"] {
      return URL(fileURLWithPath: env)
    }
    var candidates: [URL] = []
    let bundle = Bundle.main.bundleURL
    candidates.append(bundle)
    candidates.append(bundle.deletingLastPathComponent())
    if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
    for argument in CommandLine.arguments.prefix(1) {
      candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
    }
    for dir in candidates {
      let url = dir.appendingPathComponent("licensecheck")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return url
      }
    }
    return nil
  }

  /// Runs the tool from the package root with `arguments`, feeding `stdin`; colour is off
  /// (stdout is a pipe anyway) and `NO_COLOR` is set unless `environment` says otherwise.
  static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws
    -> Result
  {
    let exe = try #require(executable, "build the licensecheck executable first (swift build)")
    let process = Process()
    process.executableURL = exe
    process.arguments = arguments
    process.currentDirectoryURL = Corpus.packageRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self))
  }

  /// Corpus file path, relative to the package root, or nil when the corpus is missing here.
  static func corpus(_ relative: String) -> String? {
    Corpus.available ? Corpus.path(relative) : nil
  }
}

/// Corpus paths for a test marked `.needsCorpus` (it is skipped without the corpus).
func corpusPaths(_ relative: String...) -> [String] { relative.map(Corpus.path) }

/// A tiny checker that tags are balanced: every opened element is closed in order (void elements
/// excepted), and no raw `<` or `>` is left in text or attribute values.
enum HTMLCheck {
  static let void: Set<String> = ["meta", "br", "hr", "img", "link", "input", "col", "area", "base", "wbr", "source"]

  /// Nil when well formed, else what is wrong.
  static func problem(_ html: String) -> String? {
    var stack: [String] = []
    let b = Array(html.utf8)
    var i = 0
    while i < b.count {
      if b[i] == UInt8(ascii: ">") { return "stray > at byte \(i)" }
      guard b[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      var j = i + 1
      var quote: UInt8? = nil
      while j < b.count {
        if let q = quote {
          if b[j] == q {
            quote = nil
          } else if b[j] == UInt8(ascii: "<") {
            return "raw < inside an attribute at byte \(j)"
          }
        } else if b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
          quote = b[j]
        } else if b[j] == UInt8(ascii: ">") {
          break
        } else if b[j] == UInt8(ascii: "<") {
          return "unclosed tag at byte \(i)"
        }
        j += 1
      }
      guard j < b.count else { return "unterminated tag at byte \(i)" }
      let inner = String(decoding: b[(i + 1)..<j], as: UTF8.self)
      i = j + 1
      if inner.hasPrefix("!") { continue }
      let closing = inner.hasPrefix("/")
      let name = String((closing ? inner.dropFirst() : inner[...]).prefix { $0.isLetter || $0.isNumber }).lowercased()
      if closing {
        guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
        stack.removeLast()
      } else if !void.contains(name), !inner.hasSuffix("/") {
        stack.append(name)
        // Raw text elements: skip to their end tag.
        if name == "style" || name == "script" {
          let end = Array("</\(name)>".utf8)
          var k = i
          while k + end.count <= b.count, Array(b[k..<(k + end.count)]) != end { k += 1 }
          i = k
        }
      }
    }
    return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: ">, <"))>"
  }

  /// How many times `<tag` opens (`<tr>`, `<tr class=…>`).
  static func count(_ tag: String, in html: String) -> Int {
    html.components(separatedBy: "<\(tag)>").count - 1 + html.components(separatedBy: "<\(tag) ").count - 1
  }
}

/// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVParse {
  static func records(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    let chars = Array(text.unicodeScalars)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      i += 1
      if quoted {
        if c != "\"" {
          field.unicodeScalars.append(c)
        } else if i < chars.count, chars[i] == "\"" {
          field.unicodeScalars.append("\"")
          i += 1
        } else {
          quoted = false
        }
        continue
      }
      switch c {
      case "\"": quoted = true
      case ",":
        record.append(field)
        field = ""
      case "\r", "\n":
        if c == "\r", i < chars.count, chars[i] == "\n" { i += 1 }
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
