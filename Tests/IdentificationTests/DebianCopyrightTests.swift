import Foundation
import TestSupport
import Testing

@testable import LicenseCheck

/// Debian machine-readable copyright files (DEP-5) read as a format, their short names as SPDX
/// expressions, and licence notices in source-file headers during `scan`.
struct DebianCopyrightTests {
  static let fixture = Corpus.fixture("debian/copyright")

  @Test func theFormatIsDetectedAndItsStanzasRead() throws {
    let document = try DocumentReader.read(path: Self.fixture)
    #expect(document.format == .debianCopyright)
    let copyright = try #require(DebianCopyright.parse(document.text))
    #expect(copyright.stanzas.map(\.kind) == [.header, .files, .files, .files, .license, .license])
    #expect(copyright.stanzas[1].files == ["*"])
    #expect(copyright.stanzas[2].files == ["vendor/hashing/*"])
    #expect(copyright.stanzas[4].license == "GPL-2+")
    #expect(copyright.stanzas[4].textLines == 20...23)
    // The continuation space is dropped and the `.` line is an empty line.
    let text = try #require(copyright.stanzas[4].text)
    #expect(text.hasPrefix("You can share"))
    #expect(text.contains("version.\n\nDebian installs"))
  }

  @Test func plainTextStartingWithAFormatWordIsNotDEP5() {
    #expect(DebianCopyright.parse("Format: this text explains the format of our data files.\n") == nil)
    #expect(DebianCopyright.parse("Files: *\nLicense: MIT\n") == nil)
  }

  @Test(arguments: [
    ("GPL-2+", "GPL-2.0-or-later"), ("GPL-2", "GPL-2.0-only"), ("LGPL-2.1+", "LGPL-2.1-or-later"),
    ("LGPL-2", "LGPL-2.0-only"), ("GPLv3+", "GPL-3.0-or-later"), ("AGPL-3+", "AGPL-3.0-or-later"),
    ("Expat", "MIT"), ("BSD-3-clause", "BSD-3-Clause"), ("BSD-2-clause", "BSD-2-Clause"), ("Apache-2.0", "Apache-2.0"),
    ("CC0-1.0", "CC0-1.0"), ("Zlib", "Zlib"), ("GFDL-NIV-1.3+", "GFDL-1.3-no-invariants-or-later"),
    ("GPL-2.0-or-later", "GPL-2.0-or-later"), ("GPL-1+ or Artistic", "GPL-1.0-or-later OR Artistic-1.0-Perl"),
    ("LGPLv3+_or_GPLv2+", "LGPL-3.0-or-later OR GPL-2.0-or-later"),
    ("GPL-2+ with Autoconf exception", "GPL-2.0-or-later WITH Autoconf-exception-2.0"),
    ("GPL-3+ with Bison exception", "GPL-3.0-or-later WITH Bison-exception-2.2"),
    ("BSL-1.0 and MIT", "BSL-1.0 AND MIT"),
    ("GPL-2+ or BSD-3-clause, and MIT", "(GPL-2.0-or-later OR BSD-3-Clause) AND MIT"),
  ])
  func shortNamesTranslate(_ name: String, _ expected: String) {
    #expect(DebianLicenseName.spdx(name) == expected)
  }

  @Test(arguments: [
    "public-domain", "permissive", "GPL", "tinytool-docs", "GPL-7+", "Expat+", "GPL-2+ with magic exception",
  ])
  func uncertainNamesDoNotTranslate(_ name: String) {
    #expect(DebianLicenseName.spdx(name) == nil)
  }

  @Test func eachLicenceTextIsCheckedAgainstItsDeclaredName() throws {
    let analysis = try Analyzer().analyze(path: Self.fixture)
    let id = try #require(analysis.identification)
    #expect(id.method == "debian-copyright")
    #expect(id.id == "GPL-2.0-or-later")
    #expect(id.expression == "GPL-2.0-or-later AND BSD-3-Clause AND LicenseRef-tinytool-docs")
    // The primary licence is confirmed by its own paragraph's text.
    #expect(id.lowConfidence == nil)
    let segments = try #require(id.segments)
    let gpl = try #require(segments.first { $0.declared == "GPL-2+" })
    #expect(gpl.id == "GPL-2.0-or-later")
    #expect(gpl.matchesDeclared == true)
    let bsd = try #require(segments.first { $0.declared == "BSD-3-clause" })
    #expect(bsd.id == "GPL-3.0-only")
    #expect(bsd.matchesDeclared == false)
    let docs = try #require(segments.first { $0.declared == "tinytool-docs" })
    #expect(docs.method == "declared")
    #expect(docs.matchesDeclared == nil)
    // Not every declared licence is an OSI-approved one the tool knows: no "conformant".
    #expect(analysis.conformance?.status == .undetermined)
    #expect(!analysis.osdConformant)
  }

