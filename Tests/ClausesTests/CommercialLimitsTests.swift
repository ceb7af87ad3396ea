import Foundation
import Testing

@testable import LicenseCheck

/// The kinds real commercial and source-available licences needed: production-use, competing-use,
/// time-limit, seat-limit, and the hosted-service phrasings. Sentences written here, in the styles of
/// those licences, with traps that name the idea only to deny or describe it.
struct CommercialLimitsTests {
  func clauses(_ text: String) -> [Clause] { ClauseExtractor.extract(from: TokenizedText(text)) }
  func kinds(_ text: String) -> Set<ClauseKind> { Set(clauses(text).map(\.kind)) }

  @Test(arguments: [
    ("You may use the Software only for development and testing; production use requires a subscription.", true),
    ("The Licensed Work may not be used in a production environment without a commercial licence.", true),
    ("Use of the toolkit is restricted to internal evaluation and prototyping.", true),
    ("Running the server in production needs a paid licence from Kestrel Data.", true),
    ("The beta is not intended for production use and is provided as is without warranty.", false),
    ("You may use the library in production and in any commercial product.", false),
  ])
  func productionUse(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.productionUse) == expected, "\(text)")
  }

  @Test(arguments: [
    ("You may not use the Software to build a product that competes with Larchmere's products.", true),
    ("You agree not to develop a competing service using the SDK or any part of it.", true),
    ("You must not use the outputs to create models that compete with our own.", true),
    ("Nothing here limits your rights under competition law.", false),
    ("The licence is not offered to competitors of Tarnwell, who may not exercise it.", false),
    ("You may use the Software to build any product, including ones that compete with ours.", false),
    ("Every purpose is allowed, except offering other people a product that competes with the kit.", true),
    ("At no time may you include any part of the kit in a project that competes with it.", true),
    ("You may use it for any purpose, except that you must keep this notice; rivals may compete with us.", false),
  ])
  func competingUse(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.competingUse) == expected, "\(text)")
  }

  @Test func trialWithItsPeriod() throws {
    let c = clauses("The evaluation period lasts thirty (30) days from installation, after which the licence expires.")
    let t = try #require(c.first { $0.kind == .timeLimit })
    #expect(t.parameters.limitType == "trial")
    #expect(t.parameters.days == 30)
  }

  @Test(arguments: [
    (
      "Trying the tool out to evaluate whether it fits your project for less than 21 consecutive days is allowed.", 21.0
    ),
    ("Demo builds are for evaluation only; if no other term is given the demonstration period is 14 days.", 14.0),
  ])
  func evaluationWithADayLimit(_ text: String, _ days: Double) throws {
    let t = try #require(clauses(text).first { $0.kind == .timeLimit })
    #expect(t.parameters.limitType == "trial")
    #expect(t.parameters.days == days)
  }

  @Test func changeDate() throws {
    let c = clauses("On the Change Date, four years after release, the Licensed Work converts to the Change License.")
    let t = try #require(c.first { $0.kind == .timeLimit })
    #expect(t.parameters.limitType == "change-date")
    #expect(t.parameters.days == 1460)
  }

  @Test func fixedTermOnTheGrant() throws {
    let c = clauses("We grant you a licence to install and use the model only for ninety (90) days.")
    let t = try #require(c.first { $0.kind == .timeLimit })
    #expect(t.parameters.limitType == "term")
    #expect(t.parameters.days == 90)
  }

  @Test(arguments: [
    "You must cure any breach within thirty (30) days of written notice.",
    "The offer of source code is valid for at least three years.",
    "Keep records of your use for a period of two years after termination.",
  ])
  func periodsThatAreNotTerms(_ text: String) {
    #expect(!kinds(text).contains(.timeLimit), "\(text)")
  }

  @Test(arguments: [
    ("You may install and use one copy of the Software on a single computer.", "copies", 1.0),
    ("The licence allows use by up to five (5) named users.", "users", 5.0),
    ("You may run the Software on no more than 4 CPUs per licence.", "cpus", 4.0),
    ("Demo builds may only be used for testing by a single developer.", "users", 1.0),
    ("Your total usage across all clusters shall not exceed an upper limit of 24 vCPUs.", "cpus", 24.0),
    // Real-text wordings: servers and nodes as seats, a count written as a word before its digits.
    ("You may install and use the Software on up to three (3) Licensed Servers.", "servers", 3.0),
    ("The grant covers use by only 1 designated user for building applications.", "users", 1.0),
    ("Non-production use is allowed for a cluster that runs solely on a single node.", "servers", 1.0),
  ])
  func seatLimit(_ text: String, _ unit: String, _ limit: Double) throws {
    let s = try #require(clauses(text).first { $0.kind == .seatLimit }, "\(text)")
    #expect(s.parameters.unit == unit)
    #expect(s.parameters.limit == limit)
  }

  @Test(arguments: [
    "You may make one backup copy of the Software for archival purposes.",
    "You may install the Software on any number of devices you own.",
    "Each copy you distribute must include a copy of this licence.",
  ])
  func notSeatLimits(_ text: String) {
    #expect(!kinds(text).contains(.seatLimit), "\(text)")
  }

  @Test(arguments: [
    ("You may not provide the Software to third parties as a hosted or managed service.", true),
    ("Offering the Licensed Work as a service bureau or timesharing service must be authorised in writing.", true),
    ("You must not make the Materials available as a stand-alone hosted solution for others to use.", true),
    ("You may host the Software for your own users without restriction.", false),
  ])
  func hostedService(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.hostedService) == expected, "\(text)")
  }

  /// Each kind's OSD effect, through the whole analysis.
  @Test(arguments: [
    ("production-use", "osd-6"), ("competing-use", "osd-6"), ("time-limit", "osd-1"), ("seat-limit", "osd-1"),
  ])
  func osdEffect(_ kind: String, _ criterion: String) throws {
    let extra: String
    switch kind {
    case "production-use": extra = "You may use the Software only for development and testing purposes."
    case "competing-use": extra = "You may not use the Software to build a product that competes with ours."
    case "time-limit": extra = "This is a trial licence: the trial period ends after 30 days."
    default: extra = "You may install the Software on no more than 2 computers."
    }
    let text = "Permission is granted to use, copy, modify and distribute the Software.\n\(extra)\n"
    let analysis = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
    #expect(analysis.clauses.contains { $0.kind.rawValue == kind }, "\(kind)")
    #expect(analysis.osd.first { $0.criterion == criterion }?.verdict == .fail, "\(kind) fails \(criterion)")
    #expect(!analysis.osdConformant)
  }

  /// Bulleted items after an intro with no colon ("You may not" on its own line) are a ban list, and
  /// after "you must" a duty list, as in many vendor licence terms.
  @Test func listsOpenedWithoutAColon() {
    let text = """
      3. Limits. You may not
      • reverse engineer or decompile the toolkit;
      • offer the toolkit to others as a hosted service.

      4. Redistribution. For any sample code you distribute, you must
      • keep the copyright notices in it;
      • require your customers to agree to terms that protect it at least as much as this agreement.

      """
    let k = kinds(text)
    #expect(k.isSuperset(of: [.noReverseEngineering, .hostedService, .retainNotices, .flowDown]), "\(k)")
  }
}

