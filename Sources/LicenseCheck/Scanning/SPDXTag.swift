// `SPDX-License-Identifier:` lines in source files. A tag counts only where a comment (or the line) starts
// with it, so prose that mentions the tag ("`SPDX-License-Identifier:` lines" in a doc comment) is not
// read as one; its value is parsed as an SPDX expression, and ids the SPDX list does not have are findings.

/// Finds and checks SPDX tags.
enum SPDXTag {
  static let needle = Array("SPDX-License-Identifier:".utf8)

  /// Comment openers a tag may follow, longest first; a run of the same opener (`///`, `##`, `**`) counts once.
  static let openers: [[UInt8]] = [
    "<!--", "(*", "{-", "/*", "//", "--", "#", "*", ";", "%", "!", "'", "\"\"\"", "'''", "REM ", "rem ", "dnl ",
  ].map { Array($0.utf8) }

  /// The values of the tags in `head`, trimmed of comment closers, without repeats, in order.
  static func values(in head: ArraySlice<UInt8>) -> [String] {
    var out: [String] = []
    var lineStart = head.startIndex
    let end = head.endIndex
    while lineStart < end {
      var lineEnd = lineStart
      while lineEnd < end, head[lineEnd] != 0x0A, head[lineEnd] != 0x0D { lineEnd += 1 }
      if let value = value(ofLine: head[lineStart..<lineEnd]), !value.isEmpty, !out.contains(value) {
        out.append(value)
      }
      lineStart = lineEnd + 1
    }
    return out
  }

  /// The tag's value when the line is a tag: optional spaces, at most one comment opener (repeated), spaces,
  /// then the tag. Nil for any other line.
  static func value(ofLine line: ArraySlice<UInt8>) -> String? {
    var i = line.startIndex
    func skipSpaces() { while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 } }
    func starts(with bytes: [UInt8]) -> Bool {
      guard line.endIndex - i >= bytes.count else { return false }
      for k in 0..<bytes.count where line[i + k] != bytes[k] { return false }
      return true
    }
    skipSpaces()
    if let opener = openers.first(where: { starts(with: $0) }) {
      while starts(with: opener) { i += opener.count }
      // `///`, `/**`: more of the opener's last character.
      while let last = opener.last, i < line.endIndex, line[i] == last, last != 0x20 { i += 1 }
      skipSpaces()
    }
    guard starts(with: needle) else { return nil }
    i += needle.count
    var text = String(decoding: line[i...], as: UTF8.self)
    for closer in ["*/", "-->", "#}", "%>", "*)", "-}", "\"\"\"", "'''"] {
      if let r = text.range(of: closer) { text = String(text[..<r.lowerBound]) }
    }
    return text.trimmingASCIIWhitespace()
  }

  /// SPDX licence and exception ids (folded), and the deprecated ones.
  static let knownIDs: Set<String> = {
    var ids = Set(Catalogue.standard.spdx.map { LicenseIDs.foldKey($0.id) })
    for key in LicenseIDs.deprecated.keys { ids.insert(key) }
    return ids
  }()

  /// What is wrong with a tag's value, or nil: not an expression, or ids the SPDX list does not have
  /// (`LicenseRef-…` and `DocumentRef-…` are user-defined and always allowed).
  static func problem(_ value: String) -> (code: ScanFinding.Code, message: String)? {
    let expression: LicenseExpression
    do {
      expression = try LicenseExpression(parsing: value)
    } catch {
      return (.invalidSPDXExpression, "'\(value)' is not an SPDX license expression (\(error))")
    }
    var unknown: [String] = []
    for term in expression.terms {
      for id in [term.id + (term.orLater ? "+" : ""), term.exception].compactMap({ $0 }) {
        let bare = id.hasSuffix("+") ? String(id.dropLast()) : id
        if bare.hasPrefix("LicenseRef-") || bare.hasPrefix("DocumentRef-") { continue }
        if knownIDs.contains(LicenseIDs.foldKey(bare)) || knownIDs.contains(LicenseIDs.foldKey(id)) { continue }
        if !unknown.contains(bare) { unknown.append(bare) }
      }
    }
    guard !unknown.isEmpty else { return nil }
    let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
    let hints = unknown.flatMap { CompatibilityChecker().suggestions(for: $0, limit: 3) }
    let hint = hints.isEmpty ? "" : "; did you mean " + hints.joined(separator: ", ") + "?"
    let within = unknown == [value] ? "" : " in '\(value)'"
    let verb = unknown.count == 1 ? "is" : "are"
    return (.unknownSPDXID, "\(names)\(within) \(verb) not on the SPDX licence list\(hint)")
  }
}
