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
  /// The pattern as written.
  public let description: String

  /// Compiles a pattern: words separated by spaces; `x*` is a prefix; `_` is any word.
  public init(_ pattern: String) {
    description = pattern
    var out: [Piece] = []
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
    pieces = out
  }

  var count: Int { pieces.count }
}

/// A set of phrases, indexed by first word for fast scanning.
public struct PhraseSet: Sendable {
  let byFirst: [UInt64: [Phrase]]
  let others: [Phrase]
  /// The longest phrase's word count.
  let maxLength: Int
  /// A 1024-bit filter over first-word hashes: most words of a sentence start no phrase,
  /// and a bit test rejects them without a dictionary lookup.
  let firstWordFilter: [UInt64]
  /// First bytes of prefix-first phrases (`discriminat*`), as a 256-bit set.
  let prefixFirstBytes: [UInt64]

  /// Compiles patterns (see ``Phrase/init(_:)``).
  public init(_ patterns: [String]) {
    var by: [UInt64: [Phrase]] = [:]
    var rest: [Phrase] = []
    var maxLen = 0
    for p in patterns {
      let ph = Phrase(p)
      maxLen = Swift.max(maxLen, ph.count)
      if case .word(let h) = ph.pieces.first {
        by[h, default: []].append(ph)
      } else {
        rest.append(ph)
      }
    }
    // Longest first, so "monthly active users" wins over "users".
    byFirst = by.mapValues { $0.sorted { $0.count > $1.count } }
    others = rest.sorted { $0.count > $1.count }
    maxLength = maxLen
    var filter = [UInt64](repeating: 0, count: 16)
    for h in by.keys { filter[Int((h >> 6) & 15)] |= 1 << (h & 63) }
    firstWordFilter = filter
    var bytes = [UInt64](repeating: 0, count: 4)
    var anyWord = false
    for ph in rest {
      switch ph.pieces.first {
      case .prefix(let p) where !p.isEmpty: bytes[Int(p[0] >> 6)] |= 1 << UInt64(p[0] & 63)
      default: anyWord = true
      }
    }
    if anyWord { bytes = [UInt64](repeating: ~0, count: 4) }
    prefixFirstBytes = bytes
  }

  /// Whether a word with this hash may start a phrase of the set (no false negatives).
  @inline(__always) func mayStart(_ h: UInt64) -> Bool {
    firstWordFilter[Int((h >> 6) & 15)] & (1 << (h & 63)) != 0
  }

  /// Whether a word starting with this byte may start a prefix phrase.
  @inline(__always) func mayStartPrefix(_ b: UInt8) -> Bool {
    prefixFirstBytes[Int(b >> 6)] & (1 << UInt64(b & 63)) != 0
  }
}

extension PhraseSet: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: String...) { self.init(elements) }
}