/// Attribution duties with no phrase quoted: credit where results or products appear.
struct AcknowledgementDutyTests {
  func kinds(_ text: String) -> Set<ClauseKind> { Set(ClauseExtractor.extract(from: TokenizedText(text)).map(\.kind)) }

  @Test(arguments: [
    "If you publish results obtained with the toolkit, you must acknowledge the use of the toolkit in each publication.",
    "Derived programs with a graphical user interface must show this licence in the GUI.",
    "You shall include the notice of Exhibit B in the about box of your application.",
    "Users of the dataset must give appropriate credit to the data providers.",
  ])
  func acknowledgementDutiesAreAttribution(_ text: String) {
    #expect(kinds(text).contains(.attributionDisplay))
  }

  @Test(arguments: [
    "You must cite the statute that prevents you from complying with this licence.",
    "You shall not display our logos on a splash screen without approval.",
    "Whoever republishes the data shall keep the attribution statement with every copy.",
    "You acknowledge that the software is not designed for use in nuclear facilities.",
  ])
  func otherSentencesAreNotAttribution(_ text: String) {
    #expect(!kinds(text).contains(.attributionDisplay))
  }
}

/// Items of "you must:" and "You may not:" lists written with roman numerals have the list's
/// subject and modal: an indemnity or a trademark ban stated in the item alone is still found.
struct ListItemDutyTests {
  static let text = """
    b) Distribution Requirements. For any code you distribute, you must:
    i.     add real functionality of your own to it;
    ii.    indemnify, defend, and hold harmless Kestrel Labs from any claims, including attorneys' fees, related to your applications.

    c) Distribution Restrictions. You may not:
    i.     use Kestrel Labs' trademarks in your application in any way that suggests it comes from Kestrel Labs; or
    ii.    remove or obscure any copyright or trademark notices in the code; or
    iii.   distribute the code with software under a licence that requires disclosure of source.
    """

