/// How `CompatibilityChecker` decides.
public struct CompatibilityOptions: Sendable, Equatable, Hashable {
  /// Use the OSADL matrix where it has both licences (`--no-matrix` turns it off, forcing the derived engine).
  public var useMatrix: Bool
  /// Judge the component as a separate part shipped beside the work, keeping its own licence, instead of as
  /// part of a work distributed as a whole under the outbound licence (`--aggregate`).
  public var aggregate: Bool
  /// Overlay the hand-reviewed traits (`licenses/compat/overrides.json`) on the extracted ones.
  public var reviewedTraits: Bool

  /// Creates options; the defaults are the matrix, a combined work, and reviewed traits.
  public init(useMatrix: Bool = true, aggregate: Bool = false, reviewedTraits: Bool = true) {
    self.useMatrix = useMatrix
    self.aggregate = aggregate
    self.reviewedTraits = reviewedTraits
  }
}

/// One side of a compatibility question, resolved.
public enum LicenseInput: Sendable, Equatable {
  /// An SPDX id, a known id such as `Llama-3.1`, or an SPDX expression.
  case expression(LicenseExpression)
  /// A licence text that was read and analysed; `id` is the licence it was identified as, if any.
  case text(label: String, id: String?, clauses: [Clause])
}

/// Why a side could not be resolved.
public struct LicenseInputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The input as given.
  public let input: String
  /// What went wrong.
  public let message: String
  /// Known ids close to an unknown one (`Llama-3.1` for `llama3.1`), best first; empty otherwise.
  public var suggestions: [String] = []

  /// `input: message` (the message alone when it already names the input), then the suggestions.
  public var description: String {
    let text = message.hasPrefix(input) ? message : "\(input): \(message)"
    guard !suggestions.isEmpty else { return text }
    return text + "; did you mean " + suggestions.joined(separator: ", ") + "?"
  }
}

/// Answers "can a component under INBOUND go into a work distributed under OUTBOUND?".
///
/// ```swift
/// let checker = CompatibilityChecker()
/// let r = checker.check(inbound: "Apache-2.0", outbound: "GPL-2.0-only")
/// // r.verdict == .incompatible, r.basis == .matrix
/// ```
///
/// Expressions: an inbound `AND` needs every part, an inbound `OR` one (the one chosen is reported); an
/// outbound `OR` lets the work go out under any alternative that works; an outbound `AND` needs every part.
/// An inbound or-later licence may be taken under any version it allows; an outbound or-later licence offers
/// every version it allows, so each must accept the component, and a component pinned to one version of the
/// same family cannot follow the later ones.
public struct CompatibilityChecker: Sendable {
  /// The options.
  public var options: CompatibilityOptions
  /// Reads and analyses text inputs.
  public var analyzer: Analyzer
  let matrix: OSADLMatrix
  let catalog: TraitsCatalog

  /// Creates a checker with the bundled matrix and traits.
  public init(options: CompatibilityOptions = CompatibilityOptions(), analyzer: Analyzer = Analyzer()) {
    self.options = options
    self.analyzer = analyzer
    self.matrix = .shared
    self.catalog = options.reviewedTraits ? .reviewed : .extracted
  }

  /// True when the id is in the matrix, the traits data or the identification catalogue: every id
  /// `identify` and `scan` print.
  public func isKnown(_ id: String) -> Bool {
    matrix.contains(id) || catalog.traits(for: id) != nil || catalogueEntry(id) != nil
      || Self.indexedIDs.contains(id)
  }

  /// Every id of the embedded identification index (SPDX ids and `LicenseRef-scancode-…` keys): what
  /// `identify` can print. Ids without a clause model still resolve, and their verdict says why it is unknown.
  static let indexedIDs: Set<String> = Set(FingerprintIndex.standard.licenses.map(\.id))

