import Foundation
import LicenseCheck
import Testing

/// The small things a reader notices: plurals, titles, honest warnings, wrapping, caps on long lists.
struct TextDetailTests {
  static let example = "fixtures/examples/heron-model/LICENSE"

  @Test func explainNamesAnUnknownLicenceByItsTitle() throws {
    let r = try CLI.run(["explain", Self.example])
    #expect(r.stdout.hasPrefix("HERON OPEN WEIGHTS LICENCE  (\(Self.example))"))
    let json = try CLI.run(["explain", "--format", "json", Self.example])
    let object = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
    #expect(object["licence"] as? String == "HERON OPEN WEIGHTS LICENCE")
  }

  /// "continued use means acceptance" only when the text says so.
  @Test func unilateralChangeClaimsAcceptanceOnlyWhenTheTextDoes() throws {
    let silent = try Analyzer().analyze(path: Corpus.fixture("examples/heron-model/LICENSE"))
    let warning = try #require(silent.warnings.first { $0.kind == "unilateral-change" })
    #expect(!warning.explanation.contains("continued use"))
    #expect(!Explanation(silent).text().contains("continuing to use"))
    let text = """
      1. Grant. You may use, copy and distribute the model.
      2. Changes. We may change these terms at any time. Changes take effect when posted, and your continued \
      use of the model after that means you accept them.
      """
    let said = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "t.txt"))
    let change = try #require(said.warnings.first { $0.kind == "unilateral-change" })
    #expect(change.explanation.contains("continued use means acceptance"), "\(said.clauses.map(\.kind))")
  }

  @Test func orLaterInboundExplainsEveryVersion() throws {
    let r = try CLI.run(["compat", "GPL-2.0+", "MIT"])
    #expect(r.stdout.contains("GPL-2.0-only is copyleft"))
    #expect(r.stdout.contains("GPL-3.0-only is copyleft"))
  }

  @Test func diffExitCode() throws {
    let same = try CLI.run(["diff", "--exit-code", Self.example, Self.example])
    #expect(same.status == 0)
    let other = try CLI.run(["diff", "--exit-code", Self.example, "fixtures/scan/mislabelled/LICENSE"])
    #expect(other.status == 1)
    #expect(!other.stdout.isEmpty)
    let plain = try CLI.run(["diff", Self.example, "fixtures/scan/mislabelled/LICENSE"])
    #expect(plain.status == 0, "without --exit-code a difference is not an error")
  }

  @Test func wrappingOnlyWithAWidth() {
    let text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    #expect(TextStyle.plain.fit(text, start: 10, indent: 10) == text)
    let wrapped = TextStyle(width: 40).fit(text, start: 10, indent: 10)
    let lines = wrapped.split(separator: "\n")
    #expect(lines.count > 1)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 10)) && $0.count <= 40 })
    #expect(wrapped.replacingOccurrences(of: "\n" + String(repeating: " ", count: 10), with: " ") == text)
  }

  @Test func pipesAreNeverWrapped() throws {
    let r = try CLI.run(["analyze", Self.example], environment: ["COLUMNS": "60"])
    #expect(r.stdout.split(separator: "\n").contains { $0.count > 120 })
  }

  /// Many clauses behind one verdict: the text names five and counts the rest; the JSON keeps them all.
  @Test func longReferenceListsAreCut() throws {
    var text = "1. Grant. You may use, copy, modify and distribute the model.\n"
    for n in 2...40 {
      text += "\(n). Cap. If your services have more than \(n) million monthly active users, you must request a "
      text += "separate licence from us.\n"
    }
    let analysis = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "big.txt"))
    let osd1 = try #require(analysis.osd.first { $0.criterion == "osd-1" })
    #expect(osd1.because.count >= 30)
    let report = TextReport.render(analysis)
    let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("osd-1 ") })
    #expect(line.contains(" more]"))
    #expect(line.components(separatedBy: "#").count - 1 == 5)
    #expect(line.contains("more"), "the section list is cut too: \(line)")
    #expect(line.count < 700)
    #expect(line.contains("more clauses say much the same"))
  }
}
