import Foundation
import Testing

@testable import LicenseCheckEvaluation

/// Keeps extraction quality from regressing: the whole gold set, scored as `licensecheck-eval` does.
struct EvaluationTests {
  /// The targets of the extraction issue (precision 0.98, recall 0.97, parameters 0.97) on the whole
  /// gold set; without the corpus only the own texts are scored, against the older floors.
  static let floors = (precision: 0.98, recall: 0.97, parameters: 0.97)
  static let ownTextFloors = (precision: 0.98, recall: 0.92, parameters: 0.86)

  @Test func goldSetMeetsTheFloors() throws {
    let corpus = Corpus.root?.path
    if corpus == nil {
      #expect(!Corpus.required, "CI must run the evaluation against ../shared/corpus")
    }
    let ev = try Evaluation.run(
      goldDirectory: Corpus.fixture("gold"), fixturesRoot: Corpus.packageRoot.appendingPathComponent("fixtures").path,
      corpusRoot: corpus)
    print(ev.report(showMisses: false))
    let t = ev.total
    #expect(ev.documents >= (corpus == nil ? 50 : 100))
    let floors = corpus == nil ? Self.ownTextFloors : Self.floors
    #expect(t.precision >= floors.precision)
    #expect(t.recall >= floors.recall)
    #expect(t.parameterAccuracy >= floors.parameters)
    #expect(ev.evidenceMismatches == 0, "every clause's evidence must be found at its span")
  }

  /// The held-out sets (`fixtures/holdout`, `fixtures/holdout2`, `fixtures/holdout3`): licences in
  /// styles the rules were not written against (holdout2 and holdout3 were written without reading
  /// the rules; their first, blind scores were 0.961 / 0.823 / 0.803 and 0.937 / 0.827 / 0.798). Lower floors, because they measure how far the
  /// rules carry, not how well they fit.
  @Test(arguments: [
    ("fixtures/holdout", 30, 0.98, 0.88, 0.80),
    ("fixtures/holdout2", 24, 0.98, 0.92, 0.88),
    ("fixtures/holdout3", 20, 0.98, 0.80, 0.78),
  ])
  func heldOutSetMeetsItsFloors(
    _ folder: String, _ documents: Int, _ precision: Double, _ recall: Double, _ parameters: Double
  ) throws {
    try Self.expectFloors(folder, documents, precision, recall, parameters)
  }

