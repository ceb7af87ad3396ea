/// What a file found by a scan is, judged from its name (and, for source files, its first bytes).
public enum FileRole: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
  /// `LICENSE*`, `LICENCE*`, `COPYING*`: a licence text.
  case licence
  /// `NOTICE*`: attribution notices, sometimes with licence terms.
  case notice
  /// `USE_POLICY*`, `*ACCEPTABLE_USE*`: a use policy a licence incorporates.
  case policy
  /// `README.md`: a model card whose front matter declares the licence.
  case modelCard = "model-card"
  /// A source file with an `SPDX-License-Identifier:` line.
  case spdxTagged = "spdx-tagged"

  public static func < (l: FileRole, r: FileRole) -> Bool {
    allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
  }

  /// The role a file name gives, or nil for names a scan ignores (source files are checked separately).
  ///
  /// Matching is ASCII case-insensitive. A licence word may also follow a stem and a separator
  /// (`llama3.LICENSE.txt`, `LICENSE-MIT`, `model.COPYING`), so several licences can share a folder
  /// and be paired with their policies by stem.
  /// - Parameter name: the last path component.
  /// - Returns: the role, or nil.
  public static func forName(_ name: String) -> FileRole? {
    let upper = name.uppercased()
    if upper == "README.MD" { return .modelCard }
    // Dotfiles (`.licenseignore`) configure tools; `license_check.py` is code about licences.
    if name.hasPrefix(".") { return nil }
    if isSource(name) || isBinaryByName(name) { return nil }
    // Data files (`licenses/Llama-3.json`, `license-stats.csv`) are data about licences, not licence texts,
    // unless the name starts with the licence word (`LICENSE.json` shipped as a licence).
    if isData(upper), !["LICENSE", "LICENCE", "COPYING"].contains(where: { upper.hasPrefix($0) }) { return nil }
    // Debian packages declare their licences in `copyright` (DEP-5); many projects ship a `COPYRIGHT` file.
    if upper == "COPYRIGHT" || upper == "COPYRIGHT.TXT" || upper == "COPYRIGHT.MD" { return .licence }
    if upper.contains("ACCEPTABLE_USE") || upper.contains("ACCEPTABLE-USE") { return .policy }
    for part in components(upper) {
      if part.hasPrefix("USE_POLICY") || part.hasPrefix("USE-POLICY") { return .policy }
      if part.hasPrefix("LICENSE") || part.hasPrefix("LICENCE") || part.hasPrefix("COPYING") { return .licence }
      if part.hasPrefix("NOTICE") { return .notice }
    }
    return nil
  }

  /// JSON, YAML, TOML, CSV and similar data formats.
  static func isData(_ upper: String) -> Bool {
    [".JSON", ".JSONL", ".YAML", ".YML", ".TOML", ".CSV", ".TSV", ".INI", ".CFG", ".LOCK", ".PLIST"].contains {
      upper.hasSuffix($0)
    }
  }

  /// The stem before the licence word (`llama3` for `llama3.LICENSE.txt`), empty when the name starts with it.
  /// - Parameter name: the file name.
  /// - Returns: the lower-cased stem.
  static func stem(_ name: String) -> String {
    let upper = name.uppercased()
    let words = [
      "USE_POLICY", "USE-POLICY", "ACCEPTABLE_USE", "ACCEPTABLE-USE", "LICENSE", "LICENCE", "COPYING", "NOTICE",
    ]
    var best = upper.endIndex
    for word in words {
      if let r = upper.range(of: word), r.lowerBound < best { best = r.lowerBound }
    }
    var stem = String(name[..<best]).lowercased()
    while let last = stem.last, last == "." || last == "-" || last == "_" { stem.removeLast() }
    return stem
  }

  /// The name split at `.`, `-` and `_`, keeping each suffix from a split point on, so prefix tests
  /// see `LICENSE.TXT`, `LICENSE` and `TXT` for `LLAMA3.LICENSE.TXT`.
  private static func components(_ upper: String) -> [Substring] {
    var out: [Substring] = [upper[...]]
    var i = upper.startIndex
    while i < upper.endIndex {
      let c = upper[i]
      i = upper.index(after: i)
      if c == "." || c == "-" || c == "_" { out.append(upper[i...]) }
    }
    return out
  }

  /// File extensions (lower case) of source files whose head is searched for SPDX tags.
  static let sourceExtensions: Set<String> = [
    "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "m", "mm", "swift", "rs", "go", "java", "kt", "kts", "scala",
    "py", "pyi", "rb", "pl", "pm", "php", "js", "mjs", "cjs", "ts", "tsx", "jsx", "cs", "fs", "lua", "r", "jl",
    "zig", "dart", "sh", "bash", "zsh", "ps1", "cmake", "mk", "yaml", "yml", "toml", "css", "scss", "vue",
    "svelte", "sql", "proto", "s", "asm", "v", "sv", "vhd", "ex", "exs", "erl", "hs", "ml", "mli", "nim", "d",
  ]

  /// Extensions (lower case) of compiled, compressed or media files: never read, even when their
  /// name contains a licence word (`copying.cpython-312.pyc`, `LICENSE.gz`).
  static let binaryExtensions: Set<String> = [
    "pyc", "pyo", "gz", "bz2", "xz", "zst", "zip", "tar", "tgz", "jar", "class", "so", "dylib", "dll", "exe", "o",
    "a", "png", "jpg", "jpeg", "gif", "webp", "pdf", "woff", "woff2", "ttf", "otf", "ico", "bin", "safetensors",
    "gguf", "pt", "pth", "onnx", "npy", "npz", "parquet", "arrow", "msgpack", "h5",
  ]

  /// Whether a file name's extension says it is binary.
  static func isBinaryByName(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    return binaryExtensions.contains(name[name.index(after: dot)...].lowercased())
  }

  /// Whether a file name looks like source code worth searching for an SPDX tag.
  static func isSource(_ name: String) -> Bool {
    if name == "Makefile" || name == "CMakeLists.txt" || name == "Dockerfile" { return true }
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    return sourceExtensions.contains(name[name.index(after: dot)...].lowercased())
  }
}

/// SPDX tags in the first bytes of source files.
enum SPDXTagSniffer {
  /// The expressions of `SPDX-License-Identifier:` lines in `head` (only where a comment or the line starts
  /// with the tag), trimmed of comment closers.
  static func identifiers(in head: ArraySlice<UInt8>) -> [String] { SPDXTag.values(in: head) }
}

extension String {
  /// The string without leading and trailing ASCII spaces and tabs.
  func trimmingASCIIWhitespace() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