  /// Resolves a command-line argument: a path (anything with a `/`, or an existing file whose name is not a
  /// known id) or an SPDX expression.
  /// - Throws: ``LicenseInputError`` when it is neither a readable file nor a valid expression of known ids
  ///   (an unknown id comes with ``LicenseInputError/suggestions``).
  public func resolve(_ argument: String) throws(LicenseInputError) -> LicenseInput {
    let looksLikePath = argument.utf8.contains(UInt8(ascii: "/")) || argument.utf8.contains(UInt8(ascii: "\\"))
    var parsed: LicenseExpression?
    var parseError: LicenseExpressionError?
    if !looksLikePath {
      do {
        parsed = try LicenseExpression(parsing: argument)
      } catch {
        parseError = error
      }
      if let parsed, parsed.canonical.terms.allSatisfy({ isKnown($0.id) }) { return .expression(parsed) }
    }
    do {
      let document = try DocumentReader.read(path: argument, options: analyzer.readOptions)
      return text(document, label: argument)
    } catch {
      if let parsed {
        let unknown = parsed.canonical.terms.map(\.id).filter { !isKnown($0) }
        let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
        throw LicenseInputError(
          input: argument,
          message: "unknown licence id \(names): not an SPDX id, a catalogue id (licenses/*.json) or a readable file",
          suggestions: unknown.flatMap { suggestions(for: $0) })
      }
      if let parseError, !looksLikePath {
        throw LicenseInputError(
          input: argument, message: "not a licence expression (\(parseError)) nor a readable file")
      }
      throw LicenseInputError(input: argument, message: "\(error)")
    }
  }

  /// Analyses a document: its SPDX id (SPDX XML), the identification, else its clauses alone.
  public func text(_ document: Document, label: String) -> LicenseInput {
    let analysis = analyzer.analyze(document)
    let name = label.split(separator: "/").last.map(String.init) ?? label
    let candidates = [document.spdx?.id, analysis.identification?.id].compactMap { $0 }
    let id = candidates.first { isKnown($0) }
    return .text(label: name, id: id, clauses: analysis.clauses)
  }

  /// Checks two command-line arguments; a side that cannot be resolved gives an `unknown` verdict.
  public func check(inbound: String, outbound: String) -> CompatibilityResult {
    do {
      let i = try resolve(inbound)
      let o = try resolve(outbound)
      return check(i, o, inboundText: inbound, outboundText: outbound)
    } catch {
      return CompatibilityResult(
        inbound: inbound, outbound: outbound, verdict: .unknown, basis: .derived, reasons: [error.description])
    }
  }

  /// Checks two resolved sides; `inboundText` and `outboundText` are echoed in the result.
  public func check(
    _ inbound: LicenseInput, _ outbound: LicenseInput, inboundText: String, outboundText: String
  ) -> CompatibilityResult {
    if case .expression(let a) = inbound, case .expression(let b) = outbound,
      LicenseIDs.foldKey(a.canonical.description) == LicenseIDs.foldKey(b.canonical.description)
    {
      return CompatibilityResult(
        inbound: inboundText, outbound: outboundText, verdict: .compatible, basis: .identical,
        reasons: ["Both sides are \(b.canonical.description)"])
    }
    // A text against itself (the diagonal of `--matrix` with a path) is the same licence, as identical ids are.
    if case .text(let label, _, _) = inbound, inbound == outbound {
      return CompatibilityResult(
        inbound: inboundText, outbound: outboundText, verdict: .compatible, basis: .identical,
        reasons: ["Both sides are the same text (\(label))"])
    }
    var notes: [String] = []
    let i = node(inbound, notes: &notes)
    let o = node(outbound, notes: &notes)
    var outcome = evaluate(i, o, compound: !(i.isSingle && o.isSingle))
    outcome.reasons = notes + outcome.reasons
    // `identical` describes the whole pair; a pair that was only identical after choosing a version or an
    // alternative was reasoned about.
    let sameAtoms = i.atom?.identity != nil && i.atom?.identity == o.atom?.identity
    if outcome.basis == .identical, !sameAtoms { outcome.basis = .derived }
    return CompatibilityResult(
      inbound: inboundText, outbound: outboundText, verdict: outcome.verdict, basis: outcome.basis,
      reasons: outcome.reasons, alternative: outcome.choices.isEmpty ? nil : outcome.choices.joined(separator: " → "))
  }

  // MARK: - Expression tree

  indirect enum Node: Sendable {
    case atom(LicenseAtom, matrixKey: String?)
    /// An or-later licence: the whole (for identity and the matrix) and the versions it allows.
    case orLater(LicenseAtom, matrixKey: String?, versions: [Node], family: String)
    case and([Node], String)
    case or([Node], String)

    var label: String {
      switch self {
      case .atom(let a, _), .orLater(let a, _, _, _): return a.label
      case .and(_, let l), .or(_, let l): return l
      }
    }

    var isSingle: Bool {
      switch self {
      case .atom, .orLater: return true
      default: return false
      }
    }

    var atom: LicenseAtom? {
      switch self {
      case .atom(let a, _), .orLater(let a, _, _, _): return a
      default: return nil
      }
    }

    var matrixKey: String? {
      switch self {
      case .atom(_, let k), .orLater(_, let k, _, _): return k
      default: return nil
      }
    }
  }

