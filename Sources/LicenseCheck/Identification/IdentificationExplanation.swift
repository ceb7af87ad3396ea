import Foundation

/// Why a text was identified as it was: the closest candidates and, with a corpus folder, a word
/// diff against the best candidate's reference text.
public struct IdentificationExplanation: Sendable, Codable, Equatable, Hashable {
  /// A scored candidate.
  public struct Candidate: Sendable, Codable, Equatable, Hashable {
    /// SPDX or catalogue id.
    public let id: String
    /// Full name.
    public let name: String
    /// Dice coefficient of the trigram multisets, in [0, 1].
    public let confidence: Double
    /// Share of the candidate's trigrams found in the text, in [0, 1].
    public let coverage: Double
  }

  /// A run of consecutive words one side has and the other lacks.
  public struct Run: Sendable, Codable, Equatable, Hashable {
    /// In the reference text only, or in the input only.
    public enum Change: String, Sendable, Codable, Equatable, Hashable {
      /// Words the input lacks.
      case removed
      /// Words the input adds.
      case added
    }
    /// Removed or added.
    public let change: Change
    /// The input's line where the run is (or, for removed words, would be); 1-based.
    public let line: Int
    /// The reference text's line of the run (or where added words would go); 1-based.
    public let referenceLine: Int
    /// The words, as written, joined by single spaces.
    public let words: String
  }

  /// A word diff between the input and a reference text.
  public struct WordDiff: Sendable, Codable, Equatable, Hashable {
    /// The reference licence's id.
    public let reference: String
    /// Words the two texts share.
    public let sharedWords: Int
    /// Differences in input order.
    public let runs: [Run]
    /// Set when the texts differ too much for a word-by-word diff within its bound: the differing
    /// middle (after the common start and end) is then given as one removed and one added run.
    public var note: String? = nil
  }

  /// The identification, nil when nothing matched well enough.
  public let identification: Identification?
  /// The closest candidates by similarity, best first.
  public let candidates: [Candidate]
  /// The word diff, when a corpus folder supplied the reference text.
  public let diff: WordDiff?
}

extension Identifier {
  /// Explains an identification: candidates with confidence and coverage, and a word diff.
  ///
  /// - Parameters:
  ///   - text: the input.
  ///   - library: the corpus folder for reference texts; nil gives no diff.
  ///   - limit: how many candidates to list.
  /// - Complexity: one identification plus an O((n + m) · d) word diff (d differing words).
  public func explain(_ text: TokenizedText, library: TemplateLibrary?, limit: Int = 5) -> IdentificationExplanation {
    let identification = identify(text, library: library)
    let words = FingerprintWords(text)
    var candidates: [IdentificationExplanation.Candidate] = []
    if !words.hashes.isEmpty {
      for s in rank(Fingerprint(words: words), limit: limit) {
        let l = index.licenses[s.license]
        let name = catalogue.entry(id: l.id)?.name ?? l.name
        candidates.append(
          .init(id: l.id, name: name, confidence: Self.round(s.confidence), coverage: Self.round(s.coverage)))
      }
    }
    var diff: IdentificationExplanation.WordDiff? = nil
    if let library {
      // The identified licence, else the best candidate; catalogue ids fall back to the indexed text's id.
      let ids = [identification?.id, identification?.candidates.first?.id, candidates.first?.id].compactMap { $0 }
      for id in ids {
        guard let ref = library.referenceText(id: id, catalogue: catalogue) else { continue }
        diff = Self.wordDiff(text, TokenizedText(ref), reference: id)
        break
      }
    }
    return IdentificationExplanation(identification: identification, candidates: candidates, diff: diff)
  }

  /// Word runs the input adds to or lacks from a reference, compared on normalised words.
  ///
  /// - Complexity: O((n + m) · d) with the standard library's Myers difference.
  public static func wordDiff(
    _ text: TokenizedText, _ reference: TokenizedText, reference id: String
  ) -> IdentificationExplanation.WordDiff {
    let a = reference.tokens.filter(\.isWordLike)
    let b = text.tokens.filter(\.isWordLike)
    let ah = a.map(\.hash)
    let bh = b.map(\.hash)
    var removed: [Int] = []
    var inserted: [Int] = []
    var note: String? = nil
    // Myers' diff costs O((n + m) · d): bounded here by measuring d first, with a budget.
    let bound = BoundedDiff.editBudget(n: ah.count, m: bh.count)
    if BoundedDiff.editDistance(ah, bh, limit: bound) != nil {
      for change in bh.difference(from: ah) {
        switch change {
        case .remove(let offset, _, _): removed.append(offset)
        case .insert(let offset, _, _): inserted.append(offset)
        }
      }
    } else {
      let (lo, hiA, hiB) = BoundedDiff.commonEnds(ah, bh)
      removed = Array(lo..<hiA)
      inserted = Array(lo..<hiB)
      note =
        "diff cut: the texts differ in more than \(bound) words; the differing middle is shown as one removed and one added run"
    }
    removed.sort()
    inserted.sort()
    let removedSet = Set(removed)
    let insertedSet = Set(inserted)
    // Where each reference word lands in the input: walk both sides, skipping changed words.
    var refToText = [Int](repeating: 0, count: a.count + 1)
    var textToRef = [Int](repeating: 0, count: b.count + 1)
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, removedSet.contains(i) {
        refToText[i] = j
        i += 1
      } else if j < b.count, insertedSet.contains(j) {
        textToRef[j] = i
        j += 1
      } else {
        if i < a.count { refToText[i] = j }
        if j < b.count { textToRef[j] = i }
        i += 1
        j += 1
      }
    }
    refToText[a.count] = b.count
    textToRef[b.count] = a.count

