import LicenseCheck
import Testing

/// The criteria (by number) whose verdict is `fail`.
private func failing(_ clauses: [Clause]) -> Set<Int> {
  Set(
    OSDEvaluator.evaluate(clauses).verdicts.enumerated().compactMap { n, v in v.verdict == .fail ? n + 1 : nil })
}

private func verdict(_ number: Int, _ clauses: [Clause]) -> OSDVerdict {
  OSDEvaluator.evaluate(clauses).verdicts[number - 1]
}

struct OSDEvaluatorTests {
  @Test func tenVerdictsInOrderWithExactTitles() {
    let verdicts = OSDEvaluator.evaluate(Fixtures.mitLike).verdicts
    #expect(verdicts.map(\.criterion) == (1...10).map { "osd-\($0)" })
    #expect(
      verdicts.map(\.title) == [
        "Free Redistribution", "Source Code", "Derived Works", "Integrity of The Author's Source Code",
        "No Discrimination Against Persons or Groups", "No Discrimination Against Fields of Endeavor",
        "Distribution of License", "License Must Not Be Specific to a Product",
        "License Must Not Restrict Other Software", "License Must Be Technology-Neutral",
      ])
  }

  @Test func mitLikePassesAllTen() {
    let result = OSDEvaluator.evaluate(Fixtures.mitLike)
    #expect(result.verdicts.allSatisfy { $0.verdict == .pass })
    #expect(result.conformant)
    #expect(result.warnings.isEmpty)
    // Every pass cites the grant it rests on: the rows that pass because nothing restricts cite it too.
    #expect(result.verdicts[0].because == [0])
    #expect(result.verdicts[0].explanation == "Redistribution is granted.")
    #expect(result.verdicts.allSatisfy { $0.because == [0] })
    #expect(result.verdicts.allSatisfy { $0.explanation.hasSuffix(".") && !$0.explanation.contains("{") })
  }

  /// Llama's acceptance is "by clicking … or by using or distributing": the click is one way among acts
  /// of use, as in the OSI-approved CNRI-Python and EUPL texts, so it fails neither osd-7 nor osd-10.
  @Test func llama2LikeFails1_5_6_7_9() throws {
    let clauses = Fixtures.llama2Like
    let result = OSDEvaluator.evaluate(clauses)
    #expect(failing(clauses) == [1, 5, 6, 7, 9])
    #expect(!result.conformant)
    #expect(result.verdicts[1].verdict == .unknown)  // a model licence: source form not described
    #expect(result.verdicts[2].verdict == .pass)
    #expect(result.verdicts[2].because == [1])

    let osd1 = result.verdicts[0]
    #expect(osd1.because == [6])
    #expect(
      osd1.explanation
        == "Licensees above 700 million monthly active users get no rights without a separate licence (section 2).")
    #expect(result.verdicts[4].because == [6])
    #expect(result.verdicts[5].because == [4, 5, 12])
    #expect(
      result.verdicts[5].explanation.contains(
        "The licence bans uses in these fields: weapons, military, illegal activity, critical infrastructure (section 1 of the policy)."
      ))
    #expect(result.verdicts[5].explanation.contains("(https://ai.meta.com/llama/use-policy)"))
    #expect(result.verdicts[5].explanation.contains("it may change from time to time (section 1.b.iv)."))
    #expect(result.verdicts[6].because == [6])
    #expect(result.verdicts[8].because == [5])
    #expect(result.verdicts[8].explanation.contains("other large language models"))
    #expect(result.verdicts[9].verdict == .pass)
    #expect(result.warnings.isEmpty)  // termination on breach or litigation is not a warning
  }

  @Test func clickOnlyAcceptanceFails7And10() {
    var clauses = Fixtures.llama2Like
    clauses[0] = Clause(
      kind: .acceptance, span: clauses[0].span, evidence: clauses[0].evidence,
      parameters: {
        var p = ClauseParameters()
        p.mechanism = [.click]
        return p
      }())
    #expect(failing(clauses) == [1, 5, 6, 7, 9, 10])
    #expect(
      verdict(10, clauses).explanation
        == "The licence must be accepted by clicking, which presumes a particular interface.")
  }

  @Test func llama31LikeFails1_5_6_7() {
    #expect(failing(Fixtures.llama31Like) == [1, 5, 6, 7])
    #expect(verdict(9, Fixtures.llama31Like).verdict == .pass)
    #expect(verdict(4, Fixtures.llama31Like).verdict == .pass)  // naming rules are allowed
  }

  @Test func gemmaLikeFailsOnly6AndWarns() throws {
    let clauses = Fixtures.gemmaLike
    let result = OSDEvaluator.evaluate(clauses)
    #expect(failing(clauses) == [6])
    #expect(result.verdicts[5].because == [4, 11])
    #expect(
      result.verdicts[5].explanation.contains("these fields: illegal activity, malware, disinformation (the policy)."))
    #expect(result.verdicts[6].verdict == .pass)  // acceptance by use is allowed
    #expect(result.verdicts[9].verdict == .pass)
    #expect(result.verdicts[1].verdict == .unknown)
    #expect(result.verdicts[1].because == [4, 6])

    let remote = try #require(result.warnings.first { $0.kind == "remote-restriction" })
    #expect(remote.because == [5])
    #expect(remote.explanation == "The licensor may restrict use of the work remotely or otherwise (section 4.2).")
    let change = try #require(result.warnings.first { $0.kind == "unilateral-change" })
    #expect(change.because == [7])
    #expect(change.explanation.hasPrefix("The licensor may change the use policy at any time"))
    #expect(result.warnings.count == 2)
  }

  @Test func nonCommercialFails1And6() {
    #expect(failing(Fixtures.nonCommercial) == [1, 6])
    let osd1 = verdict(1, Fixtures.nonCommercial)
    #expect(osd1.because == [1])
    #expect(osd1.explanation == "Commercial use is excluded, so the work may not be sold (section 2.a).")
  }

  @Test func copyleftWithOSIAllowedTermsHasNoFailure() {
    let result = OSDEvaluator.evaluate(Fixtures.copyleftLike)
    #expect(failing(Fixtures.copyleftLike).isEmpty)
    #expect(result.verdicts.allSatisfy { $0.verdict == .pass })
    #expect(result.conformant)
    #expect(result.warnings.isEmpty)
  }

  @Test func missingRightIsUnknownNotFail() {
    let clauses = inOrder([clause(.copyrightGrant, section: "1") { $0.rights = [.use, .reproduce] }])
    let result = OSDEvaluator.evaluate(clauses)
    #expect(failing(clauses).isEmpty)
    // An unknown is no evidence: the flag stays false.
    #expect(!result.conformant)
    #expect(result.verdicts[0].verdict == .unknown)
    #expect(result.verdicts[0].because == [0])
    #expect(result.verdicts[0].explanation == "The copyright grant does not mention redistribution (section 1).")
    #expect(result.verdicts[2].explanation.contains("modification and distribution"))
    #expect(result.verdicts[7].verdict == .pass)  // some grant exists
  }

  @Test func noClausesAtAll() {
    let result = OSDEvaluator.evaluate([])
    #expect(result.verdicts.count == 10)
    // Nothing granted: redistribution and modification are withheld; nothing else can pass on absence.
    #expect(
      result.verdicts.map(\.verdict) == [
        .fail, .unknown, .fail, .unknown, .unknown, .unknown, .unknown, .unknown, .unknown, .unknown,
      ])
    #expect(result.verdicts[0].explanation == "No right to redistribute the work is granted.")
    #expect(result.verdicts[2].explanation == "No right to modify the work or distribute derived works is granted.")
    #expect(result.verdicts[4].explanation.hasPrefix("No copyright grant was found"))
    #expect(!result.conformant)
  }

  @Test func failingClauseWinsOverMissingGrant() {
    // A research-only licence that grants no distribution: the restriction decides, with its section.
    let clauses = inOrder([
      clause(.copyrightGrant, section: "1") { $0.rights = [.use] }, clause(.researchOnly, section: "1.c"),
    ])
    let osd1 = verdict(1, clauses)
    #expect(osd1.verdict == .fail)
    #expect(osd1.because == [1])
    #expect(osd1.explanation.hasSuffix("(section 1.c)."))
  }

  @Test func revenueCapAndSeveralThresholds() {
    let clauses = inOrder(
      Fixtures.mitLike + [
        clause(.usageCap, section: "Additional Commercial Terms") {
          $0.metric = .monthlyActiveUsers
          $0.threshold = 1_000_000
          $0.consequence = .separateLicenceRequired
        },
        clause(.usageCap, section: "Additional Commercial Terms") {
          $0.metric = .annualRevenue
          $0.threshold = 10_000_000
          $0.currency = "USD"
          $0.consequence = .separateLicenceRequired
        },
      ])
    let osd5 = verdict(5, clauses)
    #expect(osd5.because == [4, 5])
    #expect(
      osd5.explanation
        == "Licensees above 1 million monthly active users get no rights without a separate licence (\u{201C}Additional Commercial Terms\u{201D}). Licensees above USD 10 million in annual revenue get no rights without a separate licence (\u{201C}Additional Commercial Terms\u{201D})."
    )
  }

  @Test func atWillTerminationWarns() throws {
    let clauses = inOrder(Fixtures.mitLike + [clause(.termination, section: "9") { $0.triggers = [.breach, .atWill] }])
    let result = OSDEvaluator.evaluate(clauses)
    #expect(result.conformant)
    let warning = try #require(result.warnings.first)
    #expect(
      warning
        == AnalysisWarning(
          kind: "termination", because: [4], explanation: "The licensor may end the licence at will (section 9)."))
  }

  /// One extra clause on top of a full grant, and the criteria it alone fails.
  static let conditions: [(Clause, Set<Int>)] = [
    (clause(.nonCommercial), [1, 6]),
    (clause(.researchOnly), [1, 6]),
    (cap(.separateLicenceRequired), [1, 5, 7]),
    (cap(.fee), [1, 5]),
    (cap(.attributionRequired), [5]),
    (cap(nil), [5]),
    (clause(.noReverseEngineering), [2]),
    (clause(.territory) { $0.excluded = ["EU"] }, [5]),
    (clause(.territory) { $0.included = ["United States"] }, [5]),
    (clause(.userRestriction) { $0.who = "sanctioned-parties" }, [5]),
    (clause(.fieldOfUse) { $0.fields = ["surveillance"] }, [6]),
    (clause(.fieldOfUse), [6]),
    (clause(.acceptableUsePolicy), [6]),
    (clause(.outputUse) { $0.scope = "any-model" }, [6, 9]),
    (clause(.hostedService), [6]),
    (clause(.acceptance) { $0.mechanism = [.click] }, [7, 10]),
    (clause(.acceptance) { $0.mechanism = [.signature] }, [7]),
    (clause(.acceptance) { $0.mechanism = [.use, .distribution, .download] }, []),
    (clause(.termination) { $0.triggers = [.breach, .litigation, .atWill] }, []),
    (clause(.shareAlike) { $0.scope = "network" }, []),
    (clause(.naming) { $0.requiredPhrase = "Example" }, []),
    (clause(.flowDown) { $0.what = "acceptable-use-policy" }, []),
    (clause(.unilateralChange) { $0.what = "agreement" }, []),
    (clause(.remoteRestriction), []),
    (clause(.trademark), []),
    (clause(.exportControl), []),
    (clause(.indemnification), []),
    (clause(.outputRights) { $0.owner = "licensee" }, []),
  ]

  private static func cap(_ consequence: CapConsequence?) -> Clause {
    clause(.usageCap) {
      $0.metric = .users
      $0.threshold = 250_000
      $0.consequence = consequence
    }
  }

  @Test(arguments: conditions)
  func eachConditionAloneFailsExactlyItsCriteria(_ extra: Clause, _ expected: Set<Int>) {
    let clauses = inOrder(Fixtures.mitLike + [extra])
    let result = OSDEvaluator.evaluate(clauses)
    #expect(failing(clauses) == expected)
    // Conformant needs ten passes: a model-licence clause leaves osd-2 unknown without failing it.
    #expect(result.conformant == result.verdicts.allSatisfy { $0.verdict == .pass })
    if !expected.isEmpty { #expect(!result.conformant) }
    for v in result.verdicts where v.verdict == .fail {
      #expect(v.because == [clauses.count - 1])
      #expect(!v.explanation.isEmpty && v.explanation.hasSuffix(".") && !v.explanation.contains("{"))
    }
  }

  @Test func capThresholdIsInTheSentence() {
    let clauses = inOrder(Fixtures.mitLike + [Self.cap(.fee)])
    #expect(verdict(1, clauses).explanation == "Licensees above 250,000 users must pay a fee.")
  }

  @Test func analyzerFillsTheVerdicts() throws {
    let document = try DocumentReader.read(
      bytes: Array("Permission is granted to use, copy, modify and distribute this work.\n".utf8), path: "x.txt")
    let analysis = Analyzer().analyze(document)
    #expect(analysis.documentClass?.class == .licence)
    #expect(analysis.osd.count == 10)
    #expect(analysis.osd == OSDEvaluator.evaluate(analysis.clauses).verdicts)
    #expect(analysis.conformance?.status == .conformant)
    #expect(analysis.osdConformant)
  }

  /// A text that grants nothing is never conformant: a proprietary notice fails osd-1 and osd-3, and
  /// `--fail-on osd` exits 1 for it.
  @Test(arguments: [
    "Copyright 2026 Quillfeather Ltd. All rights reserved. You may not copy, modify or distribute this software without our written permission.\n",
    "PROPRIETARY AND CONFIDENTIAL. This software is the property of Harrow Digital. No licence is granted to copy or distribute it.\n",
  ])
  func proprietaryNoticeFails(_ text: String) throws {
    let analysis = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "NOTICE.txt"))
    #expect(analysis.documentClass?.class == .licence)
    #expect(!analysis.osdConformant)
    #expect(analysis.osd.first { $0.criterion == "osd-1" }?.verdict == .fail)
    #expect(analysis.osd.first { $0.criterion == "osd-3" }?.verdict == .fail)
    #expect(!analysis.osd.contains { $0.verdict == .pass })
  }

  /// Texts that are not licences get no OSD table at all, and are never conformant.
  @Test(arguments: [
    "# Tidepool\n\nA small tool to sort photos by date. Install it with make install, then run tidepool --help.\n",
    "#!/bin/sh\nset -e\nfor f in *.txt; do\n  wc -l \"$f\"\ndone\n",
    "Changelog\n\n1.2.0 - Faster start-up. Fixed a crash when the folder is empty.\n1.1.0 - First public release.\n",
  ])
  func nonLicenceIsNotJudged(_ text: String) throws {
    let analysis = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "README.md"))
    #expect(analysis.documentClass?.class == .notALicence)
    #expect(analysis.osd.isEmpty)
    #expect(!analysis.osdConformant)
    #expect(analysis.conformance?.status == .notJudged)
  }

  /// All ten passes on the clauses found are not enough when a restrictive sentence was not understood.
  @Test func unexplainedRestrictionLeavesItUndetermined() throws {
    let text = """
      Permission is granted to use, copy, modify and distribute this work.
      The work may be run only on hardware sold by Brindlecote Instruments.

      """
    let analysis = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
    #expect(!analysis.osdConformant)
    #expect(analysis.conformance?.status == .undetermined)
    #expect(analysis.unexplained.contains { $0.cues.contains("only") && $0.span.line == 2 })
  }

  /// A licence exception leaves the rest of the work under its base licence: "yes" only when that
  /// licence is of an OSI-approved family. "If you do not wish to do so, delete this exception" is a
  /// choice, not a restriction.
  @Test(arguments: [
    ("the GNU General Public License", Optional(OSDConformance.Status.conformant)),
    ("the Quillwort Service Source License", Optional(OSDConformance.Status.undetermined)),
  ])
  func exceptionFollowsItsBaseLicence(_ base: String, _ status: OSDConformance.Status?) throws {
    let text = """
      As a special exception, the copyright holders give you permission to link this program with the
      Tidewater library and to copy and distribute the combination. You must obey \(base) in all
      respects for all of the code used other than Tidewater. You may modify this file and keep this
      permission for your changed version. If you do not wish to keep it, remove this permission from your copy.

      """
    let analysis = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "EXCEPTION"))
    #expect(analysis.conformance?.status == status, "\(analysis.conformance?.reason ?? "")")
    #expect(!analysis.unexplained.contains { $0.text.hasPrefix("If you do not wish") })
  }

  /// A ban that reads like a definition ("… may not be used with boards ("Quill Boards")") is still a
  /// restriction not understood: it keeps the flag from "yes".
  @Test func banShapedLikeADefinitionIsListed() throws {
    let text = """
      Permission is granted to use, copy, modify and distribute this work.

      The hardware may not be used with other boards ("Quill Boards").

      """
    let analysis = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
    #expect(analysis.conformance?.status == .undetermined)
    #expect(analysis.unexplained.contains { $0.cues.contains("may not") })
  }

  /// Honesty about authorship ("the origin … must not be misrepresented; you must not claim that you
  /// wrote the original") restricts no use: a zlib-style text is conformant on its clauses.
  @Test func misrepresentingOriginIsNoRestriction() throws {
    let text = """
      Anyone may use, change and pass on the Quillwort kit for any purpose, free of charge, on these terms:

      1. The origin of the kit must not be misrepresented; you must not claim that you wrote the original kit.

      2. Changed copies of the source must be plainly marked as changed.

      3. This notice must be kept in every copy of the source.

      """
    let analysis = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
    #expect(analysis.conformance?.status == .conformant, "\(analysis.conformance?.reason ?? "")")
    #expect(!analysis.unexplained.contains { $0.cues.contains("must not") })
  }
}