  @Test func aDeclarationWithNoTextToCheckIsLowConfidence() throws {
    let text = """
      Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

      Files: *
      Copyright: 2020 Somebody
      License: MIT

      """
    let copyright = try #require(DebianCopyright.parse(text))
    let id = try #require(Identifier.standard.identification(of: copyright))
    #expect(id.id == "MIT")
    #expect(id.lowConfidence == true)
    #expect(id.confidence < Identification.lowConfidenceThreshold)
  }

  @Test func hostileStanzasStayBounded() throws {
    // Thousands of paragraphs and a field line with no colon end cleanly.
    var text = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
    for k in 0..<30_000 { text += "Files: f\(k)\nLicense: GPL-2+\n\n" }
    text += "not a field\n \u{0}\n"
    let copyright = try #require(DebianCopyright.parse(text))
    #expect(copyright.stanzas.count <= DebianCopyright.stanzaLimit)
  }

  @Test func scanReportsMismatchesAndHeaderNotices() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lc-dep5-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let debian = root.appendingPathComponent("debian")
    let src = root.appendingPathComponent("src")
    try FileManager.default.createDirectory(at: debian, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.fixture, toPath: debian.appendingPathComponent("copyright").path)
    try
      "/*\n * Copyright 2024 Example\n *\n * This file is distributed under the Apache License, Version 2.0; see LICENSE.\n */\nint x;\n"
      .write(to: src.appendingPathComponent("a.c"), atomically: true, encoding: .utf8)
    try "# Released under the GNU General Public License, version 2 or (at your option) any later version.\nx = 1\n"
      .write(to: src.appendingPathComponent("b.py"), atomically: true, encoding: .utf8)
    try "// Copyright 2024 Example. All of it is ours; see the LICENSE file.\nlet y = 2\n"
      .write(to: src.appendingPathComponent("c.swift"), atomically: true, encoding: .utf8)
    let report = LicenseScanner().scan([root.path])
    let findings = report.findings.filter { $0.code == .debianLicenseMismatch }
    #expect(findings.count == 1)
    #expect(findings.first?.message.contains("BSD-3-clause") == true)
    let folder = try #require(report.folders.first { $0.path.hasSuffix("/src") })
    #expect(folder.headerNotices.map(\.identifier).sorted() == ["Apache-2.0", "GPL-2.0-or-later"])
    #expect(folder.spdxIdentifiers.isEmpty)
  }

  @Test(
    arguments: [
      ("/*\n * Licensed to you under the MIT License.\n */", "MIT"),
      (
        "-- This module is free software under the GNU Lesser General Public License, version 2.1 only.",
        "LGPL-2.1-only"
      ),
      ("// Copyright 2024 Example Corp.\n// All rights reserved.", nil),
      ("#!/bin/sh\n# installs the licence files of the package", nil),
    ] as [(String, String?)])
  func headerNoticesNameTheirLicence(_ head: String, _ expected: String?) {
    #expect(HeaderNotice.identify(Array(head.utf8)[...]) == expected)
  }
}

/// The short names of real Debian copyright files against the labels of `../shared/corpus/wild`.
@Suite(.needsCorpus)
struct DebianLicenseNameCorpusTests {
  @Test func namesTranslateAsTheLabelsSay() throws {
    let url = URL(fileURLWithPath: Corpus.path("wild/debian-labels.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let texts = try #require(json["texts"] as? [String: [String: Any]])
    var total = 0
    var right = 0
    var wrong: [String] = []
    for (_, entry) in texts {
      guard let group = entry["group"] as? String, group == "debian-full" || group == "debian-notice",
        entry["doubtful"] == nil, entry["multi"] as? Bool != true, let label = entry["label"] as? String,
        let names = entry["debianNames"] as? [String]
      else { continue }
      let accepted = Set([label] + (entry["accept"] as? [String] ?? []))
      for name in names {
        // Only names the mapping claims to know: a nil answer is "unknown", never wrong.
        guard let id = DebianLicenseName.spdx(name) else { continue }
        total += 1
        if accepted.contains(id) { right += 1 } else { wrong.append("\(name) → \(id) (label \(label))") }
      }
    }
    #expect(total >= 100)
    // A translated name is the label's id (or one the label accepts) at least 90 % of the time
    // (measured: 320 of 344). The rest are not translation errors: the labels were corrected by
    // hand where the packager's name is not what the text says (`Expat` on an X11 text, `GPL-2`
    // on an "or any later version" notice), which is why each text is identified and compared.
    #expect(Double(right) >= 0.90 * Double(total), "\(right)/\(total); wrong: \(wrong.prefix(20))")
  }
}
