import Foundation
import LicenseCheck
import Testing

/// `table --catalogue`: rows from the reviewed clause summaries of `licenses/*.json`, no files needed.
struct CatalogueTableTests {
  @Test func rowsFromCatalogueIDs() throws {
    let r = try CLI.run([
      "table", "--catalogue", "--format", "json", "Llama-3.1", "Gemma-ToU-2024-04-01", "Tongyi-Qianwen-2023",
    ])
    #expect(r.status == 0)
    let rows = try #require(try JSONSerialization.jsonObject(with: r.data) as? [[String: Any]])
    #expect(rows.count == 3)
    #expect(rows[0]["licence"] as? String == "Llama 3.1 Community License Agreement")
    #expect(rows[0]["usage-cap"] as? String == "700M MAU")
    #expect(rows[0]["osd"] as? Bool == false)
    let html = try CLI.run(["table", "--catalogue", "--format", "html", "Llama-3.1", "Gemma-ToU-2024-04-01"])
    #expect(HTMLCheck.problem(html.stdout) == nil)
    #expect(!html.stdout.contains("line 0"))
    #expect(!html.stdout.contains("“”"))
  }

  @Test func everyCatalogueEntryMakesARow() {
    for entry in Catalogue.standard.entries {
      let a = LicenseAnalysis(catalogueEntry: entry)
      #expect(a.osd.count == 10, "\(entry.id)")
      #expect(a.identification?.id == entry.id)
      #expect(a.clauses.count == entry.clauses.count)
    }
  }

  @Test func unknownIDsAreErrors() throws {
    let r = try CLI.run(["table", "--catalogue", "llama3"])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("did you mean Llama-3"))
  }
}
