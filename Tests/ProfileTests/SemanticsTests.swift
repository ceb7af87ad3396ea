import Foundation
import LicenseCheck
import Testing

/// Each semantic rule of a profile check, on fixtures written for it (`fixtures/profiles/`).
@Suite("Profile semantics")
struct SemanticsTests {
  func users(_ mau: Double, _ activities: [UsageActivity] = [.useCommercial]) -> UsageProfile {
    UsageProfile(
      organisation: Organisation(monthlyActiveUsers: mau), territories: ["US"], licensee: .company,
      activities: activities)
  }

  @Test("\"at least\" includes the cap itself, \"more than\" does not")
  func comparator() throws {
    let exactly = users(1_000_000)
    #expect(try check(fixture("cap-at-least.txt"), exactly).verdict == .needsSeparateLicence)
    #expect(try check(fixture("cap-more-than.txt"), exactly).verdict == .allowed)
    for file in ["cap-at-least.txt", "cap-more-than.txt"] {
      #expect(try check(fixture(file), users(999_999)).verdict == .allowed)
      #expect(try check(fixture(file), users(1_000_001)).verdict == .needsSeparateLicence)
    }
    let v = try check(fixture("cap-at-least.txt"), exactly)
    #expect(v.deciding?.reason.contains("1 M monthly active users ≥ 1 M cap") == true)
  }

  @Test("a finding carries the clause index, section, evidence span and a one-line reason")
  func findingEvidence() throws {
    let path = fixture("cap-more-than.txt")
    let v = try check(path, users(2_000_000))
    let f = try #require(v.deciding)
    #expect(f.kind == .usageCap)
    #expect(f.clause != nil)
    #expect(f.section == "2")
    let span = try #require(f.span)
    let text = try DocumentReader.read(path: path).text
    let bytes = Array(text.utf8)[span.start..<span.end]
    #expect(String(decoding: bytes, as: UTF8.self).contains(f.evidence))
    #expect(f.evidence.contains("1,000,000"))
    #expect(!f.reason.contains("\n"))
  }

  @Test("a cap counted on the release date: before it unknown, after it the figure is taken with a warning")
  func releaseDate() throws {
    let checker = ProfileExpressionChecker()
    var p = users(800_000_000)
    p.date = "2024-01-01"
    let before = try checker.check("Llama-3.1", profile: p)
    #expect(before.verdict == .unknown)
    #expect(before.reason.contains("2024-07-23"))
    p.date = "2026-12-01"
    let after = try checker.check("Llama-3.1", profile: p)
    #expect(after.verdict == .needsSeparateLicence)
    #expect(after.reason.contains("preceding calendar month"))
    #expect(after.warnings.contains { $0.contains("release date 2024-07-23") && $0.contains("2026-12-01") })
    p.organisation.monthlyActiveUsers = 700_000_000
    #expect(try checker.check("Llama-3.1", profile: p).verdict == .allowedWithConditions)
  }

  @Test("the Llama text's cap is read from its sentence: greater than, release date, preceding month", .needsCorpus)
  func llamaSentence() throws {
    var p = users(700_000_000)
    let exactly = try check(Corpus.path("ai/llama3_1.LICENSE.txt"), p)
    #expect(exactly.verdict == .allowedWithConditions)
    p.organisation.monthlyActiveUsers = 800_000_000
    let over = try check(Corpus.path("ai/llama3_1.LICENSE.txt"), p)
    #expect(over.verdict == .needsSeparateLicence)
    #expect(over.reason.contains("release date 2024-07-23") && over.reason.contains("section 2"))
  }

  @Test("revenue in another currency is unknown unless the profile gives a rate")
  func currency() throws {
    var p = UsageProfile(
      organisation: Organisation(annualRevenue: Money(amount: 20e6, currency: "USD")), territories: ["US"],
      licensee: .company, activities: [.useCommercial])
    let noRate = try check(fixture("revenue-cap.txt"), p)
    #expect(noRate.verdict == .unknown)
    #expect(noRate.reason.contains("exchange rate") && noRate.reason.contains("EUR"))
    p.exchangeRates = [ExchangeRate(from: "USD", to: "EUR", rate: 0.9)]
    #expect(try check(fixture("revenue-cap.txt"), p).verdict == .needsSeparateLicence)
    // The inverse rate works too: USD 20 M at 4 USD a euro is EUR 5 M, under the cap.
    p.exchangeRates = [ExchangeRate(from: "EUR", to: "USD", rate: 4)]
    #expect(try check(fixture("revenue-cap.txt"), p).verdict == .allowed)
    p.exchangeRates = []
    p.organisation.annualRevenue = Money(amount: 10e6, currency: "EUR")
    #expect(try check(fixture("revenue-cap.txt"), p).verdict == .needsSeparateLicence)
    p.organisation.annualRevenue = Money(amount: 9_999_999, currency: "EUR")
    #expect(try check(fixture("revenue-cap.txt"), p).verdict == .allowed)
    // The catalogue's Stability cap is in USD.
    p.organisation.annualRevenue = Money(amount: 2e9, currency: "EUR")
    let checker = ProfileExpressionChecker()
    #expect(try checker.check("Stability-AI-Community-2024", profile: p).verdict == .unknown)
    p.exchangeRates = [ExchangeRate(from: "EUR", to: "USD", rate: 1.08)]
    #expect(try checker.check("Stability-AI-Community-2024", profile: p).verdict == .needsSeparateLicence)
  }

