import LicenseCheck
import Testing

struct ExpressionTests {
  @Test(arguments: [
    ("MIT", "MIT"),
    ("MIT AND Apache-2.0", "MIT AND Apache-2.0"),
    ("(MIT OR GPL-2.0-only) AND Apache-2.0", "(MIT OR GPL-2.0-only) AND Apache-2.0"),
    ("MIT OR GPL-2.0-only AND Apache-2.0", "MIT OR GPL-2.0-only AND Apache-2.0"),
    ("GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0"),
    ("GPL-2.0+", "GPL-2.0+"),
    ("  ( MIT )  ", "MIT"),
    ("mit or apache-2.0", "mit OR apache-2.0"),
    ("LicenseRef-Custom AND DocumentRef-a:LicenseRef-b", "LicenseRef-Custom AND DocumentRef-a:LicenseRef-b"),
  ])
  func roundTrip(text: String, expected: String) throws {
    #expect(try LicenseExpression(parsing: text).description == expected)
  }

  @Test func precedence() throws {
    let e = try LicenseExpression(parsing: "MIT OR GPL-2.0-only AND Apache-2.0")
    guard case .or(let parts) = e else {
      Issue.record("AND must bind tighter than OR: \(e)")
      return
    }
    #expect(parts.count == 2)
    #expect(parts[1] == .and([.license(LicenseTerm(id: "GPL-2.0-only")), .license(LicenseTerm(id: "Apache-2.0"))]))
  }

  @Test(arguments: [
    ("", 0), ("MIT AND", 7), ("(MIT", 4), ("MIT)", 3), ("MIT WITH", 8), ("MIT $ BSD", 4), ("AND MIT", 0),
    ("(MIT OR BSD-2-Clause) WITH Foo", 22),
  ])
  func errors(text: String, offset: Int) {
    let error = #expect(throws: LicenseExpressionError.self) { try LicenseExpression(parsing: text) }
    #expect(error?.offset == offset)
  }

  @Test(arguments: [
    ("GPL-2.0", "GPL-2.0-only"),
    ("GPL-2.0+", "GPL-2.0-or-later"),
    ("GPL-2.0-only+", "GPL-2.0-or-later"),
    ("LGPL-2.1+", "LGPL-2.1-or-later"),
    ("GPL-2.0-with-classpath-exception", "GPL-2.0-only WITH Classpath-exception-2.0"),
    ("GPL-3.0-with-GCC-exception+", "GPL-3.0-or-later WITH GCC-exception-3.1"),
    ("MPL-1.1+", "MPL-1.1+"),
    ("AGPL-3.0", "AGPL-3.0-only"),
  ])
  func deprecatedIDs(text: String, canonical: String) throws {
    #expect(try LicenseExpression(parsing: text).canonical.description == canonical)
  }

  @Test(arguments: [
    ("GPL-2.0-or-later", ["GPL-2.0-only", "GPL-3.0-only"]),
    ("GPL-1.0-or-later", ["GPL-1.0-only", "GPL-2.0-only", "GPL-3.0-only"]),
    ("LGPL-2.1-or-later", ["LGPL-2.1-only", "LGPL-3.0-only"]),
    ("LGPL-2.0-or-later", ["LGPL-2.0-only", "LGPL-2.1-only", "LGPL-3.0-only"]),
    ("AGPL-3.0-or-later", ["AGPL-3.0-only"]),
    ("MPL-1.1", ["MPL-1.1", "MPL-2.0"]),
    ("EUPL-1.1", ["EUPL-1.1", "EUPL-1.2"]),
  ])
  func orLaterVersions(id: String, versions: [String]) {
    #expect(LicenseIDs.versionsAllowed(byOrLater: id) == versions)
  }
}
