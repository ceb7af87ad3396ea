import Foundation
import LicenseCheck

/// Scores identification on real-world licence files: the Debian texts of `shared/corpus/wild`
/// with `debian-labels.json` (format in the corpus README), and the ScanCode LicenseDB texts.
///
/// A run identifies every text the way `licensecheck identify` does (embedded data, no corpus
/// templates unless a library is given) and compares the answer, an id or an SPDX expression,
/// with the label:
/// - ids compare case-insensitively, deprecated ids replaced by their successors (`GPL-2.0+` →
///   `GPL-2.0-or-later`);
/// - an answer is right when its primary licence (the first of the expression) or the exception
///   attached to it is the label or one of the `accept` ids;
/// - for full texts `-only` and `-or-later` are one answer (a full text cannot tell them apart);
///   for notices they are not, and the notice group also reports the lenient figure;
/// - a custom licence (no label) is right when the answer names no SPDX id outside `accept`;
///   it is a *wrong confident id* when it names one at confidence ≥
///   ``Identification/lowConfidenceThreshold``.
public struct WildEvaluation: Sendable {
  /// One scored text.
  public struct Result: Sendable, Codable, Equatable {
    public let path: String
    public let group: String
    public let label: String?
    public let answer: String?
    public let confidence: Double?
    public let method: String?
    public let right: Bool
    /// Right apart from `-only` / `-or-later` (notices).
    public let rightIgnoringVersionRule: Bool
    /// A custom licence given an SPDX id it is not, confidently.
    public let wrongConfident: Bool
  }

  /// Counts for one group.
  public struct GroupScore: Sendable, Codable, Equatable {
    public var total = 0
    public var right = 0
    public var rightIgnoringVersionRule = 0
    public var wrongConfident = 0
    public var score: Double { total == 0 ? 1 : Double(right) / Double(total) }
    public var lenientScore: Double { total == 0 ? 1 : Double(rightIgnoringVersionRule) / Double(total) }
    public var wrongConfidentRate: Double { total == 0 ? 0 : Double(wrongConfident) / Double(total) }
  }

  public var results: [Result] = []
  /// Texts left out because their label is marked doubtful.
  public var doubtful = 0
  /// Mean identification time per text, in milliseconds (reading and tokenising excluded).
  public var meanMilliseconds = 0.0

  /// The groups in report order.
  public static let groups = ["debian-full", "debian-notice", "debian-exception", "debian-custom"]

  public var perGroup: [String: GroupScore] {
    var out: [String: GroupScore] = [:]
    for r in results {
      var g = out[r.group] ?? GroupScore()
      g.total += 1
      if r.right { g.right += 1 }
      if r.rightIgnoringVersionRule { g.rightIgnoringVersionRule += 1 }
      if r.wrongConfident { g.wrongConfident += 1 }
      out[r.group] = g
    }
    return out
  }

  /// All groups together.
  public var overall: GroupScore {
    var t = GroupScore()
    for g in perGroup.values {
      t.total += g.total
      t.right += g.right
      t.rightIgnoringVersionRule += g.rightIgnoringVersionRule
      t.wrongConfident += g.wrongConfident
    }
    return t
  }

  /// The GNU notices (label `GPL`, `LGPL`, `AGPL` or `GFDL` `-only`/`-or-later`) whose answer has
  /// the right family and version: how many of them also have the right version rule.
  public var gnuVersionRule: (right: Int, total: Int) {
    var right = 0
    var total = 0
    for r in results where r.group == "debian-notice" {
      guard let l = r.label, Self.isGNURule(l) else { continue }
      total += 1
      if r.right { right += 1 }
    }
    return (right, total)
  }

  static func isGNURule(_ id: String) -> Bool {
    let l = id.lowercased()
    return (l.hasPrefix("gpl-") || l.hasPrefix("lgpl-") || l.hasPrefix("agpl-") || l.hasPrefix("gfdl-"))
      && (l.hasSuffix("-only") || l.hasSuffix("-or-later"))
  }

  /// Scores the Debian texts.
  ///
  /// - Parameters:
  ///   - wildDirectory: `shared/corpus/wild` (holding `debian/` and `debian-labels.json`).
  ///   - library: SPDX templates, as `identify --corpus` uses them; nil for the embedded data only.
  public static func run(wildDirectory: String, library: TemplateLibrary? = nil) throws -> WildEvaluation {
    let data = try Data(contentsOf: URL(fileURLWithPath: wildDirectory + "/debian-labels.json"))
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let texts = root["texts"] as? [String: [String: Any]]
    else { throw WildError("debian-labels.json has no `texts` object") }
    var ev = WildEvaluation()
    var elapsed = 0.0
    for path in texts.keys.sorted() {
      let label = texts[path]!
      if label["doubtful"] != nil {
        ev.doubtful += 1
        continue
      }
      let group = label["group"] as? String ?? "?"
      let gold = label["label"] as? String
      let accept = label["accept"] as? [String] ?? []
      let doc = try DocumentReader.read(path: wildDirectory + "/" + path)
      let text = TokenizedText(doc.text)
      let start = DispatchTime.now().uptimeNanoseconds
      let id = Identifier.standard.identification(of: text, clauses: [], library: library)
      elapsed += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
      ev.results.append(score(path: path, group: group, label: gold, accept: accept, identification: id))
    }
    ev.meanMilliseconds = ev.results.isEmpty ? 0 : elapsed / Double(ev.results.count)
    return ev
  }

