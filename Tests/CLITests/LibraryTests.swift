import Foundation
import Testing

@testable import LicenseCheck

/// The library pieces behind the CLI, tested directly.
struct LibraryTests {
  @Test(arguments: [
    (700_000_000.0, "700M"), (1_000_000, "1M"), (1_500_000, "1.5M"), (2_000, "2K"), (42, "42"), (3e9, "3B"),
  ])
  func compactNumbers(value: Double, expected: String) {
    #expect(ClauseSummary.compactNumber(value) == expected)
  }

  @Test func capTexts() {
    var p = ClauseParameters()
    p.metric = .annualRevenue
    p.threshold = 1_000_000
    p.currency = "USD"
    #expect(ClauseSummary.capText(p) == "$1M revenue")
    #expect(ClauseSummary.capPhrase(p) == "$1 million in annual revenue")
    p.metric = .monthlyActiveUsers
    p.threshold = 700_000_000
    #expect(ClauseSummary.capText(p) == "700M MAU")
  }

  @Test(arguments: [
    ("LICENSE", FileRole.licence), ("LICENSE.md", .licence), ("licence.txt", .licence), ("COPYING.LESSER", .licence),
    ("llama3.LICENSE.txt", .licence), ("LICENSE-MIT", .licence), ("NOTICE", .notice), ("USE_POLICY.md", .policy),
    ("llama3_1.USE_POLICY.md", .policy), ("gemma-ACCEPTABLE_USE.txt", .policy), ("README.md", .modelCard),
    ("LICENSE.json", .licence),
  ])
  func fileRoles(name: String, role: FileRole) {
    #expect(FileRole.forName(name) == role)
  }

  @Test(arguments: [
    "license_check.py", "main.swift", "LICENSES.swift", "data.bin", "READ.md", ".licenseignore",
    "copying.cpython-312.pyc", "LICENSE.gz", "Llama-3-License.json", "Mistral-AI-Non-Production-License-0.1.json",
    "licenses.yaml", "third-party-licenses.csv",
  ])
  func namesThatAreNotLicences(name: String) {
    #expect(FileRole.forName(name) == nil)
  }

  @Test func stemsPairLicencesWithPolicies() {
    #expect(FileRole.stem("llama3.LICENSE.txt") == "llama3")
    #expect(FileRole.stem("llama3.USE_POLICY.md") == "llama3")
    #expect(FileRole.stem("LICENSE") == "")
  }

  @Test func spdxTagsAreTrimmedOfCommentClosers() {
    let head = Array(
      "/* SPDX-License-Identifier: MIT OR Apache-2.0 */\n# SPDX-License-Identifier:  BSD-3-Clause\r\n".utf8)
    #expect(SPDXTagSniffer.identifiers(in: head[...]) == ["MIT OR Apache-2.0", "BSD-3-Clause"])
  }

  @Test func csvQuotesCommasQuotesAndLineBreaks() throws {
    let source = SourceInfo(path: "a,\"b\"\nc.txt", format: .text, bytes: 1, sha256: "")
    let table = try ComparisonTable([LicenseAnalysis(source: source)], columns: ["licence", "osd"])
    #expect(table.csv() == "Licence,OSD conformant\r\n\"a,\"\"b\"\"\nc.txt\",no\r\n")
  }

  @Test func markdownEscapesPipes() throws {
    let source = SourceInfo(path: "a|b", format: .text, bytes: 1, sha256: "")
    let table = try ComparisonTable([LicenseAnalysis(source: source)], columns: ["licence"])
    #expect(table.markdown() == "| Licence |\n|---|\n| a\\|b |\n")
  }

  @Test func unknownColumnThrows() {
    #expect(throws: ReportError.self) { try ComparisonTable([], columns: ["nope"]) }
  }

  @Test func declarationNormalisesIds() {
    #expect(DeclaredFamily.normalise("Llama-3.1") == "llama31")
    let declared = DeclaredLicense(card: "README.md", license: "other", licenseName: "gemma", licenseLink: nil)
    #expect(DeclaredFamily.find(declared)?.phrases == ["gemma"])
    let unknown = DeclaredLicense(card: "README.md", license: "other", licenseName: nil, licenseLink: nil)
    #expect(DeclaredFamily.find(unknown) == nil)
  }

  @Test func colourOnlyWhenAsked() throws {
    let source = SourceInfo(path: "x", format: .text, bytes: 1, sha256: "")
    let analysis = LicenseAnalysis(source: source).judgedAgainstOSD()
    #expect(!TextReport.render(analysis).contains("\u{1B}["))
    #expect(TextReport.render(analysis, style: .coloured).contains("\u{1B}["))
  }

  @Test(arguments: [
    ("llama3.1", "Llama-3.1", "llama", "3.1", DeclarationCheck.Verdict.matches),
    ("llama3", "Llama-3.1", "llama", "3.1", .mismatch),
    ("apache-2.0", "Llama-3.1", "llama", "3.1", .mismatch),
    ("gemma", "Gemma-ToU-2024-04-01", "gemma", "2024-04-01", .matches),
    ("apache-2.0", "Apache-2.0", "apache", "2.0", .matches),
  ])
  func declarationAgainstIdentification(
    declared: String, id: String, family: String, version: String, verdict: DeclarationCheck.Verdict
  ) throws {
    let document = try DocumentReader.read(
      bytes: Array("A licence text written for this test.\n".utf8), path: "LICENSE")
    var analysis = Analyzer().analyze(document)
    analysis.identification = Identification(
      id: id, name: id, family: family, version: version, confidence: 1, method: "exact", candidates: [])
    let card = DeclaredLicense(card: "README.md", license: declared, licenseName: nil, licenseLink: nil)
    #expect(DeclarationCheck.check(card, licences: [(document, analysis)]).verdict == verdict)
  }

  @Test func declarationWithoutIdentificationLooksAtTheText() throws {
    let text =
      "The Example Model licence. Services with more than 5 million monthly active users must request a separate licence from us.\n"
    let document = try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE")
    let analysis = Analyzer().analyze(document)
    let apache = DeclaredLicense(card: "README.md", license: "apache-2.0", licenseName: nil, licenseLink: nil)
    let result = DeclarationCheck.check(apache, licences: [(document, analysis)])
    #expect(result.verdict == .mismatch)
    let other = DeclaredLicense(card: "README.md", license: "other", licenseName: nil, licenseLink: nil)
    #expect(DeclarationCheck.check(other, licences: [(document, analysis)]).verdict == .unverifiable)
  }
}
