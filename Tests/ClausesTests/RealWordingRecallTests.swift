import Foundation
import Testing

@testable import LicenseCheck

/// Wordings the second recall round on `fixtures/real` taught the rules: bare "You may not" lists whose
/// bullets are "*" or gone, bulleted indemnity duties, refusing the terms means stopping use, commercial
/// advantage refused through the rights, policies followed, breach phrased "fails to comply". Sentences
/// written here, each pattern with a trap that uses the same words without making the clause.
struct RealWordingRecallTests {
  func clauses(_ text: String) -> [Clause] { ClauseExtractor.extract(from: TokenizedText(text)) }
  func kinds(_ text: String) -> Set<ClauseKind> { Set(clauses(text).map(\.kind)) }

  @Test(arguments: [
    "The program is licensed to you, not sold. You may not\n\n* take the program apart by reverse engineering it;\n\n* use the program in any way that is against the law.\n",
    "The program is licensed to you, not sold. You may not\n\ntake the program apart by reverse engineering it;\n\nuse the program in any way that is against the law.\n",
  ])
  func bareBanIntroOpensAList(_ text: String) {
    let k = kinds(text)
    #expect(k.contains(.noReverseEngineering), "\(text)")
    #expect(k.contains(.fieldOfUse), "\(text)")
  }

  @Test func bulletedIndemnityAfterABrokenList() {
    let text = """
      For each program you ship, you must
      • put your own copyright notice on it;
      • show this line in its About box: "Parts are Copyright Example Ltd. All rights reserved."; and
      • indemnify, defend and hold harmless Example Ltd from any claims that arise from your program.
      """
    #expect(kinds(text).contains(.indemnification))
  }

  @Test func bulletNamingIndemnityIsNoDuty() {
    let text =
      "The sections below cover:\n• indemnity claims, handled as set out in section 9;\n• warranty questions.\n"
    #expect(!kinds(text).contains(.indemnification))
  }

