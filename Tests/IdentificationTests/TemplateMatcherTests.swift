import Foundation
import Testing

@testable import LicenseCheck

/// The SPDX template matcher on hand-built templates (our own wording) and on the corpus.
struct TemplateMatcherTests {
  static let sample: [TemplateNode] = [
    .title([.text("The Sample Licence")]),
    .copyright([.text("Copyright (c) <year> <owner>")]),
    .paragraphBreak,
    .text("Anyone may use this sample for"),
    .alt(name: "purpose", match: "any purpose|any lawful purpose", original: "any purpose"),
    .text("provided that"),
    .bullet("1."),
    .text("the notice stays with"),
    .alt(name: "holder", match: ".+", original: "the owner"),
    .text("; and"),
    .bullet("2."),
    .text("changes are marked"),
    .optional([.text("clearly")]),
    .text(". It comes with no warranty."),
    .optional([.text("End of the sample licence.")]),
  ]

  @Test(arguments: [
    "The Sample Licence\n\nCopyright (c) 2024 Jane Doe\n\nAnyone may use this sample for any purpose provided that\n1. the notice stays with the owner; and\n2. changes are marked clearly. It comes with no warranty.",
    "ANYONE MAY USE THIS SAMPLE FOR ANY LAWFUL PURPOSE provided that (a) the notice stays with ACME Widgets Ltd; and (b) changes are marked. It comes with no warranty. End of the sample licence.",
    "Copyright 1999 Somebody Else. All rights reserved.\nAnyone may use this sample for any purpose provided that the notice stays with the owner; and changes are marked. It comes with no warranty.",
  ])
  func matchingVariants(_ text: String) {
    #expect(SPDXTemplateMatcher(template: Self.sample).matches(TokenizedText(text)))
  }

  @Test(arguments: [
    // A changed word, extra substantive text, a missing clause, another purpose.
    "Anyone may use this sample for any purpose provided that the notice stays with the owner; and changes are marked. It comes with a warranty.",
    "Anyone may use this sample for any purpose provided that the notice stays with the owner; and changes are marked. It comes with no warranty. You must also sing.",
    "Anyone may use this sample for any purpose provided that changes are marked. It comes with no warranty.",
    "Anyone may use this sample for commercial purposes provided that the notice stays with the owner; and changes are marked. It comes with no warranty.",
  ])
  func nonMatchingVariants(_ text: String) {
    #expect(!SPDXTemplateMatcher(template: Self.sample).matches(TokenizedText(text)))
  }

  @Test func regexDialect() throws {
    let scalars: (String) -> [UInt32] = { s in s.unicodeScalars.map { TemplateRegex.fold($0.value) } }
    let years = try #require(TemplateRegex("([0-9]{4},\\s)*[0-9]{4}"))
    #expect(years.ends(in: scalars("1999, 2000, 2001 x"), from: 0).max() == 16)
    let dash = try #require(TemplateRegex("-{1,2}"))
    #expect(dash.ends(in: scalars("\u{2014}- x"), from: 0) == [1, 2])
    let cls = try #require(TemplateRegex("[^.]+\\."))
    #expect(cls.ends(in: scalars("abc. def."), from: 0) == [4])
    let opt = try #require(TemplateRegex("EXPRESS(ED)?"))
    #expect(opt.ends(in: scalars("expressed"), from: 0) == [7, 9])
    let ci = try #require(TemplateRegex("(?i:copyright.{0,5})\\."))
    #expect(ci.ends(in: scalars("Copyright abc."), from: 0) == [14])
    #expect(TemplateRegex("(unclosed") == nil)
    // A hostile repeat count does not overflow; counts are capped like `+` and `*`.
    let huge = try #require(TemplateRegex("a{99999999999999999999999}"))
    #expect(huge.ends(in: scalars("aaa"), from: 0).isEmpty)
  }

