/// One of the ten criteria of the Open Source Definition, version 1.9.
///
/// Raw values are the stable ids of the JSON contract (`osd-1` … `osd-10`); `allCases` is in
/// the Definition's order, which is also the order of ``LicenseAnalysis/osd``.
public enum OSDCriterion: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  case freeRedistribution = "osd-1"
  case sourceCode = "osd-2"
  case derivedWorks = "osd-3"
  case integrityOfSource = "osd-4"
  case noDiscriminationAgainstPersons = "osd-5"
  case noDiscriminationAgainstFields = "osd-6"
  case distributionOfLicense = "osd-7"
  case notSpecificToProduct = "osd-8"
  case notRestrictOtherSoftware = "osd-9"
  case technologyNeutral = "osd-10"

  /// The id, `osd-1` … `osd-10`.
  public var id: String { rawValue }

  /// The criterion's number in the Definition, 1 … 10.
  public var number: Int { OSDCriterion.allCases.firstIndex(of: self)! + 1 }

  /// The criterion's title exactly as OSD 1.9 words it (American spelling included).
  public var title: String {
    switch self {
    case .freeRedistribution: return "Free Redistribution"
    case .sourceCode: return "Source Code"
    case .derivedWorks: return "Derived Works"
    case .integrityOfSource: return "Integrity of The Author's Source Code"
    case .noDiscriminationAgainstPersons: return "No Discrimination Against Persons or Groups"
    case .noDiscriminationAgainstFields: return "No Discrimination Against Fields of Endeavor"
    case .distributionOfLicense: return "Distribution of License"
    case .notSpecificToProduct: return "License Must Not Be Specific to a Product"
    case .notRestrictOtherSoftware: return "License Must Not Restrict Other Software"
    case .technologyNeutral: return "License Must Be Technology-Neutral"
    }
  }

  /// Definition order.
  public static func < (lhs: OSDCriterion, rhs: OSDCriterion) -> Bool { lhs.number < rhs.number }
}
