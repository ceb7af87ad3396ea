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
  }
}

extension PhraseSet: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: String...) { self.init(elements) }
}
