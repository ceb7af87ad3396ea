/// Says which known licence a text is, offline, from the embedded fingerprint index and catalogue.
///
/// ```swift
/// let id = Identifier.standard.identify(TokenizedText(licenceText))
/// print(id?.id, id?.method, id?.confidence, id?.coverage)
/// ```
///
/// Methods, strongest first:
/// - `exact`: the normalised word sequence (title, copyright lines and bullets aside) hashes
///   equal to a known licence's.
/// - `similarity`: multiset trigram similarity. `confidence` is the Dice coefficient of the two
///   multisets (how alike the texts are as wholes); `coverage` is the share of the known
///   licence's trigrams found in the text (how much of it is there, whatever else the text adds).
///   When several candidates score within ``margin`` of each other, title and version evidence
///   decides; within a catalogue family, a version the text names in its title wins over the
///   version whose reference text was indexed.
/// - `title`: nothing scores well enough, but the text opens with a known licence title.
/// - `template` is reported by ``SPDXTemplateMatcher`` when a corpus folder is given.
public struct Identifier: Sendable {
  /// The fingerprint index.
  public let index: FingerprintIndex
  /// The catalogue.
  public let catalogue: Catalogue

  /// Below this Dice coefficient (and coverage below ``minimumCoverage``) no guess is made.
  public static let minimumConfidence = 0.5
  /// A text containing at least this share of a licence's trigrams is that licence plus extra text.
  public static let minimumCoverage = 0.8
  /// Candidates this close to the best are told apart by title and version evidence.
  public static let margin = 0.04
  /// How many candidates an identification lists.
  public static let candidateLimit = 5

  private let entryOfLicense: [Int?]
  private let cataloguePatterns: [TitleEvidence.CataloguePatterns]
  private let hasModulus1: Bool
  private let hasModulus2: Bool

  /// Creates an identifier over an index and a catalogue.
  ///
  /// - Complexity: O(licences + catalogue entries).
  public init(index: FingerprintIndex, catalogue: Catalogue) {
    self.index = index
    self.catalogue = catalogue
    var entryByID: [String: Int] = [:]
    for (k, e) in catalogue.entries.enumerated() { entryByID[e.id] = k }
    entryOfLicense = index.licenses.map { entryByID[$0.id] }
    cataloguePatterns = catalogue.entries.map(TitleEvidence.CataloguePatterns.init)
    hasModulus1 = index.licenses.contains { $0.modulus == 1 }
    hasModulus2 = index.licenses.contains { $0.modulus <= 2 }
  }

  /// A scored licence.
  public struct Score: Sendable, Equatable {
    /// Index into ``FingerprintIndex/licenses``.
    public let license: Int
    /// Dice coefficient of the sampled trigram multisets, in [0, 1].
    public let confidence: Double
    /// Share of the licence's sampled trigrams present in the text, in [0, 1].
    public let coverage: Double
  }

  /// Scores every licence sharing trigrams with the text, best first.
  ///
  /// - Complexity: O(n log n) in the text's words plus the postings of its trigrams.
  public func rank(_ fingerprint: Fingerprint, limit: Int = 10) -> [Score] {
    let count = index.licenses.count
    var shared = [Int32](repeating: 0, count: count)
    var touched: [Int] = []
    var total1 = 0
    var total2 = 0
    var total4 = 0
    for (h, c) in zip(fingerprint.ngrams, fingerprint.counts) {
      let c = Int(min(c, 255))
      total1 += c
      if h & 1 == 0 { total2 += c }
      if h & 3 == 0 { total4 += c }
      // Only hashes some licence keeps can hit.
      if !hasModulus1, h & 1 != 0 { continue }
      if !hasModulus2, h & 3 != 0 { continue }
      guard let range = index.postings(of: h) else { continue }
      for p in range {
        let lic = Int(index.postingLicense[p])
        if shared[lic] == 0 { touched.append(lic) }
        shared[lic] += Int32(min(c, Int(index.postingCount[p])))
      }
    }
    var scores: [Score] = []
    scores.reserveCapacity(touched.count)
    for lic in touched {
      let l = index.licenses[lic]
      let q = l.modulus == 1 ? total1 : l.modulus == 2 ? total2 : total4
      let i = Double(shared[lic])
      let dice = 2 * i / Double(q + l.sampledTotal)
      let coverage = l.sampledTotal > 0 ? i / Double(l.sampledTotal) : 0
      scores.append(Score(license: lic, confidence: dice, coverage: coverage))
    }
    scores.sort {
      $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.license < $1.license
    }
    return Array(scores.prefix(limit))
  }

