import Foundation
import LicenseCheck
import Testing

/// The profiles of the matrix: each a question an engineer or a reviewer asks.
enum Profiles {
  static func make(
    _ licensee: LicenseeType?, mau: Double? = nil, dau: Double? = nil, revenue: Money? = nil,
    _ activities: [UsageActivity],
    fields: [String] = [], territories: [String] = ["US"], offeredIn: [String] = []
  ) -> UsageProfile {
    UsageProfile(
      organisation: Organisation(monthlyActiveUsers: mau, dailyActiveUsers: dau, annualRevenue: revenue),
      territories: territories,
      offeredIn: offeredIn, licensee: licensee, activities: activities, fields: fields)
  }

  static let usd100k = Money(amount: 100_000, currency: "USD")

  /// Name and profile, in the order of the expectation strings.
  static let all: [(String, UsageProfile)] = [
    ("p01-internal-small", make(.company, mau: 1_000, [.useInternal])),
    ("p02-800M-commercial-api", make(.company, mau: 800_000_000, dau: 80_000_000, [.useCommercial, .hostedService])),
    ("p03-train-on-outputs", make(.company, mau: 1_000_000, [.trainOnOutputs])),
    ("p04-finetune-distribute", make(.company, mau: 1_000_000, [.fineTune, .distributeModified])),
    ("p05-hosted-api", make(.company, mau: 1_000_000, [.hostedService])),
    (
      "p06-medical-api",
      make(.company, mau: 1_000_000, [.hostedService], fields: ["medical-advice"], territories: ["DE"])
    ),
    ("p07-surveillance", make(.company, mau: 1_000_000, [.useCommercial], fields: ["surveillance"])),
    ("p08-academic-research", make(.academic, [.research], territories: ["GB"])),
    (
      "p09-commercial-product",
      make(
        .company, mau: 10_000_000, dau: 2_000_000, revenue: Money(amount: 50e6, currency: "USD"),
        [.useCommercial, .embedInProduct])
    ),
    ("p10-military", make(.military, [.useInternal])),
    ("p11-small-revenue", make(.individual, mau: 1_000, revenue: usd100k, [.useCommercial])),
    (
      "p12-big-revenue-usd",
      make(.company, mau: 1_000_000, revenue: Money(amount: 2e9, currency: "USD"), [.useCommercial])
    ),
    (
      "p13-revenue-eur-norate",
      make(
        .company, mau: 1_000_000, revenue: Money(amount: 2e9, currency: "EUR"), [.useCommercial], territories: ["FR"])
    ),
    ("p14-eu-company", make(.company, mau: 1_000_000, revenue: usd100k, [.useCommercial], territories: ["DE"])),
    ("p15-offered-canada", make(.company, mau: 1_000_000, revenue: usd100k, [.embedInProduct], offeredIn: ["CA"])),
    (
      "p16-publish-outputs",
      make(.individual, mau: 1_000, revenue: Money(amount: 0, currency: "USD"), [.publishOutputs])
    ),
    ("p17-benchmark", make(.academic, [.benchmarkPublication])),
    ("p18-distribute-original", make(.company, mau: 1_000_000, revenue: usd100k, [.distributeOriginal])),
    ("p19-150M-commercial", make(.company, mau: 150_000_000, dau: 10_000_000, revenue: usd100k, [.useCommercial])),
    (
      "p20-disinformation-api",
      make(.company, mau: 1_000_000, revenue: usd100k, [.hostedService], fields: ["disinformation"])
    ),
    ("p21-weapons", make(.company, mau: 1_000_000, revenue: usd100k, [.useCommercial], fields: ["weapons"])),
    ("p22-production", make(.company, mau: 1_000, revenue: usd100k, [.production])),
    ("p23-everything", make(.company, mau: 1_000_000, dau: 100_000, revenue: usd100k, UsageActivity.allCases)),
  ]

  /// `A` allowed, `C` allowed-with-conditions, `S` needs-separate-licence, `F` forbidden, `U` unknown.
  static func outcome(_ code: Character) -> ProfileOutcome {
    switch code {
    case "A": return .allowed
    case "C": return .allowedWithConditions
    case "S": return .needsSeparateLicence
    case "F": return .forbidden
    default: return .unknown
    }
  }
}

/// Analyses a file and checks a profile with the text at hand (as `licensecheck check` does).
func check(_ path: String, _ profile: UsageProfile, policy: String? = nil) throws -> ProfileVerdict {
  let document = try DocumentReader.read(path: path)
  let policyDocument = try policy.map { try DocumentReader.read(path: $0) }
  return Analyzer().check(document, policy: policyDocument, profile: profile).verdict
}

/// A fixture of `fixtures/profiles/`.
func fixture(_ name: String) -> String { Corpus.fixture("profiles/\(name)") }
