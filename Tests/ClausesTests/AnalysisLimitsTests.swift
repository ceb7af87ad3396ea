import Foundation
import Testing

@testable import LicenseCheck

/// The analysis bounds (issue 18): past them the rest of the text is not read, the analysis says so,
/// and nothing it did not read turns into a `pass` or a "conformant".
struct AnalysisLimitsTests {
  /// A permissive text written here, then a ban far below it.
  static let permissive =
    "Permission is hereby granted, free of charge, to any person to use, copy, modify, merge, publish, "
    + "distribute and sell copies of the tool, with or without modification.\n"
    + "The above notice shall be included in all copies.\n\n"
    + "THE TOOL IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND.\n"

  func analyze(_ text: String, _ limits: AnalysisLimits) throws -> LicenseAnalysis {
    Analyzer(limits: limits).analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
  }

  @Test func withinTheLimitsNothingIsCut() throws {
    let a = try analyze(Self.permissive, AnalysisLimits())
    #expect(a.truncated == nil)
    #expect(a.clauses.contains { $0.kind == .copyrightGrant })
  }

  @Test func pastTheByteLimitTheRestIsNotReadAndNothingPasses() throws {
    let filler = String(repeating: "The catalogue lists seeds by colour and season.\n", count: 400)
    let text = Self.permissive + filler + "You may not use the tool in any military application.\n"
    let a = try analyze(text, AnalysisLimits(maxBytes: 4_096))
    let cut = try #require(a.truncated)
    #expect(cut.limit == "bytes")
    #expect(cut.analyzedBytes <= 4_096)
    #expect(cut.totalBytes > 4_096)
    // The ban below the cut is not seen, so nothing may pass on its absence.
    #expect(!a.clauses.contains { $0.kind == .fieldOfUse })
    #expect(a.osd.allSatisfy { $0.verdict != .pass })
    #expect(a.osdConformant == false)
    #expect(a.conformance?.status == .undetermined)
    #expect(TextReport.render(a).contains("Truncated: Only the first"))
    // JSON carries the note.
    let json = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
    #expect(json.contains("\"truncated\""))
  }

  @Test func pastTheSentenceLimitTheCutFollowsTheLastSentence() throws {
    let lines = (1...300).map { "\($0). Grant. You may copy it." }.joined(separator: "\n") + "\n"
    let a = try analyze(lines, AnalysisLimits(maxSentences: 60))
    let cut = try #require(a.truncated)
    #expect(cut.limit == "sentences")
    #expect(cut.lastLine < 300)
    #expect(a.clauses.allSatisfy { $0.span.line <= cut.lastLine })
  }

  /// The byte cut ends at a line break when one is near, and never inside a UTF-8 scalar.
  @Test(arguments: [("ab\ncdé€f", 7, "ab\n"), ("éééé", 3, "é"), ("€€", 4, "€"), ("plain", 3, "pla")])
  func theByteCutIsClean(text: String, bytes: Int, expected: String) {
    #expect(AnalysisLimits.prefix(text, bytes: bytes) == expected)
  }
}
