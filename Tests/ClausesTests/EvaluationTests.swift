import Foundation
import LicenseCheckEvaluation
import Testing

/// Keeps extraction quality from regressing: the whole gold set, scored as `licensecheck-eval` does.
struct EvaluationTests {
  static let floors = (precision: 0.98, recall: 0.92, parameters: 0.86)

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
    #expect(t.precision >= Self.floors.precision)
    #expect(t.recall >= Self.floors.recall)
    #expect(t.parameterAccuracy >= Self.floors.parameters)
    #expect(ev.evidenceMismatches == 0, "every clause's evidence must be found at its span")
  }

  /// The held-out set (`fixtures/holdout`): licences in styles the rules were not written against.
  /// Lower floors, because it measures how far the rules carry, not how well they fit.
  @Test func heldOutSetMeetsItsFloors() throws {
    let root = Corpus.packageRoot.appendingPathComponent("fixtures/holdout").path
    let ev = try Evaluation.run(goldDirectory: root + "/gold", fixturesRoot: root, corpusRoot: Corpus.root?.path)
    print(ev.report(showMisses: false))
    let t = ev.total
    #expect(ev.documents >= 30)
    #expect(t.precision >= 0.97)
    #expect(t.recall >= 0.78)
    #expect(t.parameterAccuracy >= 0.70)
    #expect(ev.evidenceMismatches == 0)
  }
}
