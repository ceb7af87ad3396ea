import Foundation
import Testing

@testable import LicenseCheck

/// `licensecheck openness` and `OpennessAssessor` on the release folders of `fixtures/openness` (written
/// for this project: header-only safetensors files, our own cards, licence and policy texts, catalogue ids in
/// front matter) and on scratch folders.
struct OpennessTests {
  static func fixture(_ name: String) -> String { Corpus.fixture("openness/" + name) }

  static func assess(_ name: String) throws -> OpennessReport { try OpennessAssessor().assess(fixture(name)) }

  /// A scratch folder, removed by the caller.
  static func scratch(_ files: [String: [UInt8]]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("openness-\(UUID().uuidString)").path
    for (path, bytes) in files {
      let url = URL(fileURLWithPath: root + "/" + path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    return root
  }

  /// A safetensors file with a header and no tensors.
  static let emptySafetensors: [UInt8] = {
    let header = Array(#"{"__metadata__":{"format":"pt"}}"#.utf8)
    var length = UInt64(header.count)
    return withUnsafeBytes(of: &length) { Array($0) } + header
  }()

  struct Case: Sendable, CustomTestStringConvertible {
    let folder: String
    let osaid: OSAIDVerdict.Status
    let mof: MOFClass?
    let answer: String
    var testDescription: String { folder }
  }

  @Test(arguments: [
    Case(folder: "apache-weights-only", osaid: .notConformant, mof: nil, answer: "open weights, not open source: "),
    Case(folder: "open-science", osaid: .conformant, mof: .classI, answer: "open source AI (OSAID 1.0 conformant)"),
    Case(
      folder: "llama-style", osaid: .notConformant, mof: nil,
      answer: "weights available under restrictions, neither open weights nor open source"),
    Case(
      folder: "mislabelled-card", osaid: .notConformant, mof: nil,
      answer: "weights available under restrictions (the card says apache-2.0"),
    Case(
      folder: "referenced-datasets", osaid: .notConformant, mof: nil,
      answer: "open weights, not open source: training data information absent (datasets are only named)"),
    Case(
      folder: "unknown-licence", osaid: .insufficientInformation, mof: nil,
      answer: "weights available, licence not established"),
  ])
  func fixtureVerdicts(_ c: Case) throws {
    let report = try Self.assess(c.folder)
    #expect(report.osaid.status == c.osaid)
    #expect(report.mof.reached == c.mof)
    #expect(report.answer.hasPrefix(c.answer), "\(report.answer)")
    #expect(report.component(.parameters).status == .present)
    #expect(report.component(.modelCard).status == .present)
  }

  @Test func apacheWeightsOnlyIsOpenWeightsWithNothingElse() throws {
    let report = try Self.assess("apache-weights-only")
    let weights = report.component(.parameters)
    #expect(weights.evidence.first?.path == "model.safetensors")
    #expect(weights.evidence.first?.detail == "safetensors header, 0 tensors")
    #expect(weights.licence?.openness == .openSource)
    #expect(weights.licence?.licence == "Apache-2.0")
    #expect(weights.licence?.source == "README.md front matter license: apache-2.0")
    for kind in [ReleaseComponentKind.trainingCode, .inferenceCode, .datasets, .trainingDataInformation] {
      #expect(report.component(kind).status == .absent, "\(kind)")
    }
    let failing = report.osaid.reasons.filter { $0.weight == .fails }.map(\.message)
    #expect(failing.contains("no training code"))
    #expect(failing.contains("training data information absent"))
    // Class III partly there: parameters and the model card count.
    #expect(report.mof.next == .classIII)
    #expect(report.mof.progress == MOFVerdict.Progress(met: 2, required: 6))
    #expect(report.mof.missing.map(\.component).contains(.modelArchitecture))
  }

  @Test func openScienceReachesClassIWithEveryLicenceFromItsOwnSource() throws {
    let report = try Self.assess("open-science")
    #expect(report.mof.unverified == [.technicalReport, .researchPaper])
    #expect(report.mof.next == nil && report.mof.missing.isEmpty)
    for requirement in MOFTable.requirements where !requirement.optional {
      let component = report.component(requirement.component)
      if requirement.component.isPublication {
        #expect(component.status == .referenced, "a paper link is referenced, never present")
      } else {
        #expect(component.status == .present, "\(requirement.component)")
      }
    }
    let code = report.component(.trainingCode).licence
    #expect(code?.licence == "MIT" && code?.openness == .openSource)
    #expect(code?.source.hasPrefix("SPDX tags in code") == true)
    let data = report.component(.datasets).licence
    #expect(data?.licence == "CC-BY-4.0" && data?.openness == .openData)
    #expect(data?.source == "data/README.md front matter license: cc-by-4.0")
    #expect(report.component(.intermediateParameters).evidence.first?.path == "checkpoints/step-1000/model.safetensors")
    let section = report.component(.trainingDataInformation).evidence.first
    #expect(section?.kind == .cardSection && section?.line == 12 && section?.detail == "## Training data")
    #expect(report.osaid.reasons.allSatisfy { $0.weight == .holds })
    #expect(report.findings.isEmpty, "MIT code beside Apache-2.0 weights is no mismatch")
  }

  @Test func restrictedLicenceFailsHoweverCompleteTheReleaseIs() throws {
    let report = try Self.assess("llama-style")
    let licence = try #require(report.component(.parameters).licence)
    #expect(licence.openness == .restricted)
    #expect(licence.failing.contains("osd-5") && licence.failing.contains("osd-6"))
    #expect(licence.clauses.map(\.kind).contains(.fieldOfUse))
    #expect(licence.source == "LICENSE + USE_POLICY.md")
    #expect(report.component(.trainingCode).status == .present)
    #expect(report.component(.trainingDataInformation).status == .present)
    let parameters = try #require(report.osaid.reasons.first)
    #expect(parameters.element == .parameters && parameters.weight == .fails)
    #expect(parameters.message.contains("which fails osd-1, osd-5, osd-6, osd-7"))
    #expect(report.mof.missing.contains { $0.component == .parameters && $0.reason.contains("osd-6") })
  }

  @Test func cardThatClaimsApacheOverARestrictedLicenceIsReportedAndTheTextWins() throws {
    let report = try Self.assess("mislabelled-card")
    #expect(report.declared?.license == "apache-2.0")
    #expect(report.declaration?.verdict == .mismatch)
    #expect(report.findings.map(\.code) == [.declaredLicenseMismatch])
    let licence = try #require(report.component(.parameters).licence)
    #expect(licence.openness == .restricted, "the stricter text wins over the card")
    #expect(licence.licence == "LICENSE")
  }

  @Test func datasetsNamedOnlyInTheCardAreReferencedNeverPresent() throws {
    let report = try Self.assess("referenced-datasets")
    let datasets = report.component(.datasets)
    #expect(datasets.status == .referenced)
    #expect(Set(datasets.evidence.map(\.kind)) == [.frontMatter, .link])
    #expect(datasets.evidence.allSatisfy { !$0.inFolder })
    #expect(datasets.licence?.openness == .unknown)
    let front = try #require(datasets.evidence.first { $0.kind == .frontMatter })
    #expect(front.line == 3)
    #expect(front.detail == "datasets: example-org/web-crawl-2025, example-org/permissive-code")
  }

  @Test func mofTableHoldsTheFrameworksFacts() {
    #expect(MOFTable.requirements.count == 17)
    #expect(Set(MOFTable.requirements.map(\.component)).count == 17)
    #expect(MOFTable.required(for: .classIII).count == 6)
    #expect(MOFTable.required(for: .classII).count == 10)
    #expect(MOFTable.required(for: .classI).count == 14)
    #expect(MOFTable.requirement(.trainingCode)?.contentType == .code)
    #expect(
      MOFTable.requirements.filter(\.optional).map(\.component) == [
        .sampleOutputs, .supportingLibraries, .modelMetadata,
      ])
    #expect(MOFContentType.code.accepts(.openSource) && !MOFContentType.code.accepts(.openData))
    #expect(MOFContentType.parameters.accepts(.openData))
  }

  @Test func fileNamesNameTheirComponents() throws {
    let root = try Self.scratch([
      "README.md": Array("---\nlicense: mit\n---\n# Card\n".utf8),
      "pytorch_model.bin": [0, 1, 2],
      "training_args.bin": [0, 1],
      "tokenizer.model": [0],
      "checkpoint-500/pytorch_model.bin": [0],
      "scripts/finetune_lora.py": Array("print(1)\n".utf8),
      "scripts/eval_harness.sh": Array("echo\n".utf8),
      "src/modeling_toy.py": Array("x = 1\n".utf8),
      "tests/test_tokenizer.py": Array("x = 1\n".utf8),
      "data/test.jsonl": Array("{}\n".utf8),
      "benchmarks/results.json": Array("{}\n".utf8),
      "notes/technical_report.pdf": [0x25, 0x50],
      "broken.safetensors": [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x7B],
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let report = try OpennessAssessor().assess(root)
    func paths(_ kind: ReleaseComponentKind) -> [String] { report.component(kind).evidence.map(\.path) }
    #expect(paths(.parameters).sorted() == ["broken.safetensors", "pytorch_model.bin"])
    #expect(report.component(.parameters).evidence.contains { $0.detail == "not a valid safetensors file" })
    #expect(paths(.modelMetadata) == ["training_args.bin"])
    #expect(paths(.tokenizer) == ["tokenizer.model"])
    #expect(paths(.intermediateParameters) == ["checkpoint-500/pytorch_model.bin"])
    #expect(paths(.trainingCode) == ["scripts/finetune_lora.py"])
    #expect(paths(.evaluationCode) == ["scripts/eval_harness.sh"], "unit tests are no evaluation code")
    #expect(paths(.datasets) == ["data/test.jsonl"])
    #expect(paths(.modelArchitecture) == ["src/modeling_toy.py"])
    #expect(paths(.evaluationResults) == ["benchmarks/results.json"])
    #expect(paths(.technicalReport) == ["notes/technical_report.pdf"])
    #expect(report.component(.parameters).licence?.licence == "MIT")
  }

  @Test func aLinkOutOfTheFolderIsNotFollowed() throws {
    let outside = try Self.scratch(["model.safetensors": Self.emptySafetensors])
    let root = try Self.scratch(["README.md": Array("# Card\n".utf8)])
    defer {
      try? FileManager.default.removeItem(atPath: root)
      try? FileManager.default.removeItem(atPath: outside)
    }
    try FileManager.default.createSymbolicLink(atPath: root + "/elsewhere", withDestinationPath: outside)
    let report = try OpennessAssessor().assess(root)
    #expect(report.component(.parameters).status == .absent)
    #expect(report.osaid.status == .notConformant)
  }

  @Test func notAFolderIsATypedError() {
    #expect(throws: OpennessError.self) { try OpennessAssessor().assess("/nonexistent/release") }
    #expect(throws: OpennessError.self) { try OpennessAssessor().assess(Self.fixture("open-science/README.md")) }
  }

  @Test func reportsRoundTripAndRenderEveryFormat() throws {
    let report = try Self.assess("llama-style")
    let data = try JSONEncoder().encode(report)
    #expect(try JSONDecoder().decode(OpennessReport.self, from: data) == report)
    #expect(report.text().contains("OSAID 1.0  not conformant"))
    #expect(report.markdown().contains("| model-parameters | present | LICENSE restricted |"))
    let html = report.html()
    #expect(HTMLCheck.problem(html) == nil)
    #expect(html.contains("USE_POLICY.md"))
    let table = OpennessTable([report, try Self.assess("open-science")])
    #expect(HTMLCheck.problem(table.html()) == nil)
    #expect(table.markdown().split(separator: "\n").count == 4)
    #expect(table.csv().hasPrefix("release,weights,parameters licence,"))
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(table.json().utf8)) as? [[String: String]])
    #expect(rows.map { $0["osaid"] } == ["not conformant", "conformant"])
  }

  // MARK: CLI

  @Test func cliPrintsEveryFormatAndFailsOnRequest() throws {
    let json = try CLI.run(["openness", "--format", "json", "fixtures/openness/open-science"])
    #expect(json.status == 0 && json.stderr.isEmpty)
    let object = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
    #expect((object["osaid"] as? [String: Any])?["status"] as? String == "conformant")
    #expect((object["mof"] as? [String: Any])?["reached"] as? String == "I")
    for format in ["text", "markdown", "html"] {
      let r = try CLI.run(["openness", "--format", format, "fixtures/openness/referenced-datasets"])
      #expect(r.status == 0 && r.stdout.contains("datasets are only named"), "\(format)")
    }
    let failing = ["openness", "--fail-on", "not-open-source"]
    #expect(try CLI.run(failing + ["fixtures/openness/apache-weights-only"]).status == 1)
    #expect(try CLI.run(failing + ["fixtures/openness/open-science"]).status == 0)
  }

  @Test func cliRefusesWhatIsNotAReleaseFolder() throws {
    let r = try CLI.run(["openness", "fixtures/openness/missing"])
    #expect(r.status == 2 && r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("licensecheck: error: fixtures/openness/missing: no such folder"))
  }

  @Test func tableComparesReleasesSideBySide() throws {
    let r = try CLI.run([
      "table", "--openness", "fixtures/openness/apache-weights-only", "fixtures/openness/open-science",
      "fixtures/openness/llama-style",
    ])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[0].hasPrefix("| release | weights | parameters licence |"))
    #expect(lines[3].contains("| conformant | Class I (open science) |"))
    let mixed = try CLI.run(["table", "--openness", "fixtures/openness/open-science", "fixtures/openness/missing"])
    #expect(mixed.status == 2 && mixed.stdout.split(separator: "\n").count == 3)
    let columns = try CLI.run(["table", "--openness", "--columns", "osd", "fixtures/openness/open-science"])
    #expect(columns.status == 2 && columns.stderr.contains("--columns does not apply to --openness"))
  }

  @Test(arguments: [
    ["openness", "fixtures/openness/apache-weights-only"], ["openness", "fixtures/openness/open-science"],
    [
      "table", "--openness", "fixtures/openness/apache-weights-only", "fixtures/openness/open-science",
      "fixtures/openness/llama-style", "fixtures/openness/referenced-datasets",
    ],
  ])
  func readmeShowsTheRealOutput(_ arguments: [String]) throws {
    let readme = try String(
      contentsOfFile: Corpus.packageRoot.appendingPathComponent("README.md").path, encoding: .utf8)
    let command = "$ licensecheck " + arguments.joined(separator: " ") + "\n"
    let start = try #require(readme.range(of: command), "README has no block for \(command)")
    let end = try #require(readme[start.upperBound...].range(of: "```"))
    let shown = String(readme[start.upperBound..<end.lowerBound])
    let r = try CLI.run(arguments)
    #expect(r.status == 0)
    #expect(shown == r.stdout, "update README.md with the real output of \(command)")
  }

  // MARK: Corpus

  /// A release folder holding a real AI licence from the shared corpus, fake weights and a card.
  static func corpusRelease(licence: String, policy: String?, card: String) throws -> String {
    var files: [String: [UInt8]] = [
      "model.safetensors": emptySafetensors, "README.md": Array(card.utf8),
      "LICENSE": Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.path(licence)))),
    ]
    if let policy { files["USE_POLICY.md"] = Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.path(policy)))) }
    return try scratch(files)
  }

  @Test(.needsCorpus) func llamaLicenceInAReleaseIsNotOpen() throws {
    let root = try Self.corpusRelease(
      licence: "ai/llama3_1.LICENSE.txt", policy: "ai/llama3_1.USE_POLICY.md",
      card: "---\nlicense: llama3.1\n---\n# A Llama fine-tune\n\n## Training data\n\nPublic web text.\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let report = try OpennessAssessor().assess(root)
    let licence = try #require(report.component(.parameters).licence)
    #expect(licence.openness == .restricted)
    #expect(licence.licence == "Llama-3.1")
    #expect(licence.failing.contains("osd-6"))
    #expect(report.osaid.status == .notConformant)
    #expect(report.answer.hasPrefix("weights available under restrictions"))
  }

  @Test(.needsCorpus) func gemmaTermsWithAnApacheCardAreStricterThanTheCard() throws {
    let root = try Self.corpusRelease(
      licence: "ai/gemma-terms-2024-04-01.txt", policy: "ai/gemma-prohibited-use-policy-2024-02-21.txt",
      card: "---\nlicense: apache-2.0\n---\n# A Gemma re-upload\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let report = try OpennessAssessor().assess(root)
    #expect(report.declaration?.verdict == .mismatch)
    #expect(report.component(.parameters).licence?.openness == .restricted)
    #expect(report.osaid.status == .notConformant)
  }
}
