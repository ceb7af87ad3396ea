import Foundation

/// Short human summaries of clauses, shared by every report (tables, scans, diffs, explanations).
///
/// ```swift
/// ClauseSummary.keyParameter(of: analysis.clauses.filter { $0.kind == .usageCap })  // "700M MAU"
/// ```
public enum ClauseSummary {
  /// The key parameter of one kind's clauses, as a table cell shows it.
  ///
  /// `700M MAU` for a usage cap, `$1M revenue`, `Built with Llama`, `EU excluded`, `California`,
  /// `click, use`, `12 fields`; a tick (`✓`) when the kind has no parameter worth showing.
  /// Several clauses of the kind give their distinct values joined by `; `, in text order.
  /// - Parameter clauses: clauses of one kind (the kind of the first is used).
  /// - Returns: the value, or nil when `clauses` is empty.
  public static func keyParameter(of clauses: [Clause]) -> String? {
    guard !clauses.isEmpty else { return nil }
    var values: [String] = []
    for clause in clauses {
      if let v = keyParameter(of: clause), !values.contains(v) { values.append(v) }
    }
    return values.isEmpty ? "✓" : values.joined(separator: "; ")
  }

  /// The key parameter of one clause, or nil when its kind has nothing to show beyond presence.
  /// - Parameter clause: any clause.
  /// - Returns: a short value such as `700M MAU`, or nil.
  public static func keyParameter(of clause: Clause) -> String? {
    let p = clause.parameters
    switch clause.kind {
    case .usageCap:
      return capText(p)
    case .attributionDisplay:
      return p.text
    case .naming:
      guard let phrase = p.requiredPhrase else { return nil }
      return p.position == "prefix" ? "\(phrase)… prefix" : phrase
    case .territory:
      if let ex = p.excluded, !ex.isEmpty { return ex.joined(separator: ", ") + " excluded" }
      if let inc = p.included, !inc.isEmpty { return "only " + inc.joined(separator: ", ") }
      return nil
    case .governingLaw:
      return p.jurisdiction
    case .acceptance:
      return p.mechanism.map { $0.sorted().map(\.rawValue).joined(separator: ", ") }
    case .fieldOfUse:
      guard let fields = p.fields else { return nil }
      return fields.count == 1 ? fields[0] : "\(fields.count) fields"
    case .outputUse:
      switch p.scope {
      case "other-large-language-models": return "other LLMs"
      case "any-model": return "any model"
      default: return p.scope
      }
    case .outputRights:
      return p.owner.map { "\($0) owns" }
    case .termination:
      return p.triggers.map { $0.sorted().map(\.rawValue).joined(separator: ", ") }
    case .shareAlike:
      return p.scope
    case .flowDown, .unilateralChange:
      return p.what
    case .userRestriction:
      return p.who
    case .acceptableUsePolicy:
      return p.updatable == true ? "updatable" : nil
    case .copyrightGrant, .patentGrant:
      return p.royaltyFree == true ? "royalty-free" : nil
    default:
      return nil
    }
  }

  /// `700M MAU`, `$1M revenue`, `10K users`; nil when the text gave no threshold.
  static func capText(_ p: ClauseParameters) -> String? {
    guard let threshold = p.threshold else { return nil }
    let number = compactNumber(threshold)
    switch p.metric {
    case .monthlyActiveUsers: return "\(number) MAU"
    case .dailyActiveUsers: return "\(number) DAU"
    case .users: return "\(number) users"
    case .annualRevenue: return "\(currencySymbol(p.currency))\(number) revenue"
    case .monthlyRevenue: return "\(currencySymbol(p.currency))\(number) monthly revenue"
    case nil: return number
    }
  }

  /// The cap in words for plain-language text: `700 million monthly active users`,
  /// `$1 million in annual revenue`; nil when the text gave no threshold.
  static func capPhrase(_ p: ClauseParameters) -> String? {
    guard let threshold = p.threshold else { return nil }
    var number = compactNumber(threshold)
    for (suffix, word) in [("T", " trillion"), ("B", " billion"), ("M", " million"), ("K", " thousand")]
    where number.hasSuffix(suffix) {
      number = String(number.dropLast()) + word
      break
    }
    switch p.metric {
    case .monthlyActiveUsers: return "\(number) monthly active users"
    case .dailyActiveUsers: return "\(number) daily active users"
    case .users: return "\(number) users"
    case .annualRevenue: return "\(currencySymbol(p.currency))\(number) in annual revenue"
    case .monthlyRevenue: return "\(currencySymbol(p.currency))\(number) in monthly revenue"
    case nil: return number
    }
  }

