// The derived engine as data: for one inbound licence (the component) and one outbound licence (the work it
// goes into), each row tests the two licences' traits and, when it matches, gives a verdict and a sentence.
//
// Order of decision (see `DerivedEngine.judge`):
// 1. the same licence → compatible (basis `identical`);
// 2. the inbound text itself names the outbound licence (secondary licences, conversion to the GPL, later
//    versions, an appendix of compatible licences) → compatible; named as combinable only → conditional;
// 3. every `blocking` row that matches gives a reason, and any match makes the pair incompatible (in
//    `--aggregate` mode: conditional, the component shipped beside the work under its own terms);
// 4. else the first matching `conditional` row (file- or library-level copyleft; restrictions the outbound
//    licence carries as well);
// 5. else compatible, with the `compatible` sentence.
//
// Decisions:
// * Permissive into anything: compatible, as OSADL rules (MIT into GPL is Yes). Keeping the inbound notices
//   is always possible, so it is said in the reason, not made a condition.
// * Use restrictions (field of use, use policy, caps, non-commercial, research-only, output use, territory,
//   excluded licensees, hosted services) go out only under terms that carry restrictions of the same kinds; a
//   bare permissive or GPL-family licence would hand recipients rights the component withholds. A use policy
//   and a list of banned uses carry each other (both restrict by use); nothing finer is compared.
// * Flow-down and naming rules bind downstream recipients, so they block too unless the outbound licence has
//   the same (flow-down of use restrictions; the same required name).
// * A copyleft with "no further restrictions" (GPL family, EUPL) refuses the inbound's extra terms unless it
//   admits them: GPL-2.0 refuses Apache-2.0's patent termination and indemnity, GPL-3.0 admits them (§7);
//   advertising clauses and choices of law are refused by both.
// * Copyleft inbound: work- or network-level copyleft goes out only under itself or what it names; file- or
//   library-level copyleft may sit in a larger work under other terms (conditional: its files stay under it),
//   except in a work that must be under a whole-work copyleft, which cannot leave those files under their own
//   licence (incompatible).
// * Conditional means: not as a whole under the outbound licence; allowed with the stated conditions. On the
//   OSADL matrix's decided cells, `conditional` is compared with `No` (OSADL asks whether the component can be
//   put under the leading licence as a whole).

/// A test on the traits of the two licences of a pair.
package enum PairTest: Sendable, Equatable, Hashable {
  /// The inbound restricts use in ways the outbound does not carry.
  case usesRestrictedBeyondOutbound
  /// The inbound requires its restrictions to bind recipients and the outbound does not pass use restrictions on.
  case flowDownNotCarried
  /// The inbound requires a name for derived works that the outbound does not require.
  case namingNotCarried
  /// The inbound has copyleft of one of these scopes.
  case inboundCopyleft([CopyleftScope])
  /// The outbound has copyleft of one of these scopes.
  case outboundCopyleft([CopyleftScope])
  /// The outbound forbids further restrictions and the inbound has extra terms it does not admit.
  case extraTermsRefused
  /// The outbound forbids further restrictions.
  case outboundForbidsFurtherRestrictions
  /// The inbound restricts use (and the outbound carries it, or another row would have blocked).
  case inboundRestrictsUse
  /// The inbound has extra terms.
  case inboundHasExtraTerms
  /// Every test holds.
  case all([PairTest])
  /// The test does not hold.
  indirect case not(PairTest)

  /// True when the pair passes the test.
  package func holds(_ inbound: LicenseTraits, _ outbound: LicenseTraits) -> Bool {
    switch self {
    case .usesRestrictedBeyondOutbound:
      return !DerivedEngine.uncarriedRestrictions(inbound, outbound).isEmpty
    case .flowDownNotCarried:
      return inbound.flowDown && !(outbound.flowDown && !outbound.restrictions.isEmpty)
    case .namingNotCarried:
      guard inbound.extraTerms.contains(.naming) else { return false }
      guard outbound.extraTerms.contains(.naming) else { return true }
      return LicenseIDs.foldKey(inbound.requiredName ?? "") != LicenseIDs.foldKey(outbound.requiredName ?? "")
    case .inboundCopyleft(let scopes):
      return inbound.copyleft.map(scopes.contains) ?? false
    case .outboundCopyleft(let scopes):
      return outbound.copyleft.map(scopes.contains) ?? false
    case .extraTermsRefused:
      return !DerivedEngine.refusedTerms(inbound, outbound).isEmpty
    case .outboundForbidsFurtherRestrictions:
      return outbound.forbidsFurtherRestrictions
    case .inboundRestrictsUse:
      return !inbound.restrictions.isEmpty || inbound.flowDown
    case .inboundHasExtraTerms:
      return !inbound.extraTerms.isEmpty
    case .all(let tests):
      return tests.allSatisfy { $0.holds(inbound, outbound) }
    case .not(let test):
      return !test.holds(inbound, outbound)
    }
  }
}

