/// A stated amount: a user threshold, a revenue cap, a notice period.
///
/// `700 million` → 700 000 000; `US$10 million` → 10 000 000 in `"USD"`; `thirty (30) days` → 30.
public struct Quantity: Sendable, Codable, Equatable, Hashable {
  /// The amount, with scale words and suffixes applied (`2.5 million` → 2 500 000, `1M` → 1 000 000).
  public let value: Double
  /// The ISO 4217 code when a currency is stated (`$`, `US$`, `USD`, `US dollars`, `€`, `RMB`, `yuan` …).
  public let currency: String?
  /// The bytes of the whole expression, currency and scale words included (a following unit
  /// noun such as `days` or `users` is not part of it).
  public let span: Span
  /// The token indices covered.
  public let tokenRange: Range<Int>

  /// Creates a quantity.
  public init(value: Double, currency: String?, span: Span, tokenRange: Range<Int>) {
    self.value = value
    self.currency = currency
    self.span = span
    self.tokenRange = tokenRange
  }
}

/// Finds quantities in a tokenised text.
///
/// What counts, and why:
/// - A number with a scale (`million`, `1M`, `10B`) or a currency is always a quantity, decimals included.
/// - A plain integer is a quantity unless its context says it is a label: it follows
///   *version, v, section, article, clause, paragraph, part, chapter, exhibit, schedule, item,
///   license, GPL, CC, BY, Llama, Gemma, Qwen …* or `§`; it is glued to an identifier (`GPL-3`,
///   `v2.0`, `07/23`); it is a line-start marker (`1.`, `2)`) or an enumerator in parentheses
///   (`(1)`); it is part of a date (next to a month name); or it is a year (1900–2100 with
///   four digits) not followed by a unit noun (`2024 users` still counts); it is listed after
///   such a label (`Sections 3, 4 and 7`); it is a citation or address (`48 C.F.R.`,
///   `17 U.S.C. 101`, `51 Franklin Street`), a postal or catalogue number (leading zero, or five
///   digits and more without separators), an enumerator (`1)`), or a section number with its
///   title (`2 (Restrictions)`, `ANTLR 2 License`).
/// - A number with a decimal point and no scale, currency or unit (`2.0`, `3.1`, `1.1`) is a
///   version or section number, not a quantity.
/// - Number words count when they carry a scale (`seven hundred million`), repeat as digits in
///   parentheses (`five (5)`, whose value comes from the digits), or precede a unit noun
///   (`two years`); a bare `one` is too common ("one or more") to count.
public enum Quantities {
  /// Amounts at or above this (10^15) are not quantities: they stay text.
  public static let maximum: Double = 1e15

  /// The quantities of a text, in text order.
  ///
  /// - Complexity: O(n) in the number of tokens (each candidate looks a bounded distance ahead).
  public static func find(in text: TokenizedText) -> [Quantity] {
    var out: [Quantity] = []
    var i = 0
    let n = text.tokens.count
    // One scanner for the whole text (building one per token copied the text's buffers each time),
    // and a bit filter so that only numbers and the few words or symbols that can open an amount
    // are parsed at all.
    let scanner = QuantityScanner(text: text)
    let starts = QuantityScanner.startFilter
    while i < n {
      let t = text.tokens[i]
      if t.kind != .number, starts[Int((t.hash >> 6) & 63)] & (1 << (t.hash & 63)) == 0 {
        i += 1
        continue
      }
      if let q = scanner.parse(at: i) {
        out.append(q)
        i = q.tokenRange.upperBound
      } else {
        i += 1
      }
    }
    return out
  }
}

/// One attempt to read a quantity starting at a token.
struct QuantityScanner {
  let text: TokenizedText
  var n: Int { text.tokens.count }

  // MARK: Word tables

