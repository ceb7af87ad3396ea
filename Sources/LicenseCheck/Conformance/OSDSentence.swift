// Turns the table's sentence templates into plain sentences built from a clause's parameters and where
// the clause sits. Templates are short constants, filled on their UTF-8 bytes; no licence text is
// scanned here.

/// Renders explanation sentences for the OSD evaluator.
package enum OSDSentence {
  /// The sentence for a clause that matched a condition: template, location and full stop.
  /// `extra` fills placeholders that depend on other clauses (`{continuedUse}`).
  package static func render(_ condition: ClauseCondition, for clause: Clause, extra: [String: String] = [:])
    -> String
  {
    let body = fill(condition.sentence) { extra[$0] ?? value(of: $0, in: clause, test: condition.test) }
    return finish(body, at: [clause])
  }

  /// Adds where the clauses are, in parentheses, and a full stop.
  package static func finish(_ body: String, at clauses: [Clause]) -> String {
    let place = location(of: clauses)
    return place.isEmpty ? body + "." : body + " (" + place + ")."
  }

  // MARK: Templates

  /// Replaces `{name}` placeholders; `[a|b]` keeps `a` when all its placeholders have values, else `b`.
  ///
  /// Works on the template's UTF-8 bytes: the markup (`[`, `]`, `|`, `{`, `}`) is ASCII, and a
  /// template's other characters are copied as they are, so this says what a walk over its
  /// `Character`s says (that walk was most of wording the sentences of a licence with many failing
  /// clauses).
  package static func fill(_ template: String, _ lookup: (String) -> String?) -> String {
    let b = Array(template.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(b.count + 32)
    fill(b, 0..<b.count, lookup, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private static let openBracket = UInt8(ascii: "[")
  private static let closeBracket = UInt8(ascii: "]")
  private static let barByte = UInt8(ascii: "|")
  private static let openBrace = UInt8(ascii: "{")
  private static let closeBrace = UInt8(ascii: "}")

  /// ``fill(_:_:)`` of the template bytes `r`, appended to `out`.
  private static func fill(
    _ b: [UInt8], _ r: Range<Int>, _ lookup: (String) -> String?, into out: inout [UInt8]
  ) {
    var i = r.lowerBound
    while i < r.upperBound {
      let c = b[i]
      if c == openBracket, let end = matchingBracket(b, from: i, to: r.upperBound) {
        let branches = splitTopLevelBar(b, (i + 1)..<end)
        if hasAllNames(b, branches.0, lookup) {
          fill(b, branches.0, lookup, into: &out)
        } else if let second = branches.1 {
          fill(b, second, lookup, into: &out)
        }
        i = end + 1
      } else if c == openBrace, let end = b[i..<r.upperBound].firstIndex(of: closeBrace) {
        if let value = lookup(String(decoding: b[(i + 1)..<end], as: UTF8.self)) { out.append(contentsOf: value.utf8) }
        i = end + 1
      } else {
        out.append(c)
        i += 1
      }
    }
  }

  /// Whether every one of the template's own (not nested-optional) placeholders has a value: what
  /// lets `[a|b]` keep `a`.
  private static func hasAllNames(_ b: [UInt8], _ r: Range<Int>, _ lookup: (String) -> String?) -> Bool {
    var missing = false
    var depth = 0
    var name: [UInt8]?
    for k in r {
      let c = b[k]
      if c == openBracket {
        depth += 1
      } else if c == closeBracket {
        depth -= 1
      } else if c == openBrace && depth == 0 {
        name = []
      } else if c == closeBrace && depth == 0 {
        if let n = name, lookup(String(decoding: n, as: UTF8.self)) == nil { missing = true }
        name = nil
      } else {
        name?.append(c)
      }
    }
    return !missing
  }

  /// The `]` closing the `[` at `from`, before `to`.
  private static func matchingBracket(_ b: [UInt8], from: Int, to: Int) -> Int? {
    var depth = 0
    for i in from..<to {
      if b[i] == openBracket { depth += 1 }
      if b[i] == closeBracket {
        depth -= 1
        if depth == 0 { return i }
      }
    }
    return nil
  }

  /// The bytes before and after the first `|` outside brackets, or all of them and nil.
  private static func splitTopLevelBar(_ b: [UInt8], _ r: Range<Int>) -> (Range<Int>, Range<Int>?) {
    var depth = 0
    for i in r {
      switch b[i] {
      case openBracket: depth += 1
      case closeBracket: depth -= 1
      case barByte where depth == 0: return (r.lowerBound..<i, (i + 1)..<r.upperBound)
      default: break
      }
    }
    return (r, nil)
  }

  // MARK: Parameters

  /// The text for a placeholder, or nil when the clause does not state it.
  package static func value(of name: String, in clause: Clause, test: ParameterTest) -> String? {
    let p = clause.parameters
    switch name {
    case "cap": return cap(p)
    case "fields": return list(p.fields)
    case "excluded": return list(p.excluded)
    case "included": return list(p.included)
    case "who": return nonEmpty(p.who.map(words))
    case "reference": return nonEmpty(p.reference)
    case "updatable": return p.updatable == true ? "it may change from time to time" : nil
    case "scope": return nonEmpty(p.scope.map(words))
    case "what":
      switch p.what {
      case "agreement": return "terms"
      case "policy": return "use policy"
      default: return nonEmpty(p.what.map(words))
      }
    case "days": return p.days.flatMap { Int(exactly: $0) }.map { "\($0) days" }
    case "seats":
      guard let limit = p.limit.flatMap({ Int(exactly: $0) }), let unit = p.unit else { return nil }
      return "\(limit) \(unit)"
    case "mechanism":
      // Name only the mechanisms the condition is about: for osd-10 a licence accepted "by clicking or by
      // using" fails because of the click, so the sentence says clicking.
      var mechanisms = p.mechanism ?? []
      if case .mechanism(let wanted) = test { mechanisms = mechanisms.filter { wanted.contains($0) } }
      guard !mechanisms.isEmpty else { return nil }
      return mechanisms.map(gerund).joined(separator: " or ")
    default: return nil
    }
  }

  private static func gerund(_ m: AcceptanceMechanism) -> String {
    switch m {
    case .click: return "clicking"
    case .use: return "using the work"
    case .distribution: return "distributing the work"
    case .signature: return "signing"
    case .download: return "downloading the work"
    }
  }

  /// `700 million monthly active users`, `USD 10 million in annual revenue`.
  package static func cap(_ p: ClauseParameters) -> String? {
    guard let threshold = p.threshold else { return nil }
    let amount = number(threshold)
    switch p.metric {
    case .monthlyActiveUsers: return amount + " monthly active users"
    case .dailyActiveUsers: return amount + " daily active users"
    case .users: return amount + " users"
    case .annualRevenue, .monthlyRevenue:
      let money = p.currency.map { $0 + " " + amount } ?? amount
      return money + (p.metric == .annualRevenue ? " in annual revenue" : " in monthly revenue")
    case nil: return amount
    }
  }

  /// `700 million`, `1.5 billion`, `250,000`.
  package static func number(_ x: Double) -> String {
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where abs(x) >= scale {
      return plain(x / scale) + " " + name
    }
    return plain(x)
  }

  /// A number with at most two decimals and thousands separators.
  private static func plain(_ x: Double) -> String {
    let rounded = (x * 100).rounded() / 100
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
      let digits = String(Int64(abs(rounded)))
      var grouped = ""
      for (i, d) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
        grouped.append(d)
      }
      return (rounded < 0 ? "-" : "") + grouped
    }
    return String(rounded)
  }

  private static func list(_ values: [String]?) -> String? {
    guard let values, !values.isEmpty else { return nil }
    return values.map(words).joined(separator: ", ")
  }

  /// Taxonomy ids read as words: `law-enforcement` → `law enforcement`.
  private static func words(_ id: String) -> String {
    String(id.map { $0 == "-" ? " " : $0 })
  }

  private static func nonEmpty(_ s: String?) -> String? {
    guard let s, !s.isEmpty else { return nil }
    return s
  }

  // MARK: Locations

  /// Where the clauses are: `section 2`, `sections 1.a and 3`, `section 4 of the policy`, `“Other Terms”`.
  ///
  /// Clauses without a section or document add nothing; repeated places are named once.
  package static func location(of clauses: [Clause]) -> String {
    var numbers: [String] = []
    var others: [String] = []
    // Sets beside the ordered lists: a huge input cites tens of thousands of sections, and a linear
    // `contains` per clause made this quadratic (70 % of the work for 1 MB of numbered sections).
    var seenNumbers = Set<String>()
    var seenOthers = Set<String>()
    for clause in clauses {
      let section = clause.section.map(sectionNumber)
      switch (section, clause.document) {
      case (nil, nil): continue
      case (.some(.number(let n)), nil):
        if seenNumbers.insert(n).inserted { numbers.append(n) }
      case (let s, let document):
        var place: String
        switch s {
        case .number(let n)?: place = "section " + n
        case .heading(let h)?: place = "\u{201C}" + h + "\u{201D}"
        case nil: place = "the " + (document ?? "")
        }
        if let document, s != nil { place += " of the " + document }
        if seenOthers.insert(place).inserted { others.append(place) }
      }
    }
    // A huge input can cite thousands of sections: name a few and count the rest (the clauses stay in
    // `because`).
    let limit = 8
    var parts: [String] = []
    if numbers.count == 1 { parts.append("section " + numbers[0]) }
    if numbers.count > 1, numbers.count <= limit { parts.append("sections " + joined(numbers)) }
    if numbers.count > limit {
      parts.append(
        "sections " + numbers.prefix(limit - 2).joined(separator: ", ") + " and \(numbers.count - limit + 2) more")
    }
    if others.count > limit { others = Array(others.prefix(limit - 2)) + ["\(others.count - limit + 2) more places"] }
    parts += others
    return joined(parts)
  }

  private enum SectionName: Equatable {
    case number(String)
    case heading(String)
  }

  /// `2`, `Section 2`, `§ 2` and `2.` are numbers; `Additional Commercial Terms` is a heading.
  /// Characters of section numbers (`2`, `1.b.i`, `IV`, `(a)`), built once rather than per clause.
  private static let numeralCharacters = Set("0123456789.()IVXLCDMivxlcdm")

  private static func sectionNumber(_ raw: String) -> SectionName {
    if let name = asciiSectionNumber(raw) { return name }
    var s = Substring(raw.trimmingSpaces)
    let lower = s.lowercased()
    for prefix in ["section ", "sec. ", "\u{00A7}"] where lower.hasPrefix(prefix) {
      s = s.dropFirst(prefix.count)
      break
    }
    let trimmed = s.trimmingSpaces
    let bare = trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
    // Numbers: `2`, `1.b.i`, `IV`, `(a)`, a single letter. Anything else (`Usage`) is a heading.
    // ASCII without carriage returns (every real section number): a byte search says the same as
    // Foundation's `contains`, whose per-call setup was a third of this function on huge inputs.
    let plain = bare.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    let looksNumbered =
      !bare.isEmpty && !(plain ? bare.utf8.contains(0x20) : bare.contains(" "))
      && (bare.first!.isNumber || bare.count == 1 || bare.allSatisfy { numeralCharacters.contains($0) })
    return looksNumbered ? .number(bare) : .heading(trimmed)
  }

  /// ``sectionNumber(_:)`` for an ASCII section without carriage returns (nearly every one), on its
  /// bytes: there each byte is one `Character`, so trimming, the prefixes and the numeral test say the
  /// same, without the `Character` walks and the `Set<Character>` look-ups (the evaluator words a
  /// location for most rows of every analysis). Nil for any other string.
  private static func asciiSectionNumber(_ raw: String) -> SectionName? {
    raw.utf8.withContiguousStorageIfAvailable { b -> SectionName? in
      for c in b where c >= 0x80 || c == 0x0D { return nil }
      @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A }
      var lo = 0
      var hi = b.count
      while lo < hi, isSpace(b[lo]) { lo += 1 }
      while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
      /// Whether the trimmed text starts with `p` (lowercase), ignoring ASCII case.
      func starts(with p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard hi - lo >= n else { return false }
        return p.withUTF8Buffer { pb in
          for k in 0..<n {
            let c = b[lo + k]
            if (c &- 0x41 < 26 ? c | 0x20 : c) != pb[k] { return false }
          }
          return true
        }
      }
      if starts(with: "section ") {
        lo += 8
      } else if starts(with: "sec. ") {
        lo += 5
      }
      while lo < hi, isSpace(b[lo]) { lo += 1 }
      let trimmed = lo..<hi
      let bareEnd = hi > lo && b[hi - 1] == UInt8(ascii: ".") ? hi - 1 : hi
      let bare = lo..<bareEnd
      var numbered = !bare.isEmpty
      if numbered {
        for k in bare where b[k] == 0x20 { numbered = false }
      }
      if numbered {
        let first = b[bare.lowerBound]
        if !(first &- 0x30 < 10 || bare.count == 1) {
          for k in bare where !asciiNumerals.contains(b[k]) { numbered = false }
        }
      }
      let text = numbered ? bare : trimmed
      let s = String(decoding: UnsafeBufferPointer(rebasing: b[text]), as: UTF8.self)
      return numbered ? .number(s) : .heading(s)
    } ?? nil
  }

  /// The bytes of ``numeralCharacters``.
  private static let asciiNumerals: [UInt8] = Array("0123456789.()IVXLCDMivxlcdm".utf8)

  /// `a`, `a and b`, `a, b and c`.
  private static func joined(_ parts: [String]) -> String {
    switch parts.count {
    case 0: return ""
    case 1: return parts[0]
    default: return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and newlines (Foundation-free).
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = lastIndex(where: { !isSpace($0) })!
    return String(self[first...last])
  }
}
