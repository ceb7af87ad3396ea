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

  static let hashed: [UInt64: [UInt8]] = {
    var d: [UInt64: [UInt8]] = [:]
    for (k, v) in table { d[fnv1a64(k.utf8)] = Array(v.utf8) }
    return d
  }()

  /// Rewrites the word at `norm[from...]` to its canonical spelling, in place.
  static func canonicalise(_ norm: inout [UInt8], from: Int) {
    let len = norm.count - from
    guard len >= 4, len <= 16 else { return }
    if let canon = hashed[fnv1a64(norm[from...])] {
      norm.removeSubrange(from...)
      norm.append(contentsOf: canon)
    }
  }
}
