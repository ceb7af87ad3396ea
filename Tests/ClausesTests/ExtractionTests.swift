import Foundation
import Testing

@testable import LicenseCheck

/// Rules on short texts written here: concepts, negation and parameters.
struct ExtractionTests {
  func clauses(_ text: String) -> [Clause] { ClauseExtractor.extract(from: TokenizedText(text)) }
  func kinds(_ text: String) -> Set<ClauseKind> { Set(clauses(text).map(\.kind)) }

  @Test func usageCapInMonthlyActiveUsers() throws {
    let c = clauses(
      "2. Scale. If the products of the licensee had more than 700 million monthly active users in the preceding "
        + "calendar month, you must request a licence from us, which we may grant in our sole discretion.")
    let cap = try #require(c.first { $0.kind == .usageCap })
    #expect(cap.parameters.threshold == 700_000_000)
    #expect(cap.parameters.metric == .monthlyActiveUsers)
    #expect(cap.parameters.consequence == .separateLicenceRequired)
    #expect(cap.section == "2")
  }

  @Test func usageCapInRevenueWithCurrency() throws {
    let c = clauses(
      "If your organisation earns more than USD $1,000,000 in annual revenue, you must obtain an enterprise "
        + "licence before using the model commercially.")
    let cap = try #require(c.first { $0.kind == .usageCap })
    #expect(cap.parameters.threshold == 1_000_000)
    #expect(cap.parameters.metric == .annualRevenue)
    #expect(cap.parameters.currency == "USD")
  }

  @Test(arguments: [
    ("No trademark licences are granted under these terms.", ClauseKind.trademark, true),
    (
      "You may not alter any copyright notice in the code; use Quillon's trademarks in your program names; or ship the code in malware.",
      ClauseKind.trademark, true
    ),
    ("You may not remove the notices, but you may use the Quillon logo on your site.", ClauseKind.trademark, false),
    ("This licence does not authorize you to use any Quillon name, trademark or logo.", ClauseKind.trademark, true),
    ("This licence does not grant permission to use the trade names or logos of the Licensor.", .trademark, true),
    ("Commercial use is permitted, including in paid products.", .nonCommercial, false),
    ("You may use the model only for non-commercial purposes.", .nonCommercial, true),
    ("This licence places no limit on the number of users you may serve.", .usageCap, false),
    ("You must not reverse engineer or decompile the runtime.", .noReverseEngineering, true),
    ("You agree not to use the outputs to train any other large language model.", .outputUse, true),
    ("You may use outputs for any purpose, including training other models.", .outputUse, false),
  ])
  func negationAndScope(text: String, kind: ClauseKind, present: Bool) {
    #expect(kinds(text).contains(kind) == present, "\(kind) in: \(text)")
  }

  @Test func grantRightsAndFlags() throws {
    let c = clauses(
      "The Licensor grants you a non-exclusive, worldwide, royalty-free licence to use, copy, modify, create "
        + "derivative works of and distribute the Model.")
    let g = try #require(c.first { $0.kind == .copyrightGrant })
    #expect(Set(g.parameters.rights ?? []) == [.use, .reproduce, .modify, .createDerivatives, .distribute])
    #expect(g.parameters.nonExclusive == true)
    #expect(g.parameters.worldwide == true)
    #expect(g.parameters.royaltyFree == true)
    #expect(g.parameters.perpetual == nil)
  }

  /// Conditions listed after a grant are not rights: "reproduce the notice" and "without modification"
  /// in them grant neither reproduction nor modification (a wrong `modify` made a no-modification
  /// licence OSD conformant).
  @Test func conditionListAddsNoRights() throws {
    let c = clauses(
      "Redistribution and use of the package are permitted provided that the following conditions are met:\n"
        + "1. The files stay exactly as shipped.\n"
        + "2. Redistributions must reproduce this notice, without modification, in the documentation.\n")
    let g = try #require(c.first { $0.kind == .copyrightGrant })
    #expect(Set(g.parameters.rights ?? []) == [.use, .distribute])
  }

  /// Passive grants name their rights in participles; a negated subject makes them a ban, and a
  /// contributor's first-person certificate grants the reader nothing.
  @Test(arguments: [
    ("The tables may be copied and redistributed freely.", true),
    ("No portion of this manual may be reproduced, modified or distributed without written consent.", false),
    ("Neither the name of the maker may be used to promote products made with it.", false),
    ("By contributing I certify that I have the right to submit the change under the project licence.", false),
  ])
  func passiveAndDeclaredGrants(text: String, grant: Bool) {
    #expect(kinds(text).contains(.copyrightGrant) == grant)
  }