/// One row of the derived rule table.
///
/// The sentence is a template: `{in}` and `{out}` are the two licences, `{restrictions}` the inbound's use
/// restrictions the outbound does not carry (or all of them), `{terms}` the refused extra terms (or all of
/// them), `{scope}` the inbound copyleft scope, `{name}` the required name, `{display}` the required display.
/// A bracketed part `[ … {name} …]` is dropped when a placeholder in it has no value.
package struct CompatibilityRule: Sendable, Equatable, Hashable {
  /// A stable id, for tests and reports.
  package let id: String
  /// When the row applies.
  package let test: PairTest
  /// The reason sentence template (no final full stop).
  package let sentence: String
  /// The sentence used instead in `--aggregate` mode, for blocking rows: the condition of shipping the
  /// component beside the work.
  package let aggregateSentence: String?

  /// Creates a row.
  package init(_ id: String, when test: PairTest, _ sentence: String, aggregate: String? = nil) {
    self.id = id
    self.test = test
    self.sentence = sentence
    self.aggregateSentence = aggregate
  }
}

/// The derived rule table.
package enum CompatibilityRules {
  /// Rows that make a pair incompatible; every matching row adds its reason.
  package static let blocking: [CompatibilityRule] = [
    CompatibilityRule(
      "use-restrictions-vs-copyleft",
      when: .all([.usesRestrictedBeyondOutbound, .outboundForbidsFurtherRestrictions]),
      "{in} restricts use ({restrictions}), and {out} forbids imposing further restrictions on recipients",
      aggregate:
        "{in} keeps its use restrictions ({restrictions}): ship it as a separate component under its own terms, not as part of the {out} program"
    ),
    CompatibilityRule(
      "use-restrictions-not-carried",
      when: .all([.usesRestrictedBeyondOutbound, .not(.outboundForbidsFurtherRestrictions)]),
      "{in} restricts use ({restrictions}), which {out} does not carry: recipients under {out} would get rights {in} withholds",
      aggregate:
        "{in} keeps its use restrictions ({restrictions}): ship it as a separate component under its own terms, beside the parts under {out}"
    ),
    CompatibilityRule(
      "flow-down",
      when: .flowDownNotCarried,
      "{in} requires its use restrictions to be passed on to, and bind, every recipient of derivatives (flow-down); {out} does not bind recipients to them",
      aggregate: "Pass {in}'s agreement and use restrictions on to every recipient of that component"
    ),
    CompatibilityRule(
      "naming",
      when: .namingNotCarried,
      "{in} requires derived works to be named[ with \"{name}\"], a rule {out} does not impose on recipients",
      aggregate: "Name any derivative of that component as {in} requires[ (\"{name}\")]"
    ),
    CompatibilityRule(
      "whole-work-copyleft-inbound",
      when: .inboundCopyleft([.work, .network]),
      "{in} is copyleft for the whole derived work ({scope} scope): the work may only be distributed under {in} or a licence {in} names",
      aggregate:
        "{in} stays copyleft for that component: ship it as a separate program (mere aggregation), with its source, under {in}"
    ),
    CompatibilityRule(
      "partial-copyleft-into-whole-work-copyleft",
      when: .all([.inboundCopyleft([.file, .library]), .outboundCopyleft([.work, .network])]),
      "{out} requires the whole work to be under {out}, but {in} keeps its {scope}-level copyleft, and neither names the other as compatible",
      aggregate:
        "{in} stays copyleft for its {scope}: ship that component as a separate part with its source, under {in}"
    ),
    CompatibilityRule(
      "extra-terms-vs-copyleft",
      when: .extraTermsRefused,
      "{in} adds terms ({terms}) that {out} counts as further restrictions on recipients",
      aggregate: "Keep {in}'s terms ({terms}) with that component, shipped as a separate part"
    ),
  ]

  /// Rows that make an otherwise unblocked pair conditional; the first match decides.
  package static let conditional: [CompatibilityRule] = [
    CompatibilityRule(
      "file-copyleft",
      when: .inboundCopyleft([.file]),
      "{in} is copyleft per file: its files stay under {in}, with their source available and notices kept, while the larger work may be under {out}"
    ),
    CompatibilityRule(
      "library-copyleft",
      when: .inboundCopyleft([.library]),
      "{in} is copyleft for the library: keep the library under {in}, with its source, linked so that users can replace it; the rest may be under {out}"
    ),
    CompatibilityRule(
      "restrictions-carried",
      when: .inboundRestrictsUse,
      "{out} restricts use in the same ways ({restrictions}) and passes its terms on, but {in}'s own agreement still governs its material: ship it with {in}'s terms[ and name derivatives with \"{name}\"]"
    ),
  ]

  /// The sentence when nothing blocks and no condition applies.
  package static let compatible = CompatibilityRule(
    "permissive", when: .not(.inboundRestrictsUse),
    "{in} has no copyleft and no use restrictions: it may go into a work under {out} if its notices[ and the \"{display}\" display] are kept"
  )

  /// Added to an incompatible verdict whose blocking reasons all concern the component's own terms, so the
  /// reader learns what is still allowed.
  package static let asideNote =
    "{in} may still sit beside parts under {out} as a separate component under its own terms (see --aggregate)"
}
