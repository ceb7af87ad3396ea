/// Varietal spellings that compare equal (SPDX matching guideline 8, `equivalentwords.txt`).
///
/// Single-word pairs are folded to one spelling in each token's normal form;
/// multi-word ones (`per cent`, `sub license`) are left to the matchers.
enum Equivalents {
  /// Variant → canonical spelling (both lowercase).
  static let table: [String: String] = [
    "acknowledgment": "acknowledgement", "analogue": "analog", "analyse": "analyze", "artefact": "artifact",
    "authorisation": "authorization", "authorised": "authorized", "calibre": "caliber", "cancelled": "canceled",
    "capitalisations": "capitalizations", "catalogue": "catalog", "categorise": "categorize", "centre": "center",
    "emphasised": "emphasized", "favour": "favor", "favourite": "favorite", "fulfil": "fulfill",
    "fulfilment": "fulfillment", "initialise": "initialize", "judgment": "judgement", "labelling": "labeling",
    "labour": "labor", "licence": "license", "maximise": "maximize", "merchantibility": "merchantability",
    "modelled": "modeled", "modelling": "modeling", "offence": "offense", "optimise": "optimize",
    "organisation": "organization", "organise": "organize", "practise": "practice", "programme": "program",
    "realise": "realize", "recognise": "recognize", "signalling": "signaling", "utilisation": "utilization",
    "whilst": "while", "wilful": "wilfull", "licences": "licenses", "licenced": "licensed",
    "licencing": "licensing", "licencee": "licensee", "licencees": "licensees", "licencor": "licensor",
    "licencors": "licensors", "organisations": "organizations",
    "authorise": "authorize", "sublicence": "sublicense", "sublicences": "sublicenses",
  ]

  /// `table` keyed by the FNV-1a hash of the variant, probed on the hash's own bits: the tokeniser
  /// asks for nearly every word, and a `Dictionary` hashed each hash again with SipHash.
  static let hashed = HashedSpellings(table)

  struct HashedSpellings: Sendable {
    /// Slots of variant hashes (0: empty) and their canonical spellings.
    let keys: [UInt64]
    let values: [[UInt8]]

    init(_ table: [String: String]) {
      var capacity = 16
      while capacity < table.count * 4 { capacity *= 2 }
      var keys = [UInt64](repeating: 0, count: capacity)
      var values = [[UInt8]](repeating: [], count: capacity)
      for (k, v) in table {
        let h = fnv1a64(k.utf8)
        var i = Int(truncatingIfNeeded: h >> 20) & (capacity - 1)
        while keys[i] != 0 && keys[i] != h { i = (i + 1) & (capacity - 1) }
        keys[i] = h
        values[i] = Array(v.utf8)
      }
      self.keys = keys
      self.values = values
    }

    /// The canonical spelling of the variant with this hash, if it is one.
    @inline(__always) func canonical(_ h: UInt64) -> [UInt8]? {
      let mask = keys.count - 1
      var i = Int(truncatingIfNeeded: h >> 20) & mask
      while true {
        let k = keys[i]
        if k == h { return values[i] }
        if k == 0 { return nil }
        i = (i + 1) & mask
      }
    }
  }

  /// Rewrites the word at `norm[from...]` to its canonical spelling, in place.
  static func canonicalise(_ norm: inout [UInt8], from: Int) {
    let len = norm.count - from
    guard len >= 4, len <= 16 else { return }
    if let canon = hashed.canonical(fnv1a64(norm[from...])) {
      norm.removeSubrange(from...)
      norm.append(contentsOf: canon)
    }
  }
}