  @Test("a daily-user cap reads daily active users, not monthly")
  func dailyUsers() throws {
    var p = UsageProfile(
      organisation: Organisation(dailyActiveUsers: 6_000_000), territories: ["US"], licensee: .company,
      activities: [.hostedService])
    #expect(try check(fixture("daily-users-cap.txt"), p).verdict == .needsSeparateLicence)
    p.organisation.dailyActiveUsers = 5_000_000
    #expect(try check(fixture("daily-users-cap.txt"), p).verdict == .allowed)
    p.organisation = Organisation(monthlyActiveUsers: 1e9)
    let missing = try check(fixture("daily-users-cap.txt"), p)
    #expect(missing.verdict == .unknown)
    #expect(missing.reason.contains("daily active users"))
  }

  @Test("a territory exclusion about the licensee's seat ignores where the product is offered, and vice versa")
  func territories() throws {
    var p = UsageProfile(territories: ["DE"], licensee: .company, activities: [.embedInProduct])
    #expect(try check(fixture("territory-licensee.txt"), p).verdict == .forbidden)
    p.territories = ["US"]
    p.offeredIn = ["DE", "FR"]
    #expect(try check(fixture("territory-licensee.txt"), p).verdict == .allowed)
    p.offeredIn = ["CA"]
    #expect(try check(fixture("territory-offered.txt"), p).verdict == .forbidden)
    p.territories = ["CA"]
    p.offeredIn = ["US"]
    #expect(try check(fixture("territory-offered.txt"), p).verdict == .allowed)
    // Tencent Hunyuan's summary does not say which: only one of the two places there is unknown.
    p.territories = ["US"]
    p.offeredIn = ["GB"]
    p.organisation.monthlyActiveUsers = 1_000
    let tencent = try ProfileExpressionChecker().check("Tencent-Hunyuan-Community", profile: p)
    #expect(tencent.findings.contains { $0.kind == .territory && $0.outcome == .unknown })
    p.territories = []
    #expect(
      try check(fixture("territory-licensee.txt"), p).findings.contains {
        $0.kind == .territory && $0.outcome == .unknown
      })
  }

  @Test("fields of a use policy incorporated by reference: --policy, the catalogue's, or unknown")
  func policies() throws {
    var p = UsageProfile(
      territories: ["US"], licensee: .company, activities: [.hostedService], fields: ["medical-advice"])
    let withPolicy = try check(fixture("with-policy.txt"), p, policy: fixture("policy.txt"))
    #expect(withPolicy.verdict == .forbidden)
    #expect(withPolicy.deciding?.document == "policy")
    #expect(withPolicy.deciding?.span != nil)
    let unread = try check(fixture("with-policy.txt"), p)
    #expect(unread.verdict == .unknown)
    #expect(unread.reason.contains("--policy"))
    p.fields = []
    let noFields = try check(fixture("with-policy.txt"), p)
    #expect(noFields.verdict == .allowedWithConditions)
    #expect(noFields.warnings.contains { $0.contains("was not read") })
    // A known policy: the catalogue's reviewed summary of the Llama 3.1 use policy.
    p.fields = ["weapons"]
    let llama = try ProfileExpressionChecker().check("Llama-3.1", profile: p)
    #expect(llama.verdict == .unknown || llama.verdict == .forbidden)
    #expect(llama.findings.contains { $0.outcome == .forbidden && $0.document == "catalogue:Llama-3.1-AUP" })
  }

  @Test("a field the policy speaks of in words no clause names is unknown, never allowed")
  func unnamedField() throws {
    var p = UsageProfile(
      territories: ["US"], licensee: .company, activities: [.hostedService], fields: ["surveillance"])
    let v = try check(fixture("with-policy.txt"), p, policy: fixture("policy-unnamed.txt"))
    #expect(v.verdict == .unknown)
    #expect(v.reason.contains("surveillance"))
    p.fields = ["spam"]
    #expect(try check(fixture("with-policy.txt"), p, policy: fixture("policy-unnamed.txt")).verdict == .forbidden)
    p.fields = ["political-campaigning"]
    #expect(
      try check(fixture("with-policy.txt"), p, policy: fixture("policy-unnamed.txt")).verdict == .allowedWithConditions)
  }

  @Test("a real use policy given as text, with the reviewed summary of a known one beside it", .needsCorpus)
  func realPolicies() throws {
    var p = UsageProfile(territories: ["US"], licensee: .company, activities: [.hostedService], fields: ["weapons"])
    p.organisation.monthlyActiveUsers = 1_000_000
    let llama = try check(
      Corpus.path("ai/llama3_1.LICENSE.txt"), p, policy: Corpus.path("ai/llama3_1.USE_POLICY.md"))
    #expect(llama.verdict == .forbidden)
    #expect(llama.deciding?.document == "policy")
    #expect(llama.findings.filter { $0.outcome == .forbidden }.count == 1)
    // The Gemma policy bans tracking people without consent; the extractor does not name it, the reviewed
    // summary does: the ban is not lost.
    p.fields = ["surveillance"]
    let gemma = try check(
      Corpus.path("ai/gemma-terms-2024-04-01.txt"), p,
      policy: Corpus.path("ai/gemma-prohibited-use-policy-2024-02-21.txt"))
    #expect(gemma.verdict == .forbidden)
    #expect(gemma.warnings.contains { $0.contains("checked beside its text") })
  }

  @Test("an allowed verdict says when sentences were not understood; one that names the activity makes it unknown")
  func unexplained() throws {
    var p = UsageProfile(territories: ["US"], licensee: .company, activities: [.useInternal])
    let allowed = try check(fixture("unexplained.txt"), p)
    #expect(allowed.verdict == .allowed)
    #expect(allowed.unexplained == 2)
    #expect(allowed.warnings.contains { $0.contains("2 normative sentences") })
    p.activities = [.hostedService]
    let hosted = try check(fixture("unexplained.txt"), p)
    #expect(hosted.verdict == .unknown)
    #expect(hosted.deciding?.activity == .hostedService)
    #expect(hosted.deciding?.evidence.contains("API") == true)
    p.activities = [.benchmarkPublication]
    #expect(try check(fixture("unexplained.txt"), p).verdict == .unknown)
  }

  @Test("a licence the licensor may change gives a warning")
  func changeable() throws {
    let v = try check(fixture("changeable.txt"), UsageProfile(territories: ["US"], activities: [.useInternal]))
    #expect(v.verdict == .allowed)
    #expect(v.warnings.contains { $0.contains("may change the terms") })
  }

  @Test("a trial runs from the accepted-on date to the profile's date")
  func trial() throws {
    var p = UsageProfile(territories: ["US"], activities: [.useInternal])
    let open = try check(fixture("trial.txt"), p)
    #expect(open.verdict == .allowedWithConditions)
    #expect(open.conditions.contains { $0.kind == .timeLimit && $0.duty.contains("30 days") })
    p.acceptedOn = "2026-11-01"
    p.date = "2026-11-20"
    let running = try check(fixture("trial.txt"), p)
    #expect(running.verdict == .allowedWithConditions)
    #expect(running.conditions.contains { $0.duty.contains("11 days left") })
    p.date = "2026-12-15"
    #expect(try check(fixture("trial.txt"), p).verdict == .forbidden)
  }

  @Test("expressions: OR takes the best alternative for the profile, AND every part")
  func expressions() throws {
    let checker = ProfileExpressionChecker()
    var p = users(800_000_000, [.fineTune, .hostedService])
    let or = try checker.check("MIT OR Llama-3.1", profile: p)
    #expect(or.chosen == "MIT")
    #expect(or.verdict == .allowed)
    #expect(or.parts?.count == 2)
    p = users(1_000_000, [.trainOnOutputs])
    let llamas = try checker.check("Llama-2 OR Llama-3.1", profile: p)
    #expect(llamas.chosen == "Llama-3.1")
    #expect(llamas.verdict == .allowedWithConditions)
    #expect(llamas.conditions.contains { $0.kind == .naming && $0.text == "Llama" })
    #expect(try checker.check("MIT AND Llama-2", profile: p).verdict == .forbidden)
    #expect(throws: ProfileError.self) { try checker.check("MIT OR (", profile: p) }
  }

  @Test("conditions are concrete: the attribution text and where, the name prefix, the licence copy", .needsCorpus)
  func conditions() throws {
    let p = users(1_000_000, [.fineTune, .distributeModified, .hostedService])
    let v = try check(Corpus.path("ai/llama3_1.LICENSE.txt"), p)
    #expect(v.verdict == .allowedWithConditions)
    let display = try #require(v.conditions.first { $0.kind == .attributionDisplay })
    #expect(display.text == "Built with Llama")
    #expect(display.where?.contains("website") == true)
    #expect(v.conditions.contains { $0.kind == .naming && $0.duty.contains("at the beginning") })
    #expect(v.conditions.contains { $0.kind == .includeLicense })
    #expect(v.conditions.contains { $0.kind == .retainNotices })
    let openrail = try check(Corpus.path("ai/bigscience-openrail-m.txt"), users(1_000, [.hostedService]))
    #expect(openrail.verdict == .allowedWithConditions)
    #expect(openrail.conditions.contains { $0.kind == .flowDown })
  }

  @Test("the organisation's allowed and denied lists")
  func organisationLists() throws {
    let checker = ProfileExpressionChecker()
    var p = users(1_000, [.useInternal])
    p.deniedLicences = ["llama-3.1"]
    #expect(try checker.check("Llama-3.1", profile: p).verdict == .forbidden)
    p.deniedLicences = []
    p.allowedLicences = ["MIT"]
    #expect(try checker.check("MIT", profile: p).verdict == .allowed)
    #expect(try checker.check("Apache-2.0", profile: p).verdict == .forbidden)
    p.allowedLicences = []
    p.deniedClauses = [.usageCap]
    let denied = try checker.check("Llama-3.1", profile: p)
    #expect(denied.verdict == .forbidden)
    #expect(denied.deciding?.kind == .usageCap)
  }

  @Test("a use policy alone is not a licence: unknown")
  func policyAlone() throws {
    let v = try check(fixture("policy.txt"), users(1_000))
    #expect(v.verdict == .unknown)
    #expect(v.reason.contains("not a licence"))
  }

  @Test("profiles are validated against their vocabularies")
  func validation() {
    #expect(throws: ProfileError.self) { try UsageProfile(fields: ["cooking"]).validate() }
    #expect(throws: ProfileError.self) { try UsageProfile(territories: ["XX"]).validate() }
    #expect(throws: ProfileError.self) { try UsageProfile(date: "01/12/2026").validate() }
    #expect(throws: Never.self) { try UsageProfile(territories: ["EU", "de", "UK", "EEA"]).validate() }
    do {
      try UsageProfile(fields: ["cooking"]).validate()
    } catch {
      #expect(error.message.contains("medical-advice"))
    }
  }

  @Test("a profile or clauses built by hand with extreme values give a verdict, never a trap")
  func extremes() throws {
    var p = UsageProfile(
      organisation: Organisation(
        monthlyActiveUsers: 1e300, dailyActiveUsers: .nan, users: -1,
        annualRevenue: Money(amount: .infinity, currency: "usd")),
      territories: ["ZZ"], activities: UsageActivity.allCases, fields: ["not-a-field"], date: "9999-99-99",
      acceptedOn: "x")
    p.exchangeRates = [ExchangeRate(from: "USD", to: "EUR", rate: 0)]
    var clause = ClauseParameters()
    clause.metric = .monthlyActiveUsers
    clause.threshold = 1e308
    clause.days = 1e300
    clause.limitType = "trial"
    let analysis = LicenseAnalysis(
      source: SourceInfo(path: "x", format: .text, bytes: 1, sha256: "x"),
      clauses: [
        Clause(kind: .usageCap, span: ClauseSpan(start: -5, end: 99_999, line: 1), evidence: "", parameters: clause),
        Clause(kind: .timeLimit, span: ClauseSpan(start: 3, end: 1, line: 1), evidence: "", parameters: clause),
      ])
    let v = analysis.check(p, options: ProfileCheckOptions(text: "short"))
    #expect(v.verdict != .allowed)
    for id in ["Llama-3.1", "Stability-AI-Community-2024", "Tencent-Hunyuan-Community", "MIT OR Llama-2"] {
      _ = try ProfileExpressionChecker().check(id, profile: p)
    }
  }

  @Test("verdicts round-trip through JSON with their schema version")
  func json() throws {
    let v = try ProfileExpressionChecker().check("Llama-3.1", profile: users(800_000_000))
    let data = try JSONEncoder().encode(CheckReport(profile: users(800_000_000), verdicts: [v]))
    let back = try JSONDecoder().decode(CheckReport.self, from: data)
    #expect(back.verdicts == [v])
    #expect(back.schemaVersion == profileVerdictSchemaVersion)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let first = (object?["verdicts"] as? [[String: Any]])?.first
    #expect(first?["verdict"] as? String == "needs-separate-licence")
  }
}
