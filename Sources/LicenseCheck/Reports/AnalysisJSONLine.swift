/// The `jsonl` line of a ``LicenseAnalysis``, written field by field: byte for byte what
/// ``CompactJSON`` (and so `JSONEncoder` with sorted keys and unescaped slashes) writes for it.
///
/// ```swift
/// let bytes = AnalysisJSONLine.bytes(analysis)   // nil only for a non-finite number
/// ```
///
/// Why: the generic `Encodable` walk (an encoder object, a member list and a copy of the written
/// bytes per nested object, keys sorted at the end) was 17 % of the CLI's instructions for
/// `analyze --format jsonl`; here every key is a literal written in its sorted place, straight into
/// one buffer. The price is that a field added to the model must be added here too: the tests
/// compare both writers on values with every optional field set, and on the corpus analyses.
public enum AnalysisJSONLine {
  /// The line's bytes (no trailing newline), or nil when the analysis holds a non-finite number,
  /// which only the generic path reports (as `JSONEncoder` does, by throwing).
  public static func bytes(_ analysis: LicenseAnalysis) -> [UInt8]? {
    var w = JSONLineBuffer()
    w.bytes.reserveCapacity(4096 + 256 * (analysis.clauses.count + analysis.unexplained.count))
    do {
      try w.analysis(analysis)
    } catch {
      return nil
    }
    return w.bytes
  }
}

/// Thrown for a number JSON cannot hold; the caller falls back to the generic encoder.
struct NonFiniteNumber: Error {}

/// The buffer and primitives of ``AnalysisJSONLine``: keys are literals with their quotes and colon;
/// a separator is written before a member or element unless it is the first of its container (the
/// byte before it is then the container's opening bracket, which no value ends with).
struct JSONLineBuffer {
  var bytes: [UInt8] = []

  @inline(__always) mutating func raw(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// A key (`"name":`), after a comma unless it opens the object.
  @inline(__always) mutating func key(_ k: StaticString) {
    if bytes.last != 0x7B { bytes.append(0x2C) }
    raw(k)
  }

  /// The separator before an array element.
  @inline(__always) mutating func comma() {
    if bytes.last != 0x5B { bytes.append(0x2C) }
  }

  mutating func bool(_ v: Bool) { v ? raw("true") : raw("false") }

  /// A decimal integer, as `description` writes it.
  mutating func int(_ v: Int) {
    if v >= 0 && v < 10 {
      bytes.append(0x30 &+ UInt8(truncatingIfNeeded: v))
      return
    }
    var m = v.magnitude
    if v < 0 { bytes.append(0x2D) }
    // 20 digits hold any magnitude, written from the end of a 24-byte scratch.
    var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &scratch) { buf in
      var i = 24
      repeat {
        i -= 1
        buf[i] = 0x30 &+ UInt8(truncatingIfNeeded: m % 10)
        m /= 10
      } while m != 0
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i..<24]))
    }
  }

  mutating func int64(_ v: Int64) { int(Int(v)) }

  /// A `Double` as `JSONEncoder` writes it: its `description` without a trailing `.0`.
  mutating func double(_ v: Double) throws {
    guard v.isFinite else { throw NonFiniteNumber() }
    if v == v.rounded(), v.magnitude < 1e15 {
      // Whole numbers below 1e15 print as integers in `description` (`1.0` → `1`).
      int(Int(v))
      if v == 0, v.sign == .minus {
        // `-0.0` prints `-0`.
        bytes.removeLast()
        raw("-0")
      }
      return
    }
    var s = v.description
    if s.hasSuffix(".0") { s.removeLast(2) }
    bytes.append(contentsOf: s.utf8)
  }

  /// A JSON string with `JSONEncoder`'s escapes (``JSONEscape/appendQuoted(_:to:)``).
  mutating func string(_ s: String) { JSONEscape.appendQuoted(s, to: &bytes) }

  mutating func strings(_ list: [String]) {
    bytes.append(0x5B)
    for s in list {
      comma()
      string(s)
    }
    bytes.append(0x5D)
  }

  mutating func ints(_ list: [Int]) {
    bytes.append(0x5B)
    for v in list {
      comma()
      int(v)
    }
    bytes.append(0x5D)
  }

  mutating func rawValues<E: RawRepresentable>(_ list: [E]) where E.RawValue == String {
    bytes.append(0x5B)
    for v in list {
      comma()
      string(v.rawValue)
    }
    bytes.append(0x5D)
  }
}