  /// Identifies a text, or returns nil when no known licence matches well enough.
  ///
  /// - Complexity: O(n log n) in the text's words; typically tens of microseconds.
  public func identify(_ text: TokenizedText) -> Identification? {
    let words = FingerprintWords(text)
    guard !words.hashes.isEmpty else { return nil }
    let fp = Fingerprint(words: words)

    // 1. Exact: several ids can share one normalised text (GPL-2.0-only and GPL-2.0-or-later).
    let exact = index.licenses(withExactHash: fp.exactHash)
    if !exact.isEmpty {
      let ordered = exact.sorted { better($0, $1, fp.fullHash, words) }
      let best = ordered[0]
      let others = ordered.dropFirst().prefix(Self.candidateLimit).map {
        IdentificationCandidate(id: index.licenses[$0].id, confidence: 1)
      }
      // The title block is not part of the exact hash, so a body identical to one version under
      // another version's title (and date) lands here: the title decides, as a near match.
      if let e = entryOfLicense[best], let switched = familyVersion(from: e, words.hashes) {
        let entry = catalogue.entries[switched]
        return Identification(
          id: entry.id, name: entry.name, family: entry.family, version: entry.version, confidence: 1,
          method: "similarity", candidates: [IdentificationCandidate(id: index.licenses[best].id, confidence: 1)],
          coverage: 1)
      }
      return identification(license: best, confidence: 1, coverage: 1, method: "exact", candidates: Array(others))
    }

    // 2. Similarity.
    let ranked = rank(fp, limit: 24)
    guard let top = ranked.first,
      top.confidence >= Self.minimumConfidence || top.coverage >= Self.minimumCoverage
    else {
      return titleOnly(words.hashes)
    }
    // Close candidates: title and version evidence decides among them.
    let close = ranked.filter { top.confidence - $0.confidence <= Self.margin }
    var chosen = top
    if close.count > 1 {
      let rivals = close.map(\.license)
      let scored = close.map { (score: $0, evidence: evidence($0.license, words, rivals: rivals)) }
      // Only strictly stronger evidence displaces the best score.
      var best = scored[0]
      for s in scored.dropFirst() where s.evidence > best.evidence { best = s }
      chosen = best.score
    }
    let rest = ranked.filter { $0.license != chosen.license }.prefix(Self.candidateLimit).map {
      IdentificationCandidate(id: index.licenses[$0.license].id, confidence: Self.round($0.confidence))
    }
    // A catalogue family version named in the text's title, whose own text is not indexed.
    if let e = entryOfLicense[chosen.license], let switched = familyVersion(from: e, words.hashes) {
      let entry = catalogue.entries[switched]
      var cands = [
        IdentificationCandidate(id: index.licenses[chosen.license].id, confidence: Self.round(chosen.confidence))
      ]
      cands += rest.prefix(Self.candidateLimit - 1)
      return Identification(
        id: entry.id, name: entry.name, family: entry.family, version: entry.version,
        confidence: Self.round(chosen.confidence), method: "similarity", candidates: cands,
        coverage: Self.round(chosen.coverage))
    }
    return identification(
      license: chosen.license, confidence: chosen.confidence, coverage: chosen.coverage, method: "similarity",
      candidates: Array(rest))
  }

  /// Identifies a plain text.
  public func identify(_ text: String) -> Identification? { identify(TokenizedText(text)) }

