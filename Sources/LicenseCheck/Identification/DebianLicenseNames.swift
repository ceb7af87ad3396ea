/// Debian's short licence names (the first line of a DEP-5 `License:` field) as SPDX expressions.
///
/// DEP-5 names licences by a short name and a version (`GPL-2`, `LGPL-2.1`), a `+` for "or any
/// later version", combines them with `or`, `and` and `,` (`,` binding loosest), and names an
/// exception with `with … exception`. Packagers also write SPDX ids (`GPL-2.0-or-later`,
/// `BSD-3-Clause`) and variants (`GPLv3+`, `BSD-3`, `LGPLv3+_or_GPLv2+`). Names with no SPDX
/// equivalent (`public-domain`, `permissive`, a project's own name) give nil: a declared name is
/// only translated when the translation is certain.
public enum DebianLicenseName {
  /// The SPDX expression for a `License:` short name, or nil when any part of it is unknown.
  ///
  /// - Parameters:
  ///   - name: the short name as written (`GPL-2+ with Autoconf exception`).
  ///   - catalogue: resolves names that are already SPDX ids or known aliases.
  /// - Complexity: O(n) in the name.
  public static func spdx(_ name: String, catalogue: Catalogue = .standard) -> String? {
    var s = name
    for (from, to) in [("_or_", " or "), ("_and_", " and "), ("|", " or "), ("&", " and ")] {
      s = s.replacingOccurrences(of: from, with: to)
    }
    // `,` binds loosest: `A or B, and C` is `(A or B) and C`.
    let groups = s.split(separator: ",").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
    var parts: [String] = []
    for var words in groups where !words.isEmpty {
      var op: String? = nil
      if let first = words.first?.lowercased(), first == "and" || first == "or" {
        op = first == "and" ? "AND" : "OR"
        words.removeFirst()
      }
      guard let expression = expression(words, catalogue: catalogue) else { return nil }
      if let op, !parts.isEmpty {
        parts = ["(" + parts.joined(separator: " AND ") + ") \(op) " + expression]
      } else {
        parts.append(expression)
      }
    }
    guard !parts.isEmpty else { return nil }
    if parts.count == 1 { return parts[0] }
    return parts.map { $0.contains(" ") ? "(\($0))" : $0 }.joined(separator: " AND ")
  }

  /// A group without commas: names joined by `or` / `and` (`and` binding tighter, as in SPDX).
  static func expression(_ words: [String], catalogue: Catalogue) -> String? {
    var terms: [[String]] = [[]]
    var ops: [String] = []
    for w in words {
      let lower = w.lowercased()
      if lower == "or" || lower == "and" {
        ops.append(lower == "or" ? "OR" : "AND")
        terms.append([])
      } else {
        terms[terms.count - 1].append(w)
      }
    }
    var ids: [String] = []
    for t in terms {
      guard let id = term(t, catalogue: catalogue) else { return nil }
      ids.append(ops.isEmpty || !id.contains(" ") ? id : "(\(id))")
    }
    var out = ids[0]
    for (k, op) in ops.enumerated() { out += " \(op) " + ids[k + 1] }
    return out
  }

  /// One licence with an optional `with … exception`.
  static func term(_ words: [String], catalogue: Catalogue) -> String? {
    guard let first = words.first else { return nil }
    guard let base = single(first, catalogue: catalogue) else { return nil }
    if words.count == 1 { return base }
    let rest = words.dropFirst().map { $0.lowercased() }
    guard rest.first == "with" else { return nil }
    let exceptionWords = rest.dropFirst().filter { $0 != "exception" }
    guard exceptionWords.count == 1, let exception = exceptionID(exceptionWords[exceptionWords.startIndex], base: base)
    else { return nil }
    return "\(base) WITH \(exception)"
  }

  /// SPDX exception ids for the exceptions Debian files name, by the GPL version they go with.
  static func exceptionID(_ word: String, base: String) -> String? {
    let gpl3 = base.hasPrefix("GPL-3.0")
    switch word {
    case "autoconf": return gpl3 ? "Autoconf-exception-3.0" : "Autoconf-exception-2.0"
    case "bison": return "Bison-exception-2.2"
    case "classpath": return "Classpath-exception-2.0"
    case "gcc": return gpl3 ? "GCC-exception-3.1" : "GCC-exception-2.0"
    case "libtool": return "Libtool-exception"
    case "font": return "Font-exception-2.0"
    default: return nil
    }
  }

  /// GNU families: stem as SPDX writes it.
  static let gnuStems: [(prefix: String, stem: String, suffix: String)] = [
    ("gfdl-niv", "GFDL", "-no-invariants"), ("agpl", "AGPL", ""), ("lgpl", "LGPL", ""), ("gpl", "GPL", ""),
    ("gfdl", "GFDL", ""),
  ]

  /// Names DEP-5 defines (and common variants) that are not SPDX ids as written.
  static let table: [String: String] = [
    "expat": "MIT", "mit": "MIT", "bsd-2-clause": "BSD-2-Clause", "bsd-2": "BSD-2-Clause",
    "bsd-3-clause": "BSD-3-Clause", "bsd-3": "BSD-3-Clause", "bsd-4-clause": "BSD-4-Clause", "bsd-4": "BSD-4-Clause",
    "cc0": "CC0-1.0", "zlib": "Zlib", "isc": "ISC", "x11": "X11", "perl": "Artistic-1.0-Perl OR GPL-1.0-or-later",
    "artistic": "Artistic-1.0-Perl", "apache-2": "Apache-2.0", "mpl-2": "MPL-2.0", "psf-2": "PSF-2.0",
    "curl": "curl",
  ]

  /// One short name: `GPL-2+`, `LGPLv2.1`, `Expat`, `Apache-2.0`.
  static func single(_ raw: String, catalogue: Catalogue) -> String? {
    var name = raw.lowercased()
    var plus = false
    if name.hasSuffix("+") {
      plus = true
      name.removeLast()
    }
    for (p, stem, suffix) in gnuStems where name.hasPrefix(p) {
      var rest = name.dropFirst(p.count)
      if rest.hasPrefix("-") || rest.hasPrefix("v") { rest = rest.dropFirst() }
      for ending in ["-or-later", "-only"] where rest.hasSuffix(ending) {
        if ending == "-or-later" { plus = true }
        rest = rest.dropLast(ending.count)
      }
      guard let version = gnuVersion(rest, stem: stem) else { return nil }
      return "\(stem)-\(version)\(suffix)\(plus ? "-or-later" : "-only")"
    }
    if let id = table[name] { return plus ? nil : id }
    // Already an SPDX id or a known alias (`BSL-1.0`, `Apache-2.0`, `CC-BY-SA-4.0`).
    if let ref = catalogue.lookup(alias: raw) { return ref.id }
    if plus, let ref = catalogue.lookup(alias: raw + "+") { return ref.id }
    return nil
  }

  /// A GNU version as SPDX writes it (`2` → `2.0`, `2.1` stays), if it is one the family has.
  static func gnuVersion(_ v: Substring, stem: String) -> String? {
    let known: [String: [String]] = [
      "GPL": ["1.0", "2.0", "3.0"], "LGPL": ["2.0", "2.1", "3.0"], "AGPL": ["1.0", "3.0"],
      "GFDL": ["1.1", "1.2", "1.3"],
    ]
    let full = v.contains(".") ? String(v) : v + ".0"
    return known[stem]?.contains(full) == true ? full : nil
  }
}
