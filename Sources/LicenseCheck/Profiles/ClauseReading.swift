/// Phrases compiled once to hashes of lower-case ASCII words, for ``SentenceWords/hasAny(_:)``; a trailing
/// `*` on a phrase's last word matches any ending.
struct PhraseList: ExpressibleByArrayLiteral {
  struct Phrase {
    /// The hash of each word (of the prefix, for the last word of a `*` phrase).
    var hashes: [UInt64]
    /// The last word's bytes, for a `*` phrase.
    var prefix: [UInt8]?
  }
  let phrases: [Phrase]

  init(_ list: [String]) {
    phrases = list.map { phrase in
      var words = phrase.split(separator: " ").map { Array($0.utf8) }
      var prefix: [UInt8]?
      if words.last?.last == UInt8(ascii: "*") {
        words[words.count - 1].removeLast()
        prefix = words[words.count - 1]
      }
      return Phrase(hashes: words.map(SentenceWords.hash), prefix: prefix)
    }
  }

  init(arrayLiteral elements: String...) { self.init(elements) }
}

/// The lower-case ASCII words of a sentence, as hashes over one byte buffer, for the few phrase look-ups a
/// profile check makes on a clause's sentence (comparators, periods, whose territory) and on unexplained
/// sentences. Bytes only: no regular expressions, no Unicode string comparison, no allocation per word.
struct SentenceWords {
  /// The lower-cased letters and digits of the words, one after another.
  let bytes: [UInt8]
  /// Each word's range in ``bytes``.
  let ranges: [Range<Int>]
  /// Each word's hash.
  let hashes: [UInt64]

  static func hash<C: Collection>(_ word: C) -> UInt64 where C.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in word { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
  }

  init(_ text: Substring) {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    var hashes: [UInt64] = []
    bytes.reserveCapacity(text.utf8.count)
    var start = -1
    var h: UInt64 = 0
    for b in text.utf8 {
      let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
      if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
        if start < 0 {
          start = bytes.count
          h = 0xcbf2_9ce4_8422_2325
        }
        bytes.append(lower)
        h = (h ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
      } else if start >= 0 {
        ranges.append(start..<bytes.count)
        hashes.append(h)
        start = -1
      }
    }
    if start >= 0 {
      ranges.append(start..<bytes.count)
      hashes.append(h)
    }
    self.bytes = bytes
    self.ranges = ranges
    self.hashes = hashes
  }

  init(_ text: String) { self.init(text[...]) }

  /// Which lists have a phrase in the text (see ``PhraseMatcher``).
  static func mentions(_ text: Substring, _ lists: [PhraseList]) -> [Bool] {
    let bits = PhraseMatcher(lists).scan(text)
    return lists.indices.map { bits & (1 << UInt64($0)) != 0 }
  }

  /// Whether the words of one phrase occur in a row.
  func has(_ phrase: String) -> Bool { hasAny(PhraseList([phrase])) }

  /// Whether any phrase of the list occurs, its words in a row.
  func hasAny(_ list: PhraseList) -> Bool {
    let n = hashes.count
    for p in list.phrases where !p.hashes.isEmpty && p.hashes.count <= n {
      let count = p.hashes.count
      outer: for i in 0...(n - count) {
        for k in 0..<count {
          if let prefix = p.prefix, k == count - 1 {
            if !bytes[ranges[i + k]].starts(with: prefix) { continue outer }
          } else if hashes[i + k] != p.hashes[k] {
            continue outer
          }
        }
        return true
      }
    }
    return false
  }
}

/// Whether reaching a usage cap exactly already triggers it.
public enum CapComparator: String, Sendable, Codable, Equatable, Hashable {
  /// "more than", "greater than", "exceeds": the cap itself is still inside.
  case moreThan = "more-than"
  /// "at least", "or more", "not less than", and "less than" on the free side: the cap itself is outside.
  case atLeast = "at-least"
}

/// How a usage cap is measured, read from its sentence (or from the reviewed facts of a known licence).
struct CapReading: Equatable {
  var comparator: CapComparator?
  /// The figure that counts is the one on the licence's release date ("on the … version release date").
  var onReleaseDate = false
  /// The window the figure is counted over, as words for a reason ("the preceding calendar month").
  var window: String?
  /// The cap binds commercial use only ("If you are commercially using the Materials, and …").
  var commercialOnly = false

