import Foundation
import Testing

/// `licensecheck compat` as a user meets it: the ids the tool prints, unknown ids, the matrix page.
struct CompatCLITests {
  static let example = "fixtures/examples/heron-model/LICENSE"

  @Test(arguments: ["Gemma-ToU-2024-04-01", "Tongyi-Qianwen-2023", "Stability-AI-Community-2024", "Llama-3.3"])
  func catalogueIDsWork(_ id: String) throws {
    let r = try CLI.run(["compat", "--format", "json", id, "MIT"])
    #expect(r.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: r.data) as? [[String: Any]])
    #expect(object.first?["verdict"] as? String == "incompatible")
    #expect(!r.stdout.contains("No clause model"))
  }

  @Test(arguments: [("Foo-1.0", nil), ("llama3.1", "Llama-3.1")] as [(String, String?)])
  func unknownIDsAreUsageErrors(_ id: String, _ suggestion: String?) throws {
    let r = try CLI.run(["compat", id, "MIT"])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("licensecheck: "))
    #expect(r.stderr.contains("unknown licence id"))
    if let suggestion { #expect(r.stderr.contains("did you mean \(suggestion)")) }
    let matrix = try CLI.run(["compat", "--matrix", "MIT", id])
    #expect(matrix.status == 2)
    #expect(matrix.stdout.isEmpty)
  }

  @Test func aFileAgainstItselfIsTheSame() throws {
    let r = try CLI.run(["compat", "--matrix", Self.example, "MIT", "--format", "csv"])
    let rows = CSVParse.records(r.stdout)
    #expect(rows[1][1] == "same")
    #expect(rows[2][2] == "same")
  }

  @Test func matrixHTMLIsAStandalonePage() throws {
    let r = try CLI.run(["compat", "--matrix", "MIT", "GPL-2.0-only", "Llama-3.1", "--format", "html"])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(r.stdout.contains("<style>"))
    #expect(r.stdout.contains("class=\"legend\""))
    #expect(r.stdout.contains("title=\""))
    #expect(HTMLCheck.problem(r.stdout) == nil)
  }
}
