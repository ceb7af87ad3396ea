import Foundation
import Testing

@testable import LicenseCheck

/// Phrasings that real commercial, contributor and data licences use for venues, acceptance, terms,
/// change dates, seat counts and competing products. Sentences written here, in those licences'
/// styles (not their words), each with a trap that names the idea without the clause.
struct RealTextParametersTests {
  func clauses(_ text: String) -> [Clause] { ClauseExtractor.extract(from: TokenizedText(text)) }
  func kinds(_ text: String) -> Set<ClauseKind> { Set(clauses(text).map(\.kind)) }

  // MARK: governing-law venue

  @Test(arguments: [
    // The venue a few sentences after the law.
    (
      "This agreement is construed under the law of Austria. Disputes are settled under that law without its "
        + "conflict rules. The sales convention does not apply. The exclusive venue for both parties shall be "
        + "Graz, Austria.", "Graz, Austria"
    ),
    // The place after the verb that follows a venue word.
    (
      "This deed is governed by Dutch law. The exclusive place of jurisdiction for every dispute about the "
        + "meaning of this Deed is Utrecht.", "Utrecht"
    ),
    // An arbitral institution's rules are not a place; the seat is.
    (
      "This agreement is governed by the laws of Norway. Any dispute shall be finally settled by arbitration in "
        + "accordance with the Arbitration Rules of the Oslo Chamber of Commerce. The seat of arbitration shall "
        + "be Bergen, Norway.", "Bergen, Norway"
    ),
    // A language before the city.
    (
      "This agreement is governed by the laws of the State of Oregon. Any dispute shall be resolved by binding "
        + "arbitration under the rules of a recognised body. The arbitration shall be conducted in the English "
        + "language in Portland, Oregon.", "Portland, Oregon"
    ),
    // The venue word wins over the court's state.
    (
      "This licence is governed by the laws of the State of Ohio. Any suit is subject to the exclusive "
        + "jurisdiction of the courts of the State of Ohio, with venue lying exclusively in Franklin County, Ohio.",
      "Franklin County, Ohio"
    ),
    // A court named by its country's adjective.
    ("This agreement and its effects are subject to French law and the competent French courts.", "French courts"),
    // A county word and a country code before the place.
    (
      "This agreement is governed by the laws of Texas. Each party consents to venue in the US federal or state "
        + "courts seated in the Counties of Travis or Williamson, Texas.", "Travis"
    ),
  ])
  func venue(_ text: String, _ place: String) throws {
    let g = try #require(clauses(text).first { $0.kind == .governingLaw }, "\(text)")
    #expect(g.parameters.venue?.hasPrefix(place) == true, "\(text): \(g.parameters.venue ?? "nil")")
  }

  @Test func courtNameGivesItsCity() throws {
    let text =
      "This licence is governed by the law of Japan. Every user consents to the exclusive jurisdiction and "
      + "venue of the Osaka District Court of Japan."
    let g = try #require(clauses(text).first { $0.kind == .governingLaw })
    #expect(g.parameters.venue == "Osaka")
  }

  @Test func venueThereinNamesNoNewPlace() throws {
    let text =
      "This agreement is governed by the laws of the State of Oregon. Actions go to the state courts located "
      + "in Eugene, Oregon, and the parties consent to venue therein (except that Quillsoft may seek relief elsewhere)."
    let g = try #require(clauses(text).first { $0.kind == .governingLaw })
    #expect(g.parameters.venue == "Eugene, Oregon")
  }

  @Test func shoutedPlaceEndsAtTheAside() throws {
    let text = "THIS AGREEMENT IS GOVERNED BY THE LAWS OF THE STATE OF NEVADA (EXCLUDING ITS CONFLICT OF LAWS RULES)."
    let g = try #require(clauses(text).first { $0.kind == .governingLaw })
    #expect(g.parameters.jurisdiction == "NEVADA")
  }

  @Test func lawFollowsTheCourtsPlace() throws {
    let text =
      "Any suit about this licence may be brought only in the courts of Malta and under the laws of that "
      + "jurisdiction."
    let g = try #require(clauses(text).first { $0.kind == .governingLaw })
    #expect(g.parameters.jurisdiction == "Malta")
    #expect(g.parameters.venue == "Malta")
  }

  @Test func lawsApplyAfterAnAside() throws {
    let text =
      "The laws of Idaho, U.S.A., excluding Idaho's conflict of laws rules, will apply to any disputes "
      + "about these terms."
    let g = try #require(clauses(text).first { $0.kind == .governingLaw })
    #expect(g.parameters.jurisdiction?.hasPrefix("Idaho") == true)
  }

  @Test func aCityOfVenueIsNotCutOnOf() throws {
    let text =
      "These terms are governed by the laws of the State of Vermont. Any action must be brought in the "
      + "state or federal courts located in the city of Burlington, United States of America."
    let g = try #require(clauses(text).first { $0.kind == .governingLaw })
    #expect(g.parameters.venue == "Burlington")
  }

  // MARK: acceptance