  @Test func indemnityAndTrademarkItemsAreFound() {
    let clauses = ClauseExtractor.extract(from: TokenizedText(Self.text))
    let indemnities = clauses.filter { $0.kind == .indemnification }
    let marks = clauses.filter { $0.kind == .trademark }
    #expect(indemnities.count == 1)
    // The notice-removal item is about notices, not the use of marks.
    #expect(marks.count == 1)
    #expect(marks.first?.span.line == 6)
  }
}

/// Mentions of "this agreement" that refer to it are not duties to pass it on.
struct IncludeLicenseReferenceTests {
  @Test(arguments: [
    "If you distribute copies of the software, you must do so only as provided in this Agreement.",
    "You must require your end users to agree to terms that protect the software at least as much as this agreement, including providing notice.",
    "You shall provide support to your customers for copies you distribute in accordance with the terms of this agreement.",
    "If you copy the kit and materially breach this Agreement, we will provide written notice before we end it.",
    "This Agreement (which includes the policies named above) is the whole agreement about copies of the data.",
    "You may copy and distribute the change as part of the kit, provided that this license is conditioned upon your promise above.",
  ])
  func referencesAreNotIncludeLicence(_ text: String) {
    #expect(!ClauseExtractor.extract(from: TokenizedText(text)).contains { $0.kind == .includeLicense })
  }

  @Test func aCopyOfTheAgreementWithEveryCopyStillIs() {
    let text = "You must include a copy of this agreement with every copy of the software you distribute."
    #expect(ClauseExtractor.extract(from: TokenizedText(text)).contains { $0.kind == .includeLicense })
  }
}

/// `naming` needs the required phrase introduced as a word or after the name word, not any quotation.
struct NamingPhraseTests {
  func naming(_ text: String) -> [Clause] {
    ClauseExtractor.extract(from: TokenizedText(text)).filter { $0.kind == .naming }
  }

  @Test(arguments: [
    "You must comply with the Export Administration Regulations (\"EAR\") and must not name any restricted party.",
    "Your distribution must include a file named \"DEPENDENCIES\" listing the libraries.",
    "You must not use the Licensor's name or its affiliates' names to promote your product.",
  ])
  func quotationsThatAreNotRequiredPhrases(_ text: String) {
    #expect(naming(text).isEmpty)
  }

  @Test func aRequiredWordBeforeTheNameWordCounts() {
    let found = naming("Every model based on Heron must have the word \"Heron\" somewhere in its name.")
    #expect(found.first?.parameters.requiredPhrase == "Heron")
  }
}

/// Data licences keep their notices in other words: credit passed on with the data, a source note.
struct DataNoticeTests {
  @Test(arguments: [
    "You must include with any records you redistribute all credit information that came with them.",
    "The user must ensure that the source note contains the name of the data provider and the year.",
  ])
  func dataNoticesAreRetainNotices(_ text: String) {
    #expect(ClauseExtractor.extract(from: TokenizedText(text)).contains { $0.kind == .retainNotices })
  }

  @Test func creditWithoutPassingOnIsNot() {
    let text = "You must give the maintainers credit for their work when you talk about it."
    #expect(!ClauseExtractor.extract(from: TokenizedText(text)).contains { $0.kind == .retainNotices })
  }
}

/// A ban on practising a profession without a licence names professions as examples; they are not
/// banned fields of their own.
struct UnlicensedPracticeTests {
  func fields(_ text: String) -> Set<String> {
    Set(
      ClauseExtractor.extract(from: TokenizedText(text)).filter { $0.kind == .fieldOfUse }.flatMap {
        $0.parameters.fields ?? []
      })
  }

  @Test func examplesOfUnlicensedPracticeAreNotFields() {
    let found = fields(
      "You may not use the model to engage in the unlicensed practice of any profession, such as medical, legal or financial practice."
    )
    #expect(found.contains("regulated-activity-without-licence"))
    #expect(!found.contains("medical-advice"))
    #expect(!found.contains("legal-advice"))
  }

  @Test func aPlainMedicalBanStays() {
    #expect(
      fields("You may not use the model to provide medical advice or medical diagnosis.").contains("medical-advice"))
  }
}
