/// A word pattern the extractors look for: a sequence of normalised words, where a
/// piece ending in `*` matches any word with that prefix (`discriminat*`).
///
/// Phrases are compiled once from strings into hashes, so matching a sentence is
/// integer comparison on its word hashes, with no string allocation.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
  enum Piece: Sendable, Hashable {
    case word(UInt64)
    case prefix([UInt8])
    /// Any one word (written `_`).
    case any
  }
  let pieces: [Piece]
  /// The word hashes when every piece is a plain word (the common case), for a matching loop that
  /// compares integers only.
  let words: [UInt64]?
  /// The pattern as written.
  public let description: String

  /// Compiles a pattern: words separated by spaces; `x*` is a prefix; `_` is any word.
  public init(_ pattern: String) {
    description = pattern
    var out: [Piece] = []
    if let ascii = Phrase.asciiPieces(pattern) {
      out = ascii
    } else {
      for raw in pattern.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }) {
        if raw == "_" {
          out.append(.any)
        } else if raw.hasSuffix("*") {
          out.append(.prefix(Array(raw.dropLast().utf8)))
        } else {
          // Fold spellings the same way the tokeniser does (licence → license).
          var bytes = Array(raw.utf8)
          Equivalents.canonicalise(&bytes, from: 0)
          out.append(.word(fnv1a64(bytes)))
        }
      }
    }
    pieces = out
    var plain: [UInt64] = []
    plain.reserveCapacity(out.count)
    for piece in out {
      guard case .word(let h) = piece else { break }
      plain.append(h)
    }
    words = plain.count == out.count ? plain : nil
  }

  var count: Int { pieces.count }

  /// The pieces of a printable ASCII pattern, compiled on bytes: the same as the general path
  /// (lowercase, split at spaces and hyphens) without Unicode case mapping or grapheme breaking,
  /// which made compiling the rules' phrase sets a large part of start-up. Words are hashed straight
  /// from the pattern's bytes (no array per word); only a prefix keeps its bytes. Nil for other
  /// patterns.
  static func asciiPieces(_ pattern: String) -> [Piece]? {
    var pattern = pattern
    return pattern.withUTF8 { bytes -> [Piece]? in
      @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
      var words = 0
      var inWord = false
      for b in bytes {
        guard b >= 0x20, b < 0x7F else { return nil }
        let sep = b == 0x20 || b == 0x2D
        if !sep, !inWord { words += 1 }
        inWord = !sep
      }
      var out: [Piece] = []
      out.reserveCapacity(words)
      var i = 0
      let n = bytes.count
      while i < n {
        if bytes[i] == 0x20 || bytes[i] == 0x2D {
          i += 1
          continue
        }
        var j = i
        while j < n, bytes[j] != 0x20, bytes[j] != 0x2D { j += 1 }
        if j - i == 1, bytes[i] == 0x5F {
          out.append(.any)
        } else if bytes[j - 1] == 0x2A {
          out.append(.prefix((i..<(j - 1)).map { lower(bytes[$0]) }))
        } else {
          var h: UInt64 = 0xcbf2_9ce4_8422_2325
          for k in i..<j {
            h ^= UInt64(lower(bytes[k]))
            h &*= 0x0000_0100_0000_01b3
          }
          // Fold spellings the same way the tokeniser does (licence → license), as
          // `Equivalents.canonicalise` would on the word's bytes.
          if j - i >= 4, j - i <= 16, let canon = Equivalents.hashed.canonical(h) { h = fnv1a64(canon) }
          out.append(.word(h))
        }
        i = j
      }
      return out
    }
  }
}

/// A set of phrases, indexed by first word for fast scanning.
public struct PhraseSet: Sendable {
  let storage: PhraseSetStorage

  /// Compiles patterns (see ``Phrase/init(_:)``).
  public init(_ patterns: [String]) { storage = PhraseSetStorage(patterns) }