  /// The answer an identification gives: its expression, else its id; nil for unknown.
  public static func answer(_ id: Identification?) -> String? {
    guard let id else { return nil }
    return id.expression ?? id.id
  }

  /// Scores one answer against a label.
  public static func score(
    path: String, group: String, label: String?, accept: [String], identification id: Identification?
  ) -> Result {
    let answer = Self.answer(id)
    let parsed = answer.map(Expression.init) ?? Expression("")
    let full = group == "debian-full"
    let want = Set(([label].compactMap { $0 } + accept).map { normalise($0, dropRule: full) })
    let wantLenient = Set(([label].compactMap { $0 } + accept).map { normalise($0, dropRule: true) })
    func hit(_ set: Set<String>, dropRule: Bool) -> Bool {
      let own = [parsed.primary, parsed.primaryException].compactMap { $0 }
      return own.contains { set.contains(normalise($0, dropRule: dropRule)) }
    }
    var right: Bool
    var lenient: Bool
    var wrongConfident = false
    if label == nil {
      // A custom licence: no SPDX id beyond the accepted ones.
      let named = (parsed.licenses + parsed.exceptions).filter(isSPDXLike)
      right = named.allSatisfy { want.contains(normalise($0, dropRule: false)) }
      lenient = right
      if !right, let id, id.confidence >= Identification.lowConfidenceThreshold, id.lowConfidence != true {
        wrongConfident = true
      }
    } else {
      right = hit(want, dropRule: full)
      lenient = hit(wantLenient, dropRule: true)
    }
    return Result(
      path: path, group: group, label: label, answer: answer, confidence: id?.confidence, method: id?.method,
      right: right, rightIgnoringVersionRule: lenient, wrongConfident: wrongConfident)
  }

  /// Whether an id names an SPDX licence (not `LicenseRef-…`, not unknown).
  static func isSPDXLike(_ id: String) -> Bool {
    let l = id.lowercased()
    return !l.hasPrefix("licenseref-") && l != "unknown" && l != "noassertion" && l != "none"
  }

  /// Deprecated SPDX ids and their successors (lowercased).
  static let successors: [String: String] = {
    var m: [String: String] = [:]
    for f in ["gpl-1.0", "gpl-2.0", "gpl-3.0", "lgpl-2.0", "lgpl-2.1", "lgpl-3.0", "agpl-1.0", "agpl-3.0"] {
      m[f] = f + "-only"
      m[f + "+"] = f + "-or-later"
    }
    for f in ["gfdl-1.1", "gfdl-1.2", "gfdl-1.3"] { m[f] = f + "-only" }
    m["standardml-nj"] = "smlnj"
    m["nunit"] = "zlib-acknowledgement"
    m["bsd-2-clause-freebsd"] = "bsd-2-clause"
    m["bsd-2-clause-netbsd"] = "bsd-2-clause"
    return m
  }()

  /// Lowercased, deprecated ids replaced; with `dropRule`, `-only` and `-or-later` removed.
  public static func normalise(_ id: String, dropRule: Bool) -> String {
    var l = id.lowercased()
    if let s = successors[l] { l = s }
    if dropRule {
      for suffix in ["-only", "-or-later"] where l.hasSuffix(suffix) { l.removeLast(suffix.count) }
    }
    return l
  }

  /// The ids of an SPDX expression.
  public struct Expression: Sendable, Equatable {
    /// Licence ids in order (not exceptions).
    public var licenses: [String] = []
    /// Exception ids in order.
    public var exceptions: [String] = []
    /// The first licence.
    public var primary: String? { licenses.first }
    /// The exception attached to the first licence.
    public var primaryException: String?

    public init(_ s: String) {
      var tokens: [String] = []
      var cur = ""
      for ch in s {
        if ch == "(" || ch == ")" || ch == " " {
          if !cur.isEmpty { tokens.append(cur) }
          cur = ""
        } else {
          cur.append(ch)
        }
      }
      if !cur.isEmpty { tokens.append(cur) }
      var afterWith = false
      for t in tokens {
        switch t.uppercased() {
        case "AND", "OR": afterWith = false
        case "WITH": afterWith = true
        default:
          if afterWith {
            if licenses.count == 1, exceptions.isEmpty { primaryException = t }
            exceptions.append(t)
            afterWith = false
          } else {
            licenses.append(t)
          }
        }
      }
    }
  }