  static let atLeastPhrases: PhraseList = [
    "at least", "or more", "or greater", "or above", "equal to or", "equals or exceeds", "meet or exceed",
    "meets or exceeds", "reach or exceed", "reaches or exceeds", "not less than", "no less than", "not fewer than",
    "no fewer than",
  ]
  static let moreThanPhrases: PhraseList = [
    "more than", "greater than", "exceed", "exceeds", "exceeding", "exceeded", "in excess of", "larger than",
    "higher than", "surpass*", "up to", "above", "beyond",
  ]
  // The free side stated as a strict bound ("revenue of less than USD 1,000,000"): the cap itself is outside.
  static let belowPhrases: PhraseList = ["less than", "fewer than", "below"]

  static let monthly: PhraseList = ["calendar month", "any month", "per month", "each month"]
  static let yearly: PhraseList = ["fiscal year", "financial year", "preceding twelve months", "preceding 12 months"]
  static let commercial: PhraseList = [
    "commercially using", "commercially use", "for commercial use", "commercial purpose*",
  ]

  /// Reads a cap's sentence.
  init(sentence: SentenceWords) {
    if sentence.hasAny(Self.atLeastPhrases) {
      comparator = .atLeast
    } else if sentence.hasAny(Self.moreThanPhrases) {
      comparator = .moreThan
    } else if sentence.hasAny(Self.belowPhrases) {
      comparator = .atLeast
    }
    onReleaseDate = sentence.has("release date")
    commercialOnly = sentence.hasAny([
      "commercially using", "commercially use", "for commercial use", "commercial purpose*",
    ])
    if sentence.has("preceding calendar month") {
      window = "the preceding calendar month"
    } else if sentence.hasAny(Self.monthly) {
      window = "a calendar month"
    } else if sentence.hasAny(Self.yearly) {
      window = "a financial year"
    }
  }

  init(comparator: CapComparator?, onReleaseDate: Bool = false, window: String? = nil, commercialOnly: Bool = false) {
    self.comparator = comparator
    self.onReleaseDate = onReleaseDate
    self.window = window
    self.commercialOnly = commercialOnly
  }

  /// Reviewed facts for catalogue ids, used when no text is at hand (`check Llama-3.1`): how each
  /// licence's cap is measured (section 2 of the Llama licences: "greater than", on the version release
  /// date, over the preceding calendar month).
  static let facts: [String: CapReading] = {
    let llama = CapReading(comparator: .moreThan, onReleaseDate: true, window: "the preceding calendar month")
    return [
      "Llama-2": llama, "Llama-3": llama, "Llama-3.1": llama, "Llama-3.2": llama, "Llama-3.3": llama,
      "Llama-4": llama, "Databricks-Open-Model-License": llama,
      "Tongyi-Qianwen-2023": CapReading(comparator: .moreThan, commercialOnly: true),
      "Qwen-2024": CapReading(comparator: .moreThan),
      "Stability-AI-Community-2024": CapReading(comparator: .moreThan, window: "a year"),
    ]
  }()
}

/// Whom a territory clause is about: where the licensee is established, or where the work is offered.
enum TerritorySide: String, Equatable {
  case licensee, offered

  static let licenseeWords: PhraseList = [
    "domiciled", "domicile", "principal place of business", "located in", "resident", "residents", "reside*",
    "based in", "incorporated", "organized under", "organised under", "headquartered", "citizen*", "national*",
  ]
  static let offeredWords: PhraseList = [
    "offer", "offered", "offering", "market", "sell", "deploy", "made available in", "make available in",
    "end users in", "users located", "customers in", "distribute in", "distributed in",
  ]

  /// The side a sentence names; nil when it names both or neither.
  static func read(_ sentence: SentenceWords) -> TerritorySide? {
    let l = sentence.hasAny(licenseeWords)
    let o = sentence.hasAny(offeredWords)
    if l && !o { return .licensee }
    if o && !l { return .offered }
    // "This restriction does not apply to end users of a product or service that incorporates …": the
    // exclusion is about the licensee, and the users of its products are exempt.
    if l && o && sentence.has("does not apply to end users") { return .licensee }
    return nil
  }

  /// Reviewed facts: the EU exclusion of the Llama 3.2 and Llama 4 use policies is about individuals
  /// domiciled, and companies with their principal place of business, in the EU (end users of products
  /// are exempt). Other catalogue territories have no reviewed side, so both places are checked.
  /// What the reviewed exclusions cover, for the reason.
  static let scope: [String: String] = [
    "Llama-3.2-AUP": "the multimodal Llama 3.2 models", "Llama-3.2": "the multimodal Llama 3.2 models",
  ]

