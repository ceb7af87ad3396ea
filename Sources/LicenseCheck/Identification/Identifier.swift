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
    entryByID.reserveCapacity(catalogue.entries.count)
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
    rank(fingerprint, limit: limit, floor: 0)
  }

  /// Scores licences, best first, leaving out those below `floor` in both confidence and coverage
  /// (they never decide, and sorting them costs).
  func rank(_ fingerprint: Fingerprint, limit: Int, floor: Double) -> [Score] {
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
        // A damaged index names no licence beyond the table.
        guard lic < count else { continue }
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
      if dice < floor, coverage < floor * 10 { continue }
      scores.append(Score(license: lic, confidence: dice, coverage: coverage))
    }
    scores.sort {
      $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.license < $1.license
    }
    return Array(scores.prefix(limit))
  }

  /// Identifies a text, or returns nil when no known licence matches well enough.
  ///
  /// After the exact and similarity steps: a text that contains no known licence but names one
  /// (a notice) is identified by ``NoticeRecognizer`` with method `notice`; an SPDX exception
  /// found inside the text is joined to the licence as `X WITH Y` in ``Identification/expression``;
  /// among texts SPDX lists under several ids the canonical id is reported and the others listed
  /// in ``Identification/alternatives``.
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
      // A ScanCode text that ScanCode itself has retired (`x11-r75`, replaced by `mit`) names the
      // SPDX licence it is a near copy of, with its own key kept as an alternative.
      if isScanCodeOnly(best), index.licenses[best].flags.contains(.deprecated),
        let spdx = rank(fp, limit: Self.candidateLimit * 2).first(where: {
          let f = index.licenses[$0.license].flags
          return !isScanCodeOnly($0.license) && !f.contains(.deprecated) && !f.contains(.exception)
            && $0.confidence >= Self.retiredScanCodePreferred
        })
      {
        var id = identification(
          license: spdx.license, confidence: spdx.confidence, coverage: spdx.coverage, method: "similarity",
          candidates: [IdentificationCandidate(id: index.licenses[best].id, confidence: 1)])
        id.alternatives = [index.licenses[best].id]
        return id
      }
      var id = identification(license: best, confidence: 1, coverage: 1, method: "exact", candidates: Array(others))
      id.alternatives = alternatives(of: best, among: exact)
      return id
    }

    // 2. Similarity, exceptions apart: an exception inside a longer text is joined to its licence.
    let all = rank(fp, limit: .max, floor: 0.05)
    let exception = containedException(all)
    let ranked = Array(
      all.lazy.filter {
        !self.index.licenses[$0.license].flags.contains(.exception) || $0.license == all.first?.license
      }
      .prefix(24))
    guard var top = ranked.first,
      top.confidence >= Self.minimumConfidence || top.coverage >= Self.minimumCoverage
    else {
      let notices = NoticeRecognizer.recognize(text)
      if let n = notices.first, var id = noticeIdentification(n, notices) {
        if let e = exception { id.expression = "\(id.id) WITH \(index.licenses[e.license].id)" }
        return id
      }
      if let e = exception { return exceptionOnly(e, ranked) }
      return titleOnly(words.hashes)
    }
    // A text that does not contain most of a licence but names one is a notice.
    // Deprecated ids are left aside here: several are a licence and an exception in one text.
    let licence = ranked.first {
      let f = index.licenses[$0.license].flags
      return !f.contains(.exception) && !(f.contains(.deprecated) && exception != nil)
    }
    // (Deprecated ids include notice-like texts, eCos-2.0 among them: they need a closer match.)
    let looksFull =
      licence.map {
        $0.coverage >= Self.minimumCoverage
          || $0.confidence >= (index.licenses[$0.license].flags.contains(.deprecated) ? 0.7 : Self.minimumConfidence)
      } ?? false
    let isException = index.licenses[top.license].flags.contains(.exception)
    // ScanCode's LicenseDB holds notices in many wordings: a notice that states a versioned
    // licence outranks a loose match of one of them.
    let looseScanCode =
      licence.map { isScanCodeOnly($0.license) && $0.confidence < Self.scanCodeNoticeConfidence } ?? false
    var notices = looksFull && !looseScanCode ? [] : NoticeRecognizer.recognize(text)
    if looksFull, looseScanCode { notices = notices.filter { $0.versionStated && $0.id.contains(".") } }
    let fullText = looksFull && notices.isEmpty
    // The text is mostly an exception: the exception's id, joined to the licence a notice names
    // (often the exception's own words), else to an unknown licence.
    if isException, !fullText, isScanCodeOnly(top.license),
      let spdx = all.first(where: {
        index.licenses[$0.license].flags.contains(.exception) && !isScanCodeOnly($0.license)
          && $0.confidence >= Self.spdxPreferred
      })
    {
      // An SPDX exception before a close ScanCode-only one.
      top = spdx
    }
    if isException, !fullText {
      // A notice and an exception: the licence the notice names, with the exception.
      if top.confidence < Self.exceptionAlone, let n = notices.first, var id = noticeIdentification(n, notices) {
        id = Identification(
          id: id.id, name: id.name, family: id.family, version: id.version,
          confidence: Self.round(id.confidence * min(1, top.coverage)), method: "notice", candidates: id.candidates)
        id.expression = "\(id.id) WITH \(index.licenses[top.license].id)"
        return marked(id)
      }
      var id = identification(
        license: top.license, confidence: top.confidence, coverage: top.coverage, method: "similarity",
        candidates: candidates(ranked, except: top.license))
      let base = notices.first.flatMap { noticeIdentification($0, notices) }?.id ?? "LicenseRef-unknown"
      id.expression = "\(base) WITH \(id.id)"
      return marked(id)
    }
    if let n = notices.first, var id = noticeIdentification(n, notices) {
      if let e = exception { id.expression = "\(id.id) WITH \(index.licenses[e.license].id)" }
      return id
    }
    if isException, let l = licence { top = l }
    var contenders = ranked.filter { !index.licenses[$0.license].flags.contains(.exception) }
    // ScanCode's LicenseDB has many near copies of SPDX licences: an SPDX licence that matches well
    // is preferred to a ScanCode-only id (exact copies of ScanCode texts were taken above).
    if isScanCodeOnly(top.license),
      let spdx = contenders.first(where: {
        !isScanCodeOnly($0.license)
          && ($0.confidence >= Self.spdxPreferred || $0.coverage >= Self.segmentCoverage && $0.confidence >= 0.5)
      })
    {
      top = spdx
      contenders.removeAll { isScanCodeOnly($0.license) }
    }
    // Close candidates: the words that tell them apart decide, then title and version evidence.
    var chosen = decideByDistinctiveWords(fp, top: top, contenders) ?? top
    if chosen.license == top.license {
      let close = contenders.filter { top.confidence - $0.confidence <= Self.margin }
      if close.count > 1 {
        let rivals = close.map(\.license)
        let scored = close.map { (score: $0, evidence: evidence($0.license, words, rivals: rivals)) }
        // Only strictly stronger evidence displaces the best score.
        var best = scored[0]
        for s in scored.dropFirst() where s.evidence > best.evidence { best = s }
        chosen = best.score
      }
    }
    // Identical reference texts: the canonical id.
    // A ScanCode text filed under an SPDX id stands for that id's SPDX text (and its twins).
    var texts: Set<UInt64> = [index.licenses[chosen.license].exactHash]
    if index.licenses[chosen.license].flags.contains(.scancode), !isScanCodeOnly(chosen.license) {
      let id = index.licenses[chosen.license].id
      for l in index.licenses where l.id == id { texts.insert(l.exactHash) }
    }
    let twins = ranked.filter { texts.contains(index.licenses[$0.license].exactHash) }.map(\.license)
    if twins.count > 1, let canon = twins.min(by: { canonicalLess($0, $1) }), canon != chosen.license,
      let s = ranked.first(where: { $0.license == canon })
    {
      chosen = s
    }
    let rest = candidates(ranked, except: chosen.license)
    // A catalogue family version named in the text's title, whose own text is not indexed.
    if let e = entryOfLicense[chosen.license], let switched = familyVersion(from: e, words.hashes) {
      let entry = catalogue.entries[switched]
      var cands = [
        IdentificationCandidate(id: index.licenses[chosen.license].id, confidence: Self.round(chosen.confidence))
      ]
      cands += rest.prefix(Self.candidateLimit - 1)
      return marked(
        Identification(
          id: entry.id, name: entry.name, family: entry.family, version: entry.version,
          confidence: Self.round(chosen.confidence), method: "similarity", candidates: cands,
          coverage: Self.round(chosen.coverage)))
    }
    var id = identification(
      license: chosen.license, confidence: chosen.confidence, coverage: chosen.coverage, method: "similarity",
      candidates: rest)
    if twins.count > 1 { id.alternatives = alternatives(of: chosen.license, among: twins) }
    if let e = exception, e.license != chosen.license {
      id.expression = "\(id.id) WITH \(index.licenses[e.license].id)"
    }
    return marked(id)
  }

  /// The candidates list of an identification: the ranked scores but the chosen one.
  private func candidates(_ ranked: [Score], except license: Int) -> [IdentificationCandidate] {
    ranked.filter { $0.license != license }.prefix(Self.candidateLimit).map {
      IdentificationCandidate(id: index.licenses[$0.license].id, confidence: Self.round($0.confidence))
    }
  }

  /// Whether a licence is known only from the ScanCode LicenseDB (a `LicenseRef-scancode-…` id).
  func isScanCodeOnly(_ license: Int) -> Bool {
    index.licenses[license].flags.contains(.scancode) && index.licenses[license].id.hasPrefix("LicenseRef-")
  }

  /// An SPDX candidate this similar is reported rather than a closer ScanCode-only one.
  static let spdxPreferred = 0.8
  /// An SPDX licence this similar to an exact copy of a retired ScanCode text is reported instead.
  static let retiredScanCodePreferred = 0.9

  /// Below this similarity a ScanCode-only match gives way to a notice naming a versioned licence.
  static let scanCodeNoticeConfidence = 0.9

  /// Flags an identification whose confidence is below ``Identification/lowConfidenceThreshold``.
  private func marked(_ id: Identification) -> Identification {
    var id = id
    if id.confidence < Identification.lowConfidenceThreshold { id.lowConfidence = true }
    return id
  }

  /// A text this similar to an exception as a whole is that exception (its id is reported, not the
  /// licence its own words name).
  static let exceptionAlone = 0.8

  /// Share of an exception's sampled trigrams a text must contain for the exception to be found in it.
  static let exceptionCoverage = 0.75

  /// The SPDX exception most fully contained in the text, if one is.
  private func containedException(_ all: [Score]) -> Score? {
    var best: Score? = nil
    for s in all
    where index.licenses[s.license].flags.contains(.exception) && s.coverage >= Self.exceptionCoverage
      && !isScanCodeOnly(s.license)
    {
      // Tiny exceptions are too easily covered by chance.
      guard index.licenses[s.license].sampledTotal >= 8 else { continue }
      if let b = best,
        b.coverage * Double(index.licenses[b.license].sampledTotal)
          >= s.coverage * Double(index.licenses[s.license].sampledTotal)
      {
        continue
      }
      best = s
    }
    return best
  }

  /// An exception found with no licence: its id, and `LicenseRef-unknown WITH` it.
  private func exceptionOnly(_ e: Score, _ ranked: [Score]) -> Identification {
    var id = identification(
      license: e.license, confidence: e.coverage, coverage: e.coverage, method: "similarity",
      candidates: candidates(ranked, except: e.license))
    id.expression = "LicenseRef-unknown WITH \(id.id)"
    return marked(id)
  }

  /// The identification of a recognised notice (method `notice`).
  private func noticeIdentification(_ n: NoticeRecognizer.Notice, _ all: [NoticeRecognizer.Notice])
    -> Identification?
  {
    let license = index.licenses.firstIndex { $0.id == n.id && !$0.flags.contains(.deprecated) }
    let name = license.map { index.licenses[$0].name } ?? n.id
    let confidence = n.versionStated ? 0.95 : 0.85
    let version = TitleEvidence.NamePatterns.version(ofID: n.id)
    var id = Identification(
      id: n.id, name: name, family: version == nil ? nil : Self.family(ofID: n.id), version: version,
      confidence: confidence, method: "notice",
      candidates: all.dropFirst().map { IdentificationCandidate(id: $0.id, confidence: 0.5) })
    if let other = n.orLicense { id.expression = "\(n.id) OR \(other)" }
    return marked(id)
  }

  /// The other ids sharing a licence's text, canonical order.
  private func alternatives(of license: Int, among group: [Int]) -> [String]? {
    // Deprecated SPDX ids have successors and are left out; ScanCode keys are listed so they resolve.
    let others = group.filter {
      $0 != license && (!index.licenses[$0].flags.contains(.deprecated) || isScanCodeOnly($0))
    }
    .sorted { canonicalLess($0, $1) }.map { index.licenses[$0].id }
    return others.isEmpty ? nil : others
  }

  /// Among ids with the same text: not deprecated, then the plainest id (`MPL-2.0` before
  /// `MPL-2.0-no-copyleft-exception`, `GFDL-1.2-only` before `GFDL-1.2-invariants-only`), then
  /// `-only` before `-or-later` (a full text does not say; a notice does), then index order.
  func canonicalLess(_ a: Int, _ b: Int) -> Bool {
    let la = index.licenses[a]
    let lb = index.licenses[b]
    // An SPDX id (even a deprecated one, which has a successor) before a ScanCode one.
    let ca = la.flags.contains(.scancode) && la.id.hasPrefix("LicenseRef-")
    let cb = lb.flags.contains(.scancode) && lb.id.hasPrefix("LicenseRef-")
    if ca != cb { return !ca }
    let da = la.flags.contains(.deprecated)
    let db = lb.flags.contains(.deprecated)
    if da != db { return !da }
    let (sa, ra) = Self.stripRule(la.id)
    let (sb, rb) = Self.stripRule(lb.id)
    if sa.count != sb.count { return sa.count < sb.count }
    if ra != rb { return !ra }
    return a < b
  }

  /// The id without `-only` / `-or-later`, and whether it was `-or-later`.
  static func stripRule(_ id: String) -> (Substring, Bool) {
    if id.hasSuffix("-or-later") { return (id.dropLast(9), true) }
    if id.hasSuffix("-only") { return (id.dropLast(5), false) }
    return (Substring(id), false)
  }

  /// What a licence has that another lacks, and how much of it a text has.
  struct Distinct: Sendable, Equatable {
    /// Sampled trigrams (with counts) of the first licence that the second lacks.
    var total = 0
    /// How many of them the text has.
    var found = 0
    /// ``found`` / ``total``; 1 when the first licence has nothing of its own.
    var share: Double { total == 0 ? 1 : Double(found) / Double(total) }
  }

  /// The distinctive part of licence `a` against licence `b`, and how much of it the text has.
  /// Only hashes both licences could have kept are compared (their sampling moduli differ).
  ///
  /// - Complexity: O(|a| + |b|) hashes, plus a binary search in the text's per hash of `a`.
  func distinct(_ a: Int, from b: Int, in fp: Fingerprint) -> Distinct {
    let ra = index.forward(a)
    let rb = index.forward(b)
    let mask: UInt32 = index.licenses[a].modulus == 4 || index.licenses[b].modulus == 4 ? 3 : 1
    var out = Distinct()
    var j = rb.lowerBound
    var t = 0
    for p in ra {
      let h = index.forwardHash[p]
      if h & mask != 0 { continue }
      while j < rb.upperBound, index.forwardHash[j] < h { j += 1 }
      if j < rb.upperBound, index.forwardHash[j] == h { continue }
      let c = Int(index.forwardCount[p])
      out.total += c
      while t < fp.ngrams.count, fp.ngrams[t] < h { t += 1 }
      if t < fp.ngrams.count, fp.ngrams[t] == h { out.found += min(c, Int(fp.counts[t])) }
    }
    return out
  }

  /// The distinctive parts of the close candidates of a text, for diagnostics:
  /// (a, b, what a has that b lacks, how much of it the text has).
  package func variantContest(_ text: TokenizedText) -> [(String, String, Int, Int)] {
    let fp = Fingerprint(text)
    let ranked = rank(fp, limit: 8).filter { !index.licenses[$0.license].flags.contains(.exception) }
    guard let top = ranked.first else { return [] }
    var out: [(String, String, Int, Int)] = []
    for s in ranked.dropFirst() where top.confidence - s.confidence <= Self.distinctiveMargin {
      let a = distinct(top.license, from: s.license, in: fp)
      let b = distinct(s.license, from: top.license, in: fp)
      let ta = "\(index.licenses[top.license].id) (\(Self.round(top.confidence)))"
      let sa = "\(index.licenses[s.license].id) (\(Self.round(s.confidence)))"
      out.append((ta, sa, a.total, a.found))
      out.append((sa, ta, b.total, b.found))
    }
    return out
  }

  /// Among close candidates, the variant whose distinctive part the text has.
  ///
  /// Candidate A *beats* B when the text holds a clearly larger share of what A has and B lacks
  /// than of what B has and A lacks (a licence with nothing of its own is never evidenced). A
  /// variant whose id extends another candidate's (`BSD-3-Clause-HP` of `BSD-3-Clause`,
  /// `X11-swapped` of `X11`) must beat that base to be chosen. The best-scoring candidate that
  /// nobody beats is chosen; so a paragraph that one variant adds or rewords decides only when the
  /// text has it, and a missing appendix moves nothing.
  ///
  /// - Complexity: one merge of sorted hash lists per ordered pair of close candidates (at most 4).
  private func decideByDistinctiveWords(_ fp: Fingerprint, top: Score, _ contenders: [Score]) -> Score? {
    var close: [Score] = []
    for s in contenders where top.confidence - s.confidence <= Self.distinctiveMargin {
      if close.contains(where: { index.licenses[$0.license].exactHash == index.licenses[s.license].exactHash }) {
        continue
      }
      close.append(s)
      if close.count == 4 { break }
    }
    guard close.count > 1 else { return nil }
    let n = close.count
    var d = [[Distinct]](repeating: [Distinct](repeating: Distinct(), count: n), count: n)
    for i in 0..<n {
      for j in 0..<n where i != j { d[i][j] = distinct(close[i].license, from: close[j].license, in: fp) }
    }
    func evidenced(_ x: Distinct) -> Double { x.total == 0 ? 0 : x.share }
    func beats(_ i: Int, _ j: Int) -> Bool {
      // A clearly larger share of its own words, or many of its own words and none of the other's.
      d[i][j].found >= 4 && evidenced(d[i][j]) - evidenced(d[j][i]) >= Self.distinctiveLead
        || d[i][j].found >= 8 && d[j][i].found == 0 && d[j][i].total >= 4
    }
    let ids = close.map { index.licenses[$0.license].id }
    for i in 0..<n {
      if (0..<n).contains(where: { $0 != i && beats($0, i) }) { continue }
      // A variant of another candidate needs evidence: it beats its base, or the text has its own
      // words and none of the base's.
      // A ScanCode-only id is treated as a variant of every SPDX id close to it.
      if (0..<n).contains(where: {
        $0 != i
          && (ids[i].hasPrefix(ids[$0] + "-")
            || (isScanCodeOnly(close[i].license) && !isScanCodeOnly(close[$0].license)))
          && !beats(i, $0)
          && !(d[$0][i].found == 0 && d[i][$0].found >= 1 && d[i][$0].share >= 0.5)
      }) {
        continue
      }
      return close[i].license == top.license ? nil : close[i]
    }
    return nil
  }

  /// How much larger a share of its distinctive part the text must hold to choose a variant.
  static let distinctiveLead = 0.3

  /// Candidates this far below the best are still compared word by word.
  static let distinctiveMargin = 0.1

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
    // An SPDX id before a ScanCode-only one, whatever the title says.
    if isScanCodeOnly(a) != isScanCodeOnly(b) { return !isScanCodeOnly(a) }
    let fa = index.licenses[a].fullHash == fullHash
    let fb = index.licenses[b].fullHash == fullHash
    if fa != fb { return fa }
    let ea = evidence(a, words)
    let eb = evidence(b, words)
    if ea != eb { return ea > eb }
    return canonicalLess(a, b)
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
