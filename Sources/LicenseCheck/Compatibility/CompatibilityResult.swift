/// Whether a component under one licence may go into a work distributed under another.
public enum CompatibilityVerdict: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// The component may be part of the work distributed under the outbound licence.
  case compatible
  /// Allowed only under conditions the reasons spell out (the component keeps its own licence for its
  /// files, it is linked so that it can be replaced, or it sits beside the work as a separate part).
  case conditional
  /// The outbound licence cannot carry the component's terms, or the component's terms forbid it.
  case incompatible
  /// Neither the matrix nor the clause models settle it.
  case unknown

  /// How good the verdict is for the person combining the two: compatible > conditional > unknown >
  /// incompatible. Used to pick the best alternative of an `OR`.
  package var rank: Int {
    switch self {
    case .compatible: return 3
    case .conditional: return 2
    case .unknown: return 1
    case .incompatible: return 0
    }
  }
}

/// Where a compatibility verdict came from.
public enum CompatibilityBasis: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// A published compatibility matrix bundled as data (the OSADL matrix).
  case matrix
  /// Reasoned from the two licences' clause models (`LicenseTraits`) by the rule table.
  case derived
  /// The two sides are the same licence.
  case identical

  /// The basis of a verdict built from several parts: `derived` as soon as one part was derived, else
  /// `matrix` when one part came from the matrix, else `identical`.
  package static func combined(_ parts: [CompatibilityBasis]) -> CompatibilityBasis {
    if parts.contains(.derived) { return .derived }
    if parts.contains(.matrix) { return .matrix }
    return parts.isEmpty ? .derived : .identical
  }
}

/// The answer to `licensecheck compat INBOUND OUTBOUND`: the JSON contract's `compat` object.
public struct CompatibilityResult: Sendable, Codable, Equatable, Hashable {
  /// The JSON contract version.
  public var schemaVersion: Int
  /// The component's licence, exactly as given (id, expression or path).
  public var inbound: String
  /// The licence of the combined or derived work, exactly as given.
  public var outbound: String
  /// The verdict.
  public var verdict: CompatibilityVerdict
  /// Where the verdict came from.
  public var basis: CompatibilityBasis
  /// Plain sentences explaining the verdict, the deciding reason first.
  public var reasons: [String]
  /// When an `OR` (or an or-later version) decided it: the alternative that made it work, as
  /// `inbound-choice` or `inbound-choice → outbound-choice` when both sides offered a choice.
  public var alternative: String?

  /// Creates a result.
  public init(
    inbound: String, outbound: String, verdict: CompatibilityVerdict, basis: CompatibilityBasis, reasons: [String],
    alternative: String? = nil
  ) {
    self.schemaVersion = licenseCheckSchemaVersion
    self.inbound = inbound
    self.outbound = outbound
    self.verdict = verdict
    self.basis = basis
    self.reasons = reasons
    self.alternative = alternative
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, inbound, outbound, verdict, basis, reasons, alternative
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(inbound, forKey: .inbound)
    try c.encode(outbound, forKey: .outbound)
    try c.encode(verdict, forKey: .verdict)
    try c.encode(basis, forKey: .basis)
    try c.encode(reasons, forKey: .reasons)
    // Left out when no choice decided it, so readers of the documented object see no new null field.
    try c.encodeIfPresent(alternative, forKey: .alternative)
  }
}