  /// One set matching every phrase of the given sets: a cheap first test before trying each.
  init(union sets: [PhraseSet]) { self.init(sets.flatMap(\.patterns)) }

  /// 1024 bits indexed by bits 0–9 of a word hash (bit `h & 63` of word `(h >> 6) & 15`).
  struct Bits: Sendable {
    var w:
      (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64
      ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    @inline(__always) mutating func insert(_ h: UInt64) {
      withUnsafeMutableBytes(of: &w) {
        $0.storeBytes(
          of: $0.load(fromByteOffset: Int((h >> 6) & 15) * 8, as: UInt64.self) | (1 << (h & 63)),
          toByteOffset: Int((h >> 6) & 15) * 8, as: UInt64.self)
      }
    }

    @inline(__always) func contains(_ h: UInt64) -> Bool {
      withUnsafeBytes(of: w) { $0.load(fromByteOffset: Int((h >> 6) & 15) * 8, as: UInt64.self) } & (1 << (h & 63)) != 0
    }

    @inline(__always) func intersects(_ o: Bits) -> Bool {
      let a = w
      let b = o.w
      let x0 = (a.0 & b.0) | (a.1 & b.1) | (a.2 & b.2) | (a.3 & b.3)
      let x1 = (a.4 & b.4) | (a.5 & b.5) | (a.6 & b.6) | (a.7 & b.7)
      let x2 = (a.8 & b.8) | (a.9 & b.9) | (a.10 & b.10) | (a.11 & b.11)
      let x3 = (a.12 & b.12) | (a.13 & b.13) | (a.14 & b.14) | (a.15 & b.15)
      return x0 | x1 | x2 | x3 != 0
    }
  }

  var lists: [[Phrase]] { storage.lists }
  var others: [Phrase] { storage.others }
  var patterns: [String] { storage.patterns }
  var maxLength: Int { storage.maxLength }
  var firstWords: Bits { storage.firstWords }
  var firstWordFilter: [UInt64] { storage.firstWordFilter }
  var prefixFirstBytes: (UInt64, UInt64, UInt64, UInt64) { storage.prefixFirstBytes }
  var key: UInt64 { storage.key }

  /// The phrases starting with the word of this hash, longest first.
  @inline(__always) func candidates(_ h: UInt64) -> [Phrase]? { storage.candidates(h) }

  /// Whether a word with this hash may start a phrase of the set (no false negatives).
  @inline(__always) func mayStart(_ h: UInt64) -> Bool { storage.mayStart(h) }

  /// Whether a word starting with this byte may start a prefix phrase.
  @inline(__always) func mayStartPrefix(_ b: UInt8) -> Bool { storage.mayStartPrefix(b) }
}

/// The compiled form of a ``PhraseSet``, shared by every copy of the set: passing a set to a
/// question is one reference, not a dozen arrays to retain and a 200-byte struct to copy, and the
/// object's identity is how ``SentenceMatcher`` finds the set's slot.
final class PhraseSetStorage: Sendable {
  /// Phrases starting with a plain word, grouped by that word (longest first), found through
  /// `slotKeys`/`slotLists`: an open-addressing table keyed by the word hash itself, since the
  /// standard dictionary re-hashes the (already hashed) key with SipHash on every lookup.
  let lists: [[Phrase]]
  let slotKeys: [UInt64]
  /// Index into `lists` plus one; 0 marks an empty slot.
  let slotLists: [Int32]
  let others: [Phrase]
  /// The patterns the set was compiled from (for unions of sets).
  let patterns: [String]
  /// The longest phrase's word count.
  let maxLength: Int
  /// A 1024-bit filter over first-word hashes: most words of a sentence start no phrase,
  /// and a bit test rejects them without a table lookup.
  let firstWords: PhraseSet.Bits
  /// The same bits as an array, for the per-word test in the scanning loops.
  let firstWordFilter: [UInt64]
  /// First bytes of prefix-first phrases (`discriminat*`), as a 256-bit set.
  let prefixFirstBytes: (UInt64, UInt64, UInt64, UInt64)
  /// A hash of the patterns: how ``SentenceMatcher`` tells sets with the same patterns apart
  /// cheaply when it merges them into one slot.
  let key: UInt64

