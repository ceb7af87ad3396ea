// The Open Source Definition (1.9) as data: for each criterion, the clauses that fail it, the rights it
// needs, and the sentences that explain a verdict. This mirrors the mapping table at the end of
// `shared/spec/clauses.md`; change both together. Template syntax is described on `ClauseCondition`.
//
// Decisions where the mapping is ambiguous or names something the taxonomy has no clause kind for:
//
// * A text with no copyright grant at all fails osd-1 and osd-3: nothing lets anyone redistribute or
//   modify the work (a proprietary notice, "all rights reserved"). Every other criterion is then `unknown`,
//   never `pass`: absence of a restriction is no evidence when nothing is granted.
// * A grant that does not mention a needed right gives `unknown`, not `fail`: an extractor that misses a
//   verb in a terse permissive text must not turn an OSI-approved licence into a failure. Texts that really
//   withhold the right say so with a clause that fails on its own (`non-commercial`, `research-only`, …).
// * A `pass` rests on the grants: every pass names the grant clauses it relies on, and the conformant flag
//   needs all ten to pass (an `unknown` leaves it false).
// * `product-tie` (rights only for use with one vendor's products, devices or services) fails osd-8.
// * `production-use` and `competing-use` fail osd-6 (they single out a field: production, or a market);
//   a trial or fixed term (`time-limit`) and a `seat-limit` fail osd-1; a change date is a warning.
// * "A ban on distributing source" (osd-2), "derivatives may not be distributed" (osd-3), "a ban on
//   distributing modified source without patches" (osd-4), "rights tied to a particular product" (osd-8)
//   and "terms that reach works distributed alongside" (osd-9) have no clause kind yet, so nothing fails
//   those criteria except the kinds listed below. Add a kind to the taxonomy, then a condition here.
// * osd-3 and osd-4 need both a modification right and the distribution right: a derived work that may not
//   be passed on does not meet either criterion.
// * osd-8 needs some copyright grant (any rights) so that an empty or unreadable text is `unknown`.
// * osd-2 for models: when the clauses look like a model licence (`output-rights`, `output-use`, an
//   `acceptable-use-policy`; not `naming`, which software licences have too), the text cannot say whether
//   the preferred form for modification (code, weights, training data) is released, so the verdict is
//   `unknown`. For software the source requirement is met by how the work is distributed, not by the
//   licence text, so a licence that lets the work be distributed and does not ban reverse engineering
//   passes.
// * `usage-cap` fails osd-5 whatever its consequence (it singles out large licensees); it fails osd-1 only
//   when the licensee must get a separate licence or pay, and osd-7 only when a separate licence is
//   required. A cap with no stated consequence fails osd-5 alone.
// * `territory` fails osd-5 whether it excludes or only covers places.
// * `acceptance` fails only when clicking (osd-7, osd-10) or signing (osd-7) is the only way to accept.
//   Acceptance by use, distribution or download (GPL-style "by distributing you accept") is allowed, and so
//   is a click offered as one way among acts of use: OSI approved CNRI-Python, Python-2.0, EUPL and MPL-1.1,
//   whose texts accept "by clicking … or by copying, installing or otherwise using", so the same wording
//   cannot fail elsewhere (Llama, Stability and Tongyi use it too).
// * Allowed and therefore absent from the table: `share-alike`, `naming` and `state-changes` (osd-4 allows
//   naming rules), `attribution-display`, `flow-down`, `termination` on breach or litigation (patent
//   termination), `trademark`, `export-control`, warranty and liability terms.