// Each writer below lists its type's keys in the order `JSONEncoder` sorts them (by UTF-8 bytes) and
// writes what the type's `encode(to:)` writes: optionals only when set (unless noted).
extension JSONLineBuffer {
  mutating func analysis(_ a: LicenseAnalysis) throws {
    raw("{")
    key("\"clauses\":")
    raw("[")
    for c in a.clauses {
      comma()
      try clause(c)
    }
    raw("]")
    if let c = a.conformance {
      key("\"conformance\":")
      raw("{\"because\":")
      ints(c.because)
      raw(",\"reason\":")
      string(c.reason)
      raw(",\"status\":")
      string(c.status.rawValue)
      raw("}")
    }
    if let c = a.coverage {
      key("\"coverage\":")
      raw("{\"explained\":")
      int(c.explained)
      raw(",\"normative\":")
      int(c.normative)
      raw(",\"ratio\":")
      try double((c.ratio * 1000).rounded() / 1000)
      raw("}")
    }
    if let d = a.declaredLicense { declaration(d) }
    if let d = a.documentClass {
      key("\"documentClass\":")
      raw("{\"because\":")
      ints(d.because)
      raw(",\"class\":")
      string(d.class.rawValue)
      raw(",\"english\":")
      bool(d.english)
      raw(",\"reason\":")
      string(d.reason)
      if let r = d.refersTo {
        raw(",\"refersTo\":")
        string(r)
      }
      raw("}")
    }
    // Always written: null when nothing matched.
    key("\"identification\":")
    if let i = a.identification { try identification(i) } else { raw("null") }
    key("\"osd\":")
    raw("[")
    for v in a.osd {
      comma()
      raw("{\"because\":")
      ints(v.because)
      raw(",\"criterion\":")
      string(v.criterion)
      raw(",\"explanation\":")
      string(v.explanation)
      raw(",\"title\":")
      string(v.title)
      raw(",\"verdict\":")
      string(v.verdict.rawValue)
      raw("}")
    }
    raw("]")
    key("\"osdConformant\":")
    bool(a.osdConformant)
    key("\"schemaVersion\":")
    int(a.schemaVersion)
    key("\"source\":")
    raw("{\"bytes\":")
    int(a.source.bytes)
    raw(",\"format\":")
    string(a.source.format.rawValue)
    raw(",\"path\":")
    string(a.source.path)
    raw(",\"sha256\":")
    string(a.source.sha256)
    raw("}")
    if let t = a.truncated {
      key("\"truncated\":")
      raw("{\"analyzedBytes\":")
      int(t.analyzedBytes)
      raw(",\"lastLine\":")
      int(t.lastLine)
      raw(",\"limit\":")
      string(t.limit)
      raw(",\"totalBytes\":")
      int(t.totalBytes)
      raw("}")
    }
    key("\"unexplained\":")
    raw("[")
    for u in a.unexplained {
      comma()
      raw("{\"cues\":")
      strings(u.cues)
      if let s = u.section {
        raw(",\"section\":")
        string(s)
      }
      raw(",\"span\":")
      span(u.span)
      raw(",\"text\":")
      string(u.text)
      raw("}")
    }
    raw("]")
    key("\"warnings\":")
    raw("[")
    for w in a.warnings {
      comma()
      raw("{\"because\":")
      ints(w.because)
      raw(",\"explanation\":")
      string(w.explanation)
      raw(",\"kind\":")
      string(w.kind)
      raw("}")
    }
    raw("]")
    raw("}")
  }

