import Foundation
import Testing

@testable import LicenseCheck

/// Changes that do not change meaning must not change the clauses: curly quotes, HTML wrapping, tabs,
/// reflowed lines, one paragraph in capitals. Run on every text this project wrote (fixtures), and on a
/// sample of the shared corpus when it is there. `scripts/metamorphic.py` runs the same checks over the
/// whole corpus and reports the counts (README, "Limits").
struct MetamorphicTests {
  static func ownTexts() -> [String] {
    let root = Corpus.packageRoot.appendingPathComponent("fixtures").path
    var out: [String] = []
    for folder in ["texts", "holdout/texts", "holdout2/texts", "holdout3/texts"] {
      let dir = root + "/" + folder
      for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".txt") {
        out.append(dir + "/" + name)
      }
    }
    return out.sorted()
  }

  static func paragraphs(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }

  /// A line that starts a list item or a numbered section keeps its line break when reflowing.
  static func startsItem(_ line: Substring) -> Bool {
    let t = line.drop { $0 == " " || $0 == "\t" }
    guard let first = t.first else { return false }
    // The bullets the tool reads as list markers (see `LinePass.bullets` and the tokeniser's `•`).
    if "-*+•·▪●◦§(".contains(first) || t.hasPrefix("o ") { return true }
    let head = t.prefix { !$0.isWhitespace }
    if head.count <= 8, let last = head.last, ".)".contains(last),
      head.dropLast().allSatisfy({ $0.isNumber || $0 == "." || $0.isLetter })
    {
      return head.dropLast().count <= 4 || head.dropLast().allSatisfy { $0.isNumber || $0 == "." }
    }
    return t.lowercased().hasPrefix("section ") || t.lowercased().hasPrefix("article ")
  }

  static func isHeading(_ line: Substring) -> Bool {
    let t = line.trimmingCharacters(in: .whitespaces)
    guard let last = t.last, !".,;:".contains(last) else { return false }
    return t.split(separator: " ").count <= 8
  }

  static func reflow(_ text: String) -> String {
    paragraphs(text).map { p in
      var out = ""
      let lines: [Substring] = p.split(separator: "\n", omittingEmptySubsequences: false)
      for (i, line) in lines.enumerated() {
        // A heading line (short, no closing punctuation) keeps its break, as an editor's reflow does.
        if i > 0 { out += startsItem(line) || isHeading(lines[i - 1]) ? "\n" : " " }
        out += line.trimmingCharacters(in: .whitespaces)
      }
      return out
    }.joined(separator: "\n\n") + "\n"
  }

  static func curlyQuotes(_ text: String) -> String {
    var out = ""
    var opening = true
    for ch in text {
      switch ch {
      case "\"":
        out.append(opening ? "\u{201C}" : "\u{201D}")
        opening.toggle()
      case "'": out.append("\u{2019}")
      default: out.append(ch)
      }
    }
    return out.replacingOccurrences(of: " - ", with: " \u{2013} ")
  }

  static func html(_ text: String) -> String {
    func escape(_ s: String) -> String {
      s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }
    let body = paragraphs(text).map { "<p>" + escape($0).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>" }
    return "<!DOCTYPE html><html><head><title>Licence</title></head><body>\n" + body.joined(separator: "\n")
      + "\n</body></html>\n"
  }

  static func tabs(_ text: String) -> String {
    let lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.map { (line: Substring) -> String in
      let spaces = line.prefix { $0 == " " }.count
      return String(repeating: "\t", count: spaces / 4) + String(repeating: " ", count: spaces % 4)
        + String(line.dropFirst(spaces))
    }.joined(separator: "\n")
  }

  static func capitals(_ text: String) -> String? {
    var ps = paragraphs(text)
    guard ps.count >= 3 else { return nil }
    ps[ps.count / 2] = ps[ps.count / 2].uppercased()
    return ps.joined(separator: "\n\n") + "\n"
  }

  static func clauses(_ text: String, path: String) throws -> Set<String> {
    let doc = try DocumentReader.read(bytes: Array(text.utf8), path: path)
    return Set(
      ClauseExtractor.extract(from: TokenizedText(doc.text, skippingCommentLeaders: true)).map(\.kind.rawValue))
  }

  /// The kinds found in each own text survive each change: all five hold on every text this project
  /// wrote (the corpus-wide counts, with the texts left and why, are in the README's Limits).
  @Test(arguments: [("quotes", 0), ("html", 0), ("tabs", 0), ("reflow", 0), ("capitals", 0)])
  func ownTextsKeepTheirClauses(_ change: String, _ allowed: Int) throws {
    var broken: [String] = []
    let texts = Self.ownTexts()
    #expect(texts.count >= 100)
    for path in texts {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let variant: String?
      var name = "x.txt"
      switch change {
      case "quotes": variant = Self.curlyQuotes(text)
      case "html":
        variant = Self.html(text)
        name = "x.html"
      case "tabs": variant = Self.tabs(text)
      case "reflow": variant = Self.reflow(text)
      default: variant = Self.capitals(text)
      }
      // Broken-input fixtures (empty, binary) have nothing to compare.
      guard let variant, let before = try? Self.clauses(text, path: "x.txt") else { continue }
      let after = try Self.clauses(variant, path: name)
      if before != after {
        broken.append(
          "\((path as NSString).lastPathComponent): lost \(before.subtracting(after).sorted()) gained \(after.subtracting(before).sorted())"
        )
      }
    }
    #expect(broken.count <= allowed, "\(change): \(broken.joined(separator: "; "))")
  }

  /// A sample of the shared corpus (every 25th text): curly quotes, HTML wrapping and tabs change nothing.
  @Test(.needsCorpus, arguments: ["quotes", "html", "tabs"])
  func corpusSampleKeepsItsClauses(_ change: String) throws {
    let files = Corpus.files("spdx/test/simpleTestForGenerator", ext: "txt") + Corpus.files("ai", ext: "txt")
    var broken: [String] = []
    for path in stride(from: 0, to: files.count, by: 25).map({ files[$0] }) {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let variant =
        switch change {
        case "quotes": Self.curlyQuotes(text)
        case "tabs": Self.tabs(text)
        default: Self.html(text)
        }
      if try Self.clauses(text, path: "x.txt") != Self.clauses(variant, path: change == "html" ? "x.html" : "x.txt") {
        broken.append((path as NSString).lastPathComponent)
      }
    }
    #expect(broken.isEmpty, "\(change): \(broken)")
  }
}
