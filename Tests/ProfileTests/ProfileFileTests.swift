import Foundation
import LicenseCheck
import Testing

/// The profile file (`.licensecheck.yml`): the documented example, errors that name what to write, and
/// hostile input that ends in an error, never a crash or a hang.
@Suite("Profile file")
struct ProfileFileTests {
  static let example = """
    # .licensecheck.yml
    monthly-active-users: 800M
    daily-active-users: 40M
    users: 1.2B
    annual-revenue: USD 2B
    employees: 12,000
    licensee: company
    territories: [DE, US]
    offered-in:
      - EU
      - US
    activities: [fine-tune, hosted-service, api]
    fields: [medical-advice]
    date: 2026-12-01
    accepted-on: 2026-11-15
    exchange-rates: ["1 EUR = 1.08 USD"]
    allowed-licences: [MIT, Apache-2.0, Llama-3.1]
    denied-licences: [AGPL-3.0-only]
    denied-clauses: [non-commercial, output-use]
    """

  @Test("the README example reads into every field")
  func example() throws {
    let p = try ProfileFile.parse(Array(Self.example.utf8))
    #expect(p.organisation.monthlyActiveUsers == 800_000_000)
    #expect(p.organisation.dailyActiveUsers == 40_000_000)
    #expect(p.organisation.users == 1_200_000_000)
    #expect(p.organisation.annualRevenue == Money(amount: 2e9, currency: "USD"))
    #expect(p.organisation.employees == 12_000)
    #expect(p.licensee == .company)
    #expect(p.territories == ["DE", "US"])
    #expect(p.offeredIn == ["EU", "US"])
    #expect(p.activities == [.fineTune, .hostedService, .hostedService])
    #expect(p.fields == ["medical-advice"])
    #expect(p.date == "2026-12-01")
    #expect(p.acceptedOn == "2026-11-15")
    #expect(p.exchangeRates == [ExchangeRate(from: "EUR", to: "USD", rate: 1.08)])
    #expect(p.allowedLicences == ["MIT", "Apache-2.0", "Llama-3.1"])
    #expect(p.deniedLicences == ["AGPL-3.0-only"])
    #expect(p.deniedClauses == [.nonCommercial, .outputUse])
  }

  @Test(
    "bad values are errors that say what to write",
    arguments: [
      ("activities: [fine-tune, cooking]", "valid activities"),
      ("fields: [cooking]", "valid fields"),
      ("territories: [Atlantis]", "ISO 3166"),
      ("monthly-active-users: lots", "not a number"),
      ("annual-revenue: 2B", "currency"),
      ("licensee: robot", "valid types"),
      ("date: tomorrow", "not a date"),
      ("colour: blue", "valid keys"),
      ("exchange-rates: [EUR USD]", "1 EUR = 1.08 USD"),
      ("denied-clauses: [nope]", "clause kind"),
      ("users: 5M\nusers: 6M", "twice"),
      ("  indented: 1", "start of the line"),
      ("monthly-active-users: [1, 2]", "one value"),
      ("fields: *anchor", "aliases"),
    ])
  func errors(_ text: String, _ hint: String) {
    do {
      _ = try ProfileFile.parse(Array(text.utf8))
      Issue.record("'\(text)' was accepted")
    } catch {
      #expect(error.message.contains(hint), "\(error.message)")
    }
  }

  @Test("hostile files: huge, nested, binary, alias bombs end in an error or a profile, quickly")
  func hostile() {
    let huge = [UInt8](repeating: UInt8(ascii: "a"), count: ProfileFile.maxBytes + 1)
    #expect(throws: ProfileError.self) { try ProfileFile.parse(huge) }
    let nested = "fields: " + String(repeating: "[", count: 50_000)
    #expect(throws: ProfileError.self) { try ProfileFile.parse(Array(nested.utf8)) }
    let bomb = "a: &a [x, x]\nb: &b [*a, *a]\nfields: [*b, *b]"
    #expect(throws: ProfileError.self) { try ProfileFile.parse(Array(bomb.utf8)) }
    let binary = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }
    #expect(throws: ProfileError.self) { try ProfileFile.parse(binary) }
    let longList = "territories: [" + Array(repeating: "DE", count: 2_000).joined(separator: ", ") + "]"
    #expect(throws: ProfileError.self) { try ProfileFile.parse(Array(longList.utf8)) }
    #expect(throws: ProfileError.self) { try ProfileFile.read(path: "/nonexistent/.licensecheck.yml") }
  }

  @Test(
    "counts and amounts",
    arguments: [
      ("800M", 800e6), ("800 million", 800e6), ("1.5B", 1.5e9), ("25k", 25e3), ("700,000,000", 7e8), ("0", 0),
    ])
  func counts(_ text: String, _ value: Double) {
    #expect(ProfileFile.parseCount(text) == value)
  }

  @Test("amounts with their currency; rates both ways")
  func money() {
    #expect(ProfileFile.parseMoney("USD 2B") == Money(amount: 2e9, currency: "USD"))
    #expect(ProfileFile.parseMoney("500M EUR") == Money(amount: 5e8, currency: "EUR"))
    #expect(ProfileFile.parseMoney("$1,000,000") == Money(amount: 1e6, currency: "USD"))
    #expect(ProfileFile.parseMoney("2B") == nil)
    #expect(ProfileFile.parseCount("-5") == nil)
    #expect(ProfileFile.parseCount("1e400") == nil)
    #expect(ProfileFile.parseRate("1 EUR = 1.08 USD") == ExchangeRate(from: "EUR", to: "USD", rate: 1.08))
    #expect(ProfileFile.parseRate("EUR/USD 1.08") == ExchangeRate(from: "EUR", to: "USD", rate: 1.08))
    #expect(ProfileFile.parseRate("1 EUR = -1 USD") == nil)
  }
}
