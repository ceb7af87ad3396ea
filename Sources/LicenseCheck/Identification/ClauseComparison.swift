/// A clause-level difference between a text and the known licence it is a variant of.
public struct ClauseDifference: Sendable, Codable, Equatable, Hashable {
  /// How the text differs.
  public enum Change: String, Sendable, Codable, Equatable, Hashable {
    /// The text has a clause kind the known licence lacks.
    case added
    /// The known licence has a clause kind the text lacks.
    case removed
    /// Both have the kind, with a different key parameter.
    case changed
  }

  /// Added, removed or changed.
  public let change: Change
  /// The clause kind.
  public let kind: ClauseKind
  /// The section of the clause: the text's for `added`, the known licence's otherwise.
  public let section: String?
  /// The parameter that differs (`changed` only): `threshold`, `jurisdiction`, `excluded`, …
  public let parameter: String?
  /// The known licence's value (`changed` only); for a list, `also …` the values only it has.
  public let expected: String?
  /// The text's value (`changed` only); for a list, `also …` the values only the text has.
  public let found: String?
  /// The first line of the text's clause (`added` and `changed`).
  public let line: Int?

  /// Creates a difference.
  public init(
    change: Change, kind: ClauseKind, section: String? = nil, parameter: String? = nil, expected: String? = nil,
    found: String? = nil, line: Int? = nil
  ) {
    self.change = change
    self.kind = kind
    self.section = section
    self.parameter = parameter
    self.expected = expected
    self.found = found
    self.line = line
  }
}

/// Compares the clauses extracted from a text with a catalogue entry's reviewed summary.
///
/// Kinds are compared as sets (a licence may state a kind in several places), then, for kinds on
/// both sides, the key parameters: the ones that change what a licensee may do (usage-cap
/// metric, threshold and consequence; territories; fields of use; governing law; granted
/// rights). A parameter the extraction did not fill is not a difference: extraction may be less
/// detailed than a review, but it never invents a value.
public enum ClauseComparison {
  /// The parameters compared, by name.
  public static let keyParameters = ["rights", "metric", "threshold", "consequence", "jurisdiction"]
  /// List parameters compared as the union over all clauses of a kind.
  public static let listParameters = ["fields", "excluded", "included"]

  /// The differences, in a stable order: added, removed, changed; each by kind.
  ///
  /// - Parameters:
  ///   - clauses: the text's clauses (only the licence's own: pass those of one segment).
  ///   - entry: the known licence.
  /// - Complexity: O(c log c) in the number of clauses.
  public static func differences(clauses: [Clause], entry: CatalogueEntry) -> [ClauseDifference] {
    var found: [ClauseKind: [Clause]] = [:]
    for c in clauses { found[c.kind, default: []].append(c) }
    var known: [ClauseKind: [CatalogueClause]] = [:]
    for c in entry.clauses { known[c.kind, default: []].append(c) }

    var out: [ClauseDifference] = []
    for kind in ClauseKind.allCases {
      switch (known[kind], found[kind]) {
      case (nil, let f?):
        out.append(ClauseDifference(change: .added, kind: kind, section: f[0].section, line: f[0].span.line))
      case (let k?, nil):
        out.append(ClauseDifference(change: .removed, kind: kind, section: k[0].section))
      default: break
      }
    }
    for kind in ClauseKind.allCases {
      guard let k = known[kind], let f = found[kind] else { continue }
      for name in listParameters {
        // Lists spread over several clauses (a policy's fields of use) compare as one set.
        let expected = Set(k.flatMap { $0.parameters.map { list(name, $0) } ?? [] })
        let got = f.flatMap { list(name, $0.parameters) }
        guard !expected.isEmpty, !got.isEmpty, expected != Set(got) else { continue }
        let first = f.first { !list(name, $0.parameters).isEmpty }
        let added = Set(got).subtracting(expected).sorted()
        let removed = expected.subtracting(got).sorted()
        out.append(
          ClauseDifference(
            change: .changed, kind: kind, section: first?.section ?? k[0].section, parameter: name,
            expected: removed.isEmpty ? nil : "also " + removed.joined(separator: ", "),
            found: added.isEmpty ? nil : "also " + added.joined(separator: ", "), line: first?.span.line))
      }
      for name in keyParameters {
        let expected = Set(k.compactMap { $0.parameters.flatMap { value(name, $0) } })
        let got = f.compactMap { c in value(name, c.parameters).map { (c, $0) } }
        guard !expected.isEmpty, !got.isEmpty else { continue }
        // Any clause of the kind stating the reviewed value agrees.
        if got.contains(where: { expected.contains($0.1) }) { continue }
        out.append(
          ClauseDifference(
            change: .changed, kind: kind, section: k[0].section, parameter: name,
            expected: expected.sorted().joined(separator: " | "), found: got[0].1, line: got[0].0.span.line))
      }
    }
    return out
  }

  /// A list parameter's values, lowercased.
  static func list(_ name: String, _ p: ClauseParameters) -> [String] {
    let xs: [String]?
    switch name {
    case "fields": xs = p.fields
    case "excluded": xs = p.excluded
    case "included": xs = p.included
    default: xs = nil
    }
    return (xs ?? []).map { $0.lowercased() }
  }

  /// A parameter as a comparable string (lists sorted, so order never counts), or nil when unset.
  static func value(_ name: String, _ p: ClauseParameters) -> String? {
    func list(_ xs: [String]?) -> String? {
      guard let xs, !xs.isEmpty else { return nil }
      return Set(xs.map { $0.lowercased() }).sorted().joined(separator: ", ")
    }
    switch name {
    case "rights": return list(p.rights?.map(\.rawValue))
    case "metric": return p.metric?.rawValue
    case "threshold":
      guard let t = p.threshold else { return nil }
      return t.rounded() == t && abs(t) < 9e15 ? String(Int64(t)) : String(t)
    case "consequence": return p.consequence?.rawValue
    case "jurisdiction": return p.jurisdiction
    default: return nil
    }
  }
}
