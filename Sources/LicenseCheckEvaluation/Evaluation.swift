import Foundation
import LicenseCheck

/// Scores clause extraction against the gold annotations in `fixtures/gold` (format in `fixtures/README.md`).
public struct Evaluation: Sendable {
  /// Counts for one clause kind.
  public struct KindScore: Sendable, Codable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var parametersCorrect = 0
    public var parametersTotal = 0

    public var precision: Double {
      truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
      truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var parameterAccuracy: Double {
      parametersTotal == 0 ? 1 : Double(parametersCorrect) / Double(parametersTotal)
    }
  }

  /// One mistake, for the report.
  public struct Miss: Sendable, Codable, Equatable {
    public let document: String
    public let kind: String
    public let what: String
  }

  public var perKind: [String: KindScore] = [:]
  public var misses: [Miss] = []
  public var documents = 0
  /// Clauses whose evidence was not found at their span (must stay 0).
  public var evidenceMismatches = 0
  /// OSD criteria where gold and tool agree on fail / not fail (gold files with `osdFails`).
  public var osdAgreements = 0
  public var osdJudged = 0
  /// Gold files with `osdConformant` true or false: agreements, and tool "yes" where the gold says no.
  public var conformantAgreements = 0
  public var conformantJudged = 0
  public var wrongYes = 0
  /// Gold files with `documentClass`: agreements.
  public var classAgreements = 0
  public var classJudged = 0
  /// Kinds the gold set was labelled without (``unlabelledKinds(goldDirectory:)``).
  public var unlabelledKinds: Set<String> = []
  /// Documents where the tool found a kind of `unlabelledKinds` the gold file does not list, per kind.
  public var unscored: [String: Int] = [:]

  public var total: KindScore {
    var t = KindScore()
    for s in perKind.values {
      t.truePositives += s.truePositives
      t.falsePositives += s.falsePositives
      t.falseNegatives += s.falseNegatives
      t.parametersCorrect += s.parametersCorrect
      t.parametersTotal += s.parametersTotal
    }
    return t
  }

  /// Runs the evaluation.
  ///
  /// - Parameters:
  ///   - goldDirectory: `fixtures/gold`.
  ///   - fixturesRoot: `fixtures` (for `fixture:` sources).
  ///   - corpusRoot: `../shared/corpus` (for `corpus:` sources); gold files needing it are skipped when nil.
  public static func run(goldDirectory: String, fixturesRoot: String, corpusRoot: String?) throws -> Evaluation {
    var ev = Evaluation()
    ev.unlabelledKinds = unlabelledKinds(goldDirectory: goldDirectory)
    let names = try FileManager.default.contentsOfDirectory(atPath: goldDirectory).filter { $0.hasSuffix(".json") }
      .sorted()
    for name in names {
      let data = try Data(contentsOf: URL(fileURLWithPath: goldDirectory + "/" + name))
      guard let gold = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        let source = gold["source"] as? String
      else { continue }
      if gold["expectError"] != nil { continue }
      guard let path = resolve(source, fixtures: fixturesRoot, corpus: corpusRoot) else { continue }
      let policyPath = (gold["policy"] as? String).flatMap { resolve($0, fixtures: fixturesRoot, corpus: corpusRoot) }
      let analysis: LicenseAnalysis
      do {
        let doc = try DocumentReader.read(path: path)
        let policy = try policyPath.map { try DocumentReader.read(path: $0) }
        analysis = Analyzer().analyze(doc, policy: policy)
        ev.evidenceMismatches += evidenceErrors(analysis, doc, policy)
      } catch {
        ev.misses.append(Miss(document: name, kind: "-", what: "unreadable: \(error)"))
        continue
      }
      ev.documents += 1
      ev.score(document: name, gold: gold, predicted: analysis.clauses)
      ev.scoreVerdicts(document: name, gold: gold, analysis: analysis)
    }
    return ev
  }