  @Test(arguments: [
    ("If you cannot agree with these conditions, please stop using the program and delete it.", true),
    ("Anyone who does not agree to the revised terms should discontinue their use of the service.", true),
    ("You may stop using the program at any time and remove it from your disk.", false),
  ])
  func refusingMeansStopping(_ text: String, _ expected: Bool) {
    let c = clauses(text).filter { $0.kind == .acceptance }
    #expect(!c.isEmpty == expected, "\(text)")
    if expected { #expect(c.first?.parameters.mechanism == [.use], "\(text)") }
  }

  /// Duties found through the "Not understood" list of permissive texts.
  @Test(arguments: [
    ("If you change this file, you must clearly indicate your changes.", ClauseKind.stateChanges),
    ("3. Redistributions must contain a verbatim copy of this document.", ClauseKind.includeLicense),
    (
      "The licensee shall maintain the following copyright notices on the kit's sources unchanged:",
      ClauseKind.retainNotices
    ),
    ("0. If you change this kit, you MUST publish your changes.", ClauseKind.discloseSource),
    ("This license terminates when the kit stops being offered by Quillon.", ClauseKind.termination),
    (
      "Indemnity: Licensee hereby agrees to indemnify and hold harmless Quillon from any losses due to a claim.",
      ClauseKind.indemnification
    ),
  ])
  func dutiesFromTheUnexplainedList(_ text: String, _ kind: ClauseKind) {
    #expect(kinds(text).contains(kind), "\(text)")
  }

  /// BSD's advertising clause with its acknowledgement on the next line of the same sentence.
  @Test func advertisingClauseWithItsLine() throws {
    let text =
      "3. All advertising materials mentioning features of this kit must display the following acknowledgement:\nThis product includes work done by the Quillon group.\n\n4. Keep this list."
    let a = try #require(clauses(text).first { $0.kind == .attributionDisplay })
    #expect(a.parameters.text?.hasPrefix("This product includes work done by the Quillon group") == true)
    #expect(a.parameters.where == ["advertising-materials"])
  }

  /// A credit required in a place only credits go (start-up screen, help-about section, media label).
  @Test(arguments: [
    (
      "A copyright notice naming Quillon must be provided in the start-up screen or the help-about section of your program.",
      true
    ),
    ("The media label shall include the vendor's copyright line and the words \"used under licence\".", true),
    ("You may show your own start-up screen in your program.", false),
  ])
  func creditInACreditPlace(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.attributionDisplay) == expected, "\(text)")
  }

  /// A later item of a one-sentence ban list names the banned fields.
  @Test(arguments: [
    (
      "The customer shall not (i) resell the data, (ii) share its password, or (iii) use the data in any unlawful or harassing way.",
      true
    ),
    (
      "You may not alter any notice in the code; use Quillon marks in your names; include the code in malicious or unlawful programs.",
      true
    ),
    ("You may not resell the data; we are not liable if you use the data in any unlawful way.", false),
    // The field word up to twelve words after the item's verb; an item on infringing others' rights
    // does not cancel the list.
    (
      "Licensee shall not: (i) lend the program to anyone; or (ii) use the program or any part of its code in any unlawful or fraudulent manner, or in a way that infringes the rights of others.",
      true
    ),
    // An export clause's end uses stay export control.
    (
      "You shall not (a) rent the kit, or (b) export the kit to any end user who will utilize it in the design or production of nuclear or chemical weapons.",
      false
    ),
  ])
  func laterItemOfABanList(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.fieldOfUse) == expected, "\(text)")
  }

  /// An imperative "Ensure …" states a duty as "Keep …" does.
  @Test func ensureIsADuty() {
    let text =
      "2. Ensure everyone who gets a copy of this kit from you, in source or any other form, gets the text of this license and the lines above."
    #expect(kinds(text).contains(.includeLicense))
  }

  /// A list of uses that need permission or another licence: each item is a ban on this licence.
  @Test func usesNeedingPermissionAreBans() {
    let text =
      "You may use and change the kit for your own projects. Written permission or a commercial licence from the maker is required for the following scenarios:\n\na. Selling the kit as part of a product.\n\nb. Offering the kit to others as a SaaS product.\n"
    #expect(kinds(text).contains(.hostedService))
    let free =
      "You may use the kit for anything. Nothing else is required for the following steps:\n\na. Offering the kit to others as a SaaS product.\n"
    #expect(!kinds(free).contains(.hostedService))
  }

  /// Acceptance as the condition of a permission, or implied by an act.
  @Test(arguments: [
    ("The right to run this tool depends on nothing else and is contingent upon your acceptance of these terms.", true),
    ("Once you change the code, doing so is an implicit consent to follow this licence in full.", true),
    ("Using the program is not contingent upon your acceptance of any other terms.", false),
  ])
  func acceptanceAsACondition(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.acceptance) == expected, "\(text)")
  }

  @Test(arguments: [
    (
      "You may not exercise any of the rights granted above in a manner directed toward commercial advantage.",
      true
    ),
    ("You must limit use of the tool that is intended for commercial advantage to a trial of thirty days.", true),
    ("You may use the data solely for non-commercial, non-profit, teaching purposes.", true),
    (
      "Copying the game for profit or other commercial intent without the author's written consent is prohibited.", true
    ),
    ("This library is a non-commercially developed program and it may not work as intended.", false),
  ])
  func commercialUseRefused(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.nonCommercial) == expected, "\(text)")
  }

  @Test func licenceTravelsWithTheProgram() {
    #expect(kinds("This licence must be distributed with every copy of the program.").contains(.includeLicense))
  }

  @Test(arguments: [
    (
      "Distribution of the Materials, and of any derivative works of them, is subject to the terms of this Agreement.",
      true
    ),
    ("Any updates or modifications supplied by the Vendor are subject to the terms of this Agreement.", false),
  ])
  func derivativesSubjectToTheAgreement(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.shareAlike) == expected, "\(text)")
  }

  @Test func exposingOverANetworkIsHosting() {
    #expect(kinds("You cannot expose the software to third parties over a network.").contains(.hostedService))
  }

  @Test(arguments: [
    ("You must follow any policies made available to you within the service.", true),
    ("You agree to adhere to the policies posted on our site for the API.", true),
    ("You may not use the service in any way that would violate our usage policies.", true),
    ("Our privacy policy explains how we handle the data you send us.", false),
  ])
  func policiesFollowed(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.acceptableUsePolicy) == expected, "\(text)")
  }

  @Test(arguments: [
    ("If the licensee fails to comply with this agreement, all rights granted here terminate automatically.", true),
    ("We may suspend or stop providing the service to you if you do not comply with these terms.", true),
    (
      "If the user fails to comply with the credit requirement, the rights granted under this licence are void ab initio.",
      true
    ),
    ("The vendor may stop providing updates for older versions.", false),
  ])
  func terminationWordings(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.termination) == expected, "\(text)")
  }

  @Test(arguments: [
    "You may convert to and distribute this text in any binary or compressed form.",
    "You confirm, now and during the trial term, that you are not a restricted party.",
  ])
  func noTimeLimit(_ text: String) {
    #expect(!kinds(text).contains(.timeLimit), "\(text)")
  }
}