  mutating func span(_ s: ClauseSpan) {
    raw("{\"end\":")
    int(s.end)
    raw(",\"line\":")
    int(s.line)
    raw(",\"start\":")
    int(s.start)
    raw("}")
  }

  mutating func clause(_ c: Clause) throws {
    raw("{")
    if let d = c.document {
      key("\"document\":")
      string(d)
    }
    key("\"effect\":")
    string(c.effect.rawValue)
    raw(",\"evidence\":")
    string(c.evidence)
    raw(",\"kind\":")
    string(c.kind.rawValue)
    raw(",\"parameters\":")
    try parameters(c.parameters)
    if let s = c.section {
      raw(",\"section\":")
      string(s)
    }
    raw(",\"span\":")
    span(c.span)
    raw("}")
  }

  /// A whole number as `ClauseParameters.encode(to:)` writes `days` and `limit`.
  mutating func wholeOrZero(_ v: Double) { int64(Int64(exactly: v) ?? 0) }

  mutating func parameters(_ p: ClauseParameters) throws {
    raw("{")
    if let v = p.consequence {
      key("\"consequence\":")
      string(v.rawValue)
    }
    if let v = p.currency {
      key("\"currency\":")
      string(v)
    }
    if let v = p.days {
      key("\"days\":")
      wholeOrZero(v)
    }
    if let v = p.excluded {
      key("\"excluded\":")
      strings(v)
    }
    if let v = p.fields {
      key("\"fields\":")
      strings(v)
    }
    if let v = p.included {
      key("\"included\":")
      strings(v)
    }
    if let v = p.irrevocable {
      key("\"irrevocable\":")
      bool(v)
    }
    if let v = p.jurisdiction {
      key("\"jurisdiction\":")
      string(v)
    }
    if let v = p.limit {
      key("\"limit\":")
      wholeOrZero(v)
    }
    if let v = p.limited {
      key("\"limited\":")
      bool(v)
    }
    if let v = p.mechanism {
      key("\"mechanism\":")
      rawValues(v)
    }
    if let v = p.metric {
      key("\"metric\":")
      string(v.rawValue)
    }
    if let v = p.nonExclusive {
      key("\"nonExclusive\":")
      bool(v)
    }
    if let v = p.nonTransferable {
      key("\"nonTransferable\":")
      bool(v)
    }
    if let v = p.noticeText {
      key("\"noticeText\":")
      string(v)
    }
    if let v = p.owner {
      key("\"owner\":")
      string(v)
    }
    if let v = p.perpetual {
      key("\"perpetual\":")
      bool(v)
    }
    if let v = p.position {
      key("\"position\":")
      string(v)
    }
    if let v = p.reference {
      key("\"reference\":")
      string(v)
    }
    if let v = p.requiredPhrase {
      key("\"requiredPhrase\":")
      string(v)
    }
    if let v = p.rights {
      key("\"rights\":")
      rawValues(v)
    }
    if let v = p.royaltyFree {
      key("\"royaltyFree\":")
      bool(v)
    }
    if let v = p.scope {
      key("\"scope\":")
      string(v)
    }
    if let v = p.text {
      key("\"text\":")
      string(v)
    }
    // Whole numbers as integers; a non-finite threshold is left out (see `ClauseParameters.encode(to:)`).
    if let v = p.threshold, v.isFinite {
      key("\"threshold\":")
      if v.rounded() == v, abs(v) < 9e15 { int64(Int64(v)) } else { try double(v) }
    }
    if let v = p.triggers {
      key("\"triggers\":")
      rawValues(v)
    }
    if let v = p.limitType {
      key("\"type\":")
      string(v)
    }
    if let v = p.unit {
      key("\"unit\":")
      string(v)
    }
    if let v = p.updatable {
      key("\"updatable\":")
      bool(v)
    }
    if let v = p.venue {
      key("\"venue\":")
      string(v)
    }
    if let v = p.what {
      key("\"what\":")
      string(v)
    }
    if let v = p.where {
      key("\"where\":")
      strings(v)
    }
    if let v = p.who {
      key("\"who\":")
      string(v)
    }
    if let v = p.worldwide {
      key("\"worldwide\":")
      bool(v)
    }
    raw("}")
  }

