/// Something an organisation wants to do with a licensed work: the activities of a ``UsageProfile``.
public enum UsageActivity: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  /// Run the work inside the organisation (no users outside it).
  case useInternal = "use-internal"
  /// Use the work for a commercial purpose.
  case useCommercial = "use-commercial"
  /// Research or evaluation.
  case research
  /// Fine-tune or otherwise modify the model.
  case fineTune = "fine-tune"
  /// Pass the work on unchanged.
  case distributeOriginal = "distribute-original"
  /// Pass on a modified work or a fine-tuned model.
  case distributeModified = "distribute-modified"
  /// Offer the work to others as a hosted service or API.
  case hostedService = "hosted-service"
  /// Ship the work inside a product.
  case embedInProduct = "embed-in-product"
  /// Use the work's outputs to build or improve another model.
  case trainOnOutputs = "train-on-outputs"
  /// Publish what the work outputs.
  case publishOutputs = "publish-outputs"
  /// Publish benchmark results of the work.
  case benchmarkPublication = "benchmark-publication"
  /// Run the work in production.
  case production

  /// Other spellings accepted on the command line and in profile files (`api` is a hosted service).
  public static let aliases: [String: UsageActivity] = ["api": .hostedService, "hosted": .hostedService]

  /// The activity named by an id or an alias, or nil.
  public init?(id: String) {
    let key = id.lowercased()
    if let a = UsageActivity(rawValue: key) ?? Self.aliases[key] { self = a } else { return nil }
  }

  public static func < (l: UsageActivity, r: UsageActivity) -> Bool {
    allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
  }

  /// Activities that pass the work itself (or a derivative) to someone else.
  var distributes: Bool { [.distributeOriginal, .distributeModified, .embedInProduct].contains(self) }

  /// Activities that make the work or a derivative available to others, over a network or as a copy.
  var makesAvailable: Bool { distributes || self == .hostedService }
}

/// Who the licensee is.
public enum LicenseeType: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// A business (its offering, shipping or production use counts as commercial).
  case company
  /// A natural person.
  case individual
  /// A university or research institute.
  case academic
  /// A public body.
  case government
  /// Armed forces or a defence body (a ban on military use applies to everything it does).
  case military
}

/// An amount of money in a currency (ISO 4217 code such as `USD`, `EUR`).
public struct Money: Sendable, Codable, Equatable, Hashable {
  /// The amount.
  public var amount: Double
  /// The currency code, upper case.
  public var currency: String

  /// Creates an amount.
  public init(amount: Double, currency: String) {
    self.amount = amount
    self.currency = currency.uppercased()
  }
}

/// How much one unit of a currency is worth in another: `1 from = rate to`.
public struct ExchangeRate: Sendable, Codable, Equatable, Hashable {
  /// The currency converted from.
  public var from: String
  /// The currency converted to.
  public var to: String
  /// Units of `to` for one unit of `from`.
  public var rate: Double

  /// Creates a rate.
  public init(from: String, to: String, rate: Double) {
    self.from = from.uppercased()
    self.to = to.uppercased()
    self.rate = rate
  }
}

/// The size of the organisation, as usage caps measure it. A figure left nil is unknown, and a cap on it
/// gives an `unknown` finding rather than a guess.
public struct Organisation: Sendable, Codable, Equatable, Hashable {
  /// Monthly active users of the organisation's products and services (with its affiliates).
  public var monthlyActiveUsers: Double?
  /// Daily active users.
  public var dailyActiveUsers: Double?
  /// Users (registered or total), for caps that count users without a period.
  public var users: Double?
  /// Annual revenue with its currency.
  public var annualRevenue: Money?
  /// Employees.
  public var employees: Int?

  /// Creates an organisation.
  public init(
    monthlyActiveUsers: Double? = nil, dailyActiveUsers: Double? = nil, users: Double? = nil,
    annualRevenue: Money? = nil, employees: Int? = nil
  ) {
    self.monthlyActiveUsers = monthlyActiveUsers
    self.dailyActiveUsers = dailyActiveUsers
    self.users = users
    self.annualRevenue = annualRevenue
    self.employees = employees
  }
}