  /// A fixed-width report: one row per group, then the misses when asked.
  public func report(showMisses: Bool, showAll: Bool = false) -> String {
    func f(_ d: Double) -> String { String(format: "%.3f", d) }
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    var lines = [pad("group", 18) + pad("texts", 7) + pad("right", 7) + pad("score", 8) + "notes"]
    let groups = perGroup
    for name in Self.groups {
      guard let g = groups[name] else { continue }
      var note = ""
      if name == "debian-notice" {
        let r = gnuVersionRule
        note = "ignoring -only/-or-later \(f(g.lenientScore)); GNU rule exact \(r.right)/\(r.total)"
      }
      if name == "debian-custom" {
        note = "wrong confident SPDX id \(g.wrongConfident) (\(f(g.wrongConfidentRate)))"
      }
      lines.append(pad(name, 18) + pad(String(g.total), 7) + pad(String(g.right), 7) + pad(f(g.score), 8) + note)
    }
    let o = overall
    lines.append(pad("overall", 18) + pad(String(o.total), 7) + pad(String(o.right), 7) + f(o.score))
    lines.append(
      "doubtful labels left out: \(doubtful); identification mean \(String(format: "%.3f", meanMilliseconds)) ms/text")
    if showMisses {
      lines.append("")
      for r in results where !r.right || showAll {
        let conf = r.confidence.map { String(format: "%.3f", $0) } ?? "-"
        lines.append(
          "\(r.right ? "ok" : "MISS")  \(r.group)  \(r.path)  want \(r.label ?? "(no SPDX id)")  got \(r.answer ?? "unknown") \(conf) \(r.method ?? "")"
        )
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// The ScanCode LicenseDB texts: is each identified as its own key, or an id with the same text?
public struct ScanCodeEvaluation: Sendable {
  public struct Miss: Sendable, Equatable {
    public let key: String
    public let want: [String]
    public let answer: String?
    public let confidence: Double?
  }
  public var total = 0
  /// Identified as the own key (or its SPDX id), or as an id with the same text.
  public var right = 0
  /// Identified as the own key or its SPDX id (directly or among the alternatives).
  public var ownKey = 0
  /// Identified as the own key or its SPDX id as the reported id itself.
  public var primaryKey = 0
  public var misses: [Miss] = []
  public var score: Double { total == 0 ? 1 : Double(right) / Double(total) }

  /// Identifies every `licenses/*.LICENSE` (YAML header removed) under `directory`.
  public static func run(directory: String, limit: Int = .max) throws -> ScanCodeEvaluation {
    let dir = directory + "/licenses"
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".LICENSE") }.sorted()
    var ev = ScanCodeEvaluation()
    for name in names.prefix(limit) {
      guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
      let file = String(decoding: data, as: UTF8.self)
      let (header, body) = splitHeader(file)
      let key = header["key"] ?? String(name.dropLast(".LICENSE".count))
      var want = ["licenseref-scancode-" + key.lowercased()]
      if let s = header["spdx_license_key"] { want.append(s.lowercased()) }
      want += (header["other_spdx_license_keys"].map { [$0] } ?? []).map { $0.lowercased() }
      guard body.utf8.contains(where: { $0 > 0x20 }) else { continue }
      let id = Identifier.standard.identification(of: TokenizedText(body), clauses: [])
      ev.total += 1
      let answer = WildEvaluation.answer(id)
      let parsed = WildEvaluation.Expression(answer ?? "")
      var ids = [parsed.primary, parsed.primaryException].compactMap { $0 }
      if ids.contains(where: { want.contains(WildEvaluation.normalise($0, dropRule: false)) }) { ev.primaryKey += 1 }
      ids += id?.alternatives ?? []
      if ids.contains(where: { want.contains(WildEvaluation.normalise($0, dropRule: false)) }) {
        ev.right += 1
        ev.ownKey += 1
      } else if id?.method == "exact" {
        // An exact match is an id whose reference text is this text under the SPDX guidelines.
        ev.right += 1
      } else {
        ev.misses.append(Miss(key: key, want: want, answer: answer, confidence: id?.confidence))
      }
    }
    return ev
  }

  /// The YAML header's scalar fields (and the first item of `other_spdx_license_keys`) and the text after it.
  static func splitHeader(_ file: String) -> ([String: String], String) {
    let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first == "---" else { return ([:], file) }
    var fields: [String: String] = [:]
    var k = 1
    var listKey: String? = nil
    while k < lines.count, lines[k] != "---" {
      let line = lines[k]
      if line.hasPrefix("    - "), let lk = listKey, fields[lk] == nil {
        fields[lk] = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
      } else if let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") {
        let key = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.isEmpty { listKey = key } else { fields[key] = value }
      }
      k += 1
    }
    return (fields, lines.dropFirst(k + 1).joined(separator: "\n"))
  }

  public func report(showMisses: Bool) -> String {
    var lines = [
      "scancode texts \(total), right \(right), score \(String(format: "%.3f", score)) (own key or its SPDX id: \(ownKey), as the reported id: \(primaryKey))"
    ]
    if showMisses {
      for m in misses {
        lines.append(
          "\(m.key)  want \(m.want.joined(separator: "|"))  got \(m.answer ?? "unknown") \(m.confidence.map { String(format: "%.3f", $0) } ?? "-")"
        )
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// The labels file is not in the expected form.
public struct WildError: Error, CustomStringConvertible {
  public let description: String
  init(_ d: String) { description = d }
}