  mutating func declaration(_ d: LicenseDeclaration) {
    key("\"declaredLicense\":")
    raw("{")
    if let v = d.id {
      key("\"id\":")
      string(v)
    }
    if let v = d.license {
      key("\"license\":")
      string(v)
    }
    if let v = d.licenseLink {
      key("\"licenseLink\":")
      string(v)
    }
    if let v = d.licenseName {
      key("\"licenseName\":")
      string(v)
    }
    if let v = d.name {
      key("\"name\":")
      string(v)
    }
    if let v = d.resolvedBy {
      key("\"resolvedBy\":")
      string(v)
    }
    raw("}")
  }

  mutating func identification(_ i: Identification) throws {
    raw("{")
    if let v = i.alternatives {
      key("\"alternatives\":")
      strings(v)
    }
    key("\"candidates\":")
    raw("[")
    for c in i.candidates {
      comma()
      raw("{\"confidence\":")
      try double(c.confidence)
      raw(",\"id\":")
      string(c.id)
      raw("}")
    }
    raw("]")
    raw(",\"confidence\":")
    try double(i.confidence)
    if let v = i.coverage {
      raw(",\"coverage\":")
      try double(v)
    }
    if let v = i.differences {
      raw(",\"differences\":[")
      for d in v {
        comma()
        difference(d)
      }
      raw("]")
    }
    if let v = i.expression {
      raw(",\"expression\":")
      string(v)
    }
    if let v = i.family {
      raw(",\"family\":")
      string(v)
    }
    raw(",\"id\":")
    string(i.id)
    if let v = i.lowConfidence {
      raw(",\"lowConfidence\":")
      bool(v)
    }
    raw(",\"method\":")
    string(i.method)
    raw(",\"name\":")
    string(i.name)
    if let v = i.segments {
      raw(",\"segments\":[")
      for s in v {
        comma()
        try segment(s)
      }
      raw("]")
    }
    if let v = i.version {
      raw(",\"version\":")
      string(v)
    }
    raw("}")
  }

  mutating func segment(_ s: IdentifiedSegment) throws {
    raw("{\"confidence\":")
    try double(s.confidence)
    if let v = s.declared {
      raw(",\"declared\":")
      string(v)
    }
    if let v = s.declaredID {
      raw(",\"declaredID\":")
      string(v)
    }
    raw(",\"id\":")
    string(s.id)
    raw(",\"lineEnd\":")
    int(s.lineEnd)
    raw(",\"lineStart\":")
    int(s.lineStart)
    if let v = s.matchesDeclared {
      raw(",\"matchesDeclared\":")
      bool(v)
    }
    raw(",\"method\":")
    string(s.method)
    raw("}")
  }

  mutating func difference(_ d: ClauseDifference) {
    raw("{\"change\":")
    string(d.change.rawValue)
    if let v = d.expected {
      raw(",\"expected\":")
      string(v)
    }
    if let v = d.found {
      raw(",\"found\":")
      string(v)
    }
    raw(",\"kind\":")
    string(d.kind.rawValue)
    if let v = d.line {
      raw(",\"line\":")
      int(v)
    }
    if let v = d.parameter {
      raw(",\"parameter\":")
      string(v)
    }
    if let v = d.section {
      raw(",\"section\":")
      string(v)
    }
    raw("}")
  }
}
