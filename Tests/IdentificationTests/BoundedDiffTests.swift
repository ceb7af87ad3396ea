import Foundation
import LicenseCheck
import Testing

/// Issue 18, item 9: the word diff behind `identify --explain` is bounded and says when it was cut.
struct BoundedDiffTests {
  static let reference = """
    The gardener grants you a licence to copy, change and share the seed catalogue, provided that
    you keep this notice and state what you changed. The catalogue comes without warranty.
    """

  /// Pseudo-random words (a fixed linear congruential generator: the same words every run).
  static func noise(words: Int) -> String {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let vocabulary = reference.split(separator: " ").map(String.init) + ["moss", "fern", "reed", "sedge"]
    var out: [String] = []
    out.reserveCapacity(words)
    for _ in 0..<words {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      out.append(vocabulary[Int(state >> 33) % vocabulary.count])
    }
    return out.joined(separator: " ")
  }

  @Test func smallDiffsAreExactAndUncut() {
    let text = Self.reference.replacingOccurrences(of: "share", with: "sell")
    let d = Identifier.wordDiff(TokenizedText(text), TokenizedText(Self.reference), reference: "R")
    #expect(d.note == nil)
    #expect(d.runs.map(\.words) == ["share", "sell"])
  }

  @Test func hugeUnrelatedInputsAreCutWithANote() {
    let text = TokenizedText(Self.noise(words: 100_000))
    let ref = TokenizedText(Self.noise(words: 5_000) + " " + Self.reference)
    let d = Identifier.wordDiff(text, ref, reference: "R")
    #expect(d.note?.contains("diff cut") == true)
    #expect(d.runs.count <= 2)
    #expect(d.sharedWords >= 0)
  }
}
