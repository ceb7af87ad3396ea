import Foundation
import Testing

/// `licensecheck table` in every format, `--columns`, and HTML escaping.
struct TableTests {
  static let inputs = ["fixtures/scan/llama-model/LICENSE", "fixtures/scan/mislabelled/LICENSE"]

  @Test func markdownHasAHeaderARuleAndOneLinePerInput() throws {
    let r = try CLI.run(["table"] + Self.inputs)
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == Self.inputs.count + 2)
    #expect(lines[0].hasPrefix("| Licence | OSD conformant | OSD 1 |"))
    #expect(lines[0].contains("| usage-cap |"))
    #expect(r.stdout.contains("700M MAU"))
    #expect(r.stdout.contains("2M MAU"))
    #expect(r.stdout.contains("California"))
  }

  @Test func csvParsesWithOneRecordPerInput() throws {
    let r = try CLI.run(["table", "--format", "csv"] + Self.inputs)
    #expect(r.status == 0)
    #expect(r.stdout.contains("\r\n"), "RFC 4180 line ends")
    let records = CSVParse.records(r.stdout)
    #expect(records.count == Self.inputs.count + 1)
    #expect(Set(records.map(\.count)).count == 1, "every record has the same number of fields")
    #expect(records[0].first == "Licence")
  }

  @Test func jsonIsAnArrayKeyedByColumnIds() throws {
    let r = try CLI.run(["table", "--format", "json"] + Self.inputs)
    let rows = try #require(try JSONSerialization.jsonObject(with: r.data) as? [[String: Any]])
    #expect(rows.count == Self.inputs.count)
    // Two unidentified `LICENSE` files: the rows are told apart by their paths.
    #expect(rows[0]["licence"] as? String == "fixtures/scan/llama-model/LICENSE")
    #expect(rows[1]["licence"] as? String == "fixtures/scan/mislabelled/LICENSE")
    #expect(rows[0]["osd"] as? Bool == false)
    #expect(rows[0]["osd-1"] as? String == "fail")
    #expect(rows[0]["usage-cap"] as? String == "700M MAU")
    #expect(rows[1]["naming"] is NSNull, "a kind one row lacks is null")
  }

  @Test func htmlIsWellFormedWithOneRowPerInput() throws {
    let r = try CLI.run(["table", "--format", "html"] + Self.inputs)
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(HTMLCheck.problem(r.stdout) == nil, "\(HTMLCheck.problem(r.stdout) ?? "")")
    #expect(HTMLCheck.count("tr", in: r.stdout) == Self.inputs.count + 1)
    #expect(r.stdout.contains("class=\"legend\""))
    #expect(r.stdout.contains("title=\"“700 million monthly active users” ("), "evidence tooltip")
    #expect(r.stdout.contains("line 16)\""), "the tooltip says where the evidence is")
  }

  @Test func htmlEscapesNamesAndEvidence() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lc-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("odd <b>&\"name'.txt")
    try
      "You may use this <thing> & \"share\" it, but not with more than 5 million monthly active users; above that you must request a separate licence from us.\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["table", "--format", "html", file.path])
    #expect(r.status == 0)
    #expect(HTMLCheck.problem(r.stdout) == nil, "\(HTMLCheck.problem(r.stdout) ?? "")")
    #expect(r.stdout.contains("odd &lt;b&gt;&amp;&quot;name&#39;.txt"))
    #expect(!r.stdout.contains("<b>"))
  }

  @Test func columnsSelectAndOrder() throws {
    let r = try CLI.run(["table", "--format", "csv", "--columns", "usage-cap,licence,osd-5"] + Self.inputs)
    let records = CSVParse.records(r.stdout)
    #expect(records.first == ["usage-cap", "Licence", "OSD 5"])
    #expect(records.dropFirst().map { $0[0] } == ["700M MAU", "2M MAU"])
    let json = try CLI.run(["table", "--format", "json", "--columns", "licence,osd"] + Self.inputs)
    let rows = try #require(try JSONSerialization.jsonObject(with: json.data) as? [[String: Any]])
    #expect(rows.allSatisfy { Set($0.keys) == ["licence", "osd"] })
  }

  @Test func unknownColumnIsBadUsage() throws {
    let r = try CLI.run(["table", "--columns", "licence,colour"] + Self.inputs)
    #expect(r.status == 2)
    #expect(r.stderr.contains("colour"))
  }

  @Test(.needsCorpus) func corpusTableHasLlamaGemmaApacheRows() throws {
    let paths = corpusPaths(
      "ai/llama3_1.LICENSE.txt", "ai/gemma-terms-2024-04-01.txt", "spdx/test/simpleTestForGenerator/Apache-2.0.txt")
    let r = try CLI.run(["table", "--format", "json"] + paths)
    let rows = try #require(try JSONSerialization.jsonObject(with: r.data) as? [[String: Any]])
    #expect(rows.count == 3)
    #expect(rows[0]["usage-cap"] as? String == "700M MAU")
    #expect(rows[0]["governing-law"] as? String == "California")
    #expect(rows[2]["osd"] as? Bool == true)
    let html = try CLI.run(["table", "--format", "html"] + paths)
    #expect(HTMLCheck.problem(html.stdout) == nil)
    #expect(HTMLCheck.count("tr", in: html.stdout) == 4)
  }
}