  /// Scores `folder` and checks its size, precision, recall and parameter floors, that every evidence
  /// quote sits at its span, and, when asked, that no wrong "yes" is left.
  static func expectFloors(
    _ folder: String, _ documents: Int, _ precision: Double, _ recall: Double, _ parameters: Double,
    noWrongYes: Bool = false
  ) throws {
    let ev = try evaluate(folder)
    let t = ev.total
    #expect(ev.documents >= documents)
    #expect(t.precision >= precision)
    #expect(t.recall >= recall)
    #expect(t.parameterAccuracy >= parameters)
    #expect(ev.evidenceMismatches == 0)
    if noWrongYes { #expect(ev.wrongYes == 0) }
  }

  /// Real licence texts labelled blind (`fixtures/real`, 105 ScanCode texts; first score 0.934 / 0.726 /
  /// 0.609, OSD agreement 0.823, 37 wrong "yes"). The floors hold what the work since has reached, and
  /// no wrong "yes" may come back above the one the gold set still has.
  @Test(.needsCorpus)
  func realGoldMeetsItsFloors() throws {
    let ev = try Self.evaluate("fixtures/real")
    let t = ev.total
    #expect(ev.documents >= 105)
    #expect(t.precision >= Self.realFloors.precision)
    #expect(t.recall >= Self.realFloors.recall)
    #expect(t.parameterAccuracy >= Self.realFloors.parameters)
    #expect(Double(ev.osdAgreements) / Double(max(1, ev.osdJudged)) >= Self.realFloors.osd)
    #expect(ev.wrongYes <= Self.realFloors.wrongYes)
    #expect(ev.evidenceMismatches == 0)
  }

  /// Fresh blind sets of real texts (`fixtures/holdout4`, 24 ScanCode texts, blind score 0.889 / 0.805 /
  /// 0.730 with one wrong "yes"; `fixtures/holdout5`, 28 texts, blind 0.871 / 0.793 / 0.685 with one
  /// wrong "yes"; `fixtures/holdout6`, 30 texts, blind 0.921 / 0.830 / 0.730, no wrong "yes";
  /// `fixtures/holdout7`, 30 texts, blind 0.938 / 0.733 / 0.642, no wrong "yes"). Held out: floors
  /// only guard against regressions, and no wrong "yes" may come back.
  @Test(
    .needsCorpus,
    arguments: [
      ("fixtures/holdout4", 24, 0.86, 0.78, 0.70),
      // Its labellers also list grants the reader makes (a CLA's, a site's terms) as `copyright-grant`,
      // which the tool does not read as grants to the reader: about 16 parameters.
      ("fixtures/holdout5", 28, 0.85, 0.77, 0.66),
      ("fixtures/holdout6", 30, 0.92, 0.81, 0.71),
      ("fixtures/holdout7", 30, 0.92, 0.71, 0.62),
      // Labelled with the two ban kinds in the guide (blind at 831be7a: 0.948 / 0.774 / 0.660).
      ("fixtures/holdout8", 30, 0.93, 0.76, 0.64),
    ])
  func freshBlindSetMeetsItsFloors(
    _ folder: String, _ documents: Int, _ precision: Double, _ recall: Double, _ parameters: Double
  ) throws {
    try Self.expectFloors(folder, documents, precision, recall, parameters, noWrongYes: true)
  }

  /// How a gold parameter is compared with the tool's: enumerated terms exactly after folding case,
  /// separators and plurals; free-text values (names, places, persons) by one side's words occurring
  /// in order inside the other's; never on a common word alone.
  @Test(arguments: [
    ("where", #""advertising materials""#, #"["advertising-materials"]"#, true),
    ("where", #""GUI""#, #"["user-interface", "gui"]"#, true),
    ("venue", #""San Francisco""#, #""San Francisco, California""#, true),
    ("venue", #""Santa Clara County""#, #""California""#, false),
    ("who", #""sanctioned parties and restricted-party-list entries""#, #""sanctioned-parties""#, true),
    ("who", #""sanctioned parties""#, #""competitors""#, false),
    ("who", #""any of the above""#, #""other""#, false),
    ("scope", #""work""#, #""network""#, false),
    ("scope", #""works""#, #""work""#, true),
    ("mechanism", #"["click"]"#, #"["use"]"#, false),
    ("mechanism", #"["download", "use"]"#, #"["use", "download", "click"]"#, true),
    ("rights", #"["use", "reproduce"]"#, #"["use"]"#, false),
    ("threshold", "700000000", "700000000", true),
    ("threshold", "700000000", "70000000", false),
  ])
  func parameterMatching(_ key: String, _ gold: String, _ got: String, _ expected: Bool) throws {
    func json(_ s: String) throws -> Any {
      try JSONSerialization.jsonObject(with: Data(s.utf8), options: .fragmentsAllowed)
    }
    #expect(try Evaluation.found(json(gold), key: key, in: [[key: json(got)]]) == expected, "\(key): \(gold) vs \(got)")
  }

  /// Scores a fixture folder's gold (its `gold/` against its texts and the corpus) and prints the report.
  static func evaluate(_ folder: String) throws -> Evaluation {
    let root = Corpus.packageRoot.appendingPathComponent(folder).path
    let ev = try Evaluation.run(goldDirectory: root + "/gold", fixturesRoot: root, corpusRoot: Corpus.root?.path)
    print(ev.report(showMisses: false))
    return ev
  }

  static let realFloors = (
    precision: 0.965, recall: 0.85, parameters: 0.75, osd: 0.85, wrongYes: 0
  )
}