extension RealWordingRecallTests {
  @Test(arguments: [
    "A recipient may pass the data on, so long as the recipient makes available the text of this agreement with it.",
    "You may place the program in a public archive provided that it is distributed free of charge and with a copy of this EULA.",
  ])
  func licenceTextPassedOn(_ text: String) {
    #expect(kinds(text).contains(.includeLicense), "\(text)")
  }

  @Test func changedVersionsCarrySource() {
    let text =
      "Copying and changing the program are allowed provided that the following conditions are met: changed versions are distributed with source code and documentation."
    #expect(kinds(text).contains(.discloseSource))
  }

  @Test func licenceDistributedWithTheSourceIsNoSourceDuty() {
    let text = "This License must be distributed with any distribution of the program or its source code."
    #expect(!kinds(text).contains(.discloseSource))
  }
}

extension RealWordingRecallTests {
  @Test func openEndedModalBanIntroducesNumberedItems() {
    let text = """
      4.2 The Customer shall not, unless expressly allowed in this agreement or by law

      4.2.1 lend or rent the program to anyone;

      4.2.2 remove or alter the notice of the vendor's proprietary rights in the program;

      4.2.3 take the program apart by reverse engineering it.
      """
    let k = kinds(text)
    #expect(k.contains(.retainNotices))
    #expect(k.contains(.noReverseEngineering))
  }

  /// Permissive-licence wordings the "Not understood" list of conformant texts showed: endorsement bans
  /// naming the names in quotes, an acknowledgement to retain, source "included or available for no
  /// more than the cost of distribution", a font "modified or unmodified" only under this licence, and
  /// a modified version to release publicly.
  @Test(arguments: [
    (
      "3. The names \"Quill\" and \"Quill Garden\" must not be used to endorse or promote products derived from this software without prior written permission.",
      ClauseKind.trademark
    ),
    (
      "4. Redistributions of any form whatsoever must retain the following acknowledgment: \"This product includes software written by the Quill Garden.\"",
      .retainNotices
    ),
    (
      "You may pass the kit on. Its source code must either be included with it or be available for at most what copying costs.",
      .discloseSource
    ),
    (
      "The Typeface, modified or unmodified, in part or in whole, must be distributed entirely under this licence.",
      .shareAlike
    ),
    (
      "If your program depends on a modified version of this package, you must publicly release the modified version of this package.",
      .discloseSource
    ),
  ])
  func permissiveConditionsInOtherWords(_ text: String, _ kind: ClauseKind) {
    #expect(kinds(text).contains(kind), "\(text)")
  }

  /// The same words without the duty: a name that is no endorsement ban, source that is merely
  /// available, a notice that asks nothing.
  @Test(arguments: [
    ("The names of the towns are listed in the appendix and must be spelled as shown.", ClauseKind.trademark),
    ("The source code is available from the project's website.", .discloseSource),
  ])
  func permissiveConditionTraps(_ text: String, _ kind: ClauseKind) {
    #expect(!kinds(text).contains(kind), "\(text)")
  }