  @Test(arguments: [
    (
      "By using or copying this report, you agree that you have read, understood and will comply with the "
        + "following terms and conditions:", AcceptanceMechanism.use
    ),
    ("Your use of the dataset consists acceptance of the terms of this license.", .use),
    ("The recipient accepts this licence by undertaking any of the acts listed above.", .use),
    (
      "When you access and run the PROGRAM, you are presumed to have accepted all the rights and "
        + "obligations of the present license.", .use
    ),
    ("By clicking the button marked Get Data, you agree to delete your copy when asked.", .click),
    ("By choosing to download the pictures from this site the user agrees:", .download),
    ("Please complete and sign this form, then scan it and email it to the foundation.", .signature),
  ])
  func acceptance(_ text: String, _ mechanism: AcceptanceMechanism) throws {
    let a = try #require(clauses(text).first { $0.kind == .acceptance }, "\(text)")
    #expect(a.parameters.mechanism?.contains(mechanism) == true, "\(text)")
  }

  @Test(arguments: [
    "You agree that the authors are not liable for any loss.",
    "You did not agree to anything by clicking the link.",
    "The contributor will sign nothing beyond the grant below.",
  ])
  func noAcceptance(_ text: String) {
    #expect(!kinds(text).contains(.acceptance), "\(text)")
  }

  // MARK: time-limit

  @Test func changeDateByAnniversary() throws {
    let text =
      "We hereby grant you an additional license to use the Software under the Apache License, "
      + "effective on the third anniversary of the date we publish the Software."
    let t = try #require(clauses(text).first { $0.kind == .timeLimit })
    #expect(t.parameters.limitType == "change-date")
    #expect(t.parameters.days == 1095)
  }

  @Test func changeDateNamedWithAnAnniversary() throws {
    let text =
      "On the Change Date, or the fifth anniversary of the first public release, whichever is first, "
      + "you get the rights of the Change License."
    let t = try #require(clauses(text).first { $0.kind == .timeLimit })
    #expect(t.parameters.limitType == "change-date")
    #expect(t.parameters.days == 1825)
  }

  @Test func aTermAndATrialInOneSentence() {
    let text =
      "The initial term of this agreement is one (1) year, unless you chose the 14 day free trial, "
      + "which ends on its own."
    let limits = clauses(text).filter { $0.kind == .timeLimit }
    #expect(limits.contains { $0.parameters.limitType == "term" && $0.parameters.days == 365 })
    #expect(limits.contains { $0.parameters.limitType == "trial" && $0.parameters.days == 14 })
  }

  @Test(arguments: [
    ("Your license remains in force until the end of the paid subscription period.", true),
    ("This agreement is effective from delivery of the key and expires at such time as every plan has lapsed.", true),
    ("This agreement remains in force until terminated by either party.", false),
    ("Upon expiration of this agreement you must delete every copy.", false),
    ("Terms that by their nature extend beyond termination remain in effect until fulfilled.", false),
    ("The anniversary of the founding is a holiday for the licensor's staff.", false),
  ])
  func term(_ text: String, _ expected: Bool) {
    let found = clauses(text).contains { $0.kind == .timeLimit && $0.parameters.limitType == "term" }
    #expect(found == expected, "\(text)")
  }

  // MARK: seat-limit

  @Test(arguments: [
    "The number of users of the Licensed Software is limited to the amount of User Seats bought in the order.",
    "You may use the software in production only with a valid subscription for the correct number of users.",
  ])
  func seatsWithoutANumber(_ text: String) throws {
    let s = try #require(clauses(text).first { $0.kind == .seatLimit }, "\(text)")
    #expect(s.parameters.unit == "users")
  }

  @Test func aFloorIsNoCap() {
    #expect(
      !kinds("You may install any number of render nodes on computers where at least one device runs the full kit.")
        .contains(.seatLimit))
  }

  @Test func aDateFormatIsNoPeriod() throws {
    let text = "The term of this agreement is until 30/06/2031 (day/month/year) or ninety days after release."
    let t = try #require(clauses(text).first { $0.kind == .timeLimit })
    #expect(t.parameters.days == 90)
  }

  @Test func noLimitOnDevelopers() {
    #expect(!kinds("There is no limit on the number of developers in your team who may use it.").contains(.seatLimit))
  }

  // MARK: competing-use and production-use

  @Test(arguments: [
    ("A permitted purpose is any purpose other than a Competing Use.", true),
    ("Your products may not compete with the Licensed Software.", true),
    ("Your products may compete with ours; we welcome it.", false),
  ])
  func competing(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.competingUse) == expected, "\(text)")
  }

  @Test(arguments: [
    ("You may install the Software only for your own internal production use on up to two servers.", false),
    ("You may install the Software only for internal development, not for production use.", true),
  ])
  func productionGranted(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.productionUse) == expected, "\(text)")
  }

  // MARK: attribution-display

  @Test(arguments: [
    "If you publish the Work, you must keep notices intact and give the Original Author credit suitable to the medium.",
    "You must provide attribution of your use to Quillfeather, for example: \"This product includes Quill maps\".",
  ])
  func attribution(_ text: String) {
    #expect(kinds(text).contains(.attributionDisplay), "\(text)")
  }

  @Test func aRequestedAcknowledgementIsNoDuty() {
    let text =
      "We ask that you include, but do not require, in your documentation an acknowledgement such as: "
      + "\"This product includes software developed by the Wrenfield Group\"."
    #expect(!kinds(text).contains(.attributionDisplay))
  }
}
