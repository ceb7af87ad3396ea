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
  /// How many leading words an SPDX name's words are looked for in: titles are short, and a
  /// longer window finds name words ("GNU") in the body.
  static let nameHeadWords = 25

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
  struct NamePatterns: Sendable {
    /// Distinctive words of the name (generic words such as "license" or "version" dropped).
    let words: [UInt64]
    /// Accepted spellings of the version (`2.0`, and `2` for a `.0` version).
    let versions: [UInt64]

    static let generic: Set<UInt64> = Set(
      [
        "license", "licenses", "the", "version", "v", "of", "and", "or", "only", "later", "public", "agreement",
        "terms", "for", "a", "with", "exception", "variant", "general",
      ].map(wordHash))

    init(id: String, name: String) {
      let version = NamePatterns.version(ofID: id)
      var vs: [UInt64] = []
      if let v = version {
        vs.append(wordHash(v))
        if v.hasSuffix(".0") { vs.append(wordHash(String(v.dropLast(2)))) }
      }
      versions = vs
      let nameWords = TitleEvidence.phrase(name)
      words = nameWords.filter { !NamePatterns.generic.contains($0) && !vs.contains($0) }
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

    /// Fraction of the name's words in the head, plus one when the version is there too.
    func score(_ words: [UInt64]) -> Double {
      let head = words.prefix(TitleEvidence.nameHeadWords)
      var s = 0.0
      if !self.words.isEmpty {
        let hit = self.words.filter { head.contains($0) }.count
        s += Double(hit) / Double(self.words.count)
      }
      if !versions.isEmpty, versions.contains(where: { head.contains($0) }) { s += 1 }
      return s
    }
  }
}