  /// Compiles patterns (see ``Phrase/init(_:)``).
  init(_ patterns: [String]) {
    self.patterns = patterns
    var key: UInt64 = 0xcbf2_9ce4_8422_2325
    for p in patterns {
      for b in p.utf8 {
        key = (key ^ UInt64(b)) &* 0x100_0000_01b3
      }
      key = (key ^ 0xFF) &* 0x100_0000_01b3
    }
    self.key = key
    // Grouped by first word straight into the open-addressing table (sized for every pattern
    // starting a word of its own), without a dictionary.
    var lists: [[Phrase]] = []
    var rest: [Phrase] = []
    var maxLen = 0
    var capacity = 8
    while capacity < patterns.count * 2 { capacity *= 2 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var slots = [Int32](repeating: 0, count: capacity)
    var filter = PhraseSet.Bits()
    for p in patterns {
      let ph = Phrase(p)
      maxLen = Swift.max(maxLen, ph.count)
      guard case .word(let h) = ph.pieces.first else {
        rest.append(ph)
        continue
      }
      var k = Int(truncatingIfNeeded: h >> 10) & (capacity - 1)
      while slots[k] != 0, keys[k] != h { k = (k + 1) & (capacity - 1) }
      if slots[k] == 0 {
        lists.append([ph])
        keys[k] = h
        slots[k] = Int32(lists.count)
        filter.insert(h)
      } else {
        lists[Int(slots[k]) - 1].append(ph)
      }
    }
    // Longest first, so "monthly active users" wins over "users".
    for i in lists.indices where lists[i].count > 1 { lists[i].sort { $0.count > $1.count } }
    self.lists = lists
    slotKeys = keys
    slotLists = slots
    others = rest.sorted { $0.count > $1.count }
    maxLength = maxLen
    firstWords = filter
    firstWordFilter = withUnsafeBytes(of: filter.w) { Array($0.bindMemory(to: UInt64.self)) }
    var bytes = [UInt64](repeating: 0, count: 4)
    var anyWord = false
    for ph in rest {
      switch ph.pieces.first {
      case .prefix(let p) where !p.isEmpty: bytes[Int(p[0] >> 6)] |= 1 << UInt64(p[0] & 63)
      default: anyWord = true
      }
    }
    if anyWord { bytes = [UInt64](repeating: ~0, count: 4) }
    prefixFirstBytes = (bytes[0], bytes[1], bytes[2], bytes[3])
  }

  /// The phrases starting with the word of this hash, longest first.
  @inline(__always) func candidates(_ h: UInt64) -> [Phrase]? {
    let mask = slotKeys.count - 1
    var k = Int(truncatingIfNeeded: h >> 10) & mask
    while true {
      let l = slotLists[k]
      if l == 0 { return nil }
      if slotKeys[k] == h { return lists[Int(l) - 1] }
      k = (k + 1) & mask
    }
  }

  /// Whether a word with this hash may start a phrase of the set (no false negatives).
  @inline(__always) func mayStart(_ h: UInt64) -> Bool {
    firstWordFilter[Int((h >> 6) & 15)] & (1 << (h & 63)) != 0
  }

  /// Whether a word starting with this byte may start a prefix phrase.
  @inline(__always) func mayStartPrefix(_ b: UInt8) -> Bool {
    let word: UInt64
    switch b >> 6 {
    case 0: word = prefixFirstBytes.0
    case 1: word = prefixFirstBytes.1
    case 2: word = prefixFirstBytes.2
    default: word = prefixFirstBytes.3
    }
    return word & (1 << UInt64(b & 63)) != 0
  }
}

extension PhraseSet: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: String...) { self.init(elements) }
}
