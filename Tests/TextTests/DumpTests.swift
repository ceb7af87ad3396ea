import Foundation
import LicenseCheck
import Testing

/// Prints the structure of the files named in `TEXT_DUMP` (comma-separated paths); a
/// development aid, silent unless the variable is set.
@Test func dumpStructure() throws {
  guard let list = ProcessInfo.processInfo.environment["TEXT_DUMP"] else { return }
  for path in list.split(separator: ",") {
    let raw = try String(contentsOfFile: String(path), encoding: .utf8)
    let t = TokenizedText(raw)
    let s = Segmenter.segment(t)
    print("=== \(path)")
    for sec in s.sections {
      print(
        "SEC L\(sec.level) \(sec.path ?? "-") [\(sec.number ?? "-")] h=\(sec.heading ?? "-") len=\(sec.span.length)")
    }
    for h in s.headings where ProcessInfo.processInfo.environment["TEXT_DUMP_H"] != nil {
      print("HEAD L\(h.level) \(h.text)")
    }
    for d in s.definitions {
      print(
        "DEF \(d.term) :: \(t.slice(d.definitionSpan).prefix(60).replacingOccurrences(of: "\n", with: " "))…\(d.definitionSpan.length)"
      )
    }
    for q in Quantities.find(in: t) {
      let lo = max(0, q.span.start - 30)
      let hi = min(t.bytes.count, q.span.end + 20)
      let ctx = t.slice(Span(start: lo, end: hi)).replacingOccurrences(of: "\n", with: " ")
      print("QTY \(q.value) \(q.currency ?? "") «\(t.slice(q.span))» ‹\(ctx)›")
    }
    if ProcessInfo.processInfo.environment["TEXT_DUMP_S"] != nil {
      for x in s.sentences { print("SENT «\(t.slice(x.span).prefix(90).replacingOccurrences(of: "\n", with: " "))»") }
    }
  }
}
