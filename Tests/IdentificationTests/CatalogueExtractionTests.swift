import Foundation
import Testing

@testable import LicenseCheck

/// For every corpus AI text, the clauses extracted agree with the catalogue's reviewed summary.
///
/// A disagreement is a bug in one of them. Catalogue errors are fixed in `licenses/`; extractor
/// misses are listed in ``known``, each with a reason, until the extractor is fixed (then the
/// test fails on the stale exception, so the list only shrinks).
struct CatalogueExtractionTests {
  /// An accepted disagreement: catalogue entry, change, kind, parameter (for `changed`).
  struct Known: Hashable, Sendable {
    let entry: String
    let change: ClauseDifference.Change
    let kind: ClauseKind
    let parameter: String?
    let reason: String

    init(
      _ entry: String, _ change: ClauseDifference.Change, _ kind: ClauseKind, _ parameter: String? = nil,
      _ reason: String
    ) {
      self.entry = entry
      self.change = change
      self.kind = kind
      self.parameter = parameter
      self.reason = reason
    }

    func matches(_ entryID: String, _ d: ClauseDifference) -> Bool {
      entry == entryID && change == d.change && kind == d.kind && parameter == d.parameter
    }
  }

  static let known: [Known] = [
    Known("Llama-1", .changed, .fieldOfUse, "fields", "\"in the service of nuclear technology\" is read as weapons"),
    Known(
      "Llama-1", .added, .territory, nil,
      "use by anyone located in a comprehensively sanctioned jurisdiction is barred (2.e, as fixtures/gold labels it); the catalogue summary predates the reading"
    ),
    Known(
      "Llama-1", .added, .productionUse, nil,
      "the ban on \"commercial or production purposes\" is a production-use clause; the catalogue summary predates the kind"
    ),
    Known(
      "Gemma-PUP-2024-02-21", .changed, .fieldOfUse, "fields", "surveillance (tracking people without consent) missed"),
  ]

  static var entries: [CatalogueEntry] {
    Catalogue.standard.entries.filter { !($0.corpusTexts ?? []).isEmpty }
  }

  @Test(.needsCorpus, arguments: entries.map(\.id)) func extractionAgreesWithCatalogue(_ id: String) throws {
    let entry = try #require(Catalogue.standard.entry(id: id))
    for rel in entry.corpusTexts ?? [] {
      let analysis = try Analyzer(identify: false).analyze(path: Corpus.path(rel))
      var clauses = analysis.clauses
      // A licence file with its use policy appended: only the licence part is the licence.
      let segments = ClauseExtractor.segments(of: TokenizedText(try DocumentReader.read(path: Corpus.path(rel)).text))
      if entry.kind == .license, segments.count > 1 {
        clauses = clauses.filter { segments[0].span.contains($0.span.range) }
      }
      let diffs = ClauseComparison.differences(clauses: clauses, entry: entry)
      for d in diffs where !Self.known.contains(where: { $0.matches(id, d) }) {
        Issue.record(
          "\(id) (\(rel)): \(d.change.rawValue) \(d.kind.rawValue) \(d.parameter ?? "") expected \(d.expected ?? "-") found \(d.found ?? "-") section \(d.section ?? "-") line \(d.line.map(String.init) ?? "-")"
        )
      }
      // A known exception the extraction no longer shows is stale: remove it.
      for k in Self.known where k.entry == id && !diffs.contains(where: { k.matches(id, $0) }) {
        Issue.record("stale known exception: \(k.entry) \(k.change.rawValue) \(k.kind.rawValue)")
      }
    }
  }
}