  /// Evidence that the text names this licence: catalogue patterns or the SPDX name and version.
  ///
  /// `rivals` are the other close candidates: an SPDX name phrase that merely begins a rival's
  /// longer name does not count.
  private func evidence(_ license: Int, _ words: FingerprintWords, rivals: [Int] = []) -> Double {
    if let e = entryOfLicense[license] {
      let s = cataloguePatterns[e].score(words.hashes)
      return Double(s.score) / 2.5
    }
    let head = words.hashes.prefix(
      min(max(words.bodyStart, TitleEvidence.nameHeadWords), TitleEvidence.nameHeadLimit))
    // Name patterns are built on demand: only the few close candidates need them.
    let p = namePattern(license)
    var s = p.hasVersion(head) ? 1.0 : 0
    if p.hasPhrase(head),
      !rivals.contains(where: { $0 != license && entryOfLicense[$0] == nil && p.isPrefix(of: namePattern($0)) })
    {
      s += 1
    }
    return s
  }

  private func namePattern(_ license: Int) -> TitleEvidence.NamePatterns {
    TitleEvidence.NamePatterns(id: index.licenses[license].id, name: index.licenses[license].name)
  }

  /// Orders exact-match group members: same title too, stronger title evidence, not deprecated, index order.
  private func better(_ a: Int, _ b: Int, _ fullHash: UInt64, _ words: FingerprintWords) -> Bool {
    let fa = index.licenses[a].fullHash == fullHash
    let fb = index.licenses[b].fullHash == fullHash
    if fa != fb { return fa }
    let ea = evidence(a, words)
    let eb = evidence(b, words)
    if ea != eb { return ea > eb }
    let da = index.licenses[a].flags.contains(.deprecated)
    let db = index.licenses[b].flags.contains(.deprecated)
    if da != db { return !da }
    return a < b
  }

  /// Another entry of the same family and kind whose title the text states, when the entry's own is absent.
  private func familyVersion(from e: Int, _ words: [UInt64]) -> Int? {
    let entry = catalogue.entries[e]
    let own = cataloguePatterns[e].score(words)
    var best: (Int, Int, Int)? = nil
    for (k, other) in catalogue.entries.enumerated()
    where k != e && other.family == entry.family && other.kind == entry.kind {
      let s = cataloguePatterns[k].score(words)
      guard s.score > own.score || (s.score == own.score && s.score > 0 && s.position < own.position) else {
        continue
      }
      if let b = best, b.1 > s.score || (b.1 == s.score && b.2 <= s.position) { continue }
      best = (k, s.score, s.position)
    }
    return best?.0
  }

  /// A catalogue title at the very start of the text, when nothing else matched.
  private func titleOnly(_ words: [UInt64]) -> Identification? {
    var best: (Int, Int)? = nil
    for (k, p) in cataloguePatterns.enumerated() {
      for t in p.titles {
        guard let pos = TitleEvidence.firstOccurrence(of: t, in: words, limit: 40) else { continue }
        if best == nil || pos < best!.1 { best = (k, pos) }
      }
    }
    guard let (k, _) = best else { return nil }
    let e = catalogue.entries[k]
    return Identification(
      id: e.id, name: e.name, family: e.family, version: e.version, confidence: 0.5, method: "title",
      candidates: [])
  }

  func identification(
    license: Int, confidence: Double, coverage: Double, method: String, candidates: [IdentificationCandidate]
  ) -> Identification {
    let lic = index.licenses[license]
    if let e = entryOfLicense[license] {
      let entry = catalogue.entries[e]
      return Identification(
        id: entry.id, name: entry.name, family: entry.family, version: entry.version,
        confidence: Self.round(confidence), method: method, candidates: candidates, coverage: Self.round(coverage))
    }
    let version = TitleEvidence.NamePatterns.version(ofID: lic.id)
    return Identification(
      id: lic.id, name: lic.name, family: version == nil ? nil : Self.family(ofID: lic.id), version: version,
      confidence: Self.round(confidence), method: method, candidates: candidates, coverage: Self.round(coverage))
  }

  /// The id components before the version, lowercased (`GPL-2.0-only` → `gpl`, `CC-BY-SA-4.0` → `cc-by-sa`).
  static func family(ofID id: String) -> String {
    var parts: [Substring] = []
    for p in id.split(separator: "-") {
      if let f = p.utf8.first, f >= 0x30, f <= 0x39 { break }
      parts.append(p)
    }
    return parts.joined(separator: "-").lowercased()
  }

  /// Three decimals are plenty for a report and keep JSON stable across platforms.
  static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
