import Foundation
import Testing

@testable import LicenseCheck

/// Phrasings the real gold set (`fixtures/real`) showed the rules missing: age requirements, binding
/// recipients to the licence, outputs assigned or left free, "X state law", uses the work is not licensed
/// for, credit kept when publishing, non-production grants. Sentences written here, each with traps that
/// use the same words without making the clause.
struct RealWordingTests {
  func clauses(_ text: String) -> [Clause] { ClauseExtractor.extract(from: TokenizedText(text)) }
  func kinds(_ text: String) -> Set<ClauseKind> { Set(clauses(text).map(\.kind)) }

  @Test(arguments: [
    ("You must be at least 18 years old to open an account or use the Service.", true),
    ("By accepting these terms you confirm that you are of legal age where you live.", true),
    ("Users must be 16 years of age or older.", true),
    (
      "If you are under sixteen, a parent or guardian must accept these terms for you and be at least 18 years old.",
      false
    ),
    ("The Service must not be used to gather data from people who are 13 years or older without consent.", false),
  ])
  func minimumAge(_ text: String, _ expected: Bool) {
    let c = clauses(text).filter { $0.kind == .userRestriction }
    #expect(!c.isEmpty == expected, "\(text)")
    if expected { #expect(c.first?.parameters.who == "minors") }
  }

  @Test(arguments: [
    ("You bind every recipient of a copy to the terms of this Licence.", true),
    ("If you host the dataset, you must require your users to agree to these terms.", true),
    ("Each sub-licence you grant must be in writing and at least as protective as this agreement.", true),
    ("We may require users to agree to these terms before they download the files.", false),
    ("Nothing here requires recipients to comply with this licence beyond copyright law.", false),
  ])
  func bindsRecipientsToTheLicence(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.flowDown) == expected, "\(text)")
  }

  @Test func bindingIsNotCarryingACopy() {
    let k = kinds("You bind each recipient of a copy to the terms of this agreement.")
    #expect(k.contains(.flowDown))
    #expect(!k.contains(.includeLicense))
  }

  @Test(arguments: [
    (
      "This licence imposes no restrictions or obligations on any use of the outputs generated with the Model.",
      "unstated"
    ),
    (
      "Subject to these terms, Quillon hereby assigns to you all of its right, title and interest in the Output.",
      "licensee"
    ),
    ("Tamsin won't claim ownership of the outputs you generate.", "unstated"),
  ])
  func outputRights(_ text: String, _ owner: String) throws {
    let c = try #require(clauses(text).first { $0.kind == .outputRights }, "\(text)")
    #expect(c.parameters.owner == owner)
  }

  @Test(arguments: [
    // A data licence's "Results": the same words would make the OSD table read it as a model licence.
    "This agreement imposes no obligations on your use of Results obtained from the Data.",
    // The licensee giving up a claim, not the licensor.
    "You will not claim ownership of any outputs the service returns to you.",
  ])
  func notOutputRights(_ text: String) {
    #expect(!kinds(text).contains(.outputRights), "\(text)")
  }

  @Test(arguments: [
    ("If you obtained the Software in the United States, Oregon state law governs this agreement.", "Oregon"),
    ("This agreement is governed by the laws of Nevada, USA.", "Nevada"),
    ("This licence is governed in all respects by Scottish law.", "Scotland"),
  ])
  func jurisdiction(_ text: String, _ place: String) throws {
    let c = try #require(clauses(text).first { $0.kind == .governingLaw }, "\(text)")
    #expect(c.parameters.jurisdiction == place)
  }

  @Test func venueWithoutTheCountry() throws {
    let c = try #require(
      clauses(
        "These terms are governed by the laws of Ohio. The courts of Summit County, Ohio, U.S.A. have exclusive jurisdiction."
      ).first { $0.kind == .governingLaw })
    #expect(c.parameters.venue == "Summit County, Ohio")
  }

  @Test(arguments: [
    ("The Software is not designed, licensed or intended for use in the operation of any nuclear facility.", true),
    (
      "The Kit is not designed for use in air traffic control. You warrant that you will not use the Kit for such purposes.",
      true
    ),
    ("The Software is not designed for use in nuclear facilities and we disclaim any fitness for such uses.", false),
  ])
  func usesNotLicensed(_ text: String, _ expected: Bool) {
    let c = clauses(text).filter { $0.kind == .fieldOfUse }
    #expect(!c.isEmpty == expected, "\(text)")
    if expected { #expect(c.first?.parameters.fields == ["critical-infrastructure"], "\(text)") }
  }

  @Test(arguments: [
    ("Anyone who publishes the Data must preserve all credit given to its providers.", true),
    ("You may not remove or alter the notice of the author's proprietary rights.", true),
    ("Please give us credit if you like the data.", false),
  ])
  func creditAndProprietaryNotices(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.retainNotices) == expected, "\(text)")
  }

  @Test func nonProductionGrant() {
    let k = kinds("The Licensor grants you the right to copy, modify and make non-production use of the Work.")
    #expect(k.contains(.productionUse))
    #expect(!k.contains(.nonCommercial))
  }

  @Test func nonProductionTestingIsNoLimit() {
    let k = kinds("You may not share builds outside your team, other than for non-production user testing.")
    #expect(!k.contains(.productionUse))
    #expect(!k.contains(.nonCommercial))
  }

  /// A grant bound to a purpose or setting is `limited`; a grant "for any purpose" or one that merely
  /// lists conditions is not.
  @Test(arguments: [
    ("Quillon grants you a worldwide, non-transferable limited license to reproduce the Work.", true),
    ("You may install and run the Software solely for your internal business operations.", true),
    ("Tamsin grants you a licence to use the Kit for evaluation purposes during the trial.", true),
    ("You may use, copy and modify the Pictures for commercial or non-commercial purposes.", false),
    ("You may copy the Work for any purpose, including but not limited to teaching.", false),
  ])
  func limitedGrant(_ text: String, _ limited: Bool) throws {
    let c = try #require(clauses(text).first { $0.kind == .copyrightGrant }, "\(text)")
    #expect((c.parameters.limited ?? false) == limited, "\(text)")
  }

  /// A ban list that ends "… unless permission was granted" grants nothing: the exception is not a
  /// grant of the rights the banned items name.
  /// A public-domain dedication leaves nobody rights to withhold: every right is the reader's.
  @Test(arguments: [
    ("This library is public domain software, that is, it carries no copyright.", true),
    ("I hereby place this code into the public domain; do with it what you like.", true),
    ("The author disclaims copyright to this source code.", true),
    ("This licence does not cover material that is in the public domain.", false),
    ("This program is not in the public domain; it is copyrighted by Quillon.", false),
    ("You may not take any step that would cause the Software to be placed in the public domain.", false),
    (
      "Release 1 of the Quillwort toolkit, written by the garden's volunteers, is hereby released into the public domain.",
      true
    ),
    (
      "I give up my rights to Quillwort, and release all of its source code, binaries and manuals contained in this archive into the public domain.",
      true
    ),
  ])
  func publicDomainDedication(_ text: String, _ expected: Bool) {
    let grant = clauses(text).first { $0.kind == .copyrightGrant }
    #expect((grant != nil) == expected, "\(text)")
    if expected {
      #expect(clauses(text).contains { $0.kind == .copyrightGrant && $0.parameters.rights?.contains(.modify) == true })
    }
  }

  /// Someone else's "may": a relative clause inside a liability limit ("any other party who may modify
  /// and/or redistribute the program as permitted above") and the licensor's own acts grant the reader
  /// nothing. A text with only such sentences has no grant, so it is never conformant.
  @Test(arguments: [
    (
      "No copyright holder, nor any other party who may modify and/or redistribute the kit, owes you damages of any kind.",
      false
    ),
    ("Licensor may modify or update the Software at any time, without notice to you.", false),
    ("This Agreement may be changed at any time by the Licensor.", false),
    ("We may use the error reports to improve our products.", false),
    ("Your company may use the Software on up to ten computers.", true),
    ("Licensee may modify the Software and distribute modified copies.", true),
  ])
  func someoneElsesMayGrantsNothing(_ text: String, _ expected: Bool) {
    #expect(clauses(text).contains { $0.kind == .copyrightGrant } == expected, "\(text)")
  }

  /// A contributor agreement's own words: the licence "granted herein to" the project and "employees
  /// authorized to submit" grant nothing to the reader.
  @Test(arguments: [
    "Except for the licence granted herein to Quillon and to recipients of software distributed by Quillon, you keep every right in your contributions.",
    "Tell Quillon when any change is needed to the list of staff authorized to submit contributions for the company.",
  ])
  func contributorAgreementWordsAreNoGrant(_ text: String) {
    #expect(!clauses(text).contains { $0.kind == .copyrightGrant }, "\(text)")
  }

  @Test func exceptionToABanIsNoGrant() {
    let text = """
      You may use and copy the Pictures. The licence does not allow: selling or distributing the Pictures \
      unchanged as prints; or suggesting that a depicted person endorses a product, unless permission was granted.
      """
    let rights = Set(clauses(text).filter { $0.kind == .copyrightGrant }.flatMap { $0.parameters.rights ?? [] })
    #expect(rights.contains(.use))
    #expect(!rights.contains(.distribute))
    #expect(!rights.contains(.sell))
  }

  /// Patent licences name their object as a defined term ("Licensed Patents", "Necessary Claims"):
  /// such a grant is a patent grant, not a copyright grant of the verbs it lists (make, use, sell).
  @Test(arguments: [
    "Quillon hereby grants to you a perpetual, worldwide, royalty-free license under Licensed Patents to make, use, sell and import any Implementation.",
    "Each Contributor grants you a no-charge license under its Necessary Claims to make, use and sell the Specification.",
  ])
  func patentLicenceByDefinedTerm(_ text: String) {
    let k = kinds(text)
    #expect(k.contains(.patentGrant), "\(text)")
    #expect(!k.contains(.copyrightGrant), "\(text)")
  }

  /// Rights a grant withholds are not granted: "without modification" (but "with or without
  /// modification" grants it), a carve-out ("not including the right to …"), a ban right after the
  /// right ("changing it is not allowed"), and a right the licensor keeps ("retains the exclusive right").
  @Test(arguments: [
    ("Redistribution and use of the firmware in binary form, without modification, are permitted.", false),
    ("Redistribution and use in source and binary forms, with or without modification, are permitted.", true),
    ("Anyone may copy and share this notice, but changing it is not allowed.", false),
    (
      "Quillon grants you the right to copy and study the code, but NOT including the right to modify or run it.",
      false
    ),
  ])
  func withheldRights(_ text: String, _ modify: Bool) {
    let rights = Set(clauses(text).filter { $0.kind == .copyrightGrant }.flatMap { $0.parameters.rights ?? [] })
    #expect(rights.contains(.modify) == modify, "\(text)")
  }

  @Test func rightTheLicensorKeepsIsNoGrant() {
    let text = "The author keeps all copyright. The author retains the exclusive right to publish derivative works."
    #expect(!kinds(text).contains(.copyrightGrant))
  }

  /// "No reverse engineering … is permitted": the noun form of the ban.
  @Test(arguments: [
    ("No reverse engineering, decompilation, or disassembly of the firmware is permitted.", true),
    ("There is no restriction on reverse engineering the sample code.", false),
  ])
  func nounFormReverseEngineeringBan(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.noReverseEngineering) == expected, "\(text)")
  }

  /// A grant that ends on "license" and continues in marked items, without a colon, takes its rights
  /// from the items; copyright rights named before a patent part stay a copyright grant.
  @Test func grantContinuedInMarkedItems() throws {
    let text = """
      Quillon hereby grants to You a worldwide, royalty-free, non-exclusive, perpetual license

      (1) to use, copy, modify, merge and distribute the Work and derivative works thereof, and

      (2) under patent claims owned by Quillon, to make, use and sell the Work.
      """
    let grant = try #require(clauses(text).first { $0.kind == .copyrightGrant })
    #expect(Set(grant.parameters.rights ?? []).isSuperset(of: [.use, .reproduce, .modify, .distribute]))
    let oneLine =
      "Quillon hereby grants You a perpetual license (1) to use, copy, modify and distribute the Work, and (2) under patent claims owned by Quillon, to make and sell the Work."
    let g2 = try #require(clauses(oneLine).first { $0.kind == .copyrightGrant })
    #expect(Set(g2.parameters.rights ?? []).isSuperset(of: [.reproduce, .modify, .distribute]))
  }

  /// A grant the reader makes (a contributor agreement, a feedback clause) gives the reader nothing;
  /// "You are hereby granted …" does.
  @Test(arguments: [
    (
      "You hereby grant to Quillon a perpetual, worldwide license to reproduce and distribute your Contributions.",
      false
    ),
    ("By submitting a patch you grant Tamsin a royalty-free license to use, modify and distribute it.", false),
    ("You are hereby granted a non-exclusive, royalty-free license to use, copy and modify the Kit.", true),
  ])
  func grantByTheReaderIsNoGrant(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.copyrightGrant) == expected, "\(text)")
  }

  /// Passive and carved-out bans: "… is expressly forbidden", "Permission is not granted to use … for",
  /// "This license does not include the right to …".
  @Test(arguments: [
    ("Any usage related to military applications is expressly forbidden.", ClauseKind.fieldOfUse),
    (
      "Permission is not granted to use these files as sample data for building machine learning models.",
      .fieldOfUse
    ),
    ("This license does not include the right to use the photos to build a competing service.", .competingUse),
  ])
  func passiveBans(_ text: String, _ kind: ClauseKind) {
    #expect(kinds(text).contains(kind), "\(text)")
  }

  @Test func trainingBanField() throws {
    let c = try #require(
      clauses("You may not use the Software as training data for machine learning models.").first {
        $0.kind == .fieldOfUse
      })
    #expect(c.parameters.fields == ["ai-training"])
  }

  /// A permission whose purposes are listed is limited to them: "permitted for academic, research or
  /// personal use"; "for any purpose, including research" is not.
  @Test(arguments: [
    (
      "Use and redistribution are permitted for academic, research, or personal use provided that you keep this notice.",
      true
    ),
    ("Use and redistribution are permitted for any purpose, including research and commercial products.", false),
  ])
  func purposesListedInThePermission(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.researchOnly) == expected, "\(text)")
  }

  /// Rights that hold only with one vendor's products, devices or services (`product-tie`, fails osd-8);
  /// "only on devices you own" and ALL-CAPS boilerplate name no product.
  @Test(arguments: [
    ("You may use, copy, modify and distribute the Software for use with Quillon products only.", true),
    ("The firmware is licensed to you for use only with Tamsin Devices.", true),
    ("You are granted a license to use the SDK for use in connection with the web services provided by Quillon.", true),
    ("You may install the Software only on devices that you own or control.", false),
    ("You may use the library with or without other products.", false),
    ("YOU MAY USE THE SOFTWARE ONLY IN CONJUNCTION WITH PRODUCTS THAT YOU DISTRIBUTE.", false),
  ])
  func productTie(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.productTie) == expected, "\(text)")
  }

  /// A limit inside a grant sentence that no restriction explains ("this ORIGINAL package", "for your
  /// internal use", "verbatim") is listed as not understood, and the conformant flag is not "yes".
  @Test(arguments: [
    "You may use, copy and change the routines for any purpose at no cost. You may redistribute this ORIGINAL package.",
    "You may use, copy, modify and redistribute the Kit for your internal use within your organization.",
    "Redistribution in binary form, with or without modifications, is permitted provided that this notice is kept.",
    "You may copy, change and pass on the Kit free of charge as part of a product you develop yourself.",
    "You may copy, modify, publish and distribute the Software, but NOT including the right to run or use it.",
    "Quillon grants you a free licence to copy, change and use the code for the limited purpose of implementing its protocol.",
    // A term defined inside the grant does not hide its limits.
    "Subject to these terms you are granted a free licence to (1) use the Kit; (2) ship the Kit inside your own application (\"Your App\"); and (3) change the Kit for your internal use.",
  ])
  func limitInsideAGrantIsNotUnderstood(_ text: String) throws {
    let a = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
    #expect(!a.osdConformant, "\(text)")
    #expect(!a.unexplained.isEmpty, "\(text)")
  }

  @Test func permissiveGrantStaysUnderstood() throws {
    let text =
      "Anyone may use, copy, modify and distribute the Kit for any purpose, with or without a fee, as long as every copy keeps the notice above."
    let a = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
    #expect(a.unexplained.isEmpty)
  }

  /// "The only requirement" and an "unmodified … notice" to keep are duties, not limits of the grant.
  @Test(arguments: [
    "Whoever gets a copy may use, copy, modify, publish, distribute and sell the Kit, with the only condition being that this notice stays intact.",
    "Anyone may use, copy, modify and distribute the Kit, provided that this complete and unmodified permission notice is kept in all copies.",
    "Each contributor grants you a free licence to use, copy, modify and distribute its changes, either on an unmodified basis or as part of derived works.",
  ])
  func dutiesInsideAGrantAreNotLimits(_ text: String) throws {
    let a = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
    #expect(a.unexplained.isEmpty, "\(text)")
  }
}