  func node(_ input: LicenseInput, notes: inout [String]) -> Node {
    switch input {
    case .expression(let e): return node(e.canonical)
    case .text(let label, let id, let clauses):
      if let id {
        notes.append("\(label) was identified as \(id)")
        return node(.license(LicenseTerm(id: id).canonical))
      }
      // A text with no clauses at all (empty, or not a licence) must not pass for a permissive licence.
      let traits = clauses.isEmpty ? nil : LicenseTraits(id: label, clauses: clauses)
      if let traits, !traits.grants {
        notes.append("No grant of rights was found in \(label); the verdict assumes the text grants them")
      }
      return .atom(LicenseAtom(label: label, id: nil, exception: nil, traits: traits), matrixKey: nil)
    }
  }

  func node(_ e: LicenseExpression) -> Node {
    switch e {
    case .and(let parts): return .and(parts.map(node), e.description)
    case .or(let parts): return .or(parts.map(node), e.description)
    case .license(let term):
      let id = canonicalID(term.id) ?? term.id
      let atom = makeAtom(
        id: id, exception: term.exception,
        label: LicenseTerm(id: id, orLater: term.orLater, exception: term.exception).description)
      let key = term.orLater ? nil : matrix.canonicalID(LicenseTerm(id: id, exception: term.exception).description)
      if term.orLater || LicenseIDs.isOrLaterID(id), let versions = LicenseIDs.versionsAllowed(byOrLater: id) {
        let family = String(
          versions[0].split(separator: "-").dropLast(versions[0].hasSuffix("-only") ? 2 : 1).joined(separator: "-"))
        let nodes = versions.map { v -> Node in
          let a = makeAtom(
            id: v, exception: term.exception, label: LicenseTerm(id: v, exception: term.exception).description)
          return .atom(a, matrixKey: matrix.canonicalID(LicenseTerm(id: v, exception: term.exception).description))
        }
        var whole = atom
        // An or-later id has no traits of its own: it reads as its first version.
        if whole.traits == nil, let first = nodes.first?.atom { whole.traits = first.traits }
        return .orLater(whole, matrixKey: key, versions: nodes, family: family)
      }
      return .atom(atom, matrixKey: key)
    }
  }

  func makeAtom(id: String, exception: String?, label: String) -> LicenseAtom {
    var traits = traits(for: id)
    if let e = exception, let t = traits { traits = ExceptionEffect.apply(e, to: t) }
    return LicenseAtom(label: label, id: id, exception: exception, traits: traits)
  }

  // MARK: - Evaluation

  func evaluate(_ inbound: Node, _ outbound: Node, compound: Bool) -> PairOutcome {
    // The same licence, the matrix, then decomposition: the outbound side first, so that an outbound or-later
    // asks each version it offers for one of the inbound's alternatives.
    if let a = inbound.atom, let b = outbound.atom, let x = a.identity, x == b.identity {
      return prefixed(
        PairOutcome(verdict: .compatible, basis: .identical, reasons: ["Both are \(b.label)"]), inbound, outbound,
        compound)
    }
    if options.useMatrix, !options.aggregate, let ik = inbound.matrixKey, let ok = outbound.matrixKey,
      let cell = matrix.cell(inbound: ik, outbound: ok)
    {
      return prefixed(matrixOutcome(cell, inbound, outbound), inbound, outbound, compound)
    }
    switch outbound {
    case .or(let parts, _):
      return best(parts.map { (evaluate(inbound, $0, compound: compound), $0.label) }, side: "outbound")
    case .and(let parts, _):
      return all(parts.map { evaluate(inbound, $0, compound: compound) })
    case .orLater(let whole, _, let versions, let family):
      var parts = versions.map { evaluate(inbound, $0, compound: compound) }
      if let pinned = pinnedVersion(inbound, family: family) {
        parts.append(
          PairOutcome(
            verdict: options.aggregate ? .conditional : .incompatible, basis: .derived,
            reasons: [
              "\(pinned) allows no later version, but \(whole.label) offers the work under later versions too"
            ]))
      }
      return all(parts)
    case .atom:
      break
    }
    switch inbound {
    case .or(let parts, _):
      return best(parts.map { (evaluate($0, outbound, compound: compound), $0.label) }, side: "inbound")
    case .and(let parts, _):
      return all(parts.map { evaluate($0, outbound, compound: compound) })
    case .orLater(_, _, let versions, _):
      return best(versions.map { (evaluate($0, outbound, compound: compound), $0.label) }, side: "inbound")
    case .atom(let a, _):
      guard let b = outbound.atom else { return all([]) }
      return prefixed(DerivedEngine.judge(a, b, aggregate: options.aggregate), inbound, outbound, compound)
    }
  }

