import Foundation
import LicenseCheck
import Testing

/// Inputs built to attack an XML reader: external entities, entity bombs, deep nesting.
/// Each must be refused or read inertly, quickly, and never read files or the network.
struct HostileInputTests {
  /// A minimal SPDX document around `body` (placed inside `<text>`), with an optional DTD.
  static func spdx(doctype: String = "", body: String, attributes: String = "") -> [UInt8] {
    Array(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      \(doctype)
      <SPDXLicenseCollection xmlns="http://www.spdx.org/license">
        <license licenseId="Test-1.0" name="Test licence" \(attributes)>
          <text><p>\(body)</p></text>
        </license>
      </SPDXLicenseCollection>
      """.utf8)
  }

  static func read(_ bytes: [UInt8]) throws(ReadError) -> Document {
    try DocumentReader.read(bytes: bytes, path: "hostile.xml")
  }

  /// Runs `body` and returns the elapsed seconds.
  static func seconds(_ body: () -> Void) -> Double {
    let d = ContinuousClock().measure(body)
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }

  @Test func externalEntitiesAreNeverRead() throws {
    let secret = "XXE-SECRET-\(UUID().uuidString)"
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("licensecheck-secret-\(UUID().uuidString)")
    try secret.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let doctype = "<!DOCTYPE SPDXLicenseCollection [<!ENTITY e SYSTEM \"file://\(file.path)\">]>"
    let doc = try Self.read(Self.spdx(doctype: doctype, body: "before &e; after"))
    #expect(!doc.text.contains(secret))
    #expect(doc.text.contains("before"))
    #expect(doc.text.contains("after"))
    // The same entity in an attribute is not well-formed XML; it must not leak either.
    do {
      let attr = try Self.read(Self.spdx(doctype: doctype, body: "x", attributes: "listVersionAdded=\"&e;\""))
      #expect(attr.spdx?.listVersionAdded?.contains(secret) != true)
    } catch {
      #expect(!String(describing: error).contains(secret))
    }
  }

  @Test func externalParameterEntitiesAreRefused() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("licensecheck-pe-\(UUID().uuidString)")
    try "<!ENTITY leak \"PE-SECRET\">".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let doctype = "<!DOCTYPE SPDXLicenseCollection [<!ENTITY % p SYSTEM \"file://\(file.path)\"> %p;]>"
    #expect(throws: ReadError.self) { try Self.read(Self.spdx(doctype: doctype, body: "a &leak; b")) }
  }

  @Test func externalDTDIsNotFetched() throws {
    // Port 9 on loopback: if the reader tried the network it would fail or stall; it must not try.
    let doctype = "<!DOCTYPE SPDXLicenseCollection SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
    let doc = try Self.read(Self.spdx(doctype: doctype, body: "plain words"))
    #expect(doc.text.contains("plain words"))
  }

  static let billionLaughs: String = {
    var decl = "<!ENTITY lol0 \"lol\">"
    for level in 1...10 {
      decl += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
    }
    return "<!DOCTYPE SPDXLicenseCollection [\(decl)]>"
  }()

  @Test func billionLaughsIsRefusedQuickly() {
    var reason: ReadError.Reason?
    let elapsed = Self.seconds {
      do {
        _ = try Self.read(Self.spdx(doctype: Self.billionLaughs, body: "&lol10;"))
      } catch {
        reason = (error as? ReadError)?.reason
      }
    }
    #expect(reason == .entityLimit)
    #expect(elapsed < 1)
  }

  @Test func billionLaughsInAnAttributeIsRefusedQuickly() {
    var failed = false
    let elapsed = Self.seconds {
      do {
        _ = try Self.read(Self.spdx(doctype: Self.billionLaughs, body: "x", attributes: "listVersionAdded=\"&lol10;\""))
      } catch {
        failed = true
      }
    }
    #expect(failed)
    #expect(elapsed < 1)
  }

  @Test func quadraticBlowupIsRefused() {
    // One 10 kB entity used 10,000 times: 100 MB of text from 40 kB of input.
    let doctype = "<!DOCTYPE SPDXLicenseCollection [<!ENTITY big \"\(String(repeating: "grow ", count: 2_000))\">]>"
    let body = String(repeating: "&big;", count: 10_000)
    var reason: ReadError.Reason?
    let elapsed = Self.seconds {
      do {
        _ = try Self.read(Self.spdx(doctype: doctype, body: body))
      } catch {
        reason = (error as? ReadError)?.reason
      }
    }
    #expect(reason == .entityLimit)
    #expect(elapsed < 1)
  }

  @Test func entitiesReferringToEntitiesAreRefused() {
    let doctype = "<!DOCTYPE SPDXLicenseCollection [<!ENTITY a \"alpha\"><!ENTITY b \"&a; beta\">]>"
    #expect(throws: ReadError(.entityLimit, path: "hostile.xml")) {
      try Self.read(Self.spdx(doctype: doctype, body: "&b;"))
    }
    // A character reference that decodes to "&" is refused too: it would re-create a reference.
    let sneaky = "<!DOCTYPE SPDXLicenseCollection [<!ENTITY a \"alpha\"><!ENTITY b \"&#38;a;\">]>"
    #expect(throws: ReadError.self) { try Self.read(Self.spdx(doctype: sneaky, body: "&b;")) }
  }

  @Test func plainInternalEntitiesExpandAndMapToTheirReference() throws {
    let doctype = "<!DOCTYPE SPDXLicenseCollection [<!ENTITY org \"Quillwort Gardeners\">]>"
    let bytes = Self.spdx(doctype: doctype, body: "Made by &org; in spring.")
    let doc = try Self.read(bytes)
    #expect(doc.text.contains("Made by Quillwort Gardeners in spring."))
    let plain = Array(doc.text.utf8)
    let at = try #require(plain.firstRange(of: Array("Gardeners".utf8)))
    let source = doc.sourceMap.sourceSpan(of: Span(start: at.lowerBound, end: at.upperBound))
    #expect(String(decoding: bytes[source.start..<(source.start + 5)], as: UTF8.self) == "&org;")
    let spring = try #require(plain.firstRange(of: Array("spring".utf8)))
    let s2 = doc.sourceMap.sourceSpan(of: Span(start: spring.lowerBound, end: spring.upperBound))
    #expect(String(decoding: bytes[s2.start..<s2.end], as: UTF8.self) == "spring")
  }

  @Test func deepNestingIsRefusedWithoutCrashing() throws {
    let body = String(repeating: "<p>", count: 5_000) + "deep" + String(repeating: "</p>", count: 5_000)
    #expect(throws: ReadError.self) { try Self.read(Self.spdx(body: body)) }
    // HTML is parsed leniently; libxml2 caps the depth and the reader walks what remains.
    let html = "<html><body>" + String(repeating: "<div>", count: 20_000) + "deep" + "</body></html>"
    let doc = try DocumentReader.read(bytes: Array(html.utf8), path: "deep.html")
    #expect(doc.format == .html)
  }

  @Test func malformedXMLReportsTheLine() throws {
    let bytes = Array(
      "<?xml version=\"1.0\"?>\n<SPDXLicenseCollection xmlns=\"http://www.spdx.org/license\">\n<license><text></license>"
        .utf8)
    let error = #expect(throws: ReadError.self) { try DocumentReader.read(bytes: bytes, path: "bad.xml") }
    guard case .malformedMarkup(let line, let message) = error?.reason else {
      Issue.record("expected malformedMarkup, got \(String(describing: error))")
      return
    }
    #expect(line == 3)
    #expect(message.contains("mismatch"))
    #expect(error?.description.hasPrefix("bad.xml:3:") == true)
  }

  @Test func otherXMLIsNotSPDX() throws {
    let bytes = Array("<?xml version=\"1.0\"?>\n<catalog><book>Words</book></catalog>".utf8)
    let error = #expect(throws: ReadError.self) { try DocumentReader.read(bytes: bytes, path: "catalog.xml") }
    guard case .notSPDX = error?.reason else {
      Issue.record("expected notSPDX, got \(String(describing: error))")
      return
    }
    let wrongNamespace = Array(
      "<SPDXLicenseCollection xmlns=\"http://example.org/x\"><license licenseId=\"A\" name=\"A\"/></SPDXLicenseCollection>"
        .utf8)
    #expect(throws: ReadError.self) { try DocumentReader.read(bytes: wrongNamespace, path: "x.xml") }
    let noLicense = Array("<SPDXLicenseCollection xmlns=\"http://www.spdx.org/license\"/>".utf8)
    #expect(throws: ReadError.self) { try DocumentReader.read(bytes: noLicense, path: "x.xml") }
  }
}
