/// The small regular-expression dialect of SPDX `<alt match="…">` attributes, matched over
/// normalised Unicode scalars (lowercase, whitespace runs collapsed to one space).
///
/// Supported, because the license-list-XML alts use them: literals, `.`, bracket classes
/// with ranges and negation (`[^.]`, `[0-9]`, `[ \t\r\n\f]`), escapes (`\.`, `\(`, `\s`, `\d`),
/// groups `( … )` and `(?: … )`, `(?i: … )` (matching ignores case anyway), alternation `|`,
/// and the quantifiers `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`. A literal space matches one
/// space (whitespace is collapsed in the text). Unbounded repetition is capped at
/// ``TemplateRegex/repetitionCap`` scalars so a `.+` cannot run over the whole licence.
/// Not Swift `Regex` or `NSRegularExpression`: the library scans its own normalised arrays.
struct TemplateRegex: Sendable {
  /// The longest run an unbounded quantifier may match.
  static let repetitionCap = 1_000

  indirect enum Node: Sendable {
    case scalar(UInt32)
    case any
    case set(ranges: [ClosedRange<UInt32>], negated: Bool)
    case sequence([Node])
    case choice([Node])
    case repetition(Node, min: Int, max: Int)
  }

  let root: Node

  /// Parses a pattern; nil when it uses something outside the dialect.
  init?(_ pattern: String) {
    var p = Parser(scalars: pattern.unicodeScalars.map { TemplateRegex.fold($0.value) })
    guard let node = p.parseChoice(), p.i == p.scalars.count else { return nil }
    root = node
  }

  /// Lowercases ASCII and Latin-1 letters and folds dash and quote variants, as the text is folded.
  static func fold(_ s: UInt32) -> UInt32 {
    switch s {
    case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return s + 0x20
    case 0x2010...0x2015, 0x2212: return 0x2D
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x60, 0xB4: return 0x27
    case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB: return 0x22
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0: return 0x20
    default: return s
    }
  }

  /// Every end index of a match of the whole pattern starting at `start` in `text`.
  ///
  /// - Complexity: exponential in the worst case; bounded by a step budget, after which the
  ///   ends found so far are returned.
  func ends(in text: [UInt32], from start: Int) -> Set<Int> {
    var out: Set<Int> = []
    var budget = 200_000
    match(root, text, start, &budget) { out.insert($0) }
    return out
  }

  private func match(_ node: Node, _ t: [UInt32], _ i: Int, _ budget: inout Int, _ k: (Int) -> Void) {
    budget -= 1
    guard budget > 0 else { return }
    switch node {
    case .scalar(let c):
      if i < t.count, t[i] == c { k(i + 1) }
    case .any:
      if i < t.count { k(i + 1) }
    case .set(let ranges, let negated):
      if i < t.count, ranges.contains(where: { $0.contains(t[i]) }) != negated { k(i + 1) }
    case .sequence(let items):
      sequence(items[...], t, i, &budget, k)
    case .choice(let options):
      for o in options { match(o, t, i, &budget, k) }
    case .repetition(let inner, let lo, let hi):
      repeatMatch(inner, lo, hi, 0, t, i, &budget, k)
    }
  }

  private func sequence(
    _ items: ArraySlice<Node>, _ t: [UInt32], _ i: Int, _ budget: inout Int, _ k: (Int) -> Void
  ) {
    guard let first = items.first else {
      k(i)
      return
    }
    var seen: Set<Int> = []
    var nexts: [Int] = []
    match(first, t, i, &budget) { if seen.insert($0).inserted { nexts.append($0) } }
    for n in nexts { sequence(items.dropFirst(), t, n, &budget, k) }
  }

  private func repeatMatch(
    _ inner: Node, _ lo: Int, _ hi: Int, _ count: Int, _ t: [UInt32], _ i: Int, _ budget: inout Int,
    _ k: (Int) -> Void
  ) {
    if count >= lo { k(i) }
    guard count < hi, budget > 0 else { return }
    var seen: Set<Int> = []
    var nexts: [Int] = []
    match(inner, t, i, &budget) { if $0 > i, seen.insert($0).inserted { nexts.append($0) } }
    for n in nexts { repeatMatch(inner, lo, hi, count + 1, t, n, &budget, k) }
  }

  /// Recursive-descent parser over the pattern's scalars.
  private struct Parser {
    let scalars: [UInt32]
    var i = 0

    mutating func parseChoice() -> Node? {
      var options: [Node] = []
      guard let first = parseSequence() else { return nil }
      options.append(first)
      while i < scalars.count, scalars[i] == 0x7C {
        i += 1
        guard let next = parseSequence() else { return nil }
        options.append(next)
      }
      return options.count == 1 ? options[0] : .choice(options)
    }