  static let numberWords: [UInt64: Int] = {
    let small = [
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    var d: [UInt64: Int] = [:]
    for (k, w) in small.enumerated() { d[wordHash(w)] = k }
    for (k, w) in tens.enumerated() { d[wordHash(w)] = (k + 2) * 10 }
    return d
  }()

  static let scaleWords: [UInt64: Double] = [
    wordHash("hundred"): 1e2, wordHash("thousand"): 1e3, wordHash("million"): 1e6, wordHash("billion"): 1e9,
    wordHash("trillion"): 1e12, wordHash("mn"): 1e6, wordHash("bn"): 1e9,
  ]

  /// Glued suffixes: `1M`, `10B`, `5k`, `2bn`.
  static let suffixScale: [UInt64: Double] = [
    wordHash("k"): 1e3, wordHash("m"): 1e6, wordHash("mm"): 1e6, wordHash("mn"): 1e6, wordHash("b"): 1e9,
    wordHash("bn"): 1e9, wordHash("t"): 1e12,
  ]

  /// Currency codes, accepted when written in capitals.
  static let currencyCodes: [UInt64: String] = {
    var d: [UInt64: String] = [:]
    for c in [
      "usd", "eur", "gbp", "cny", "jpy", "inr", "chf", "cad", "aud", "krw", "sgd", "hkd", "sek", "nok", "dkk", "brl",
      "nzd", "twd", "zar", "mxn", "aed", "pln",
    ] {
      d[wordHash(c)] = c.uppercased()
    }
    d[wordHash("rmb")] = "CNY"
    return d
  }()

  static let currencyCodeHashes = Set(currencyCodes.keys)

  /// Currency names after an amount (`20 million dollars`, `100 million yuan`).
  static let currencyNames: [UInt64: String] = [
    wordHash("dollars"): "USD", wordHash("dollar"): "USD", wordHash("euros"): "EUR", wordHash("euro"): "EUR",
    wordHash("yuan"): "CNY", wordHash("renminbi"): "CNY", wordHash("yen"): "JPY", wordHash("rupees"): "INR",
    wordHash("rupee"): "INR", wordHash("sterling"): "GBP", wordHash("kronor"): "SEK", wordHash("kroner"): "NOK",
    wordHash("francs"): "CHF",
  ]

  /// Currency symbols before an amount.
  static let currencySymbols: [UInt64: String] = [
    wordHash("$"): "USD", wordHash("€"): "EUR", wordHash("£"): "GBP", wordHash("¥"): "JPY", wordHash("₹"): "INR",
    wordHash("₩"): "KRW",
  ]

  /// Words after which a number is a label, not an amount.
  static let labelWords = TextLexicon.set([
    "version", "versions", "v", "ver", "section", "sections", "article", "articles", "clause", "clauses",
    "paragraph", "paragraphs", "subsection", "subsections", "part", "parts", "chapter", "chapters", "exhibit",
    "schedule", "appendix", "annex", "attachment", "item", "items", "step", "phase", "page", "pages", "figure",
    "table", "rule", "no", "number", "license", "licenses", "gpl", "lgpl", "agpl", "fdl", "mpl", "epl", "cc", "by",
    "sa", "nc", "nd", "cddl", "llama", "gemma", "qwen", "mistral", "mixtral", "falcon", "phi", "gpt", "bloom",
    "python", "iso", "rfc", "title", "usc", "cfr", "level", "tier", "release", "numbered", "art", "sec", "secs",
    "para", "abschnitt", "ziffer", "ziffern", "artikel", "absatz", "paragraf", "paragraphe", "alinea", "annexe",
    "subclause", "footnote", "note", "revision", "edition", "draft", "ecma", "ieee", "abschnitts", "condition",
    "conditions", "beta", "alpha", "rc", "group", "cedex", "bp", "suite", "box", "room", "building", "floor",
  ])

  /// Words after which a number is a version: `ANTLR 2 License`, `3 Edition`.
  static let versionFollowers = TextLexicon.set(["license", "licenses", "edition", "release", "beta", "alpha"])

  static let streetWords = TextLexicon.set([
    "st", "street", "avenue", "ave", "road", "rd", "boulevard", "blvd", "suite", "rue", "drive", "lane", "plaza",
    "strasse", "straße", "parkway", "pkwy", "highway", "hwy",
  ])

  /// `51 Franklin Street`, `3 rue Michel-Ange`, `1, place des …`: a street word within three words.
  func isStreetAddress(after i: Int) -> Bool {
    var k = i + 1
    var words = 0
    while k < n, words < 4 {
      if text.tokens[k].kind == .word {
        if text.isWord(k, in: Self.streetWords) { return true }
        words += 1
      } else if !text.isPunct(k, UInt8(ascii: ",")) && !text.isPunct(k, UInt8(ascii: "-")) {
        return false
      }
      k += 1
    }
    return false
  }

  /// Nouns that make a bare number or a year-like number an amount.
  static let unitNouns = TextLexicon.set([
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
    "users", "user", "monthly", "daily", "active", "percent", "per", "copies", "copy", "employees", "people",
    "persons", "individuals", "times", "seats", "devices", "tokens", "parameters", "requests", "calls",
    "downloads", "customers", "installations", "servers", "cores", "units", "licensees", "subscribers",
    "business", "calendar", "consecutive", "gpus", "members", "%",
  ])

  static let us = wordHash("us")
  static let dollars = wordHash("dollars")

  /// Hashes of the non-number tokens that can open an amount (number words, currency codes and
  /// symbols, `US`), as a 4096-bit filter: a clear bit means the token cannot start one.
  static let startFilter: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 64)
    for h in Array(numberWords.keys) + Array(currencyCodes.keys) + Array(currencySymbols.keys) + [us] {
      bits[Int((h >> 6) & 63)] |= 1 << (h & 63)
    }
    return bits
  }()

  // MARK: Parsing

  func parse(at start: Int) -> Quantity? {
    var i = start
    var currency: String?
    // Currency before the number: `USD $1`, `US$10`, `$5`, `€5`, `RMB 100`.
    if text.tokens[i].kind == .word, text.isAllCaps(i), let c = Self.currencyCodes[text.tokens[i].hash] {
      currency = c
      i += 1
    } else if text.tokens[i].hash == Self.us, text.touchesNext(i), i + 1 < n,
      Self.currencySymbols[text.tokens[i + 1].hash] == "USD"
    {
      currency = "USD"
      i += 1
    }
    if i < n, text.tokens[i].kind == .punctuation, let c = Self.currencySymbols[text.tokens[i].hash] {
      currency = currency ?? c
      i += 1
    }
    guard i < n else { return nil }
    let coreStart = i
    var value: Double
    var scaled = false
    var suffixOnly = false
    var isDecimal = false
    var fromWords = false
    var parenthesised = false
    if text.tokens[i].kind == .number {
      guard let num = parseNumber(i) else { return nil }
      value = num.value
      scaled = num.scaled
      suffixOnly = num.scaled
      isDecimal = num.decimal
      i += 1
    } else if let w = parseWords(at: i) {
      value = w.value
      scaled = w.scaled
      fromWords = true
      i = w.end
      // `five (5)`: the digits repeat the words.
      if i + 2 < n, text.isPunct(i, UInt8(ascii: "(")), text.tokens[i + 1].kind == .number,
        text.isPunct(i + 2, UInt8(ascii: ")")), let num = parseNumber(i + 1)
      {
        value = num.value
        parenthesised = true
        i += 3
      }
    } else {
      return nil
    }
    // Scale word after digits: `700 million`, `2.5 billion`.
    if !fromWords, i < n, text.tokens[i].kind == .word, let s = Self.scaleWords[text.tokens[i].hash] {
      value *= s
      scaled = true
      suffixOnly = false
      i += 1
      // `1 hundred thousand`
      if i < n, text.tokens[i].kind == .word, let s2 = Self.scaleWords[text.tokens[i].hash], s2 > s {
        value *= s2
        i += 1
      }
    }
    // Currency after the amount: `USD`, `dollars`, `US dollars`, `U.S. dollars`, `yuan`.
    if i < n {
      if text.tokens[i].kind == .word, text.isAllCaps(i), let c = Self.currencyCodes[text.tokens[i].hash] {
        currency = currency ?? c
        i += 1
      } else if text.tokens[i].kind == .word, let c = Self.currencyNames[text.tokens[i].hash] {
        currency = currency ?? c
        i += 1
      } else if text.tokens[i].hash == Self.us, i + 1 < n, text.tokens[i + 1].hash == Self.dollars {
        currency = currency ?? "USD"
        i += 2
      } else if i + 4 < n, text.is(i, wordHash("u")), text.isPunct(i + 1, UInt8(ascii: ".")),
        text.is(i + 2, wordHash("s")), text.isPunct(i + 3, UInt8(ascii: ".")), text.tokens[i + 4].hash == Self.dollars
      {
        currency = currency ?? "USD"
        i += 5
      }
    }
    let hasUnit = i < n && (text.isWord(i, in: Self.unitNouns) || text.isPunct(i, UInt8(ascii: "%")))
    // `subsection 6b`: a letter suffix after a label word is part of the label.
    if currency == nil, suffixOnly, isLabel(coreStart) { return nil }
    if currency == nil && !scaled {
      if fromWords {
        guard parenthesised || hasUnit else { return nil }
      } else {
        if isDecimal && !hasUnit { return nil }
        if isLabel(coreStart) { return nil }
        if !hasUnit && isYearOrDate(coreStart) { return nil }
      }
    }
    // Out of range (over a quadrillion, infinite, negative): no licence states such an amount,
    // and later stages convert values to integers; the words stay text (the reader warns).
    guard value.isFinite, value >= 0, value < Quantities.maximum else { return nil }
    return Quantity(
      value: value, currency: currency, span: text.span(start, i - 1), tokenRange: start..<i)
  }

  /// Digits with thousands separators, one decimal point and an optional scale suffix.
  func parseNumber(_ i: Int) -> (value: Double, scaled: Bool, decimal: Bool)? {
    let slice = text.normalizedSlice(text.tokens[i])
    var intPart: Double = 0
    var frac: Double = 0
    var fracScale: Double = 1
    var sawDot = false
    var groupDigits = -1  // digits since the last comma; -1 before any comma
    var leadDigits = 0
    var k = slice.startIndex
    while k < slice.endIndex {
      let b = slice[k]
      if b >= 0x30 && b <= 0x39 {
        let d = Double(b - 0x30)
        if sawDot {
          fracScale /= 10
          frac += d * fracScale
        } else {
          intPart = intPart * 10 + d
          if groupDigits >= 0 { groupDigits += 1 } else { leadDigits += 1 }
        }
      } else if b == UInt8(ascii: ",") {
        guard !sawDot, groupDigits == -1 || groupDigits == 3, leadDigits <= 3 else { return nil }
        groupDigits = 0
      } else if b == UInt8(ascii: ".") {
        guard !sawDot, groupDigits == -1 || groupDigits == 3 else { return nil }
        sawDot = true
      } else {
        break
      }
      k += 1
    }
    if !sawDot, groupDigits != -1, groupDigits != 3 { return nil }
    var value = intPart + frac
    var scaled = false
    if k < slice.endIndex {
      guard let s = Self.suffixScale[fnv1a64(slice[k...])] else { return nil }
      value *= s
      scaled = true
    }
    return (value, scaled, sawDot)
  }

  /// Number words: `seven hundred million`, `twenty-five`, `one hundred and fifty thousand`.
  func parseWords(at start: Int) -> (value: Double, scaled: Bool, end: Int)? {
    guard text.tokens[start].kind == .word, Self.numberWords[text.tokens[start].hash] != nil else { return nil }
    var total: Double = 0
    var current: Double = 0
    var scaled = false
    var i = start
    var last = start
    while i < n, text.tokens[i].kind == .word {
      let h = text.tokens[i].hash
      if let v = Self.numberWords[h] {
        current += Double(v)
        // `twenty-five`
        if v >= 20, v % 10 == 0, i + 2 < n, text.touchesNext(i), text.isPunct(i + 1, UInt8(ascii: "-")),
          text.touchesNext(i + 1), let u = Self.numberWords[text.tokens[i + 2].hash], u < 10
        {
          current += Double(u)
          i += 2
        }
      } else if let s = Self.scaleWords[h], s >= 100, s <= 1e12 {
        scaled = true
        if s == 100 {
          current = (current == 0 ? 1 : current) * 100
        } else {
          total += (current == 0 ? 1 : current) * s
          current = 0
        }
      } else if h == H.and, scaled, i + 1 < n, Self.numberWords[text.tokens[i + 1].hash] != nil {
        i += 1
        continue
      } else {
        break
      }
      last = i
      i += 1
    }
    return (total + current, scaled, last + 1)
  }

  /// Whether the number at `i` is a label: after a label word or `§`, glued into an
  /// identifier, a line-start marker, or an enumerator in parentheses.
  func isLabel(_ i: Int) -> Bool {
    // `Sections 3, 4 and 7`: a number listed after a label number is a label too.
    var k = i
    var hops = 0
    while hops < 10 {
      // Up to three connectors back (`, and`, `and/or`), then a number.
      var c = k - 1
      while c >= 0, k - c <= 3, isListConnector(c) { c -= 1 }
      guard c >= 0, c < k - 1, text.tokens[c].kind == .number else { break }
      k = c
      hops += 1
    }
    if k != i, isLabelAlone(k) { return true }
    return isLabelAlone(i)
  }

  func isListConnector(_ c: Int) -> Bool {
    text.isPunct(c, UInt8(ascii: ",")) || text.is(c, H.and) || text.is(c, H.or) || text.is(c, Self.through)
      || text.is(c, Self.to) || text.is(c, wordHash("und")) || text.is(c, wordHash("et"))
      || text.isPunct(c, UInt8(ascii: "/"))
  }

  static let through = wordHash("through")
  static let to = wordHash("to")

  /// ``isLabel(_:)`` for one number, without looking along a list.
  func isLabelAlone(_ i: Int) -> Bool {
    // A leading zero or five and more digits without separators: postal codes, phone and
    // catalogue numbers (`02139`, `75794`); real amounts that size are written `10,000`.
    let s = text.normalizedSlice(text.tokens[i])
    if s.first == UInt8(ascii: "0"), s.count > 1 { return true }
    if s.count >= 5, s.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
    if i > 0 {
      let p = i - 1
      if text.isWord(p, in: Self.labelWords) || text.is(p, wordHash("§")) { return true }
      // `Art. 1`, `Sec. 4`, `No. 5`, `U.S.C. 101`
      if text.isPunct(p, UInt8(ascii: ".")), p > 0, text.touchesNext(p - 1),
        text.isWord(p - 1, in: Self.labelWords)
          || (text.tokens[p - 1].kind == .word && text.length(p - 1) == 1 && text.startsUpper(p - 1))
      {
        return true
      }
      // `GPL-3`, `v2.0`, `07/23`, `CC-BY-4.0`
      if text.touchesNext(p), text.tokens[p].kind == .punctuation,
        text.isPunct(p, UInt8(ascii: "-")) || text.isPunct(p, UInt8(ascii: ".")) || text.isPunct(p, UInt8(ascii: "/"))
          || text.isPunct(p, UInt8(ascii: ":")),
        p > 0, text.touchesNext(p - 1), text.tokens[p - 1].kind != .punctuation
      {
        return true
      }
      if text.tokens[p].kind == .word, text.touchesNext(p) { return true }
      // `(1)`: an enumerator in parentheses.
      if text.isPunct(p, UInt8(ascii: "(")), i + 1 < n, text.isPunct(i + 1, UInt8(ascii: ")")) { return true }
    }
    if i + 1 < n, text.touchesNext(i) {
      // `07/23/2024`, `2024-07-23`, `4(a)`
      if text.isPunct(i + 1, UInt8(ascii: "/")) || text.isPunct(i + 1, UInt8(ascii: "-"))
        || text.isPunct(i + 1, UInt8(ascii: "(")) || text.isPunct(i + 1, UInt8(ascii: ":"))
      {
        if i + 2 < n, text.touchesNext(i + 1), text.tokens[i + 2].kind != .punctuation { return true }
      }
    }
    if i + 1 < n {
      // An enumerator: `1)` in running text, `48 C.F.R.`, `17 U.S.C.`, `51 Franklin Street`.
      if text.touchesNext(i), text.isPunct(i + 1, UInt8(ascii: ")")) { return true }
      if text.tokens[i + 1].kind == .word, text.length(i + 1) == 1, text.startsUpper(i + 1), text.touchesNext(i + 1),
        text.isPunct(i + 2 < n ? i + 2 : i, UInt8(ascii: "."))
      {
        return true
      }
      if isStreetAddress(after: i) { return true }
      if text.isWord(i + 1, in: Self.versionFollowers) { return true }
      // `2 (Restrictions)`: a section number with its title.
      if text.isPunct(i + 1, UInt8(ascii: "(")), i + 2 < n, text.tokens[i + 2].kind == .word, text.startsUpper(i + 2),
        !Self.currencyCodeHashes.contains(text.tokens[i + 2].hash)
      {
        return true
      }
    }
    // A marker: `1.`, `2)` or `3 Heading` first on its line, or `7.` after bullets or a colon.
    let lineStart = i == 0 || text.tokens[i - 1].line != text.tokens[i].line
    if i + 1 < n {
      let dotted = text.touchesNext(i) && text.isPunct(i + 1, UInt8(ascii: "."))
      if lineStart {
        if dotted || text.tokens[i + 1].line != text.tokens[i].line { return true }
        if text.startsUpper(i + 1), !text.isWord(i + 1, in: Self.unitNouns) { return true }
      } else if dotted, i + 2 < n, !text.touchesNext(i + 1), text.startsUpper(i + 2), i > 0,
        text.tokens[i - 1].kind == .punctuation, !text.isPunct(i - 1, UInt8(ascii: ","))
      {
        return true
      }
    } else if lineStart {
      return true
    }
    return false
  }

  /// Whether the integer at `i` is a year or a day of a date.
  func isYearOrDate(_ i: Int) -> Bool {
    if i > 0, text.isWord(i - 1, in: TextLexicon.months) { return true }
    if i + 1 < n, text.isWord(i + 1, in: TextLexicon.months) { return true }
    // `July 23, 2024`
    if i > 2, text.isPunct(i - 1, UInt8(ascii: ",")), text.tokens[i - 2].kind == .number,
      text.isWord(i - 3, in: TextLexicon.months)
    {
      return true
    }
    let s = text.normalizedSlice(text.tokens[i])
    if s.count == 4, s.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      var y = 0
      for b in s { y = y * 10 + Int(b - 0x30) }
      if y >= 1900 && y <= 2100 { return true }
    }
    return false
  }
}
