/// Title and version evidence: does a text name a licence (and its version) in its own words?
///
/// Near-identical versions (Llama 3.1 and 3.3, Gemma terms of 2024 and 2025, AFL and OSL)
/// differ in a handful of words, so similarity alone cannot separate them reliably; the
/// title and version a text states can. Phrases are compared as normalised word-hash
/// sequences, so case, punctuation and line breaks do not matter.
struct TitleEvidence: Sendable {
  /// How many leading words count as "the title area" for catalogue titles (which may follow a
  /// short preamble, as the Llama "Version Release Date" line does).
  static let headWords = 80
  /// The title area for SPDX names: the title block, or at least this many leading words.
  /// Kept short, because a longer window finds names in the body ("the GNU General Public
  /// License" inside an exception's text).
  static let nameHeadWords = 16
  /// The title area never extends beyond this many words.
  static let nameHeadLimit = 60

  /// A phrase as normalised word hashes.
  typealias Phrase = [UInt64]

  /// Normalises a phrase the way texts are normalised.
  static func phrase(_ s: String) -> Phrase {
    TokenizedText(s).tokens.filter(\.isWordLike).map(\.hash)
  }

  /// The first word index where `phrase` occurs in `words`, searching `words[..<limit]`.
  static func firstOccurrence(of phrase: Phrase, in words: [UInt64], limit: Int = .max) -> Int? {
    guard let first = phrase.first else { return nil }
    let end = min(words.count, limit) - phrase.count
    guard end >= 0 else { return nil }
    var i = 0
    while i <= end {
      if words[i] == first {
        var k = 1
        while k < phrase.count, words[i + k] == phrase[k] { k += 1 }
        if k == phrase.count { return i }
      }
      i += 1
    }
    return nil
  }

  /// Catalogue patterns, normalised once.
  struct CataloguePatterns: Sendable {
    let titles: [Phrase]
    let versions: [Phrase]

    init(_ entry: CatalogueEntry) {
      titles = entry.recognition.titlePatterns.map(TitleEvidence.phrase).filter { !$0.isEmpty }
      versions = (entry.recognition.versionPatterns ?? []).map(TitleEvidence.phrase).filter { !$0.isEmpty }
    }

    /// A score (higher is stronger) and the earliest title position (for ties).
    func score(_ words: [UInt64]) -> (score: Int, position: Int) {
      var best = Int.max
      for t in titles {
        if let p = TitleEvidence.firstOccurrence(of: t, in: words), p < best { best = p }
      }
      var s = best == .max ? 0 : best < TitleEvidence.headWords ? 4 : 2
      if versions.contains(where: { TitleEvidence.firstOccurrence(of: $0, in: words) != nil }) { s += 1 }
      return (s, best)
    }
  }

  /// Evidence from an SPDX licence's full name and the version in its id.
  ///
  /// The name's leading words up to its version (`GNU General Public License` of
  /// `GNU General Public License v2.0 only`) must occur as a phrase in the title area, and the
  /// version (`2.0`, or `2` for a `.0` version) must occur there as a word. Fractions of
  /// names are not counted: they favour short names over specific ones (`CC-BY-1.0` over
  /// `CC-BY-NC-1.0`).
  struct NamePatterns: Sendable {
    /// The name's words before its version.
    let phrase: Phrase
    /// The version as written (`2.0`).
    let version: UInt64?
    /// For a `.0` version, the bare major number (`2`), which counts only after "version" or "v".
    let major: UInt64?

    static let versionWords: Set<UInt64> = [wordHash("version"), wordHash("v")]

    init(id: String, name: String) {
      let v = NamePatterns.version(ofID: id)
      version = v.map(wordHash)
      major = v.flatMap { $0.hasSuffix(".0") ? wordHash(String($0.dropLast(2))) : nil }
      let t = TokenizedText(name)
      var p: Phrase = []
      for tok in t.tokens {
        if tok.kind == .punctuation {
          if t.normalizedSlice(tok).first == UInt8(ascii: "(") { break }
          continue
        }
        let w = t.normalized(tok)
        // Stop at the version: a number, `v2`, `v`, `version`.
        if tok.kind == .number || w == "v" || w == "version"
          || (w.count > 1 && w.hasPrefix("v") && w.dropFirst().allSatisfy(\.isNumber))
        {
          break
        }
        p.append(tok.hash)
      }
      phrase = p
    }

    /// The version component of an SPDX id (`GPL-2.0-only` → `2.0`, `LPPL-1.3c` → `1.3c`), if any.
    static func version(ofID id: String) -> String? {
      for part in id.split(separator: "-") {
        let u = Array(part.utf8)
        guard let f = u.first, f >= 0x30, f <= 0x39, u.contains(0x2E) else { continue }
        return String(part).lowercased()
      }
      return nil
    }

    /// Whether the version occurs in `head`.
    func hasVersion(_ head: ArraySlice<UInt64>) -> Bool {
      guard let version else { return false }
      var previous: UInt64 = 0
      for w in head {
        if w == version || (w == major && NamePatterns.versionWords.contains(previous)) { return true }
        previous = w
      }
      return false
    }

    /// Whether the name phrase occurs in `head`.
    func hasPhrase(_ head: ArraySlice<UInt64>) -> Bool {
      phrase.count >= 2 && TitleEvidence.firstOccurrence(of: phrase, in: Array(head)) != nil
    }

    /// Whether this name's phrase is a proper prefix of another's (`Creative Commons Attribution`
    /// of `Creative Commons Attribution Non Commercial`): then finding it says nothing against the
    /// more specific name, whose extra words may be spelt differently in the text.
    func isPrefix(of other: NamePatterns) -> Bool {
      phrase.count < other.phrase.count && Array(other.phrase.prefix(phrase.count)) == phrase
    }
  }
}
