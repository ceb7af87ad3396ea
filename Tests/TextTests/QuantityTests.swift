import LicenseCheck
import Testing

struct QuantityTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let value: Double
    let currency: String?
    /// The expected quantity expression as written.
    let phrase: String
    var testDescription: String { text }
  }

  @Test(arguments: [
    Case(text: "more than 700 million monthly active users", value: 7e8, currency: nil, phrase: "700 million"),
    Case(text: "over seven hundred million people", value: 7e8, currency: nil, phrase: "seven hundred million"),
    Case(text: "above one hundred million accounts", value: 1e8, currency: nil, phrase: "one hundred million"),
    Case(text: "at least 100,000,000 users", value: 1e8, currency: nil, phrase: "100,000,000"),
    Case(text: "revenue of USD $1,000,000 per year", value: 1e6, currency: "USD", phrase: "USD $1,000,000"),
    Case(text: "revenue of $1,000,000 USD per year", value: 1e6, currency: "USD", phrase: "$1,000,000 USD"),
    Case(text: "earning US$10 million or more", value: 1e7, currency: "USD", phrase: "US$10 million"),
    Case(text: "sales of 20 million US dollars", value: 2e7, currency: "USD", phrase: "20 million US dollars"),
    Case(text: "sales of 20 million U.S. dollars", value: 2e7, currency: "USD", phrase: "20 million U.S. dollars"),
    Case(text: "a cap of 1M requests", value: 1e6, currency: nil, phrase: "1M"),
    Case(text: "models above 10B parameters", value: 1e10, currency: nil, phrase: "10B"),
    Case(text: "reach 1 billion devices", value: 1e9, currency: nil, phrase: "1 billion"),
    Case(text: "about 2.5 million seats", value: 2.5e6, currency: nil, phrase: "2.5 million"),
    Case(text: "income of €5 million", value: 5e6, currency: "EUR", phrase: "€5 million"),
    Case(text: "income of £3 million", value: 3e6, currency: "GBP", phrase: "£3 million"),
    Case(text: "turnover above RMB 100 million", value: 1e8, currency: "CNY", phrase: "RMB 100 million"),
    Case(text: "turnover above 100 million yuan", value: 1e8, currency: "CNY", phrase: "100 million yuan"),
    Case(text: "within five (5) business days", value: 5, currency: nil, phrase: "five (5)"),
    Case(text: "within thirty (30) days of notice", value: 30, currency: nil, phrase: "thirty (30)"),
    Case(text: "for twenty-five years", value: 25, currency: nil, phrase: "twenty-five"),
    Case(text: "no more than 500 employees", value: 500, currency: nil, phrase: "500"),
    Case(text: "over 2024 users signed up", value: 2024, currency: nil, phrase: "2024"),
  ])
  func finds(_ c: Case) throws {
    let t = TokenizedText(c.text)
    let qs = Quantities.find(in: t)
    try #require(qs.count == 1, "\(qs.map { t.slice($0.span) })")
    #expect(qs[0].value == c.value)
    #expect(qs[0].currency == c.currency)
    #expect(t.slice(qs[0].span) == c.phrase)
    #expect(qs[0].tokenRange.lowerBound < qs[0].tokenRange.upperBound)
  }

  @Test(arguments: [
    "Licensed under Version 2.0 of the terms",
    "the Llama 3.1 models",
    "as described in Section 1.1 above",
    "see section 3 and Sections 4, 5 and 7",
    "Release Date: July 23, 2024",
    "dated 18 August 2022",
    "Copyright 2024 Example Corp",
    "under the Apache License 2.0",
    "under GPL-3 or CC-BY-4.0",
    "one or more contributors",
    "conditions (1) and (2) apply",
    "Article 4 governs",
  ])
  func ignoresLabelsAndDates(_ s: String) {
    let t = TokenizedText(s)
    let qs = Quantities.find(in: t)
    #expect(qs.isEmpty, "\(qs.map { t.slice($0.span) })")
  }

  @Test func lineStartMarkersAreNotQuantities() {
    let t = TokenizedText("Intro text.\n2. Second item has 300 seats.\n")
    let qs = Quantities.find(in: t)
    #expect(qs.map(\.value) == [300])
  }

  @Test func severalInOrder() {
    let t = TokenizedText("Up to 5 copies, then 10 million users, and $2 billion in revenue.")
    let qs = Quantities.find(in: t)
    #expect(qs.map(\.value) == [5, 1e7, 2e9])
    #expect(qs.map(\.currency) == [nil, nil, "USD"])
  }
}

extension QuantityTests {
  @Test(arguments: [
    "Sections 1, 2, 5, and 8 survive; see also Sections 2 and/or 3.",
    "as defined in 48 C.F.R. 2.101 and 17 U.S.C. 101",
    "write to 51 Example Street, Boston",
    "the postal code 02139 and 75015",
    "granted: 1) for code you remove; 2) for others",
    "this License: 2 (Restrictions), 3 (Attribution)",
    "in accord with subsection 6b.",
    "the Widget 2 License applies",
  ])
  func ignoresReferencesAndAddresses(_ s: String) {
    let t = TokenizedText(s)
    let qs = Quantities.find(in: t)
    #expect(qs.isEmpty, "\(qs.map { t.slice($0.span) })")
  }
}
