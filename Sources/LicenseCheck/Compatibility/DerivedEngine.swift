/// One licence of a pair at the level the rules work on: a single id (with its exception) or a text.
package struct LicenseAtom: Sendable, Equatable, Hashable {
  /// How the licence is named in reasons.
  package var label: String
  /// The canonical id, or nil for an unidentified text.
  package var id: String?
  /// The `WITH` exception.
  package var exception: String?
  /// The traits after the exception is applied, or nil when unknown.
  package var traits: LicenseTraits?

  /// The id with its exception, folded, for identity.
  package var identity: String? {
    id.map { LicenseIDs.foldKey($0 + (exception.map { " WITH \($0)" } ?? "")) }
  }
}

/// What an exception changes for compatibility. Exceptions only add permissions, so a licence with an
/// exception is never less compatible than without.
package enum ExceptionEffect: Sendable, Equatable {
  /// Linking or runtime exception: the copyleft stops at the library (Classpath, GCC runtime, …).
  case linking
  /// Lifts the terms that conflict with GPL-2.0 (LLVM-exception on Apache-2.0).
  case gpl2Compatible
  /// Covers generated output or similar, not the combination of the code itself.
  case noEffect

  /// Known exceptions (SPDX exception ids, folded); any other exception is treated as `noEffect` with a note.
  package static let table: [String: ExceptionEffect] = {
    var t: [String: ExceptionEffect] = [:]
    for id in [
      "Classpath-exception-2.0", "GCC-exception-2.0", "GCC-exception-3.1", "Linux-syscall-note", "Font-exception-2.0",
      "eCos-exception-2.0", "WxWindows-exception-3.1", "LGPL-3.0-linking-exception", "GPL-3.0-linking-exception",
      "GPL-3.0-linking-source-exception", "OCaml-LGPL-linking-exception", "Libtool-exception", "Qt-GPL-exception-1.0",
      "Qt-LGPL-exception-1.1", "Universal-FOSS-exception-1.0", "openvpn-openssl-exception", "389-exception",
      "u-boot-exception-2.0", "GNAT-exception", "mif-exception", "gnu-javamail-exception", "freertos-exception-2.0",
    ] {
      t[LicenseIDs.foldKey(id)] = .linking
    }
    t[LicenseIDs.foldKey("LLVM-exception")] = .gpl2Compatible
    for id in [
      "Autoconf-exception-2.0", "Autoconf-exception-3.0", "Bison-exception-2.2", "Bison-exception-1.24",
      "Texinfo-exception",
    ] {
      t[LicenseIDs.foldKey(id)] = .noEffect
    }
    return t
  }()

  /// The traits of `base WITH exception`.
  package static func apply(_ exception: String, to base: LicenseTraits) -> LicenseTraits {
    var t = base
    switch table[LicenseIDs.foldKey(exception)] {
    case .linking?:
      if let scope = t.copyleft, scope >= .library { t.copyleft = .library }
    case .gpl2Compatible?:
      t.extraTerms.removeAll { $0 == .patentTermination || $0 == .indemnification }
    case .noEffect?, nil:
      break
    }
    return t
  }
}

/// A verdict on one pair of atoms with its reasons, before expressions are combined.
package struct PairOutcome: Sendable, Equatable {
  package var verdict: CompatibilityVerdict
  package var basis: CompatibilityBasis
  package var reasons: [String]
  /// Alternatives chosen at `OR`s, outermost first.
  package var choices: [String] = []
}

