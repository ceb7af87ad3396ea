/// The known licences: the project's catalogue entries and the SPDX list the index was built from.
///
/// ```swift
/// let cat = Catalogue.standard
/// cat.lookup(alias: "llama3.1")?.id   // "Llama-3.1"
/// cat.lookup(alias: "apache-2.0")?.id // "Apache-2.0"
/// ```
public struct Catalogue: Sendable {
  /// What an alias resolved to.
  public struct Reference: Sendable, Equatable, Hashable {
    /// The SPDX id or catalogue id.
    public let id: String
    /// The full name.
    public let name: String
    /// The catalogue entry, when the licence has one.
    public let entry: CatalogueEntry?
  }

  /// An SPDX list entry (from the embedded index).
  public struct SPDXListing: Sendable, Equatable, Hashable {
    /// SPDX id.
    public let id: String
    /// Full name.
    public let name: String
    /// Index flags (OSI, deprecated, exception).
    public let flags: IndexedLicense.Flags
  }

  /// Catalogue entries, sorted by id.
  public let entries: [CatalogueEntry]
  /// SPDX licences and exceptions.
  public let spdx: [SPDXListing]
  private let byID: [String: Int]
  private let byAlias: [String: [Int]]
  private let spdxByLowerID: [String: Int]

  /// Creates a catalogue.
  public init(entries: [CatalogueEntry], spdx: [SPDXListing] = []) {
    self.entries = entries.sorted { $0.id < $1.id }
    self.spdx = spdx
    var byID: [String: Int] = [:]
    byID.reserveCapacity(entries.count)
    var byAlias: [String: [Int]] = [:]
    byAlias.reserveCapacity(entries.count * 2)
    for (k, e) in self.entries.enumerated() {
      byID[e.id] = k
      var names = [e.id] + (e.aliases.huggingFace ?? []) + (e.aliases.other ?? [])
      if let s = e.aliases.spdx { names.append(s) }
      if let s = e.aliases.scancode {
        names.append(s)
        let prefix = "LicenseRef-scancode-"
        if s.hasPrefix(prefix) { names.append(String(s.dropFirst(prefix.count))) }
      }
      for n in Set(names.map { Self.aliasKey($0) }) { byAlias[n, default: []].append(k) }
    }
    self.byID = byID
    self.byAlias = byAlias
    var spdxByLowerID: [String: Int] = [:]
    spdxByLowerID.reserveCapacity(spdx.count / 2)
    // ScanCode-only ids (two thirds of the list) are looked up by a scan when asked for, so
    // start-up does not hash them all.
    for (k, s) in spdx.enumerated() where !Self.isScanCodeOnly(s) { spdxByLowerID[Self.aliasKey(s.id)] = k }
    self.spdxByLowerID = spdxByLowerID
  }

  /// The entry with this id.
  public func entry(id: String) -> CatalogueEntry? { byID[id].map { entries[$0] } }

  /// Entries of a family, oldest first.
  public func family(_ family: String) -> [CatalogueEntry] {
    entries.filter { $0.family == family }.sorted { ($0.releaseDate ?? "") < ($1.releaseDate ?? "") }
  }

  /// Resolves a registry name — a Hugging Face `license:` value (`llama3.1`, `gemma`,
  /// `bigscience-openrail-m`, `apache-2.0`), a `license_name:`, a ScanCode key or an SPDX id — to
  /// a known licence.
  ///
  /// Matching ignores case. When several catalogue entries share an alias (Hugging Face uses
  /// `gemma` for every version of the Gemma terms), the most recent one is returned; use
  /// ``lookupAll(alias:)`` for all of them. Generic values (`other`, `unknown`) give nil.
  ///
  /// - Complexity: O(1) on average.
  public func lookup(alias: String) -> Reference? {
    lookupAll(alias: alias).first
  }

  /// Every known licence an alias can stand for, most recent first.
  public func lookupAll(alias: String) -> [Reference] {
    let key = Self.aliasKey(alias)
    if let hits = byAlias[key] {
      return hits.map { entries[$0] }.sorted { ($0.releaseDate ?? "") > ($1.releaseDate ?? "") }.map {
        Reference(id: $0.id, name: $0.name, entry: $0)
      }
    }
    if let k = spdxByLowerID[key] {
      return [Reference(id: spdx[k].id, name: spdx[k].name, entry: nil)]
    }
    if key.hasPrefix("licenseref-scancode-"),
      let s = spdx.first(where: { Self.isScanCodeOnly($0) && Self.aliasKey($0.id) == key })
    {
      return [Reference(id: s.id, name: s.name, entry: nil)]
    }
    return []
  }

  /// A ScanCode LicenseDB licence with no SPDX id (`LicenseRef-scancode-…`).
  static func isScanCodeOnly(_ s: SPDXListing) -> Bool {
    s.flags.contains(.scancode) && s.id.hasPrefix("LicenseRef-")
  }

  /// Aliases compare case-insensitively, with surrounding whitespace ignored.
  static func aliasKey(_ s: String) -> String {
    // Built into one exact-size string, and not rebuilt when already a key: start-up makes
    // about 2,500 of them.
    let key = s.utf8.withContiguousStorageIfAvailable { buf -> String in
      guard buf.contains(where: { $0 <= 0x20 || ($0 >= 0x41 && $0 <= 0x5A) }) else { return s }
      return String(unsafeUninitializedCapacity: buf.count) { out in
        var n = 0
        for c in buf where c > 0x20 {
          out[n] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
          n += 1
        }
        return n
      }
    }
    if let key { return key }
    var b: [UInt8] = []
    for c in s.utf8 where c > 0x20 { b.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
    return String(decoding: b, as: UTF8.self)
  }
}