  /// Every SPDX XML template against its own test text (the test set's premise), and a few
  /// near neighbours against each other.
  @Test(.needsCorpus) func corpusTemplatesMatchTheirTexts() throws {
    let xmls = Corpus.files("spdx/src", ext: "xml") + Corpus.files("spdx/src/exceptions", ext: "xml")
    #expect(!xmls.isEmpty)
    var tried = 0
    var matched = 0
    var failures: [String] = []
    var constructs: [String: Int] = [:]
    for x in xmls {
      let id = URL(fileURLWithPath: x).deletingPathExtension().lastPathComponent
      let txt = Corpus.path("spdx/test/simpleTestForGenerator/\(id).txt")
      guard FileManager.default.fileExists(atPath: txt), let template = TemplateXML.template(path: x) else { continue }
      count(template, &constructs)
      tried += 1
      let text = TokenizedText(try DocumentReader.read(path: txt).text)
      if SPDXTemplateMatcher(template: template).matches(text) { matched += 1 } else { failures.append(id) }
    }
    let rate = Double(matched) / Double(max(tried, 1))
    print("SPDX templates matching their own texts: \(matched)/\(tried) = \(rate)")
    print("template constructs: \(constructs.sorted { $0.key < $1.key })")
    print("  not matched: \(failures.joined(separator: " "))")
    #expect(rate >= 0.98)
  }

  @Test(
    .needsCorpus,
    arguments: [
      ("AFL-3.0", "OSL-3.0"), ("Apache-2.0", "Pixar"), ("GPL-2.0-only", "GPL-3.0-only"), ("MIT", "MIT-0"),
    ])
  func neighboursDoNotMatchEachOther(_ a: String, _ b: String) throws {
    for (x, y) in [(a, b), (b, a)] {
      let template = try #require(TemplateXML.template(path: Corpus.path("spdx/src/\(x).xml")))
      let text = TokenizedText(
        try DocumentReader.read(path: Corpus.path("spdx/test/simpleTestForGenerator/\(y).txt")).text)
      #expect(!SPDXTemplateMatcher(template: template).matches(text), "\(y) text against \(x) template")
    }
  }

  func count(_ nodes: [TemplateNode], _ c: inout [String: Int]) {
    for n in nodes {
      switch n {
      case .text: c["text", default: 0] += 1
      case .optional(let i):
        c["optional", default: 0] += 1
        count(i, &c)
      case .title(let i):
        c["title", default: 0] += 1
        count(i, &c)
      case .copyright(let i):
        c["copyright", default: 0] += 1
        count(i, &c)
      case .standardHeader(let i):
        c["standardHeader", default: 0] += 1
        count(i, &c)
      case .alt(_, let m, _):
        c[TemplateRegex(m) == nil ? "alt-unsupported" : "alt", default: 0] += 1
      case .bullet: c["bullet", default: 0] += 1
      case .paragraphBreak: c["break", default: 0] += 1
      }
    }
  }
}

extension TemplateMatcherTests {
  @Test func diagnoseFailures() throws {
    guard ProcessInfo.processInfo.environment["DIAGNOSE"] != nil else { return }
    for id in ProcessInfo.processInfo.environment["DIAGNOSE"]!.split(separator: ",") {
      let template = try #require(TemplateXML.template(path: Corpus.path("spdx/src/\(id).xml")))
      let tt = TokenizedText(
        try DocumentReader.read(path: Corpus.path("spdx/test/simpleTestForGenerator/\(id).txt")).text)
      let mt = MatchText(tt)
      let r = SPDXTemplateMatcher(template: template).run(mt)
      let wordTokens = tt.tokens.filter(\.isWordLike)
      let tok = wordTokens[max(0, min(r.furthest, wordTokens.count - 1))]
      let lo = max(0, Int(tok.start) - 150)
      let hi = min(tt.bytes.count, Int(tok.end) + 80)
      if r.matched { continue }
      let m = SPDXTemplateMatcher(template: template)
      print("program near the furthest point:", m.program[max(0, r.maxPC - 3)...min(m.program.count - 1, r.maxPC + 3)])
      print(
        "== \(id) stuck at word \(r.furthest)/\(mt.words.count): …\(String(decoding: tt.bytes[lo..<Int(tok.start)], as: UTF8.self))⟦\(tt.raw(tok))⟧\(String(decoding: tt.bytes[Int(tok.end)..<hi], as: UTF8.self))…"
      )
    }
  }
}

extension TemplateMatcherTests {
  @Test(.needsCorpus) func identificationIsConfirmedByTemplate() throws {
    let text = TokenizedText(
      try DocumentReader.read(path: Corpus.path("spdx/test/simpleTestForGenerator/AFL-3.0.txt")).text)
    let got = try #require(
      Identifier.standard.identify(text) { id in TemplateXML.template(path: Corpus.path("spdx/src/\(id).xml")) })
    #expect(got.id == "AFL-3.0")
    #expect(got.method == "template")
  }
}