  static let facts: [String: TerritorySide] = [
    "Llama-3.2-AUP": .licensee, "Llama-4-AUP": .licensee, "Llama-3.2": .licensee, "Llama-4": .licensee,
  ]
}

/// Up to 64 phrase lists compiled into flat arrays, matched in one streaming pass over a text's bytes: no
/// word is stored, only the hashes of the last four words, and a word is compared with the phrases
/// ending in it (a few integer comparisons). Phrases of more than four words never match.
struct PhraseMatcher {
  /// Per phrase: the list it belongs to, its word count, where its hashes start in `hashes`, and its
  /// prefix (for `*` phrases) in `prefixes`.
  private var owner: [Int] = []
  private var count: [Int] = []
  private var start: [Int] = []
  private var prefixIndex: [Int] = []
  private var hashes: [UInt64] = []
  private var prefixes: [[UInt8]] = []
  /// A 1,024-bit filter of the hashes phrases end with: most words are rejected by one bit test.
  private var bloom = [UInt64](repeating: 0, count: 16)
  /// The first letters of `*` phrases' last words (bit `b - 0x61`; digits share bit 26).
  private var prefixFirst: UInt32 = 0

  init(_ lists: [PhraseList]) {
    for (li, list) in lists.enumerated() where li < 64 {
      for p in list.phrases where !p.hashes.isEmpty && p.hashes.count <= 4 {
        owner.append(li)
        count.append(p.hashes.count)
        start.append(hashes.count)
        hashes.append(contentsOf: p.hashes)
        if let prefix = p.prefix {
          prefixIndex.append(prefixes.count)
          prefixes.append(prefix)
          if let f = prefix.first { prefixFirst |= Self.letterBit(f) }
        } else {
          prefixIndex.append(-1)
          let last = p.hashes[p.hashes.count - 1]
          bloom[Int((last >> 6) & 15)] |= 1 << (last & 63)
        }
      }
    }
  }

  static func letterBit(_ b: UInt8) -> UInt32 { b >= 0x61 && b <= 0x7A ? 1 << UInt32(b - 0x61) : 1 << 26 }

  /// A bit per list: set when one of its phrases occurs.
  func scan(_ text: Substring) -> UInt64 {
    // One loop, no nested functions: captured variables would be boxed and access-checked at run time.
    let owner = self.owner
    let count = self.count
    let start = self.start
    let prefixIndex = self.prefixIndex
    let hashes = self.hashes
    let prefixes = self.prefixes
    let bloom = self.bloom
    let prefixFirst = self.prefixFirst
    let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    var found: UInt64 = 0
    var r0: UInt64 = 0
    var r1: UInt64 = 0
    var r2: UInt64 = 0
    var r3: UInt64 = 0
    var seen = 0
    // The current word's first 32 bytes (enough for every prefix) and its length.
    var buffer = [UInt8](repeating: 0, count: 32)
    var length = 0
    var h = basis
    var bytes = text.utf8.makeIterator()
    var finished = false
    while !finished {
      let next = bytes.next()
      if next == nil { finished = true }
      let b = next ?? 0x20
      let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
      if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
        if length < 32 { buffer[length] = lower }
        length += 1
        h = (h ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
        continue
      }
      if length == 0 { continue }
      switch seen & 3 {
      case 0: r0 = h
      case 1: r1 = h
      case 2: r2 = h
      default: r3 = h
      }
      seen += 1
      let maybe = bloom[Int((h >> 6) & 15)] & (1 << (h & 63)) != 0
      if maybe || prefixFirst & Self.letterBit(buffer[0]) != 0 {
        for j in 0..<owner.count where found & (1 << UInt64(owner[j])) == 0 {
          let n = count[j]
          if n > seen { continue }
          let base = start[j]
          if prefixIndex[j] >= 0 {
            let prefix = prefixes[prefixIndex[j]]
            if prefix.count > min(length, 32) { continue }
            var same = true
            for k in 0..<prefix.count where buffer[k] != prefix[k] {
              same = false
              break
            }
            if !same { continue }
          } else if hashes[base + n - 1] != h {
            continue
          }
          var k = 1
          while k < n {
            let earlier: UInt64
            switch (seen - 1 - k) & 3 {
            case 0: earlier = r0
            case 1: earlier = r1
            case 2: earlier = r2
            default: earlier = r3
            }
            if earlier != hashes[base + n - 1 - k] { break }
            k += 1
          }
          if k == n { found |= 1 << UInt64(owner[j]) }
        }
      }
      length = 0
      h = basis
    }
    return found
  }
}
