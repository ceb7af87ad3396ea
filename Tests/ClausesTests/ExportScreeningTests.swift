import Foundation
import Testing

@testable import LicenseCheck

/// Export and sanctions clauses that name whom or where they shut out (`territory`, `user-restriction`
/// beside `export-control`), and the ones that only restate export law. Sentences written here.
struct ExportScreeningTests {
  func clauses(_ text: String) -> [Clause] { ClauseExtractor.extract(from: TokenizedText(text)) }

  func territory(_ text: String) -> [String]? {
    clauses(text).first { $0.kind == .territory }?.parameters.excluded
  }

  func who(_ text: String) -> Set<String> {
    Set(clauses(text).filter { $0.kind == .userRestriction }.compactMap(\.parameters.who))
  }

  /// Named countries beside a bar are excluded places, listed in the order written.
  @Test(arguments: [
    (
      "The kit may not be shipped or re-exported into, or to a resident of, Syria, Cuba or North Korea.",
      ["Syria", "Cuba", "North Korea"]
    ),
    (
      "You state that you are not a citizen of, nor based in, Iran, Sudan or Libya, nor any place the U.S. bars exports to.",
      ["Iran", "Sudan", "Libya"]
    ),
    (
      "Re-export or transfer of the tool to Cuba, Iraq and Syria is prohibited under the export rules.",
      ["Cuba", "Iraq", "Syria"]
    ),
    (
      "You confirm that you are not located in any country in Country Group E:1 of the export regulations.",
      ["Country Group E:1"]
    ),
  ])
  func namedCountries(_ text: String, _ expected: [String]) {
    #expect(territory(text) == expected, "\(text)")
  }

  /// Export law restated, or countries named with no bar on the licensee: export control only.
  @Test(arguments: [
    // The law's own exceptions, stated as what the law allows.
    "Under current rules the tool may be exported anywhere except to embargoed places such as Cuba and Iran.",
    // Compliance with the export rules when shipping to listed places; the bar is about other persons.
    "You will follow the export rules when you ship the tool to places the U.S. restricts, such as Cuba or Syria, or to anyone prohibited from taking part in exports.",
    // An export ban to a class of places the licence does not name.
    "The code may not be exported except as U.S. law allows, in particular not into any U.S. embargoed country or to anyone on a U.S. denied-party list.",
    // A statement that points back at such a clause.
    "By using the code you warrant that you are not located in any such country or on any such list.",
  ])
  func lawRestatedIsNoExclusion(_ text: String) {
    let c = clauses(text)
    #expect(!c.contains { $0.kind == .territory }, "\(text)")
    #expect(!c.contains { $0.kind == .userRestriction }, "\(text)")
  }

  /// People who live in restricted countries, or are on denied-party lists, may not be licensees.
  @Test(arguments: [
    (
      "By downloading, the licensee warrants that it is not located in, or a national of, any restricted country.",
      ["residents of embargoed countries"]
    ),
    (
      "You confirm that you do not live in, and are not a resident of, a country under a U.S. embargo.",
      ["residents of embargoed countries"]
    ),
    (
      "You affirm that you are not currently residing in a region under U.S. sanctions.",
      ["residents of embargoed countries"]
    ),
    (
      "The kit may not be exported to Cuba or Iran, or to anyone on the U.S. Specially Designated Nationals list.",
      ["sanctioned-parties"]
    ),
    (
      "The kit may not be exported to Cuba or Iran, or to a national or resident of those countries.",
      ["residents of embargoed countries"]
    ),
  ])
  func screenedPersons(_ text: String, _ expected: [String]) {
    #expect(who(text) == Set(expected), "\(text)")
  }

  /// A bar that announces its countries after a colon takes them from the list that follows.
  @Test func countriesListedAfterTheBar() {
    let text = """
      You will not ship the kit for export or re-export to the embargoed countries listed below:

      Cuba, Iran, North Korea and Syria

      Other terms follow here.
      """
    let t = clauses(text).filter { $0.kind == .territory }
    #expect(t.count == 1)
    #expect(t.first?.parameters.excluded == ["Cuba", "Iran", "North Korea", "Syria"])
  }

  /// A service offered only where its provider supports it covers only those places.
  @Test(arguments: [
    ("You may use the API only in geographies currently supported by Quillon.", true),
    ("You may only reach the service from within an available region.", true),
    ("The list of supported countries is on our website, and it may change.", false),
  ])
  func supportedPlacesOnly(_ text: String, _ expected: Bool) {
    let t = clauses(text).first { $0.kind == .territory }
    #expect((t?.parameters.included?.isEmpty == false) == expected, "\(text)")
  }

  /// "Specially designated" software packages are no sanctions list.
  @Test func speciallyDesignatedSoftwareIsNoList() {
    let text = "This licence applies to some specially designated software packages; you may not export them."
    #expect(!clauses(text).contains { $0.kind == .userRestriction })
  }
}

/// Terms that single out competitors among licensees, and competitors that are only an object.
struct CompetitorTermsTests {
  func who(_ text: String) -> [String] {
    ClauseExtractor.extract(from: TokenizedText(text)).filter { $0.kind == .userRestriction }.compactMap(
      \.parameters.who)
  }

  @Test(arguments: [
    (
      "If you are a direct competitor and you test the kit for benchmarking, you give up any rule of yours against it.",
      true
    ),
    ("You may not rate your own plug-in, one your employer makes, or those of competitors.", false),
    ("You shall not give a copy of the kit to any company that is a direct competitor of Quillon.", true),
  ])
  func competitors(_ text: String, _ expected: Bool) {
    #expect(who(text).contains("competitors") == expected, "\(text)")
  }
}
