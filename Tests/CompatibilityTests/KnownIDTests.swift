import Foundation
import LicenseCheck
import Testing

/// Every id `identify` and `scan` can print works in `compat` with a clause model; unknown ids are errors with
/// suggestions.
struct KnownIDTests {
  static let checker = CompatibilityChecker()

  /// Catalogue ids (AI licences and use policies): known, with a clause model, never "No clause model".
  @Test func everyCatalogueIDHasAClauseModel() throws {
    for entry in Catalogue.standard.entries {
      #expect(Self.checker.isKnown(entry.id), "\(entry.id)")
      let r = Self.checker.check(inbound: entry.id, outbound: "MIT")
      #expect(!r.reasons.contains { $0.contains("No clause model") }, "\(entry.id): \(r.reasons)")
      #expect(r.verdict != .unknown, "\(entry.id)")
    }
  }

  @Test(arguments: ["Gemma-ToU-2024-04-01", "Tongyi-Qianwen-2023", "Stability-AI-Community-2024", "Llama-1"])
  func idsTheIssueNamedUseTheReviewedRecords(_ id: String) {
    let r = Self.checker.check(inbound: id, outbound: "MIT")
    #expect(r.verdict == .incompatible)
    #expect(r.basis == .derived)
    #expect(r.reasons.first?.hasPrefix(id) == true, "the reasons name the id as given: \(r.reasons)")
  }

  /// Every licence id of the embedded index (what `identify` prints for SPDX texts) is known.
  @Test func everyIndexedSPDXLicenceIsKnown() {
    var unknown: [String] = []
    for l in FingerprintIndex.standard.licenses where !l.flags.contains(.exception) {
      // Deprecated ids (`GPL-2.0+`) are known through their replacement.
      if (try? Self.checker.resolve(l.id)) == nil { unknown.append(l.id) }
    }
    #expect(unknown.isEmpty, "\(unknown.prefix(20))")
  }

  @Test(arguments: [
    ("llama3.1", "Llama-3.1"), ("Gemma-ToU", "Gemma-ToU-2024-04-01"), ("Apache2.0", "Apache-2.0"),
    ("LicenseRef-scancode-tongyi-qianwen-2023", "Tongyi-Qianwen-2023"), ("Apache-2", "Apache-2.0"),
  ])
  func unknownIDsAreErrorsWithSuggestions(_ given: String, _ suggested: String) {
    #expect(throws: LicenseInputError.self) { try Self.checker.resolve(given) }
    do {
      _ = try Self.checker.resolve(given)
    } catch {
      #expect(error.suggestions.contains(suggested), "\(given): \(error.suggestions)")
      #expect(error.description.contains("did you mean"))
    }
  }

  @Test func foldedCaseStillResolves() throws {
    #expect(Self.checker.check(inbound: "gemma-tou-2024-04-01", outbound: "mit").verdict == .incompatible)
  }
}
