// Facts about SPDX licence ids that expressions need: the deprecated ids and what replaced them (from the
// `obsoletedBy` elements of the SPDX licence list), and the versions an "or later" licence allows for the
// families where that matters for compatibility. Only ids and version numbers: no licence text.

/// SPDX id facts: case folding, deprecated ids, and the versions an "or later" term allows.
public enum LicenseIDs {
  /// ASCII-lowercased id, for case-insensitive lookups (SPDX ids match case-insensitively).
  public static func foldKey(_ id: String) -> String {
    String(decoding: id.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// Deprecated ids and their replacement: an id (or `id WITH exception`) and whether it means "or later".
  package static let deprecated: [String: (id: String, orLater: Bool, exception: String?)] = {
    var table: [String: (id: String, orLater: Bool, exception: String?)] = [:]
    func add(_ old: String, _ id: String, orLater: Bool = false, exception: String? = nil) {
      table[foldKey(old)] = (id, orLater, exception)
    }
    for family in ["GPL", "LGPL", "AGPL", "GFDL"] {
      for version in gnuVersions[family] ?? [] {
        add("\(family)-\(version)", "\(family)-\(version)-only")
        add("\(family)-\(version)+", "\(family)-\(version)-or-later")
      }
    }
    for (old, version, exception) in [
      ("GPL-2.0-with-GCC-exception", "2.0", "GCC-exception-2.0"),
      ("GPL-2.0-with-autoconf-exception", "2.0", "Autoconf-exception-2.0"),
      ("GPL-2.0-with-bison-exception", "2.0", "Bison-exception-2.2"),
      ("GPL-2.0-with-classpath-exception", "2.0", "Classpath-exception-2.0"),
      ("GPL-2.0-with-font-exception", "2.0", "Font-exception-2.0"),
      ("GPL-3.0-with-GCC-exception", "3.0", "GCC-exception-3.1"),
      ("GPL-3.0-with-autoconf-exception", "3.0", "Autoconf-exception-3.0"),
    ] {
      add(old, "GPL-\(version)-only", exception: exception)
      add(old + "+", "GPL-\(version)-or-later", exception: exception)
    }
    add("eCos-2.0", "GPL-2.0-or-later", exception: "eCos-exception-2.0")
    add("wxWindows", "GPL-2.0-or-later", exception: "WxWindows-exception-3.1")
    add("BSD-2-Clause-NetBSD", "BSD-2-Clause")
    add("Nunit", "zlib-acknowledgement")
    add("StandardML-NJ", "SMLNJ")
    add("Nokia-Qt-exception-1.1", "Qt-LGPL-exception-1.1")
    return table
  }()

  /// The versions of the GNU families, oldest first; their ids end in `-only` or `-or-later`.
  package static let gnuVersions: [String: [String]] = [
    "GPL": ["1.0", "2.0", "3.0"],
    "LGPL": ["2.0", "2.1", "3.0"],
    "AGPL": ["1.0", "3.0"],
    "GFDL": ["1.1", "1.2", "1.3"],
  ]

  /// Other families whose licences let a work be taken under a later version (`MPL-1.1+`, or the licence's
  /// own "or any later version" wording), oldest first; their ids are `FAMILY-VERSION`.
  package static let otherVersions: [String: [String]] = [
    "MPL": ["1.0", "1.1", "2.0"],
    "Apache": ["1.0", "1.1", "2.0"],
    "EPL": ["1.0", "2.0"],
    "EUPL": ["1.0", "1.1", "1.2"],
    "CDDL": ["1.0", "1.1"],
    "AFL": ["1.1", "1.2", "2.0", "2.1", "3.0"],
    "OSL": ["1.0", "1.1", "2.0", "2.1", "3.0"],
    "CC-BY": ["1.0", "2.0", "2.5", "3.0", "4.0"],
    "CC-BY-SA": ["1.0", "2.0", "2.5", "3.0", "4.0"],
    "LPPL": ["1.0", "1.1", "1.2", "1.3a", "1.3c"],
  ]

  /// The `-only` ids (GNU families) or plain ids (other families) an or-later term allows, oldest first, or
  /// nil when the family has no version table (the term then stands for its own version).
  ///
  /// `GPL-2.0-or-later` → `GPL-2.0-only`, `GPL-3.0-only`; `MPL-1.1` with `+` → `MPL-1.1`, `MPL-2.0`.
  public static func versionsAllowed(byOrLater id: String) -> [String]? {
    let bytes = Array(id.utf8)
    // GNU: FAMILY-VERSION-or-later or FAMILY-VERSION-only (the latter only when `+` was written).
    for suffix in ["-or-later", "-only", ""] {
      guard bytes.count > suffix.utf8.count, id.hasSuffix(suffix) else { continue }
      let stem = String(decoding: bytes[0..<(bytes.count - suffix.utf8.count)], as: UTF8.self)
      guard let dash = stem.utf8.lastIndex(of: UInt8(ascii: "-")) else { continue }
      let family = String(stem[stem.startIndex..<dash])
      let version = String(stem[stem.index(after: dash)...])
      if let versions = gnuVersions[family], let i = versions.firstIndex(of: version) {
        return versions[i...].map { "\(family)-\($0)-only" }
      }
      if suffix.isEmpty, let versions = otherVersions[family], let i = versions.firstIndex(of: version) {
        return versions[i...].map { "\(family)-\($0)" }
      }
    }
    return nil
  }

  /// True for an id the SPDX list has deprecated (it is replaced when expressions are canonicalised).
  public static func isDeprecatedID(_ id: String) -> Bool { deprecated[foldKey(id)] != nil }

  /// True for an id that itself means "this version or later" (`GPL-2.0-or-later`).
  public static func isOrLaterID(_ id: String) -> Bool { id.hasSuffix("-or-later") }

  /// The `-or-later` id a GNU `-only` id (or a versioned id) becomes with a `+`, when SPDX has one.
  package static func orLaterID(of id: String) -> String? {
    if id.hasSuffix("-only") { return String(id.dropLast(5)) + "-or-later" }
    return nil
  }
}