    mutating func parseSequence() -> Node? {
      var items: [Node] = []
      while i < scalars.count, scalars[i] != 0x7C, scalars[i] != 0x29 {
        guard var atom = parseAtom() else { return nil }
        while i < scalars.count {
          let q = scalars[i]
          if q == 0x3F {
            atom = .repetition(atom, min: 0, max: 1)
            i += 1
          } else if q == 0x2A {
            atom = .repetition(atom, min: 0, max: TemplateRegex.repetitionCap)
            i += 1
          } else if q == 0x2B {
            atom = .repetition(atom, min: 1, max: TemplateRegex.repetitionCap)
            i += 1
          } else if q == 0x7B, let (lo, hi) = parseBraces() {
            atom = .repetition(atom, min: lo, max: hi)
          } else {
            break
          }
        }
        items.append(atom)
      }
      return items.count == 1 ? items[0] : .sequence(items)
    }

    /// `{m}`, `{m,}`, `{m,n}`; leaves `i` unchanged when the brace is not a quantifier.
    mutating func parseBraces() -> (Int, Int)? {
      var j = i + 1
      func number() -> Int? {
        var v: Int? = nil
        while j < scalars.count, scalars[j] >= 0x30, scalars[j] <= 0x39 {
          // A repeat count from a hostile template ("{99999999999999999999}") must not overflow;
          // counts are capped at ``TemplateRegex/repetitionCap`` below anyway.
          v = Swift.min((v ?? 0) * 10 + Int(scalars[j] - 0x30), 1_000_000)
          j += 1
        }
        return v
      }
      guard let lo = number() else { return nil }
      var hi = lo
      if j < scalars.count, scalars[j] == 0x2C {
        j += 1
        hi = number() ?? TemplateRegex.repetitionCap
      }
      guard j < scalars.count, scalars[j] == 0x7D, hi >= lo else { return nil }
      i = j + 1
      return (min(lo, TemplateRegex.repetitionCap), min(hi, TemplateRegex.repetitionCap))
    }

    mutating func parseAtom() -> Node? {
      let c = scalars[i]
      i += 1
      switch c {
      case 0x2E: return .any
      case 0x28:
        // Group; `(?:` and `(?i:` only change capture and case, which matching ignores.
        if i + 1 < scalars.count, scalars[i] == 0x3F {
          var j = i + 1
          while j < scalars.count, scalars[j] != 0x3A, scalars[j] != 0x29 { j += 1 }
          guard j < scalars.count, scalars[j] == 0x3A else { return nil }
          i = j + 1
        }
        guard let inner = parseChoice(), i < scalars.count, scalars[i] == 0x29 else { return nil }
        i += 1
        return inner
      case 0x5B: return parseSet()
      case 0x5C: return parseEscape()
      case 0x5E, 0x24: return .sequence([])  // anchors: alts are matched at known positions anyway
      default: return .scalar(c)
      }
    }

    mutating func parseEscape() -> Node? {
      guard i < scalars.count else { return nil }
      let c = scalars[i]
      i += 1
      switch c {
      case 0x73: return .scalar(0x20)  // \s: whitespace is collapsed to one space
      case 0x64: return .set(ranges: [0x30...0x39], negated: false)
      case 0x77: return .set(ranges: [0x30...0x39, 0x61...0x7A, 0x5F...0x5F], negated: false)
      default: return .scalar(TemplateRegex.escaped(c))
      }
    }

    mutating func parseSet() -> Node? {
      var negated = false
      if i < scalars.count, scalars[i] == 0x5E {
        negated = true
        i += 1
      }
      var ranges: [ClosedRange<UInt32>] = []
      var first = true
      while i < scalars.count, scalars[i] != 0x5D || first {
        first = false
        var lo = scalars[i]
        i += 1
        if lo == 0x5C, i < scalars.count {
          lo = TemplateRegex.escaped(scalars[i])
          i += 1
        }
        if i + 1 < scalars.count, scalars[i] == 0x2D, scalars[i + 1] != 0x5D {
          let hi = scalars[i + 1]
          i += 2
          guard hi >= lo else { return nil }
          ranges.append(lo...hi)
        } else {
          ranges.append(lo...lo)
        }
      }
      guard i < scalars.count else { return nil }
      i += 1
      return .set(ranges: ranges, negated: negated)
    }
  }

  /// The scalar an escape stands for (`\t` → tab, which the text holds as a space).
  static func escaped(_ c: UInt32) -> UInt32 {
    switch c {
    case 0x74, 0x72, 0x6E, 0x66: return 0x20  // \t \r \n \f
    default: return c
    }
  }
}
