/// The catalogue in a compact binary form (`Resources/catalogue.bin`), written by
/// `licensecheck-index` beside `catalogue.json` and read at start-up with plain byte reads.
///
/// Decoding `catalogue.json` with `JSONDecoder` cost a few milliseconds of every run that
/// identifies a licence, mostly the Swift runtime's first look-ups of the Codable types' generic
/// metadata and conformances. `catalogue.json` stays the readable form (and the reference the
/// tests compare this one with).
///
/// Layout (little-endian): magic `LCCT`, format version (u32), entry count (u32), then the entries
/// field by field in declaration order. A string is a u32 byte count and UTF-8; an optional is a
/// byte 0 or 1 and the value; an array is a u32 count and the elements; an enum is its raw value.
/// Clause parameters are tagged fields (a byte: the field's position in ``parameterFields``, then
/// its value) ending with 255, so unset parameters take no space.
package enum CatalogueBinary {
  static let magic: [UInt8] = Array("LCCT".utf8)
  static let formatVersion: UInt32 = 1

  /// The stored properties of ``ClauseParameters``, in tag order. A test compares this list with the
  /// type's properties, so a parameter added there without a tag here is caught.
  static let parameterFields = [
    "rights", "royaltyFree", "worldwide", "perpetual", "irrevocable", "nonExclusive", "nonTransferable", "limited",
    "owner", "noticeText", "text", "where", "requiredPhrase", "position", "scope", "what", "mechanism", "metric",
    "threshold", "currency", "consequence", "reference", "updatable", "fields", "excluded", "included", "who",
    "triggers", "jurisdiction", "venue", "limitType", "days", "unit", "limit",
  ]

  /// The binary form of catalogue entries.
  package static func encode(_ entries: [CatalogueEntry]) -> [UInt8] {
    var w = Writer()
    w.out = magic
    w.u32(formatVersion)
    w.u32(UInt32(entries.count))
    for e in entries {
      w.string(e.id)
      w.string(e.name)
      w.string(e.kind.rawValue)
      w.optionalString(e.publisher)
      w.string(e.family)
      w.optionalString(e.version)
      w.optionalString(e.releaseDate)
      w.strings(e.urls)
      w.optionalString(e.aliases.spdx)
      w.optionalString(e.aliases.scancode)
      w.optionalStrings(e.aliases.huggingFace)
      w.optionalStrings(e.aliases.other)
      w.strings(e.recognition.titlePatterns)
      w.optionalStrings(e.recognition.versionPatterns)
      w.optionalStrings(e.recognition.distinctivePhrases)
      w.optionalStrings(e.related)
      w.optionalStrings(e.corpusTexts)
      w.u32(UInt32(e.clauses.count))
      for c in e.clauses {
        w.string(c.kind.rawValue)
        w.optionalString(c.section)
        if let parameters = c.parameters {
          w.u8(1)
          w.parameters(parameters)
        } else {
          w.u8(0)
        }
      }
      w.optionalString(e.notes)
    }
    return w.out
  }

  /// Catalogue entries from their binary form.
  /// - Throws: ``CatalogueBinaryError`` when the bytes are not a catalogue of this format version.
  package static func decode(_ bytes: UnsafeRawBufferPointer) throws(CatalogueBinaryError) -> [CatalogueEntry] {
    var r = Reader(bytes: bytes)
    guard bytes.count >= 12, Array(bytes[0..<4]) == magic else { throw CatalogueBinaryError("not a catalogue") }
    r.offset = 4
    guard try r.u32() == formatVersion else { throw CatalogueBinaryError("unsupported format version") }
    let count = Int(try r.u32())
    var entries: [CatalogueEntry] = []
    entries.reserveCapacity(min(count, bytes.count))
    for _ in 0..<count {
      let id = try r.string()
      let name = try r.string()
      let kind = try r.enumValue(CatalogueEntry.Kind.self)
      let publisher = try r.optionalString()
      let family = try r.string()
      let version = try r.optionalString()
      let releaseDate = try r.optionalString()
      let urls = try r.strings()
      let aliases = CatalogueEntry.Aliases(
        spdx: try r.optionalString(), scancode: try r.optionalString(),
        huggingFace: try r.optionalStrings(), other: try r.optionalStrings())
      let recognition = CatalogueEntry.Recognition(
        titlePatterns: try r.strings(), versionPatterns: try r.optionalStrings(),
        distinctivePhrases: try r.optionalStrings())
      let related = try r.optionalStrings()
      let corpusTexts = try r.optionalStrings()
      let clauseCount = Int(try r.u32())
      var clauses: [CatalogueClause] = []
      clauses.reserveCapacity(min(clauseCount, bytes.count))
      for _ in 0..<clauseCount {
        let kind = try r.enumValue(ClauseKind.self)
        let section = try r.optionalString()
        let parameters = try r.flag() ? try r.parameters() : nil
        clauses.append(CatalogueClause(kind: kind, section: section, parameters: parameters))
      }
      let notes = try r.optionalString()
      entries.append(
        CatalogueEntry(
          id: id, name: name, kind: kind, publisher: publisher, family: family, version: version,
          releaseDate: releaseDate, urls: urls, aliases: aliases, recognition: recognition, related: related,
          corpusTexts: corpusTexts, clauses: clauses, notes: notes))
    }
    guard r.offset == bytes.count else { throw CatalogueBinaryError("trailing bytes") }
    return entries
  }

  private struct Writer {
    var out: [UInt8] = []

    mutating func u8(_ v: UInt8) { out.append(v) }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }

    mutating func string(_ s: String) {
      u32(UInt32(s.utf8.count))
      out.append(contentsOf: s.utf8)
    }

    mutating func strings(_ a: [String]) {
      u32(UInt32(a.count))
      for s in a { string(s) }
    }

    mutating func optionalString(_ v: String?) {
      guard let v else { return u8(0) }
      u8(1)
      string(v)
    }

    mutating func optionalStrings(_ v: [String]?) {
      guard let v else { return u8(0) }
      u8(1)
      strings(v)
    }

    mutating func tag(_ field: String) {
      u8(UInt8(CatalogueBinary.parameterFields.firstIndex(of: field)!))
    }

    mutating func parameters(_ p: ClauseParameters) {
      func bool(_ name: String, _ v: Bool?) {
        guard let v else { return }
        tag(name)
        u8(v ? 1 : 0)
      }
      func text(_ name: String, _ v: String?) {
        guard let v else { return }
        tag(name)
        string(v)
      }
      func list(_ name: String, _ v: [String]?) {
        guard let v else { return }
        tag(name)
        strings(v)
      }
      list("rights", p.rights?.map(\.rawValue))
      bool("royaltyFree", p.royaltyFree)
      bool("worldwide", p.worldwide)
      bool("perpetual", p.perpetual)
      bool("irrevocable", p.irrevocable)
      bool("nonExclusive", p.nonExclusive)
      bool("nonTransferable", p.nonTransferable)
      bool("limited", p.limited)
      text("owner", p.owner)
      text("noticeText", p.noticeText)
      text("text", p.text)
      list("where", p.where)
      text("requiredPhrase", p.requiredPhrase)
      text("position", p.position)
      text("scope", p.scope)
      text("what", p.what)
      list("mechanism", p.mechanism?.map(\.rawValue))
      text("metric", p.metric?.rawValue)
      if let threshold = p.threshold {
        tag("threshold")
        u64(threshold.bitPattern)
      }
      text("currency", p.currency)
      text("consequence", p.consequence?.rawValue)
      text("reference", p.reference)
      bool("updatable", p.updatable)
      list("fields", p.fields)
      list("excluded", p.excluded)
      list("included", p.included)
      text("who", p.who)
      list("triggers", p.triggers?.map(\.rawValue))
      text("jurisdiction", p.jurisdiction)
      text("venue", p.venue)
      text("limitType", p.limitType)
      if let days = p.days {
        tag("days")
        u64(days.bitPattern)
      }
      text("unit", p.unit)
      if let limit = p.limit {
        tag("limit")
        u64(limit.bitPattern)
      }
      u8(255)
    }
  }

  private struct Reader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    mutating func need(_ n: Int) throws(CatalogueBinaryError) {
      guard n >= 0, n <= bytes.count - offset else { throw CatalogueBinaryError("truncated catalogue") }
    }

    mutating func u8() throws(CatalogueBinaryError) -> UInt8 {
      try need(1)
      defer { offset += 1 }
      return bytes[offset]
    }

    mutating func u32() throws(CatalogueBinaryError) -> UInt32 {
      try need(4)
      defer { offset += 4 }
      return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func u64() throws(CatalogueBinaryError) -> UInt64 {
      try need(8)
      defer { offset += 8 }
      return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func string() throws(CatalogueBinaryError) -> String {
      let n = Int(try u32())
      try need(n)
      defer { offset += n }
      return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
    }

    mutating func strings() throws(CatalogueBinaryError) -> [String] {
      let n = Int(try u32())
      try need(n * 4)  // every string takes at least its length
      var out: [String] = []
      out.reserveCapacity(n)
      for _ in 0..<n { out.append(try string()) }
      return out
    }

    mutating func optionalString() throws(CatalogueBinaryError) -> String? {
      try flag() ? try string() : nil
    }

    mutating func optionalStrings() throws(CatalogueBinaryError) -> [String]? {
      try flag() ? try strings() : nil
    }

    mutating func enumValue<E: RawRepresentable>(_: E.Type) throws(CatalogueBinaryError) -> E
    where E.RawValue == String {
      let raw = try string()
      guard let value = E(rawValue: raw) else { throw CatalogueBinaryError("unknown value \(raw)") }
      return value
    }

    mutating func enumValues<E: RawRepresentable>(_: E.Type) throws(CatalogueBinaryError) -> [E]
    where E.RawValue == String {
      try strings().map { raw throws(CatalogueBinaryError) in
        guard let value = E(rawValue: raw) else { throw CatalogueBinaryError("unknown value \(raw)") }
        return value
      }
    }

    /// A Bool, or whether an optional value follows.
    mutating func flag() throws(CatalogueBinaryError) -> Bool {
      switch try u8() {
      case 0: return false
      case 1: return true
      default: throw CatalogueBinaryError("bad flag")
      }
    }

    mutating func parameters() throws(CatalogueBinaryError) -> ClauseParameters {
      var p = ClauseParameters()
      while true {
        let tag = Int(try u8())
        if tag == 255 { return p }
        guard tag < CatalogueBinary.parameterFields.count else { throw CatalogueBinaryError("unknown parameter") }
        switch CatalogueBinary.parameterFields[tag] {
        case "rights": p.rights = try enumValues(GrantRight.self)
        case "royaltyFree": p.royaltyFree = try flag()
        case "worldwide": p.worldwide = try flag()
        case "perpetual": p.perpetual = try flag()
        case "irrevocable": p.irrevocable = try flag()
        case "nonExclusive": p.nonExclusive = try flag()
        case "nonTransferable": p.nonTransferable = try flag()
        case "limited": p.limited = try flag()
        case "owner": p.owner = try string()
        case "noticeText": p.noticeText = try string()
        case "text": p.text = try string()
        case "where": p.where = try strings()
        case "requiredPhrase": p.requiredPhrase = try string()
        case "position": p.position = try string()
        case "scope": p.scope = try string()
        case "what": p.what = try string()
        case "mechanism": p.mechanism = try enumValues(AcceptanceMechanism.self)
        case "metric": p.metric = try enumValue(CapMetric.self)
        case "threshold": p.threshold = Double(bitPattern: try u64())
        case "currency": p.currency = try string()
        case "consequence": p.consequence = try enumValue(CapConsequence.self)
        case "reference": p.reference = try string()
        case "updatable": p.updatable = try flag()
        case "fields": p.fields = try strings()
        case "excluded": p.excluded = try strings()
        case "included": p.included = try strings()
        case "who": p.who = try string()
        case "triggers": p.triggers = try enumValues(TerminationTrigger.self)
        case "jurisdiction": p.jurisdiction = try string()
        case "venue": p.venue = try string()
        case "limitType": p.limitType = try string()
        case "days": p.days = Double(bitPattern: try u64())
        case "unit": p.unit = try string()
        case "limit": p.limit = Double(bitPattern: try u64())
        default: throw CatalogueBinaryError("unknown parameter")
        }
      }
    }
  }
}

/// A binary catalogue that could not be read.
public struct CatalogueBinaryError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong.
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { "catalogue: \(message)" }
}
