import Foundation
import LicenseCheck
import Testing

struct CompatibilityTests {
  static let withMatrix = CompatibilityChecker()
  static let derived = CompatibilityChecker(options: CompatibilityOptions(useMatrix: false))

  /// The cells the issue names: the matrix answers, and the derived engine gives the same verdict.
  @Test(arguments: [
    ("Apache-2.0", "GPL-3.0-only", CompatibilityVerdict.compatible),
    ("Apache-2.0", "GPL-2.0-only", .incompatible),
    ("MIT", "GPL-2.0-only", .compatible),
    ("GPL-3.0-only", "MIT", .incompatible),
  ])
  func namedSoftwareCells(inbound: String, outbound: String, verdict: CompatibilityVerdict) {
    let m = Self.withMatrix.check(inbound: inbound, outbound: outbound)
    #expect(m.verdict == verdict)
    #expect(m.basis == .matrix)
    #expect(m.reasons.first?.hasPrefix("OSADL:") == true)
    let d = Self.derived.check(inbound: inbound, outbound: outbound)
    #expect(d.verdict == verdict)
    #expect(d.basis == .derived)
    #expect(!d.reasons.isEmpty)
  }

  @Test func apacheIntoGPL2ExplainsTheFurtherRestrictions() {
    let d = Self.derived.check(inbound: "Apache-2.0", outbound: "GPL-2.0-only")
    #expect(
      d.reasons.contains { $0.contains("termination on patent litigation") && $0.contains("further restrictions") })
  }

  /// AI licences: no published matrix covers them, so the verdicts are derived.
  @Test(arguments: [
    ("Llama-3.1", "Apache-2.0", CompatibilityVerdict.incompatible),
    ("Apache-2.0", "Llama-3.1", .compatible),
    ("Gemma", "GPL-3.0-only", .incompatible),
    ("MIT", "OpenRAIL-M", .compatible),
    ("MIT", "BigScience-OpenRAIL-M", .compatible),
    ("MIT", "CreativeML-OpenRAIL-M", .compatible),
    ("Llama-2", "MIT", .incompatible),
    ("LLaMA-1", "Apache-2.0", .incompatible),
    ("Stability-AI-Community", "GPL-3.0-only", .incompatible),
    ("Tongyi-Qianwen", "MIT", .incompatible),
    ("GPL-3.0-only", "Llama-3.1", .incompatible),
    ("BigScience-OpenRAIL-M", "CreativeML-OpenRAIL-M", .conditional),
  ])
  func aiCases(inbound: String, outbound: String, verdict: CompatibilityVerdict) {
    let r = Self.withMatrix.check(inbound: inbound, outbound: outbound)
    #expect(r.verdict == verdict, "\(r.reasons)")
    #expect(r.basis == .derived)
  }

  @Test func llamaIntoApacheNamesFlowDownNamingAndPolicy() {
    let r = Self.withMatrix.check(inbound: "Llama-3.1", outbound: "Apache-2.0")
    let text = r.reasons.joined(separator: " ")
    #expect(text.contains("flow-down"))
    #expect(text.contains("\"Llama\""))
    #expect(text.contains("acceptable use policy"))
    #expect(text.contains("beside"))
  }

  @Test func identicalLicences() {
    for id in ["Llama-3.1", "MIT", "GPL-2.0-only", "Gemma"] {
      let r = Self.withMatrix.check(inbound: id, outbound: id)
      #expect(r.verdict == .compatible)
      #expect(r.basis == .identical)
    }
    // Deprecated spellings are the same licence.
    #expect(Self.derived.check(inbound: "GPL-2.0+", outbound: "GPL-2.0-or-later").basis == .identical)
  }

  @Test func aggregateModeMakesFlowDownConditional() {
    let checker = CompatibilityChecker(options: CompatibilityOptions(aggregate: true))
    let r = checker.check(inbound: "Llama-3.1", outbound: "Apache-2.0")
    #expect(r.verdict == .conditional)
    #expect(r.reasons.first?.contains("separate component") == true)
    #expect(checker.check(inbound: "MIT", outbound: "Apache-2.0").verdict == .compatible)
  }

  @Test func weakCopyleftIsConditional() {
    let r = Self.derived.check(inbound: "MPL-2.0", outbound: "Apache-2.0")
    #expect(r.verdict == .conditional)
    #expect(r.reasons[0].contains("per file"))
    // MPL-2.0 names the GPL as a Secondary License.
    #expect(Self.derived.check(inbound: "MPL-2.0", outbound: "GPL-3.0-only").verdict == .compatible)
    #expect(Self.derived.check(inbound: "LGPL-2.1-only", outbound: "MIT").verdict == .conditional)
    #expect(Self.derived.check(inbound: "LGPL-2.1-only", outbound: "GPL-2.0-only").verdict == .compatible)
    #expect(Self.derived.check(inbound: "MPL-1.1", outbound: "GPL-2.0-only").verdict == .incompatible)
  }

  // MARK: - Expressions

  @Test func andNeedsEveryTerm() {
    let r = Self.withMatrix.check(inbound: "MIT AND Apache-2.0", outbound: "GPL-2.0-only")
    #expect(r.verdict == .incompatible)
    #expect(r.reasons.allSatisfy { $0.hasPrefix("Apache-2.0 → GPL-2.0-only") })
    #expect(Self.derived.check(inbound: "MIT AND Apache-2.0", outbound: "GPL-3.0-only").verdict == .compatible)
  }

  @Test func orReportsTheAlternative() {
    let r = Self.withMatrix.check(inbound: "(MIT OR GPL-2.0-only) AND Apache-2.0", outbound: "MIT")
    #expect(r.verdict == .compatible)
    #expect(r.alternative == "MIT")
    let g = Self.derived.check(inbound: "(MIT OR GPL-2.0-only) AND Apache-2.0", outbound: "GPL-3.0-only")
    #expect(g.verdict == .compatible)
    #expect(g.alternative == "MIT")
    // Into GPL-2.0-only the Apache-2.0 part blocks whatever is chosen.
    #expect(
      Self.derived.check(inbound: "(MIT OR GPL-2.0-only) AND Apache-2.0", outbound: "GPL-2.0-only").verdict
        == .incompatible)
  }

  @Test func outboundOrMayChooseAnAlternative() {
    let r = Self.derived.check(inbound: "GPL-3.0-only", outbound: "MIT OR GPL-3.0-or-later")
    #expect(r.verdict == .incompatible)  // GPL-3.0-only cannot follow later versions
    let s = Self.derived.check(inbound: "GPL-2.0-only", outbound: "MIT OR GPL-2.0-only")
    #expect(s.verdict == .compatible)
    #expect(s.alternative == "GPL-2.0-only")
    #expect(s.reasons[0].contains("can then not be offered under MIT"))
  }

  @Test func orLaterExpandsToTheVersionsItAllows() {
    for checker in [Self.withMatrix, Self.derived] {
      let r = checker.check(inbound: "GPL-2.0-or-later", outbound: "GPL-3.0-only")
      #expect(r.verdict == .compatible)
      #expect(checker.check(inbound: "GPL-2.0-only", outbound: "GPL-2.0-or-later").verdict == .incompatible)
      #expect(checker.check(inbound: "Apache-2.0", outbound: "GPL-2.0-or-later").verdict == .incompatible)
      #expect(checker.check(inbound: "LGPL-2.1-or-later", outbound: "GPL-3.0-only").verdict == .compatible)
      #expect(checker.check(inbound: "GPL-2.0+", outbound: "GPL-3.0-only").verdict == .compatible)
    }
    let d = Self.derived.check(inbound: "GPL-2.0-or-later", outbound: "GPL-3.0-only")
    #expect(d.alternative == "GPL-3.0-only")
    #expect(d.basis == .derived)
    // A `+` on a non-GNU id expands through the version table.
    #expect(Self.derived.check(inbound: "MPL-1.1+", outbound: "GPL-2.0-only").verdict == .compatible)
  }

  @Test func exceptions() {
    let m = Self.withMatrix.check(inbound: "GPL-2.0-only WITH Classpath-exception-2.0", outbound: "GPL-2.0-only")
    #expect(m.verdict == .compatible)
    #expect(m.basis == .matrix)
    let d = Self.derived.check(inbound: "GPL-2.0-only WITH Classpath-exception-2.0", outbound: "GPL-2.0-only")
    #expect(d.verdict == .compatible)
    // The linking exception makes the copyleft stop at the library.
    let lib = Self.derived.check(inbound: "GPL-2.0-only WITH Classpath-exception-2.0", outbound: "MIT")
    #expect(lib.verdict == .conditional)
    // GPL-only code cannot be offered with an exception it does not have.
    #expect(
      Self.derived.check(inbound: "GPL-2.0-only", outbound: "GPL-2.0-only WITH Classpath-exception-2.0").verdict
        == .incompatible)
    // LLVM-exception lifts the terms GPL-2.0 objects to.
    #expect(
      Self.derived.check(inbound: "Apache-2.0 WITH LLVM-exception", outbound: "GPL-2.0-only").verdict == .compatible)
  }

  @Test func unknownIDsAndBadExpressions() {
    let r = Self.withMatrix.check(inbound: "NoSuchLicence-9", outbound: "MIT")
    #expect(r.verdict == .unknown)
    #expect(r.reasons[0].contains("NoSuchLicence-9"))
    let bad = Self.withMatrix.check(inbound: "MIT AND", outbound: "MIT")
    #expect(bad.verdict == .unknown)
  }

  @Test func matrixUnknownCellsKeepOSADLWording() {
    let r = Self.withMatrix.check(inbound: "GPL-3.0-only", outbound: "AGPL-3.0-only")
    #expect(r.verdict == .unknown)
    #expect(r.basis == .matrix)
    #expect(r.reasons[0].hasPrefix("OSADL: Check dependency"))
    #expect(r.reasons.count == 2)  // and the clause models' opinion
  }

  // MARK: - Paths

  @Test(.needsCorpus) func pathToAnAILicenceText() throws {
    let path = Corpus.path("ai/llama3_1.LICENSE.txt")
    let input = try Self.withMatrix.resolve(path)
    guard case .text(let label, _, let clauses) = input else {
      Issue.record("a path must resolve to a text")
      return
    }
    #expect(label == "llama3_1.LICENSE.txt")
    #expect(!clauses.isEmpty)
    let r = Self.withMatrix.check(inbound: path, outbound: "Apache-2.0")
    #expect(r.inbound == path)
    #expect(r.verdict == .incompatible)
    #expect(r.basis == .derived)
    #expect(r.reasons.contains { $0.contains("usage cap") })
    let back = Self.withMatrix.check(inbound: "MIT", outbound: path)
    #expect(back.verdict == .compatible)
  }

  @Test(.needsCorpus) func pathToAGPLText() throws {
    let path = Corpus.path("ai/gemma-terms-2024-04-01.txt")
    let r = Self.derived.check(inbound: path, outbound: "GPL-3.0-only")
    #expect(r.verdict == .incompatible)
  }

  @Test func textWithoutClausesIsUnknown() {
    let checker = Self.withMatrix
    let r = checker.check(
      .text(label: "notes.txt", id: nil, clauses: []), .expression(.license(LicenseTerm(id: "MIT"))),
      inboundText: "notes.txt", outboundText: "MIT")
    #expect(r.verdict == .unknown)
    #expect(r.reasons[0].contains("No clauses were found in notes.txt"))
  }

  // MARK: - JSON contract

  @Test func jsonShape() throws {
    let r = Self.withMatrix.check(inbound: "Llama-3.1", outbound: "Apache-2.0")
    let data = try JSONEncoder().encode(r)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == 1)
    #expect(object["inbound"] as? String == "Llama-3.1")
    #expect(object["outbound"] as? String == "Apache-2.0")
    #expect(object["verdict"] as? String == "incompatible")
    #expect(object["basis"] as? String == "derived")
    #expect((object["reasons"] as? [String])?.isEmpty == false)
    #expect(object["alternative"] == nil)
    let back = try JSONDecoder().decode(CompatibilityResult.self, from: data)
    #expect(back == r)
  }

  @Test func table() {
    let t = CompatibilityTable(licences: ["MIT", "GPL-2.0-only", "Llama-3.1"], checker: Self.withMatrix)
    #expect(t.results.count == 3)
    #expect(CompatibilityTable.cell(t.results[1][0]) == "yes")  // MIT into GPL-2.0-only, from the matrix
    #expect(CompatibilityTable.cell(t.results[0][2]) == "no*")  // Llama-3.1 into MIT, derived
    #expect(CompatibilityTable.cell(t.results[2][2]) == "same")
    #expect(t.markdown.hasPrefix("| outbound \\ inbound | MIT | GPL-2.0-only | Llama-3.1 |"))
    #expect(t.csv.split(separator: "\r\n").count == 4)
    #expect(t.html.contains("<td class=\"incompatible derived\""))
  }
}