/// Judges one pair of atoms from their traits with the rule table (`CompatibilityRules`).
package enum DerivedEngine {
  /// The inbound restrictions that the outbound does not carry.
  package static func uncarriedRestrictions(_ inbound: LicenseTraits, _ outbound: LicenseTraits) -> [UseRestriction] {
    inbound.restrictions.filter { r in !r.carriedBy.contains { outbound.restrictions.contains($0) } }
  }

  /// The inbound extra terms a copyleft outbound with "no further restrictions" refuses.
  package static func refusedTerms(_ inbound: LicenseTraits, _ outbound: LicenseTraits) -> [ExtraTerm] {
    guard outbound.forbidsFurtherRestrictions else { return [] }
    return inbound.extraTerms.filter { !outbound.permits.contains($0) }
  }

  /// Judges a component under `inbound` going into a work under `outbound`.
  package static func judge(_ inbound: LicenseAtom, _ outbound: LicenseAtom, aggregate: Bool) -> PairOutcome {
    if let a = inbound.identity, a == outbound.identity {
      return PairOutcome(verdict: .compatible, basis: .identical, reasons: ["Both are \(outbound.label)"])
    }
    guard let inTraits = inbound.traits else {
      return PairOutcome(verdict: .unknown, basis: .derived, reasons: [noModel(inbound)])
    }
    guard let outTraits = outbound.traits else {
      return PairOutcome(verdict: .unknown, basis: .derived, reasons: [noModel(outbound)])
    }
    var notes: [String] = []
    for atom in [inbound, outbound] {
      if let e = atom.exception, ExceptionEffect.table[LicenseIDs.foldKey(e)] == nil {
        notes.append("The exception \(e) is not in the table of known exceptions; it can only add permissions")
      }
    }
    // An exception only adds permissions: the component may drop it and go out under its base licence.
    if inbound.exception != nil, let id = inbound.id, outbound.exception == nil,
      let out = outbound.id, LicenseIDs.foldKey(id) == LicenseIDs.foldKey(out)
    {
      return PairOutcome(
        verdict: .compatible, basis: .derived,
        reasons: ["\(inbound.label) is \(out) with an exception that only adds permissions, which may be dropped"])
    }
    // The reverse: a work offered with an exception cannot extend it to copyleft code that lacks it.
    if let e = outbound.exception, inTraits.copyleft != nil, let id = inbound.id, let out = outbound.id,
      LicenseIDs.foldKey(id) == LicenseIDs.foldKey(out)
    {
      return PairOutcome(
        verdict: aggregate ? .conditional : .incompatible, basis: .derived,
        reasons: ["The work offers \(e) on top of \(out), a permission \(inbound.label) does not give for its code"])
    }
    if let explicit = explicitCompatibility(inbound, outbound, inTraits) {
      return PairOutcome(verdict: explicit.verdict, basis: .derived, reasons: [explicit.reason] + notes)
    }
    let fill = { (sentence: String) in render(sentence, inbound, outbound, inTraits, outTraits) }
    let blocking = CompatibilityRules.blocking.filter { $0.test.holds(inTraits, outTraits) }
    if !blocking.isEmpty {
      if aggregate {
        return PairOutcome(
          verdict: .conditional, basis: .derived,
          reasons: ["As a separate component beside the work under \(outbound.label), not part of it"]
            + blocking.map { fill($0.aggregateSentence ?? $0.sentence) } + notes)
      }
      var reasons = blocking.map { fill($0.sentence) }
      if !inTraits.restrictions.isEmpty || inTraits.flowDown || inTraits.copyleft != nil {
        reasons.append(fill(CompatibilityRules.asideNote))
      }
      return PairOutcome(verdict: .incompatible, basis: .derived, reasons: reasons + notes)
    }
    if let rule = CompatibilityRules.conditional.first(where: { $0.test.holds(inTraits, outTraits) }) {
      return PairOutcome(verdict: .conditional, basis: .derived, reasons: [fill(rule.sentence)] + notes)
    }
    var reasons = [fill(CompatibilityRules.compatible.sentence)]
    if !inTraits.extraTerms.isEmpty {
      let terms = inTraits.extraTerms.map(\.phrase).joined(separator: ", ")
      reasons.append("Its further terms (\(terms)) still apply to its parts")
    }
    return PairOutcome(verdict: .compatible, basis: .derived, reasons: reasons + notes)
  }

  static func noModel(_ atom: LicenseAtom) -> String {
    if atom.id == nil { return "No clauses were found in \(atom.label), so nothing can be derived from it" }
    if atom.id?.hasPrefix("LicenseRef-scancode-") == true {
      return
        "No clause model for \(atom.label): licensecheck identifies this ScanCode licence but does not ship its text; give the path of its text instead"
    }
    return
      "No clause model for \(atom.label): it is not in the matrix or the traits data; give the path of its text instead"
  }

  /// The inbound names the outbound: `X` (exactly), `X-or-later` (that version or any later), `~X`
  /// (combinable, each part keeping its licence).
  static func explicitCompatibility(
    _ inbound: LicenseAtom, _ outbound: LicenseAtom, _ traits: LicenseTraits
  ) -> (verdict: CompatibilityVerdict, reason: String)? {
    guard let out = outbound.id, outbound.exception == nil else { return nil }
    let key = LicenseIDs.foldKey(out)
    for entry in traits.compatibleWith {
      let combinable = entry.hasPrefix("~")
      let name = combinable ? String(entry.dropFirst()) : entry
      var covered = LicenseIDs.foldKey(name) == key
      if !covered, LicenseIDs.isOrLaterID(name), let versions = LicenseIDs.versionsAllowed(byOrLater: name) {
        covered = versions.contains { LicenseIDs.foldKey($0) == key }
      }
      guard covered else { continue }
      if combinable {
        return (
          .conditional,
          "\(inbound.label) may be combined with a work under \(out) (the licences name each other), each part keeping its own licence"
        )
      }
      return (.compatible, "\(inbound.label) itself allows its material to be distributed under \(out)")
    }
    return nil
  }

  /// Fills a rule sentence template.
  static func render(
    _ template: String, _ inbound: LicenseAtom, _ outbound: LicenseAtom, _ i: LicenseTraits, _ o: LicenseTraits
  ) -> String {
    let uncarried = uncarriedRestrictions(i, o)
    let refused = refusedTerms(i, o)
    var values: [String: String] = ["in": inbound.label, "out": outbound.label]
    let restrictions = (uncarried.isEmpty ? i.restrictions : uncarried).map(\.phrase)
    if !restrictions.isEmpty { values["restrictions"] = restrictions.joined(separator: ", ") }
    let terms = (refused.isEmpty ? i.extraTerms : refused).map(\.phrase)
    if !terms.isEmpty { values["terms"] = terms.joined(separator: ", ") }
    if let scope = i.copyleft { values["scope"] = scope.rawValue }
    if let name = i.requiredName { values["name"] = name }
    if let display = i.displayText { values["display"] = display }
    return fillTemplate(template, values)
  }

  /// Replaces `{key}` by its value; a bracketed `[…]` part is kept only when all its keys have values.
  package static func fillTemplate(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var optional: String?
    var optionalOK = true
    var key: String?
    for ch in template {
      if var k = key {
        if ch == "}" {
          if let v = values[k] {
            if optional != nil { optional! += v } else { out += v }
          } else {
            optionalOK = false
            if optional == nil { out += "{\(k)}" }
          }
          key = nil
        } else {
          k.append(ch)
          key = k
        }
        continue
      }
      switch ch {
      case "{": key = ""
      case "[":
        optional = ""
        optionalOK = true
      case "]":
        if optionalOK, let o = optional { out += o }
        optional = nil
      default:
        if optional != nil { optional!.append(ch) } else { out.append(ch) }
      }
    }
    return out
  }
}