  @Test func banListBecomesFieldsOfUse() throws {
    let text = """
      Use restrictions. You agree not to use the Model or its derivatives:
      (a) to develop weapons or for military purposes;
      (b) for mass surveillance or facial recognition of individuals;
      (c) to give medical advice without review by a clinician.
      """
    let f = try #require(clauses(text).first { $0.kind == .fieldOfUse })
    let fields = Set(f.parameters.fields ?? [])
    #expect(
      fields.isSuperset(of: ["weapons", "military", "surveillance", "biometric-identification", "medical-advice"]))
  }

  @Test func bansThroughADefinedTerm() throws {
    let text = """
      1. Definitions.
      1.1 "Restricted Uses" means using the Model to build weapons, to run mass surveillance of people, or to \
      generate spam.
      2. Licence. We grant you a licence to use and distribute the Model.
      3. Limits. You shall not engage in any Restricted Use.
      """
    let f = try #require(clauses(text).first { $0.kind == .fieldOfUse })
    #expect(Set(f.parameters.fields ?? []).isSuperset(of: ["weapons", "surveillance", "spam"]))
    #expect(f.section == "3")
  }

  @Test func licenceWithAppendedPolicyIsSplit() {
    let text = """
      1. Grant. We grant you a licence to use and distribute the Model.
      2. Policy. Your use must comply with the Example Acceptable Use Policy, incorporated by reference.

      Example Acceptable Use Policy
      You agree you will not use the Model to:
      1. generate malware or spam;
      2. harass other people.
      """
    let t = TokenizedText(text)
    let segments = ClauseExtractor.segments(of: t)
    #expect(segments.map(\.role) == [.licence, .policy])
    let f = ClauseExtractor.extract(from: t).first { $0.kind == .fieldOfUse }
    let fields = Set(f?.parameters.fields ?? [])
    #expect(fields.isSuperset(of: ["malware", "spam", "harassment"]))
  }

  @Test func governingLawAndVenue() throws {
    let c = clauses(
      "12. Law. These terms are governed by the laws of the State of California. The courts of Santa Clara "
        + "County, California have exclusive jurisdiction.")
    let g = try #require(c.first { $0.kind == .governingLaw })
    #expect(g.parameters.jurisdiction == "California")
    #expect(g.parameters.venue == "Santa Clara County, California")
  }

  /// The section's heading says the law is chosen; the sentence has a venue and "the laws of" only.
  @Test(arguments: [
    "9. Venue and Governing Law. Any suit about this text may be brought only in the courts of the place "
      + "where the Maker lives, and under the laws of that place.",
    "9) Venue and Governing Law\n\nAny suit about this text may be brought only in the courts of the place "
      + "where the Maker lives, and under the laws of that place.",
  ])
  func governingLawFromTheHeading(_ text: String) {
    #expect(kinds(text).contains(.governingLaw))
    #expect(
      !kinds("9. Venue. Any suit may be brought only in the courts where the Maker lives.").contains(.governingLaw))
  }
}

/// Properties every extraction must have, on every corpus text.
struct ExtractionInvariantTests {
  static var corpusTexts: [String] {
    Corpus.files("spdx/test/simpleTestForGenerator", ext: "txt") + Corpus.files("ai", ext: "txt")
      + Corpus.files("ai", ext: "md")
  }

  @Test(.needsCorpus) func evidenceIsAtItsSpanAndClausesAreOrderedAndDeterministic() throws {
    var checked = 0
    for path in Self.corpusTexts {
      let doc = try DocumentReader.read(path: path)
      let t = TokenizedText(doc.text)
      let a = ClauseExtractor.extract(from: t)
      let b = ClauseExtractor.extract(from: t)
      #expect(a == b, "deterministic: \(path)")
      let u = Array(doc.text.utf8)
      var last = -1
      for c in a {
        #expect(c.span.start >= last, "span order: \(path)")
        last = c.span.start
        let at = String(decoding: u[c.span.start..<c.span.end], as: UTF8.self)
        #expect(at.contains(c.evidence), "evidence at span: \(path) \(c.kind)")
        #expect(c.effect == c.kind.effect)
      }
      checked += 1
    }
    #expect(checked > 800)
  }

  @Test(.needsCorpus) func llama31HasItsKeyClauses() throws {
    let doc = try DocumentReader.read(path: Corpus.path("ai/llama3_1.LICENSE.txt"))
    let c = ClauseExtractor.extract(from: TokenizedText(doc.text))
    let cap = try #require(c.first { $0.kind == .usageCap })
    #expect(cap.parameters.threshold == 700_000_000)
    #expect(cap.parameters.consequence == .separateLicenceRequired)
    #expect(cap.section == "2")
    #expect(
      c.contains { $0.kind == .naming && $0.parameters.requiredPhrase == "Llama" && $0.parameters.position == "prefix" }
    )
    #expect(c.contains { $0.kind == .attributionDisplay && $0.parameters.text == "Built with Llama" })
    #expect(c.contains { $0.kind == .trademark })
    #expect(c.contains { $0.kind == .acceptableUsePolicy && $0.parameters.reference?.contains("use-policy") == true })
    #expect(!c.contains { $0.kind == .outputUse }, "Llama 3.1 replaced the output-use ban with a naming rule")
    #expect(c.contains { $0.kind == .governingLaw && $0.parameters.jurisdiction == "California" })
  }
}
