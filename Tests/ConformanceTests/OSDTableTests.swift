import Foundation
import LicenseCheck
import Testing

struct OSDTableTests {
  @Test func coversAllTenCriteriaInOrder() {
    #expect(OSDTable.rules.map(\.criterion) == OSDCriterion.allCases)
    #expect(OSDCriterion.allCases.map(\.id) == (1...10).map { "osd-\($0)" })
    #expect(OSDCriterion.allCases.map(\.number) == Array(1...10))
  }

  @Test func everyTemplateRendersWithAndWithoutParameters() {
    // With no parameters every optional part must fall back, leaving no placeholder behind.
    for rule in OSDTable.rules {
      for condition in rule.failsOn + rule.unknownOn {
        let bare = OSDSentence.render(condition, for: clause(condition.kind))
        #expect(!bare.contains("{") && !bare.contains("[") && !bare.contains("  "), "\(rule.criterion): \(bare)")
      }
    }
  }

  @Test func templateSyntax() {
    let lookup: (String) -> String? = { ["a": "A", "b": "B"][$0] }
    #expect(OSDSentence.fill("x {a} y", lookup) == "x A y")
    #expect(OSDSentence.fill("x[ {a}]", lookup) == "x A")
    #expect(OSDSentence.fill("x[ {c}]", lookup) == "x")
    #expect(OSDSentence.fill("[{c}|none] and [{b}|none]", lookup) == "none and B")
    #expect(OSDSentence.fill("[{a}[ {c}]|none]", lookup) == "A")
  }

  @Test(arguments: [
    (1.0, "1"), (250_000, "250,000"), (700_000_000, "700 million"), (1_500_000_000, "1.5 billion"), (0.25, "0.25"),
  ])
  func numbers(_ value: Double, _ text: String) {
    #expect(OSDSentence.number(value) == text)
  }

  @Test func locations() {
    let a = clause(.usageCap, section: "1.a")
    let b = clause(.usageCap, section: "Section 2")
    let c = clause(.fieldOfUse, section: "4", document: "policy")
    let d = clause(.fieldOfUse, section: "Additional Commercial Terms")
    #expect(OSDSentence.location(of: [a]) == "section 1.a")
    #expect(OSDSentence.location(of: [a, b, a]) == "sections 1.a and 2")
    #expect(OSDSentence.location(of: [c]) == "section 4 of the policy")
    #expect(OSDSentence.location(of: [d]) == "\u{201C}Additional Commercial Terms\u{201D}")
    #expect(OSDSentence.location(of: [clause(.trademark)]) == "")
  }

  /// The mapping table at the end of `shared/spec/clauses.md`: criterion id → the backquoted ids in its
  /// "failed by" column.
  private static func specMapping() throws -> [String: [String]]? {
    guard let corpus = Corpus.root else { return nil }
    let url = corpus.deletingLastPathComponent().appendingPathComponent("spec/clauses.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    var mapping: [String: [String]] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("| `osd-") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard cells.count >= 4 else { continue }
      let idPieces = cells[1].split(separator: "`", omittingEmptySubsequences: false)
      guard idPieces.count >= 2 else { continue }
      let id = String(idPieces[1])
      let failedBy = cells[3].split(separator: "`", omittingEmptySubsequences: false)
      // Odd-numbered pieces are the backquoted ones.
      mapping[id] = stride(from: 1, to: failedBy.count, by: 2).map { String(failedBy[$0]) }
    }
    return mapping
  }