  /// `$` for USD, otherwise the code and a space (`EUR 1M`), nothing when no currency was stated.
  static func currencySymbol(_ code: String?) -> String {
    switch code?.uppercased() {
    case nil: return ""
    case "USD"?: return "$"
    case "EUR"?: return "€"
    case "GBP"?: return "£"
    case let other?: return other + " "
    }
  }

  /// 700000000 → `700M`, 1500000 → `1.5M`, 1000 → `1K`, 42 → `42`.
  static func compactNumber(_ value: Double) -> String {
    // Checked conversions: a value from the text may be huge, negative or not finite.
    func whole(_ v: Double) -> String {
      if v == v.rounded(), let i = Int64(exactly: v) { return String(i) }
      return v.isFinite ? String(v) : "?"
    }
    let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
    for (scale, suffix) in units where abs(value) >= scale {
      let scaled = value / scale
      let rounded = (scaled * 10).rounded() / 10
      return whole(rounded) + suffix
    }
    return whole(value)
  }

  /// The parameters as `key: value` pairs in key order; lists are joined with `, `.
  ///
  /// Goes through the JSON encoding so parameters added to ``ClauseParameters`` later show up
  /// here without a change.
  /// - Parameter parameters: a clause's parameters.
  /// - Returns: pairs such as `("threshold", "700000000")`.
  public static func fields(of parameters: ClauseParameters) -> [(key: String, value: String)] {
    // Most clauses have none; the JSON round trip below is the costly part of a text report.
    if parameters == ClauseParameters() { return [] }
    guard let data = try? JSONEncoder().encode(parameters),
      case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: data)
    else { return [] }
    return object.keys.sorted().map { key in (key, object[key]!.plainText) }
  }

  /// The evidence on one line, whitespace runs collapsed, cut to `limit` characters with `…`.
  /// - Parameters:
  ///   - evidence: a clause's evidence.
  ///   - limit: the maximum number of characters kept.
  /// - Returns: the quote without surrounding quotation marks.
  public static func oneLine(_ evidence: String, limit: Int = 160) -> String {
    var out = ""
    var pendingSpace = false
    for scalar in evidence.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace { out.unicodeScalars.append(" ") }
      pendingSpace = false
      out.unicodeScalars.append(scalar)
    }
    guard out.count > limit else { return out }
    return String(out.prefix(limit - 1)) + "…"
  }

  /// Where a clause is, for people: `§2.b, line 32`, or `line 32`, with `policy` when it is in the policy.
  /// - Parameter clause: any clause.
  /// - Returns: the location text.
  public static func location(of clause: Clause) -> String {
    var parts: [String] = []
    if let document = clause.document { parts.append(document) }
    if let section = clause.section { parts.append("§" + section) }
    // Line 0: a clause of a catalogue entry's reviewed summary, which has no text to point into.
    if clause.span.line > 0 { parts.append("line \(clause.span.line)") }
    return parts.joined(separator: ", ")
  }
}

/// Any JSON value, decoded without Foundation's `Any`, so booleans stay booleans.
enum JSONValue: Decodable, Equatable {
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])
  case null

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    // Bool first: JSONDecoder refuses to read 0/1 as Bool, so numbers are not mistaken for flags.
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? c.decode(Double.self) {
      self = .number(n)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  /// Strings bare, whole numbers without `.0`, lists joined with `, `.
  var plainText: String {
    switch self {
    case .bool(let b): return b ? "true" : "false"
    case .number(let d): return d == d.rounded() && abs(d) < 9e15 ? String(Int64(d)) : String(d)
    case .string(let s): return s
    case .array(let a): return a.map(\.plainText).joined(separator: ", ")
    case .object(let o): return o.keys.sorted().map { "\($0)=\(o[$0]!.plainText)" }.joined(separator: ", ")
    case .null: return "null"
    }
  }
}
