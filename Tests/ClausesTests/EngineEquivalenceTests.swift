import Foundation
import Testing

@testable import LicenseCheck

/// The byte-level fast paths give what the slower string code they replaced gave. Texts written here.
struct EngineEquivalenceTests {
  /// The character-level folding the unexplained finder used before.
  static func foldedByCharacters(_ s: String) -> String {
    s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
  }

  @Test(arguments: [
    "", "\n", "\n\n\t", "one line", "  spaced  ", "a\nb", "a\n\n\nb", "\ta\tb\t", "a\r\nb", "\r\n", "a\r\r\nb",
    "a\n\r\nb\r", "a\rb", "résumé\nnaïve\tœuvre", "x \n y", "\u{301}\nx", "e\n\u{301}", "end\n",
    "Licensee must\n  keep this notice\r\n\tin every copy.",
  ])
  func foldedMatchesCharacterSplit(_ s: String) {
    let bytes = Array(s.utf8)
    #expect(UnexplainedFinder.folded(bytes[...]) == Self.foldedByCharacters(s))
  }
}
