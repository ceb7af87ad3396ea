// Every id `identify` and `scan` can print must work in `compat`: SPDX ids come from the matrix or the
// traits data; catalogue ids (`Gemma-ToU-2024-04-01`, `Llama-3.3`, `Qwen-2024`) get their clause model here.

extension CompatibilityChecker {
  /// Catalogue ids whose hand-reviewed compatibility record (in `licenses/compat/overrides.json`) was written
  /// under an older, shorter id. The record then speaks for every version listed.
  static let reviewedRecordIDs: [String: String] = [
    "Llama-1": "LLaMA-1",
    "Gemma-ToU-2024-02-21": "Gemma",
    "Gemma-ToU-2024-04-01": "Gemma",
    "Gemma-ToU-2025-03-24": "Gemma",
    "Stability-AI-Community-2024": "Stability-AI-Community",
    "Tongyi-Qianwen-2023": "Tongyi-Qianwen",
  ]

  /// Catalogue entries by folded id (ids match case-insensitively, as SPDX ids do).
  static let catalogueByKey: [String: CatalogueEntry] = {
    var out: [String: CatalogueEntry] = [:]
    for e in Catalogue.standard.entries { out[LicenseIDs.foldKey(e.id)] = e }
    return out
  }()

  /// The catalogue entry with this id (any case), if any.
  func catalogueEntry(_ id: String) -> CatalogueEntry? { Self.catalogueByKey[LicenseIDs.foldKey(id)] }

  /// The clause model of an id: the traits data (extracted, overlaid with reviewed records), else a catalogue
  /// entry's reviewed record under its older id, else traits derived from the entry's reviewed clause summary.
  func traits(for id: String) -> LicenseTraits? {
    let entry = catalogueEntry(id)
    if var t = catalog.traits(for: id) {
      // `Llama-1` folds to the reviewed `LLaMA-1`: reasons name the catalogue's spelling, as `identify` prints it.
      if let entry { t.id = entry.id }
      return t
    }
    guard let entry else { return nil }
    if let older = Self.reviewedRecordIDs[entry.id], var t = catalog.traits(for: older) {
      t.id = entry.id
      return t
    }
    // The summary has no spans or evidence: only kinds and parameters, which is all the traits read.
    let clauses = entry.clauses.map {
      Clause(
        kind: $0.kind, span: ClauseSpan(start: 0, end: 0, line: 0), evidence: "", section: $0.section,
        parameters: $0.parameters ?? ClauseParameters())
    }
    var t = LicenseTraits(id: entry.id, clauses: clauses)
    t.origin = .reviewed
    t.note = "from the catalogue's reviewed clause summary (licenses/\(entry.id).json)"
    return t
  }

  /// The canonical spelling of a known id: the matrix's, the traits data's or the catalogue's.
  func canonicalID(_ id: String) -> String? {
    matrix.canonicalID(id) ?? catalogueEntry(id)?.id ?? catalog.traits(for: id)?.id
  }

  /// Ids close to an unknown one, best first: the licences an alias names (Hugging Face `license:` values,
  /// ScanCode keys, other names), then ids that start with it, then ids within a small edit distance.
  public func suggestions(for unknown: String, limit: Int = 4) -> [String] {
    var out: [String] = []
    func add(_ id: String) { if !out.contains(id), out.count < limit { out.append(id) } }
    for r in Catalogue.standard.lookupAll(alias: unknown) { add(r.id) }
    let key = LicenseIDs.foldKey(unknown)
    guard !key.isEmpty else { return out }
    let all = Self.knownIDs
    for id in all where LicenseIDs.foldKey(id).hasPrefix(key) && id.utf8.count <= key.utf8.count + 12 { add(id) }
    let budget = max(2, key.utf8.count / 4)
    var near: [(Int, String)] = []
    for id in all {
      let k = LicenseIDs.foldKey(id)
      guard abs(k.utf8.count - key.utf8.count) <= budget else { continue }
      let d = Self.editDistance(Array(key.utf8), Array(k.utf8), limit: budget)
      if d <= budget { near.append((d, id)) }
    }
    for (_, id) in near.sorted(by: { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }) { add(id) }
    return out
  }

  /// Every id `compat` accepts: matrix, traits data and catalogue, sorted.
  static let knownIDs: [String] = {
    var ids = Set(OSADLMatrix.shared.ids)
    for t in TraitsCatalog.reviewed.all { ids.insert(t.id) }
    for e in Catalogue.standard.entries { ids.insert(e.id) }
    return ids.sorted()
  }()

  /// Levenshtein distance, giving up (returning `limit + 1`) once every cell of a row exceeds `limit`.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMin = min(rowMin, current[j])
      }
      if rowMin > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