  /// The kinds this project adds to the taxonomy, from the README's table, with the criteria named in
  /// their OSD column (`fails \`osd-6\``).
  static func projectKinds() throws -> [String: [String]] {
    let readme = try String(
      contentsOf: Corpus.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    guard let start = readme.range(of: "### Clause kinds this project adds to the taxonomy") else { return [:] }
    var out: [String: [String]] = [:]
    for line in readme[start.upperBound...].split(separator: "\n") {
      if line.hasPrefix("## ") { break }
      guard line.hasPrefix("| `") else { continue }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false)
      let kind = cells[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      let osd = cells[cells.count - 2]
      let pieces = osd.split(separator: "`", omittingEmptySubsequences: false)
      out[kind] = stride(from: 1, to: pieces.count, by: 2).map { String(pieces[$0]) }.filter { $0.hasPrefix("osd-") }
    }
    return out
  }

  @Test func projectKindsAreDocumentedWithTheirCriteria() throws {
    let added = try Self.projectKinds()
    #expect(
      added.keys.sorted() == [
        "competing-use", "no-modification", "no-redistribution", "product-tie", "production-use", "seat-limit",
        "time-limit",
      ])
    for rule in OSDTable.rules {
      for kind in Set(rule.failsOn.map(\.kind.rawValue)) where added[kind] != nil {
        #expect(added[kind]!.contains(rule.criterion.id), "README: `\(kind)` fails \(rule.criterion.id)")
      }
    }
    for (kind, criteria) in added {
      for c in criteria {
        let row = try #require(OSDTable.rules.first { $0.criterion.id == c })
        #expect(
          row.failsOn.contains { $0.kind.rawValue == kind }, "README says `\(kind)` fails \(c); the table does not")
      }
    }
  }

  @Test(.needsCorpus) func tableMirrorsTheSpecMapping() throws {
    let mapping = try #require(try Self.specMapping(), "shared/spec/clauses.md")
    #expect(mapping.keys.sorted() == OSDCriterion.allCases.map(\.id).sorted())
    for rule in OSDTable.rules {
      let named = try #require(mapping[rule.criterion.id])
      // Every id the spec names for a criterion is in its row: a failing kind, a needed right, or a
      // parameter value a condition tests.
      var known = Set(rule.failsOn.map(\.kind.rawValue))
      known.formUnion(rule.needs.flatMap(\.anyOf).map(\.rawValue))
      if !rule.unknownOn.isEmpty { known.insert("unknown") }  // osd-2: "`unknown` unless the release is described"
      for condition in rule.failsOn {
        if case .mechanism(let m) = condition.test { known.formUnion(m.map(\.rawValue)) }
        if case .mechanismOnly(let m) = condition.test { known.formUnion(m.map(\.rawValue)) }
        if case .consequence(let c) = condition.test { known.formUnion(c.map(\.rawValue)) }
      }
      for id in named {
        #expect(known.contains(id), "\(rule.criterion.id): spec names `\(id)`, table does not")
      }
      // And the row fails on no kind the spec (or the README's added kinds) does not name for that criterion.
      let added = try Self.projectKinds()
      for kind in Set(rule.failsOn.map(\.kind.rawValue)) where added[kind] == nil {
        #expect(named.contains(kind), "\(rule.criterion.id): table fails on `\(kind)`, spec does not")
      }
    }
  }

  @Test func everyKindInTheTableIsInTheTaxonomy() throws {
    let kinds = OSDTable.rules.flatMap { $0.failsOn + $0.unknownOn } + OSDTable.warnings
    for condition in kinds {
      #expect(ClauseKind(rawValue: condition.kind.rawValue) == condition.kind)
    }
  }

  @Test(.needsCorpus) func everyKindInTheTableIsInTheSpec() throws {
    let kinds = OSDTable.rules.flatMap { $0.failsOn + $0.unknownOn } + OSDTable.warnings
    let corpus = try #require(Corpus.root)
    let url = corpus.deletingLastPathComponent().appendingPathComponent("spec/clauses.md")
    let spec = try String(contentsOf: url, encoding: .utf8)
    let added = try Self.projectKinds()
    for condition in kinds where added[condition.kind.rawValue] == nil {
      #expect(spec.contains("| `\(condition.kind.rawValue)` |"), "\(condition.kind.rawValue) is not in clauses.md")
    }
    #expect(Set(OSDTable.warnings.map(\.kind)) == [.unilateralChange, .remoteRestriction, .termination, .timeLimit])
  }
}