/// What an organisation is and wants to do: the question "may *we* do *this*?" asked of a licence.
///
/// ```swift
/// var profile = UsageProfile(activities: [.fineTune, .hostedService])
/// profile.organisation.monthlyActiveUsers = 800_000_000
/// profile.territories = ["DE"]
/// let verdict = analysis.check(profile)   // needs-separate-licence for any Llama licence
/// ```
public struct UsageProfile: Sendable, Codable, Equatable, Hashable {
  /// Users, revenue, employees.
  public var organisation: Organisation
  /// Where the licensee is established: ISO 3166 alpha-2 codes or the groups `EU`, `EEA`, `UK`.
  public var territories: [String]
  /// Where the product or service is offered; empty means the same places as ``territories``.
  public var offeredIn: [String]
  /// Company, individual, academic, government or military; nil when not said.
  public var licensee: LicenseeType?
  /// What the organisation wants to do.
  public var activities: [UsageActivity]
  /// Fields of use, from the field vocabulary (``UsageProfile/fieldVocabulary``).
  public var fields: [String]
  /// The day the question is asked, ISO 8601 (`2026-12-01`); caps measured "as of the release date",
  /// trials and change dates depend on it. Nil: the figures are taken as of the licence's release date.
  public var date: String?
  /// The day the licence was accepted (a trial runs from it), ISO 8601.
  public var acceptedOn: String?
  /// Rates for comparing revenue with a cap in another currency; never guessed.
  public var exchangeRates: [ExchangeRate]
  /// Licence ids the organisation has approved; when not empty, any other licence is refused.
  public var allowedLicences: [String]
  /// Licence ids the organisation refuses.
  public var deniedLicences: [String]
  /// Clause kinds the organisation refuses wherever they occur.
  public var deniedClauses: [ClauseKind]

  /// Creates a profile.
  public init(
    organisation: Organisation = Organisation(), territories: [String] = [], offeredIn: [String] = [],
    licensee: LicenseeType? = nil, activities: [UsageActivity] = [], fields: [String] = [], date: String? = nil,
    acceptedOn: String? = nil, exchangeRates: [ExchangeRate] = [], allowedLicences: [String] = [],
    deniedLicences: [String] = [], deniedClauses: [ClauseKind] = []
  ) {
    self.organisation = organisation
    self.territories = territories
    self.offeredIn = offeredIn
    self.licensee = licensee
    self.activities = activities
    self.fields = fields
    self.date = date
    self.acceptedOn = acceptedOn
    self.exchangeRates = exchangeRates
    self.allowedLicences = allowedLicences
    self.deniedLicences = deniedLicences
    self.deniedClauses = deniedClauses
  }

  /// The field vocabulary of `field-of-use` clauses (`shared/spec/clauses.md`).
  public static let fieldVocabulary: [String] = [
    "weapons", "military", "surveillance", "law-enforcement", "critical-infrastructure", "medical-advice",
    "legal-advice", "financial-advice", "discrimination", "harassment", "disinformation", "impersonation",
    "child-safety", "illegal-activity", "malware", "spam", "privacy", "biometric-identification",
    "automated-decision-making", "political-campaigning", "self-harm", "sexual-content", "violence",
    "regulated-activity-without-licence",
  ]

  /// Checks every value against its vocabulary: fields, territories, dates, rates.
  /// - Throws: ``ProfileError`` naming the bad value and the valid ones.
  public func validate() throws(ProfileError) {
    for f in fields where !Self.fieldVocabulary.contains(f) {
      throw ProfileError("unknown field '\(f)'; valid fields: \(Self.fieldVocabulary.joined(separator: ", "))")
    }
    for t in territories + offeredIn where Territories.codes(for: t) == nil {
      throw ProfileError(
        "unknown territory '\(t)'; use ISO 3166 alpha-2 codes (DE, US, …) or the groups EU, EEA, UK")
    }
    for (name, d) in [("date", date), ("accepted-on", acceptedOn)] {
      if let d, ProfileDate(d) == nil { throw ProfileError("\(name) '\(d)' is not a date like 2026-12-01") }
    }
    for r in exchangeRates where !(r.rate > 0 && r.rate.isFinite) {
      throw ProfileError("exchange rate \(r.from)→\(r.to) must be a positive number")
    }
    let o = organisation
    for v in [o.monthlyActiveUsers, o.dailyActiveUsers, o.users, o.annualRevenue?.amount].compactMap({ $0 })
    where !(v >= 0 && v.isFinite) {
      throw ProfileError("figures must be zero or more, not \(v)")
    }
  }
}

/// A profile that cannot be used: an unknown activity, field or territory, a bad date or number, a bad
/// profile file. The message names the valid values.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong and what to write instead.
  public let message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// A calendar day, compared as `yyyymmdd`.
struct ProfileDate: Comparable, Hashable {
  let year: Int
  let month: Int
  let day: Int

  /// Parses `yyyy-mm-dd`.
  init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    year = y
    month = m
    day = d
  }

  var key: Int { year * 10_000 + month * 100 + day }

  /// Days since 1970-01-01 (proleptic Gregorian), for trial periods.
  var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func < (l: ProfileDate, r: ProfileDate) -> Bool { l.key < r.key }
}
