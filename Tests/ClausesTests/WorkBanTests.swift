import Testing

@testable import LicenseCheck

/// Bans on modifying or passing on the work (`no-modification` fails osd-3, `no-redistribution` fails
/// osd-1): the positive evidence a `fail` needs where a grant merely leaves a right out. Sentences
/// written here; each trap uses the same verbs about something else (a notice, the licence text, the
/// reader's own data) or in a form that is no ban.
struct WorkBanTests {
  func kinds(_ text: String) -> Set<ClauseKind> {
    Set(ClauseExtractor.extract(from: TokenizedText(text)).map(\.kind))
  }

  @Test(arguments: [
    ("You may not modify, translate or create derivative works of the Product.", true),
    ("Licensee shall not alter or adapt the Software in any way.", true),
    ("You agree not to make any modifications to the Toolkit.", true),
    ("The Software may not be modified without the prior written consent of Quillon.", true),
    ("You may copy the Kit, provided that you do not modify it.", true),
    ("You may not distribute modified versions of the Library.", true),
    // Traps: the object is not the work, or the sentence is no ban.
    ("This notice may not be removed or altered from any source distribution.", false),
    ("You may not modify the terms of this Agreement.", false),
    ("Nothing in this licence shall restrict your right to modify the Software.", false),
    ("You do not need to modify the Software to use it.", false),
    ("We will not modify your content without your permission.", false),
  ])
  func noModification(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.noModification) == expected, "\(text)")
  }

  @Test(arguments: [
    ("You shall not rent, lease, lend or sell the Product to any third party.", true),
    ("The Software may not be redistributed without Tamsin's written permission.", true),
    ("Licensee may not distribute the Documentation.", true),
    // Traps: only a standalone sale is banned (allowed by OSD 1), or the verb concerns something else.
    ("The Font Software may be bundled with other programs, but it may not be sold by itself.", false),
    ("We will not sell your personal information.", false),
    ("You may not distribute this licence text in a changed form.", false),
    // Narrowed to some copies or ways, or a ban on charging only: yields to a grant of distribution.
    (
      "You may use, copy and distribute the Kit. You may not distribute Covered Code that infringes the rights of others.",
      false
    ),
    ("You may use, copy and distribute the Kit. You may not distribute the Kit as a paid hosted service.", false),
    ("You may use, copy and distribute the Kit. You may not sell the Kit.", false),
    ("Licensee may not distribute the Kit to any third party.", true),
    ("Licensee may not distribute QKIT to any third party.", true),
    // In capitals every word looks like a name; the object is still read as in lower case.
    ("YOU MAY NOT MODIFY THE SOFTWARE OR PUBLISH PATCHES TO IT.", false),
    ("LICENSEE MAY NOT DISTRIBUTE QUILL-KIT OUTSIDE ITS ORGANISATION.", true),
  ])
  func noRedistribution(_ text: String, _ expected: Bool) {
    #expect(kinds(text).contains(.noRedistribution) == expected, "\(text)")
  }

  /// A ban that leaves room for the grant ("except as this licence allows") counts only where no grant
  /// names the right: copyleft licences state both.
  @Test func qualifiedBanYieldsToTheGrant() {
    let copyleft =
      "You may copy, modify and distribute the Program under the terms below. You may not modify or distribute the Program except as expressly provided under this License."
    #expect(!kinds(copyleft).contains(.noModification))
    #expect(!kinds(copyleft).contains(.noRedistribution))
    let eula =
      "Quillon grants you a licence to install and use the Program. Except as expressly permitted in this Agreement, you may not modify or distribute the Program."
    #expect(kinds(eula).contains(.noModification))
    #expect(kinds(eula).contains(.noRedistribution))
  }

  /// Items of a "You may not:" list are bans too, and count like qualified ones.
  @Test func banListItems() {
    let text = """
      Quillon grants you a licence to use the Software. You may not:
      (a) modify or translate the Software;
      (b) rent or lend the Software to others.
      """
    let k = kinds(text)
    #expect(k.contains(.noModification))
    #expect(k.contains(.noRedistribution))
  }

  /// The bans decide osd-1 and osd-3 with their clause ids.
  @Test func bansFailTheCriteria() throws {
    let text =
      "Quillon grants you a licence to use the Program. You may not modify the Program. You shall not distribute the Program."
    let a = Analyzer().analyze(try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE"))
    let osd1 = try #require(a.osd.first { $0.criterion == "osd-1" })
    let osd3 = try #require(a.osd.first { $0.criterion == "osd-3" })
    #expect(osd1.verdict == .fail)
    #expect(osd3.verdict == .fail)
    #expect(osd3.because.contains { a.clauses[$0].kind == .noModification })
    #expect(osd1.because.contains { a.clauses[$0].kind == .noRedistribution })
    #expect(!a.osdConformant)
  }

  /// A pointer to a trademark clause before the grant does not make it a trademark licence.
  @Test func trademarkClausePointerKeepsTheGrant() {
    let text =
      "Subject to the Limitations and Trademark clauses below, we hereby grant you the right to use, copy, modify and redistribute the Kit."
    let grants = ClauseExtractor.extract(from: TokenizedText(text)).filter { $0.kind == .copyrightGrant }
    #expect(grants.contains { ($0.parameters.rights ?? []).contains(.modify) })
  }
}

/// Grant sentences whose conditions name acts: conditions are not rights.
struct GrantConditionTests {
  func grants(_ text: String) -> [Clause] {
    ClauseExtractor.extract(from: TokenizedText(text)).filter { $0.kind == .copyrightGrant }
  }

  @Test func conditionsAfterProvidedThatAreNotRights() throws {
    let g = try #require(
      grants(
        "Quillon grants you a limited licence to reproduce and distribute the Kit, provided that you do not remove or alter any notices in it."
      ).first)
    #expect(g.parameters.rights == [.reproduce, .distribute])
  }

  @Test func conditionOnModifiedVersionsImpliesModifying() throws {
    let g = try #require(
      grants("Permission is granted to use and distribute this kit, as long as modifications are clearly marked.").first
    )
    #expect((g.parameters.rights ?? []).contains(.modify))
  }

  @Test(arguments: [
    ("You may terminate this Agreement at any time by destroying all copies of the Kit.", false),
    ("Usage of the works is permitted provided that this notice is kept with them.", true),
    ("Redistribution and use of the kit, with or without changes, is allowed provided that the notice is kept.", true),
    (
      "Permission to copy and distribute this paper is hereby granted, provided that you include the following notice on all copies.",
      true
    ),
    // An exception inside a ban is no grant.
    ("You may not decompile the kit (except where such acts are allowed by law).", false),
  ])
  func notGrantsAndPlainGrants(_ text: String, _ expected: Bool) {
    #expect(!grants(text).isEmpty == expected, "\(text)")
  }

  @Test func feesWording() throws {
    let g = try #require(grants("Quillon grants you a licence without fees to reproduce the Kit.").first)
    #expect(g.parameters.royaltyFree == true)
  }
}