    func line(_ tokens: [Token], _ k: Int, _ t: TokenizedText) -> Int {
      if k < tokens.count { return Int(tokens[k].line) }
      return tokens.last.map { Int($0.line) } ?? 1
    }
    func runs(_ offsets: [Int]) -> [[Int]] {
      var out: [[Int]] = []
      for o in offsets {
        if let last = out.last?.last, last == o - 1 { out[out.count - 1].append(o) } else { out.append([o]) }
      }
      return out
    }
    var result: [(Int, IdentificationExplanation.Run)] = []
    for r in runs(removed) {
      let at = refToText[r[0]]
      let words = r.map { String(reference.raw(a[$0])) }.joined(separator: " ")
      result.append(
        (
          at,
          .init(change: .removed, line: line(b, at, text), referenceLine: line(a, r[0], reference), words: words)
        ))
    }
    for r in runs(inserted) {
      let words = r.map { String(text.raw(b[$0])) }.joined(separator: " ")
      result.append(
        (
          r[0],
          .init(
            change: .added, line: line(b, r[0], text), referenceLine: line(a, textToRef[r[0]], reference),
            words: words)
        ))
    }
    result.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.change == .removed && $1.1.change == .added }
    return .init(reference: id, sharedWords: b.count - inserted.count, runs: result.map(\.1), note: note)
  }
}

/// Bounds for the word diff, so that `identify --explain` stays fast on huge or unrelated inputs.
enum BoundedDiff {
  /// The edit budget: at most about 2·10^8 steps of Myers' algorithm, and never more than 4,000 edits
  /// (the standard library's Myers keeps O(d²) memory for its path).
  static func editBudget(n: Int, m: Int) -> Int {
    Swift.max(64, Swift.min(4_000, 200_000_000 / Swift.max(1, n + m)))
  }

  /// The length of the common prefix, and the ends of the differing middles of `a` and `b`.
  static func commonEnds(_ a: [UInt64], _ b: [UInt64]) -> (start: Int, endA: Int, endB: Int) {
    var lo = 0
    while lo < a.count, lo < b.count, a[lo] == b[lo] { lo += 1 }
    var ea = a.count
    var eb = b.count
    while ea > lo, eb > lo, a[ea - 1] == b[eb - 1] {
      ea -= 1
      eb -= 1
    }
    return (lo, ea, eb)
  }

  /// The number of insertions and deletions turning `a` into `b`, or nil when it exceeds `limit`.
  ///
  /// Myers' greedy forward pass with one diagonal array: O((n + m) · limit) time at worst,
  /// O(limit) memory.
  static func editDistance(_ a: [UInt64], _ b: [UInt64], limit: Int) -> Int? {
    let (lo, ea, eb) = commonEnds(a, b)
    let n = ea - lo
    let m = eb - lo
    if n == 0 || m == 0 { return n + m <= limit ? n + m : nil }
    if abs(n - m) > limit { return nil }
    let maxD = Swift.min(limit, n + m)
    let offset = maxD + 1
    var v = [Int](repeating: 0, count: 2 * maxD + 3)
    for d in 0...maxD {
      var k = -d
      while k <= d {
        var x: Int
        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
          x = v[offset + k + 1]
        } else {
          x = v[offset + k - 1] + 1
        }
        var y = x - k
        while x < n, y < m, a[lo + x] == b[lo + y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n, y >= m { return d }
        k += 2
      }
    }
    return nil
  }
}

extension IdentificationExplanation {
  /// How many diff runs a terminal report shows before summarising the rest.
  public static let textRunLimit = 40

  /// A compact report: the verdict, the candidates, then the diff runs (`-` removed, `+` added)
  /// with the input's line numbers.
  public var text: String {
    var out = ""
    if let id = identification {
      let cov = id.coverage.map { String(format: ", coverage %.3f", $0) } ?? ""
      out += "identified: \(id.id) (\(id.method), confidence \(String(format: "%.3f", id.confidence))\(cov))\n"
    } else {
      out += "identified: unknown (no candidate is close enough)\n"
    }
    out += "candidates:\n"
    for c in candidates {
      out += "  " + c.id.padding(toLength: max(c.id.count, 28), withPad: " ", startingAt: 0)
      out += String(format: " confidence %.3f  coverage %.3f", c.confidence, c.coverage) + "\n"
    }
    if candidates.isEmpty { out += "  (none)\n" }
    if let diff {
      let removed = diff.runs.filter { $0.change == .removed }.reduce(0) { $0 + $1.words.split(separator: " ").count }
      let added = diff.runs.filter { $0.change == .added }.reduce(0) { $0 + $1.words.split(separator: " ").count }
      out +=
        "word diff against \(diff.reference): \(diff.sharedWords) words shared, \(removed) removed, \(added) added\n"
      if let note = diff.note { out += "  (\(note))\n" }
      for r in diff.runs.prefix(Self.textRunLimit) {
        let sign = r.change == .removed ? "-" : "+"
        let words = r.words.count > 160 ? String(r.words.prefix(157)) + "..." : r.words
        out += "  line \(r.line) (ref \(r.referenceLine)) \(sign) \(words)\n"
      }
      if diff.runs.count > Self.textRunLimit { out += "  … \(diff.runs.count - Self.textRunLimit) more runs\n" }
    } else {
      out += "word diff: needs a corpus folder (--corpus DIR or LICENSECHECK_CORPUS)\n"
    }
    return out
  }
}