  /// Passive keeping verbs, a name that may not "appear in their names", and acknowledging "the
  /// copyright and authors".
  @Test(arguments: [
    ("Anyone may copy and share this file, as long as this notice is preserved.", ClauseKind.retainNotices),
    ("You may use the fonts freely, as long as the copyright notices are retained in every copy.", .retainNotices),
    (
      "Products derived from this software may not use the \"quill.example\" name, nor may \"quill.example\" appear in their names.",
      .naming
    ),
    (
      "Printed versions of this guide, if sold without the source, must acknowledge the copyright and authors of this work.",
      .attributionDisplay
    ),
    (
      "You must make sure that everyone who gets a copy of the kit from you also receives the License and the copyright notice.",
      .includeLicense
    ),
  ])
  func keepingAndNamingInOtherWords(_ text: String, _ kind: ClauseKind) {
    #expect(kinds(text).contains(kind), "\(text)")
  }

  /// SSLeay's copyleft in its own words: the terms of any version or derivative "cannot be changed".
  @Test func distributionTermsCannotBeChanged() {
    let text =
      "The licence and distribution terms for any public version or derivative of this kit cannot be changed; the kit cannot be copied and put under another licence."
    #expect(kinds(text).contains(.shareAlike))
    #expect(!kinds("The distribution terms of the kit may be changed by the author.").contains(.shareAlike))
  }

  /// Derived products "may not be called" the original's name: a naming rule.
  @Test func derivedProductsMayNotBeCalled() {
    let text =
      "5. Products derived from this software may not be called \"Quill\", nor may \"Quill\" appear in their name, without prior written permission of the Quill Group."
    #expect(kinds(text).contains(.naming))
    #expect(!kinds("The tool may not be called from a signal handler.").contains(.naming))
  }

  /// The zlib variant that turns the courtesy into a duty; the original asks nothing.
  @Test func acknowledgementIsRequired() {
    let duty = "If you use this library in a product, an acknowledgment in the product documentation is required."
    #expect(kinds(duty).contains(.attributionDisplay))
    let courtesy =
      "If you use this library in a product, an acknowledgment in the product documentation would be appreciated but is not required."
    #expect(!kinds(courtesy).contains(.attributionDisplay))
  }

  /// Use restrictions kept at another address bind as a use policy does: OSD 6 cannot pass on this text.
  @Test func useRestrictionsElsewhere() {
    let text = """
      You may freely redistribute and use these samples, with or without changes, if you keep the
      copyright notice and the use restrictions. See use restrictions at /quillwort/samples/terms.
      """
    #expect(kinds(text).contains(.acceptableUsePolicy))
    #expect(!kinds("Use restrictions: you may not rent the samples.").contains(.acceptableUsePolicy))
  }

  /// The notice to carry stands on the line after the duty, which names no notice itself.
  @Test func copyrightLineAfterIncludeTheFollowing() throws {
    let text = """
      3. Each Contributor must include the following in a prominent place in the Program:

      Copyright (C) 2031 Quillwort Garden Cooperative and others. All Rights Reserved.

      In addition, each Contributor must say which parts it wrote.
      """
    let c = try #require(clauses(text).first { $0.kind == .retainNotices })
    #expect(c.parameters.noticeText?.hasPrefix("Copyright (C) 2031 Quillwort Garden") == true)
    // The same duty before a line that is no copyright notice is no notice to keep.
    let trap = "Each Contributor must include the following in its release notes:\n\nA list of the changes made.\n"
    #expect(!kinds(trap).contains(.retainNotices))
  }

  @Test func headingWithoutABanOpensNoList() {
    let text = """
      4.2 What the Customer may do

      4.2.1 take the program apart by reverse engineering it where the law allows;
      """
    #expect(!kinds(text).contains(.noReverseEngineering))
  }

  @Test func assigningTheAgreementIsNoLicenceCopy() {
    let text = "You may not assign this agreement or give the programs or an interest in them to anyone else."
    #expect(!kinds(text).contains(.includeLicense))
  }
}

extension RealWordingRecallTests {
  @Test func siblingItemWithABanOpensNoList() {
    let text = """
      (b) your products may not compete with the program,

      (c) the vendor shall defend you against claims that the program infringes the rights of others.
      """
    #expect(!kinds(text).contains(.fieldOfUse))
  }
}