/// The declarative OSD table and the warnings reported beside it.
package enum OSDTable {
  /// One row per criterion, in Definition order.
  package static let rules: [OSDRule] = [
    OSDRule(
      .freeRedistribution,
      failsOn: [
        ClauseCondition(.nonCommercial, "Commercial use is excluded, so the work may not be sold"),
        ClauseCondition(
          .researchOnly, "Use is limited to research or evaluation, so the work may not be given away freely"),
        ClauseCondition(
          .usageCap, where: .consequence(anyOf: [.separateLicenceRequired]),
          "Licensees above [{cap}|a size threshold] get no rights without a separate licence"),
        ClauseCondition(
          .usageCap, where: .consequence(anyOf: [.fee]), "Licensees above [{cap}|a size threshold] must pay a fee"),
        ClauseCondition(
          .timeLimit, where: .limitType(anyOf: ["trial", "term"]),
          "The rights last only for a limited period[ ({days})], so the work may not be passed on freely"),
        ClauseCondition(.seatLimit, "Use is limited to [{seats}|a number of seats or devices]"),
        ClauseCondition(.noRedistribution, "Passing copies of the work on to others is banned"),
      ],
      needs: [GrantNeed(anyOf: [.distribute], noun: "redistribution")],
      passes: "Redistribution is granted"
    ),
    OSDRule(
      .sourceCode,
      failsOn: [ClauseCondition(.noReverseEngineering, "Reverse engineering or decompiling the work is banned")],
      needs: [GrantNeed(anyOf: [.distribute], noun: "distribution")],
      unknownOn: [.outputRights, .outputUse, .acceptableUsePolicy].map {
        ClauseCondition(
          $0,
          "This is a model licence, and its text does not say whether the model's source form (code, weights, training data) is released"
        )
      },
      passes: "The work may be distributed and no clause restricts access to its source"
    ),
    OSDRule(
      .derivedWorks,
      failsOn: [
        ClauseCondition(.noModification, "Modifying the work, or passing on modified versions, is banned")
      ],
      needs: [
        GrantNeed(anyOf: [.modify, .createDerivatives], noun: "modification"),
        GrantNeed(anyOf: [.distribute], noun: "distribution"),
      ],
      passes: "Modification and distribution of derived works are granted"
    ),
    OSDRule(
      .integrityOfSource,
      failsOn: [],
      needs: [
        GrantNeed(anyOf: [.modify, .createDerivatives], noun: "modification"),
        GrantNeed(anyOf: [.distribute], noun: "distribution"),
      ],
      passes: "Modified versions may be distributed, with no patch-only rule"
    ),
    OSDRule(
      .noDiscriminationAgainstPersons,
      failsOn: [
        ClauseCondition(
          .usageCap, where: .consequence(anyOf: [.separateLicenceRequired]),
          "Licensees above [{cap}|a size threshold] get no rights without a separate licence"),
        ClauseCondition(
          .usageCap, where: .consequence(anyOf: [.fee]), "Licensees above [{cap}|a size threshold] must pay a fee"),
        ClauseCondition(
          .usageCap, where: .consequence(anyOf: [.attributionRequired]),
          "Licensees above [{cap}|a size threshold] must give extra attribution"),
        ClauseCondition(.usageCap, "Licensees above [{cap}|a size threshold] get different terms"),
        ClauseCondition(
          .territory, "The rights depend on where the licensee is[, excluding {excluded}][, covering only {included}]"),
        ClauseCondition(.userRestriction, "Some persons or groups may not be licensees[: {who}]"),
      ],
      passes: "No clause excludes persons or groups"
    ),
    OSDRule(
      .noDiscriminationAgainstFields,
      failsOn: [
        ClauseCondition(.fieldOfUse, "The licence bans uses in [these fields: {fields}|certain fields]"),
        ClauseCondition(
          .acceptableUsePolicy,
          "A use policy[ ({reference})] limits what the work may be used for[, and {updatable}]"),
        ClauseCondition(.nonCommercial, "Commercial use is excluded"),
        ClauseCondition(.researchOnly, "Use is limited to research or evaluation"),
        ClauseCondition(.outputUse, "Outputs may not be used to build or improve [{scope}|other models]"),
        ClauseCondition(.hostedService, "Offering the work as a hosted service is restricted"),
        ClauseCondition(
          .productionUse, "Use is limited to development, testing or evaluation; production use is not granted"),
        ClauseCondition(
          .competingUse, "The work may not be used for products or services that compete with the licensor"),
      ],
      passes: "No clause restricts fields of endeavor"
    ),
    OSDRule(
      .distributionOfLicense,
      failsOn: [
        ClauseCondition(
          .usageCap, where: .consequence(anyOf: [.separateLicenceRequired]),
          "Licensees above [{cap}|a size threshold] need a separate licence, so the rights do not pass with the work"
        ),
        ClauseCondition(
          .acceptance, where: .mechanismOnly(anyOf: [.click, .signature]),
          "Rights depend on accepting the licence by {mechanism}, a separate agreement beyond receiving the work"),
      ],
      passes: "The rights pass to recipients without a separate agreement"
    ),
    OSDRule(
      .notSpecificToProduct,
      failsOn: [
        ClauseCondition(.productTie, "The rights hold only for use with a particular product, device or service")
      ],
      needs: [GrantNeed(anyOf: [], noun: "any kind")],
      passes: "No clause ties the grant to a particular product"
    ),
    OSDRule(
      .notRestrictOtherSoftware,
      failsOn: [
        ClauseCondition(
          .outputUse,
          "Outputs may not be used to build or improve [{scope}|other models], which restricts other software")
      ],
      passes: "No clause restricts other software"
    ),
    OSDRule(
      .technologyNeutral,
      failsOn: [
        ClauseCondition(
          .acceptance, where: .mechanismOnly(anyOf: [.click]),
          "The licence must be accepted by {mechanism}, which presumes a particular interface")
      ],
      passes: "No clause depends on a particular technology or interface"
    ),
  ]

  /// Not OSD criteria, but reported beside the verdicts because they make a grant unstable.
  package static let warnings: [ClauseCondition] = [
    ClauseCondition(
      .unilateralChange, "The licensor may change the [{what}|terms] at any time[, and {continuedUse}]"),
    ClauseCondition(.remoteRestriction, "The licensor may restrict use of the work remotely or otherwise"),
    ClauseCondition(.termination, where: .trigger(anyOf: [.atWill]), "The licensor may end the licence at will"),
    ClauseCondition(
      .timeLimit, where: .limitType(anyOf: ["change-date"]),
      "The licence changes to other terms at a set date[ ({days})]"),
  ]

  /// The row for a criterion.
  package static func rule(for criterion: OSDCriterion) -> OSDRule {
    rules.first { $0.criterion == criterion }!
  }
}