  /// Kinds the labellers of a gold set were not asked about (`unlabelled-kinds.txt` in its gold folder
  /// or beside it, one kind per line): the taxonomy gained them after the set was labelled, so a prediction
  /// of one is neither right nor wrong there. It is counted apart (`unscored`), and a gold file that
  /// does list the kind is scored as usual.
  static func unlabelledKinds(goldDirectory: String) -> Set<String> {
    let dir = URL(fileURLWithPath: goldDirectory)
    let candidates = [
      dir.appendingPathComponent("unlabelled-kinds.txt"),
      dir.deletingLastPathComponent().appendingPathComponent("unlabelled-kinds.txt"),
    ]
    guard let text = candidates.lazy.compactMap({ try? String(contentsOf: $0, encoding: .utf8) }).first else {
      return []
    }
    return Set(
      text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty && !$0.hasPrefix("#")
      })
  }

  static func resolve(_ source: String, fixtures: String, corpus: String?) -> String? {
    if source.hasPrefix("corpus:") {
      guard let corpus else { return nil }
      return corpus + "/" + source.dropFirst("corpus:".count)
    }
    if source.hasPrefix("fixture:") { return fixtures + "/" + source.dropFirst("fixture:".count) }
    return nil
  }

  /// OSD agreement per criterion (fail or not), the conformant flag and the document class, when the
  /// gold file states them.
  mutating func scoreVerdicts(document: String, gold: [String: Any], analysis: LicenseAnalysis) {
    if let fails = gold["osdFails"] as? [String], !analysis.osd.isEmpty {
      let got = Set(analysis.osd.filter { $0.verdict == .fail }.map(\.criterion))
      for i in 1...10 {
        let c = "osd-\(i)"
        osdJudged += 1
        if fails.contains(c) == got.contains(c) {
          osdAgreements += 1
        } else {
          misses.append(
            Miss(document: document, kind: c, what: fails.contains(c) ? "osd: should fail" : "osd: should not fail"))
        }
      }
    }
    if let want = gold["osdConformant"] as? Bool {
      conformantJudged += 1
      if want == analysis.osdConformant {
        conformantAgreements += 1
      } else {
        if analysis.osdConformant { wrongYes += 1 }
        misses.append(
          Miss(document: document, kind: "conformant", what: "gold \(want), tool \(analysis.osdConformant)"))
      }
    }
    if let want = gold["documentClass"] as? String {
      classJudged += 1
      let got = analysis.documentClass?.class.rawValue ?? "-"
      if want == got {
        classAgreements += 1
      } else {
        misses.append(Miss(document: document, kind: "class", what: "gold \(want), tool \(got)"))
      }
    }
  }

  static func evidenceErrors(_ a: LicenseAnalysis, _ doc: Document, _ policy: Document?) -> Int {
    var bad = 0
    for c in a.clauses {
      let d = c.document == "policy" ? (policy ?? doc) : doc
      let u = Array(d.text.utf8)
      guard c.span.start >= 0, c.span.end <= u.count, c.span.start <= c.span.end else {
        bad += 1
        continue
      }
      let at = String(decoding: u[c.span.start..<c.span.end], as: UTF8.self)
      if !at.contains(c.evidence) { bad += 1 }
    }
    return bad
  }

  mutating func score(document: String, gold: [String: Any], predicted: [Clause]) {
    let goldClauses = (gold["clauses"] as? [[String: Any]]) ?? []
    let goldKinds = Set(goldClauses.compactMap { $0["kind"] as? String })
    var predictedKinds = Set(predicted.map(\.kind.rawValue))
    for k in predictedKinds.intersection(unlabelledKinds).subtracting(goldKinds) {
      predictedKinds.remove(k)
      unscored[k, default: 0] += 1
    }
    for k in goldKinds.union(predictedKinds) {
      var s = perKind[k] ?? KindScore()
      switch (goldKinds.contains(k), predictedKinds.contains(k)) {
      case (true, true): s.truePositives += 1
      case (false, true):
        s.falsePositives += 1
        let ev = predicted.first { $0.kind.rawValue == k }.map { "\"\($0.evidence.prefix(80))\" line \($0.span.line)" }
        misses.append(Miss(document: document, kind: k, what: "false positive \(ev ?? "")"))
      case (true, false):
        s.falseNegatives += 1
        misses.append(Miss(document: document, kind: k, what: "missed"))
      default: break
      }
      perKind[k] = s
    }
    // Parameters: each gold parameter must be found on some predicted clause of the kind.
    let encoder = JSONEncoder()
    var predictedParams: [String: [[String: Any]]] = [:]
    for c in predicted {
      if let d = try? encoder.encode(c.parameters), let o = try? JSONSerialization.jsonObject(with: d) as? [String: Any]
      {
        predictedParams[c.kind.rawValue, default: []].append(o)
      }
    }
    for gc in goldClauses {
      guard let kind = gc["kind"] as? String, let params = gc["parameters"] as? [String: Any] else { continue }
      var s = perKind[kind] ?? KindScore()
      let preds = predictedParams[kind] ?? []
      for (key, value) in params {
        s.parametersTotal += 1
        if Evaluation.found(value, key: key, in: preds) {
          s.parametersCorrect += 1
        } else {
          let got = preds.compactMap { $0[key] }.map { "\($0)" }.joined(separator: " | ")
          misses.append(Miss(document: document, kind: kind, what: "parameter \(key): want \(value), got [\(got)]"))
        }
      }
      perKind[kind] = s
    }
  }

  /// Parameters whose values the taxonomy leaves as written (names, places, quoted phrases,
  /// descriptions of persons): gold labellers describe them in their own words, so a value matches
  /// when one side's words appear, in order, inside the other's (`San Francisco` in `San Francisco,
  /// California`; `sanctioned-parties` in `sanctioned parties and restricted-party-list entries`).
  /// Every other parameter is an enumerated term, a number or a flag and must match exactly after
  /// folding case, separators and plurals.
  static let freeTextKeys: Set<String> = [
    "noticeText", "text", "where", "requiredPhrase", "reference", "excluded", "included", "who", "venue",
    "jurisdiction", "what",
  ]

  static func found(_ value: Any, key: String, in preds: [[String: Any]]) -> Bool {
    let freeText = freeTextKeys.contains(key)
    func matches(_ gold: Any, _ got: Any) -> Bool {
      freeText ? wordsContained(words(gold), words(got)) : norm(gold) == norm(got)
    }
    /// Every value the predictions give for `key`, lists flattened: a gold scalar may be found as one
    /// item of a predicted list and a gold list's items among the predicted scalars.
    var predicted: [Any] = []
    for p in preds {
      guard let v = p[key] else { continue }
      if let list = v as? [Any] { predicted += list } else { predicted.append(v) }
    }
    if let list = value as? [Any] {
      return list.allSatisfy { g in predicted.contains { matches(g, $0) } }
    }
    return predicted.contains { matches(value, $0) }
  }

  static func norm(_ v: Any) -> String {
    if type(of: v) == Bool.self, let b = v as? Bool { return b ? "true" : "false" }
    if let n = v as? NSNumber, type(of: v) != Bool.self {
      if "\(type(of: n))".contains("Bool") { return n.boolValue ? "true" : "false" }
      return String(format: "%.4f", n.doubleValue)
    }
    if let d = v as? Double { return String(format: "%.4f", d) }
    if let i = v as? Int { return String(format: "%.4f", Double(i)) }
    var s = "\(v)".lowercased().trimmingCharacters(in: .whitespaces)
    // http and https are equivalent (SPDX matching guideline); compare URLs without the scheme.
    for scheme in ["https://", "http://"] where s.hasPrefix(scheme) { s.removeFirst(scheme.count) }
    // Enumerated terms: `advertising materials`, `advertising-materials` and `Advertising material`
    // are one term.
    return words(s).joined(separator: "-")
  }

  /// Lower-cased words of a value with punctuation, separators and `<placeholders>` dropped and a
  /// plural `s` folded (`parties` → `party`, `materials` → `material`).
  static func words(_ v: Any) -> [String] {
    var out: [String] = []
    var word = ""
    var inPlaceholder = false
    func flush() {
      guard !word.isEmpty else { return }
      var w = word
      if w.count > 4, w.hasSuffix("ies") {
        w = String(w.dropLast(3)) + "y"
      } else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us") {
        w.removeLast()
      }
      out.append(w)
      word = ""
    }
    for ch in "\(v)".lowercased() {
      if ch == "<" {
        flush()
        inPlaceholder = true
        continue
      }
      if ch == ">" {
        inPlaceholder = false
        continue
      }
      if inPlaceholder { continue }
      if ch.isLetter || ch.isNumber { word.append(ch) } else { flush() }
    }
    flush()
    return out
  }

  /// Whether the shorter word list occurs, contiguously and in order, inside the longer one. Words
  /// too common to identify anything never match on their own.
  static func wordsContained(_ a: [String], _ b: [String]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    let weak: Set<String> = ["the", "of", "and", "or", "a", "an", "in", "to", "by", "for", "any", "other", "all"]
    guard !short.isEmpty, short.contains(where: { !weak.contains($0) }) else { return false }
    if short.count > long.count { return false }
    for start in 0...(long.count - short.count) where Array(long[start..<start + short.count]) == short {
      return true
    }
    return false
  }

  /// A fixed-width report: one row per kind, then the totals.
  public func report(showMisses: Bool) -> String {
    var lines: [String] = []
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func f(_ d: Double) -> String { String(format: "%.3f", d) }
    lines.append(pad("kind", 26) + " tp  fp  fn  precision recall params")
    for k in perKind.keys.sorted() {
      let s = perKind[k]!
      lines.append(
        pad(k, 26) + pad(String(s.truePositives), 4) + pad(String(s.falsePositives), 4)
          + pad(String(s.falseNegatives), 4)
          + pad(f(s.precision), 10) + pad(f(s.recall), 7)
          + "\(f(s.parameterAccuracy)) (\(s.parametersCorrect)/\(s.parametersTotal))")
    }
    let t = total
    lines.append(
      pad("TOTAL", 26) + pad(String(t.truePositives), 4) + pad(String(t.falsePositives), 4)
        + pad(String(t.falseNegatives), 4) + pad(f(t.precision), 10) + pad(f(t.recall), 7)
        + "\(f(t.parameterAccuracy)) (\(t.parametersCorrect)/\(t.parametersTotal))")
    lines.append("documents: \(documents), evidence not at span: \(evidenceMismatches)")
    if !unscored.isEmpty {
      let list = unscored.keys.sorted().map { "\($0) \(unscored[$0]!)" }.joined(separator: ", ")
      lines.append("not scored (kinds this set was labelled without): \(list) documents")
    }
    if osdJudged > 0 {
      lines.append(
        "OSD verdict agreement: \(osdAgreements)/\(osdJudged) = \(f(Double(osdAgreements) / Double(osdJudged)))")
    }
    if conformantJudged > 0 {
      lines.append(
        "conformant flag agreement: \(conformantAgreements)/\(conformantJudged) = "
          + "\(f(Double(conformantAgreements) / Double(conformantJudged))); wrong \"yes\": \(wrongYes)")
    }
    if classJudged > 0 {
      lines.append(
        "document class agreement: \(classAgreements)/\(classJudged) = \(f(Double(classAgreements) / Double(classJudged)))"
      )
    }
    if showMisses {
      lines.append("")
      for m in misses { lines.append("\(m.document)  \(m.kind)  \(m.what)") }
    }
    return lines.joined(separator: "\n")
  }
}
