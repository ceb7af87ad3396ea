import Foundation
import Testing

@testable import LicenseCheck

/// `CompactJSON` must write exactly what `JSONEncoder` writes with sorted keys and unescaped slashes.
struct CompactJSONTests {
  struct Inner: Codable, Equatable {
    var zeta: Int
    var alpha: String?
    var list: [Double]
  }

  struct Outer: Codable, Equatable {
    var name: String
    var inner: Inner
    var inners: [Inner]
    var flag: Bool
    var optionalNil: String?
    var map: [String: Int]
    var nested: [[String]]
    var empty: [Int]
    var big: UInt64
    var negative: Int64
    var ratio: Double
  }

  static func reference<T: Encodable>(_ v: T) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try e.encode(v), as: UTF8.self)
  }

  static let strings = [
    "", "plain", "quote \" backslash \\ slash / tab \t newline \n return \r", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
    "é ü 中文 🎉 \u{2028} \u{202E}", "a/b/c", "{\"key\": [1, 2]}",
  ]

  @Test(arguments: strings)
  func stringsAsJSONEncoder(s: String) throws {
    #expect(try CompactJSON.line(s) == (try Self.reference(s)))
    #expect(try CompactJSON.line([s: s]) == (try Self.reference([s: s])))
  }

  @Test(arguments: [0.0, 1.0, -1.5, 0.1, 1e-7, 123456789.125, 1e21, 0.30000000000000004, 100.0])
  func doublesAsJSONEncoder(d: Double) throws {
    #expect(try CompactJSON.line([d]) == (try Self.reference([d])))
  }

  @Test func nestedValuesAsJSONEncoder() throws {
    let inner = Inner(zeta: -3, alpha: "x/y", list: [1, 2.5, 1e-9])
    let v = Outer(
      name: "n", inner: inner, inners: [inner, Inner(zeta: 0, alpha: nil, list: [])], flag: false, optionalNil: nil,
      map: ["b": 2, "a": 1, "B": 3, "a1": 4, "a10": 5, "a2": 6], nested: [["x"], [], ["y", "z"]], empty: [],
      big: .max, negative: .min, ratio: 0.75)
    #expect(try CompactJSON.line(v) == (try Self.reference(v)))
    #expect(try CompactJSON.line([v, v]) == (try Self.reference([v, v])))
    let optional: Inner? = nil
    #expect(try CompactJSON.line(optional) == (try Self.reference(optional)))
  }

  @Test func fallsBackForWhatItDoesNotReproduce() throws {
    // Dates and non-finite numbers take JSONEncoder's own path (and its error).
    let date = ["when": Date(timeIntervalSince1970: 0)]
    #expect(try CompactJSON.line(date) == (try Self.reference(date)))
    #expect(throws: (any Error).self) { try CompactJSON.line([Double.nan]) }
  }

  @Test func analysisAsJSONEncoder() throws {
    let text = """
      Permission is hereby granted, free of charge, to any person obtaining a copy of this "software", to deal \
      in it without restriction. You may not use it for military purposes. The software is provided "as is", \
      without warranty of any kind.
      """
    let doc = try DocumentReader.read(bytes: Array(text.utf8), path: "a/LICENSE")
    let analysis = Analyzer().analyze(doc)
    #expect(try CompactJSON.line(analysis) == (try Self.reference(analysis)))
  }

  // `AnalysisJSONLine` writes analyses field by field: it must give JSONEncoder's bytes for every field
  // of every type it writes, so the values below set every optional field, with escapes and numbers.

  static func everyField() -> LicenseAnalysis {
    var p = ClauseParameters()
    p.rights = [.use, .createDerivatives, .distribute]
    p.royaltyFree = true
    p.worldwide = false
    p.perpetual = true
    p.irrevocable = false
    p.nonExclusive = true
    p.nonTransferable = true
    p.limited = false
    p.owner = "licensee"
    p.noticeText = "Copyright \"notice\"\n\t/path"
    p.text = "Built with \u{1F}x"
    p.where = ["website", "user-interface"]
    p.requiredPhrase = "Llama"
    p.position = "prefix"
    p.scope = "file"
    p.what = "agreement"
    p.mechanism = [.click, .download]
    p.metric = .monthlyActiveUsers
    p.threshold = 700_000_000.5
    p.currency = "USD"
    p.consequence = .separateLicenceRequired
    p.reference = "https://example.org/policy"
    p.updatable = true
    p.fields = ["medical"]
    p.excluded = ["EU"]
    p.included = ["US", "CA"]
    p.who = "competitors"
    p.triggers = [.breach, .atWill]
    p.jurisdiction = "Delaware"
    p.venue = "courts of Delaware"
    p.limitType = "trial"
    p.days = 30
    p.unit = "users"
    p.limit = 5
    var whole = ClauseParameters()
    whole.threshold = 1_000_000
    whole.days = 0.5
    let span = ClauseSpan(start: 3, end: 1_234_567, line: 12)
    let clauses = [
      Clause(
        kind: .copyrightGrant, span: span, evidence: "é 中文 🎉 \u{2028}", section: "2.b", document: "policy",
        parameters: p),
      Clause(kind: .usageCap, span: span, evidence: "cap", parameters: whole),
      Clause(kind: .warrantyDisclaimer, span: ClauseSpan(start: 0, end: 0, line: 1), evidence: ""),
    ]
    var segment = IdentifiedSegment(id: "MIT", lineStart: 1, lineEnd: 20, confidence: 0.987654321, method: "similarity")
    segment.declared = "MIT License"
    segment.declaredID = "MIT"
    segment.matchesDeclared = true
    var identification = Identification(
      id: "Apache-2.0", name: "Apache License 2.0", family: "apache", version: "2.0", confidence: 0.1 + 0.2,
      method: "similarity",
      candidates: [IdentificationCandidate(id: "a", confidence: 1), .init(id: "b", confidence: 1e-7)],
      coverage: 0.5)
    identification.segments = [
      segment, IdentifiedSegment(id: "x", lineStart: 0, lineEnd: 0, confidence: 0, method: "m"),
    ]
    identification.differences = [
      ClauseDifference(
        change: .changed, kind: .usageCap, section: "4", parameter: "threshold", expected: "1", found: "2", line: 7),
      ClauseDifference(change: .added, kind: .naming),
    ]
    identification.expression = "Apache-2.0 WITH LLVM-exception"
    identification.alternatives = ["Apache-2.0-x", "Apache-2.0-y"]
    identification.lowConfidence = false
    var a = LicenseAnalysis(
      source: SourceInfo(path: "dir/with \"quotes\"/LICENSE", format: .markdown, bytes: 0, sha256: "ab"),
      identification: identification, clauses: clauses,
      osd: [OSDVerdict(criterion: "osd-1", title: "T", verdict: .fail, because: [0, 1, -2], explanation: "e")],
      warnings: [AnalysisWarning(kind: "termination", because: [2], explanation: "w")], osdConformant: false)
    a.declaredLicense = LicenseDeclaration(
      license: "mit", licenseName: "n", licenseLink: "LICENSE", id: "MIT", name: "MIT License", resolvedBy: "id")
    var dc = DocumentClassification(class: .usePolicy, reason: "r", because: [1], refersTo: "MIT")
    dc.english = false
    a.documentClass = dc
    a.unexplained = [
      UnexplainedSentence(span: span, section: "1.a", cues: ["must", "may not"], text: "You must \\ not."),
      UnexplainedSentence(span: span, section: nil, cues: [], text: ""),
    ]
    a.coverage = NormativeCoverage(normative: 3, explained: 2)
    a.conformance = OSDConformance(status: .notConformant, reason: "why", because: [0])
    a.truncated = AnalysisTruncation(analyzedBytes: 524_288, totalBytes: 1_000_000, lastLine: 9_000, limit: "bytes")
    return a
  }

  @Test func analysisLineWritesEveryFieldAsJSONEncoder() throws {
    let full = Self.everyField()
    #expect(AnalysisJSONLine.bytes(full).map { String(decoding: $0, as: UTF8.self) } == (try Self.reference(full)))
    // And with every optional field left out.
    let bare = LicenseAnalysis(source: SourceInfo(path: "-", format: .text, bytes: -1, sha256: ""))
    #expect(AnalysisJSONLine.bytes(bare).map { String(decoding: $0, as: UTF8.self) } == (try Self.reference(bare)))
  }

  @Test func analysisLineLeavesNonFiniteNumbersToTheEncoder() throws {
    var a = Self.everyField()
    a.identification = Identification(
      id: "x", name: "x", family: nil, version: nil, confidence: .nan, method: "m", candidates: [])
    #expect(AnalysisJSONLine.bytes(a) == nil)
    #expect(throws: (any Error).self) { try CompactJSON.line(a) }
  }

  @Test func analysisLineAsJSONEncoderOnEveryFixture() throws {
    let dir = Corpus.fixture("texts")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(names.count > 10)
    for name in names {
      // Fixtures the reader refuses (an empty file) have no analysis to write.
      guard let doc = try? DocumentReader.read(path: dir + "/" + name) else { continue }
      let analysis = Analyzer().analyze(doc)
      let line = AnalysisJSONLine.bytes(analysis).map { String(decoding: $0, as: UTF8.self) }
      #expect(line == (try Self.reference(analysis)), "\(name)")
    }
  }

  @Test(.needsCorpus) func analysisLineAsJSONEncoderOnTheAILicences() throws {
    for path in Corpus.files("ai", ext: "txt") + Corpus.files("ai", ext: "md") {
      let analysis = Analyzer().analyze(try DocumentReader.read(path: path))
      let line = AnalysisJSONLine.bytes(analysis).map { String(decoding: $0, as: UTF8.self) }
      #expect(line == (try Self.reference(analysis)), "\(path)")
    }
  }

  /// The string writer skips eight bytes at a time: a byte to escape at every offset of a long string.
  @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", " ", "/", "é", "🎉", "\u{2028}"])
  func analysisLineStringsAtEveryOffset(special: String) throws {
    for offset in 0..<20 {
      for tail in [0, 1, 7, 8, 9, 17] {
        let s = String(repeating: "a", count: offset) + special + String(repeating: "z", count: tail) + special
        var w = JSONLineBuffer()
        w.string(s)
        #expect(String(decoding: w.bytes, as: UTF8.self) == (try Self.reference(s)), "\(offset) \(tail)")
      }
    }
  }
}
