/// The clause-level difference between two licence analyses: kinds added and removed, parameters
/// changed, OSD verdicts changed.
///
/// ```swift
/// let diff = LicenseDiff(from: try analyzer.analyze(path: "llama3.LICENSE.txt"),
///                        to: try analyzer.analyze(path: "llama3_1.LICENSE.txt"))
/// diff.removed.map(\.kind)   // [.outputUse, …]
/// print(diff.text())
/// ```
///
/// Kinds are compared as sets: a kind is added when only the new text has it, removed when only
/// the old one has it. For a kind both have, the values of each parameter key across that kind's
/// clauses are compared as sets, so reordering or repeating a clause is not a change.
public struct LicenseDiff: Sendable, Codable, Equatable {
  /// A clause kind present on one side only, with the first clause as evidence.
  public struct KindChange: Sendable, Codable, Equatable, Hashable {
    /// The kind.
    public let kind: ClauseKind
    /// Its key parameter on the side that has it (`700M MAU`), or `✓`.
    public let value: String
    /// A quote of the first clause of the kind.
    public let evidence: String
    /// Where that clause is.
    public let location: String
  }

  /// A parameter of a kind both sides have, whose values differ.
  public struct ParameterChange: Sendable, Codable, Equatable, Hashable {
    /// The kind.
    public let kind: ClauseKind
    /// The parameter key (`requiredPhrase`, `threshold`, …).
    public let parameter: String
    /// The values in the old text (empty when the key was not stated there).
    public let from: [String]
    /// The values in the new text.
    public let to: [String]
  }

  /// An OSD criterion whose verdict changed.
  public struct VerdictChange: Sendable, Codable, Equatable, Hashable {
    /// `osd-1` … `osd-10`.
    public let criterion: String
    /// The criterion's title.
    public let title: String
    /// The old verdict.
    public let from: OSDVerdict.Verdict
    /// The new verdict.
    public let to: OSDVerdict.Verdict
    /// Why, in the new text.
    public let explanation: String
  }

  /// The JSON contract version.
  public let schemaVersion: Int
  /// The old text's path.
  public let from: String
  /// The new text's path.
  public let to: String
  /// Kinds only the new text has.
  public let added: [KindChange]
  /// Kinds only the old text has.
  public let removed: [KindChange]
  /// Parameters that changed within kinds both texts have.
  public let changed: [ParameterChange]
  /// OSD verdicts that changed.
  public let osd: [VerdictChange]
  /// OSD conformance of the old and new text.
  public let osdConformant: [Bool]

  /// Compares two analyses.
  /// - Parameters:
  ///   - old: the earlier or reference licence.
  ///   - new: the later or other licence.
  /// - Complexity: O(n + m) in the number of clauses.
  public init(from old: LicenseAnalysis, to new: LicenseAnalysis) {
    schemaVersion = licenseCheckSchemaVersion
    from = old.source.path
    to = new.source.path
    let oldKinds = Dictionary(grouping: old.clauses, by: \.kind)
    let newKinds = Dictionary(grouping: new.clauses, by: \.kind)
    func change(_ kind: ClauseKind, _ clauses: [Clause]) -> KindChange {
      KindChange(
        kind: kind, value: ClauseSummary.keyParameter(of: clauses) ?? "✓",
        evidence: ClauseSummary.oneLine(clauses[0].evidence), location: ClauseSummary.location(of: clauses[0]))
    }
    added = ClauseKind.allCases.compactMap { k in
      oldKinds[k] == nil ? newKinds[k].map { change(k, $0) } : nil
    }
    removed = ClauseKind.allCases.compactMap { k in
      newKinds[k] == nil ? oldKinds[k].map { change(k, $0) } : nil
    }
    var changed: [ParameterChange] = []
    for kind in ClauseKind.allCases {
      guard let a = oldKinds[kind], let b = newKinds[kind] else { continue }
      let av = Self.values(a)
      let bv = Self.values(b)
      for key in Set(av.keys).union(bv.keys).sorted() {
        let x = av[key] ?? []
        let y = bv[key] ?? []
        if Set(x) != Set(y) { changed.append(ParameterChange(kind: kind, parameter: key, from: x, to: y)) }
      }
    }
    self.changed = changed
    var osd: [VerdictChange] = []
    for v in new.osd {
      guard let before = old.osd.first(where: { $0.criterion == v.criterion }), before.verdict != v.verdict
      else { continue }
      osd.append(
        VerdictChange(
          criterion: v.criterion, title: v.title, from: before.verdict, to: v.verdict, explanation: v.explanation))
    }
    self.osd = osd
    osdConformant = [old.osdConformant, new.osdConformant]
  }

  /// True when nothing differs.
  public var isEmpty: Bool {
    added.isEmpty && removed.isEmpty && changed.isEmpty && osd.isEmpty
  }

  /// Each parameter key's distinct values across clauses, in text order.
  private static func values(_ clauses: [Clause]) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for clause in clauses {
      for (key, value) in ClauseSummary.fields(of: clause.parameters) where !(out[key]?.contains(value) ?? false) {
        out[key, default: []].append(value)
      }
    }
    return out
  }

  /// The difference for people: added (`+`), removed (`-`), changed (`~`) and OSD changes.
  /// - Parameter style: plain or coloured.
  /// - Returns: the text, ending with a newline.
  public func text(style: TextStyle = .plain) -> String {
    var out = style.bold("--- \(from)") + "\n" + style.bold("+++ \(to)") + "\n"
    if isEmpty { return out + "\nNo clause-level differences.\n" }
    if !added.isEmpty || !removed.isEmpty {
      out += "\n" + style.bold("Clauses") + "\n"
      for c in removed {
        out += style.red("  - \(c.kind.rawValue)") + "  \(c.value)  (\(c.location))\n"
        out += "      “\(c.evidence)”\n"
      }
      for c in added {
        out += style.green("  + \(c.kind.rawValue)") + "  \(c.value)  (\(c.location))\n"
        out += "      “\(c.evidence)”\n"
      }
    }
    if !changed.isEmpty {
      out += "\n" + style.bold("Parameters") + "\n"
      var rows = AlignedColumns()
      for c in changed {
        rows.rows.append([
          "  ~ \(c.kind.rawValue).\(c.parameter)", Self.list(c.from), "→", Self.list(c.to),
        ])
      }
      out += rows.render(gap: 1)
    }
    if !osd.isEmpty {
      out += "\n" + style.bold("OSD") + "\n"
      var rows = AlignedColumns()
      for v in osd {
        rows.rows.append(["  \(v.criterion)", v.from.rawValue + " → " + v.to.rawValue, v.title])
      }
      out += rows.render(gap: 2)
    }
    if osdConformant[0] != osdConformant[1] {
      out += "\nOSD conformant: \(osdConformant[0] ? "yes" : "no") → \(osdConformant[1] ? "yes" : "no")\n"
    }
    return out
  }

  /// `"Llama 3"`, `"a", "b"`, or `(not stated)`.
  private static func list(_ values: [String]) -> String {
    values.isEmpty ? "(not stated)" : values.map { "\"\($0)\"" }.joined(separator: " | ")
  }
}