  /// A copyleft inbound pinned to one version of the outbound's family (`GPL-3.0-only` into `GPL-3.0-or-later`).
  func pinnedVersion(_ inbound: Node, family: String) -> String? {
    switch inbound {
    case .atom(let a, _):
      guard let id = a.id, a.traits?.copyleft != nil, id.hasPrefix(family + "-"), !LicenseIDs.isOrLaterID(id) else {
        return nil
      }
      return a.label
    case .and(let parts, _):
      return parts.lazy.compactMap { pinnedVersion($0, family: family) }.first
    case .or(let parts, _):
      let pinned = parts.map { pinnedVersion($0, family: family) }
      return pinned.allSatisfy { $0 != nil } ? pinned.first! : nil
    case .orLater:
      return nil
    }
  }

  func matrixOutcome(_ cell: OSADLCell, _ inbound: Node, _ outbound: Node) -> PairOutcome {
    let basis: CompatibilityBasis = cell == .same ? .identical : .matrix
    var reasons = [cell.wording]
    // The derived engine's view, as explanation when it agrees and as a second opinion when it does not.
    var derivedOptions = options
    derivedOptions.useMatrix = false
    let derived = CompatibilityChecker(options: derivedOptions, analyzer: analyzer).evaluate(
      inbound, outbound, compound: false)
    let agrees =
      derived.verdict == cell.verdict || (cell == .no && derived.verdict == .conditional)
    if cell == .same {
      return PairOutcome(verdict: .compatible, basis: .identical, reasons: reasons)
    }
    if agrees && cell != .unknown && cell != .checkDependency {
      reasons += derived.reasons
    } else if let first = derived.reasons.first {
      reasons.append("The clause models alone say \(derived.verdict.rawValue): \(first)")
    }
    return PairOutcome(verdict: cell.verdict, basis: basis, reasons: reasons)
  }

  func prefixed(_ outcome: PairOutcome, _ inbound: Node, _ outbound: Node, _ compound: Bool) -> PairOutcome {
    guard compound, inbound.isSingle, outbound.isSingle else { return outcome }
    var o = outcome
    o.reasons = o.reasons.map { "\(inbound.label) → \(outbound.label): \($0)" }
    return o
  }

  /// Every part must hold: the worst verdict; reasons of the parts that decided it.
  func all(_ parts: [PairOutcome]) -> PairOutcome {
    guard let worst = parts.min(by: { $0.verdict.rank < $1.verdict.rank }) else {
      return PairOutcome(verdict: .unknown, basis: .derived, reasons: ["Nothing to compare"])
    }
    let deciding = worst.verdict == .compatible ? parts : parts.filter { $0.verdict == worst.verdict }
    var reasons: [String] = []
    for p in deciding { for r in p.reasons where !reasons.contains(r) { reasons.append(r) } }
    return PairOutcome(
      verdict: worst.verdict, basis: .combined(deciding.map(\.basis)), reasons: reasons,
      choices: parts.flatMap(\.choices))
  }

  /// One part is enough: the best verdict; the choice is recorded when it mattered.
  func best(_ parts: [(PairOutcome, String)], side: String) -> PairOutcome {
    guard let top = parts.max(by: { $0.0.verdict.rank < $1.0.verdict.rank }) else { return all([]) }
    var outcome = top.0
    let worse = parts.filter { $0.0.verdict.rank < top.0.verdict.rank }
    if worse.isEmpty, parts.count > 1, top.0.verdict != .compatible {
      // No alternative does better (`GPL-2.0-or-later` into MIT: as GPL-2.0-only and as GPL-3.0-only): say so,
      // with the reasons of every alternative, not only the first one's.
      var reasons = [
        "Every \(side) alternative (\(parts.map(\.1).joined(separator: ", "))) is \(top.0.verdict.rawValue)"
      ]
      for (p, _) in parts { for r in p.reasons where !reasons.contains(r) { reasons.append(r) } }
      outcome.reasons = reasons
      outcome.basis = .combined(parts.map(\.0.basis))
      return outcome
    }
    guard !worse.isEmpty else { return outcome }
    outcome.choices = [top.1] + outcome.choices
    var lead = "Choosing \(top.1) among the \(side) alternatives"
    if side == "outbound" {
      lead += "; the combined work can then not be offered under " + worse.map(\.1).joined(separator: " or ")
    }
    outcome.reasons = [lead] + outcome.reasons
    return outcome
  }
}
