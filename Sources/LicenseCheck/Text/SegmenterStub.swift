// TEMPORARY: replaced by the text branch's real implementation.
public struct Quantity: Sendable, Codable, Equatable, Hashable {
  public let value: Double
  public let currency: String?
  public let span: Span
  public let tokenRange: Range<Int>
}
public enum Quantities {
  public static func find(in text: TokenizedText) -> [Quantity] {
    var out: [Quantity] = []
    let toks = text.tokens
    var i = 0
    while i < toks.count {
      let t = toks[i]
      if t.kind == .number {
        let s = text.normalized(t).replacingOccurrences(of: ",", with: "")
        if var v = Double(s) {
          var end = i + 1
          if end < toks.count {
            let n = text.normalized(toks[end])
            if n == "million" {
              v *= 1e6
              end += 1
            } else if n == "billion" {
              v *= 1e9
              end += 1
            }
          }
          var cur: String? = nil
          if i > 0, text.normalized(toks[i - 1]) == "$" { cur = "USD" }
          out.append(
            Quantity(
              value: v, currency: cur, span: Span(start: Int(t.start), end: Int(toks[end - 1].end)), tokenRange: i..<end
            ))
          i = end
          continue
        }
      }
      i += 1
    }
    return out
  }
}
public struct Sentence: Sendable, Codable, Equatable, Hashable {
  public let span: Span
  public let tokenRange: Range<Int>
}
public struct Section: Sendable, Codable, Equatable, Hashable {
  public let number: String?
  public let path: String?
  public let heading: String?
  public let level: Int
  public let span: Span
  public let markerSpan: Span
}
public struct Heading: Sendable, Codable, Equatable, Hashable {
  public let text: String
  public let span: Span
  public let level: Int
}
public struct Definition: Sendable, Codable, Equatable, Hashable {
  public let term: String
  public let normalizedTerm: String
  public let termSpan: Span
  public let definitionSpan: Span
  public let termTokenCount: Int
}
public struct TextStructure: Sendable, Equatable {
  public let sentences: [Sentence]
  public let sections: [Section]
  public let headings: [Heading]
  public let definitions: [Definition]
  public func sentenceIndex(containing offset: Int) -> Int? {
    sentences.firstIndex { $0.span.start <= offset && offset < $0.span.end }
  }
  public func innermostSection(containing offset: Int) -> Section? { nil }
  public func definition(named term: String) -> Definition? { nil }
}
public enum Segmenter {
  public static func segment(_ text: TokenizedText) -> TextStructure {
    var sentences: [Sentence] = []
    let toks = text.tokens
    var start = 0
    for (i, t) in toks.enumerated() {
      let n = text.normalized(t)
      let nextLine = i + 1 < toks.count && toks[i + 1].line > t.line + 1
      if n == "." || n == ";" || n == ":" || nextLine || i == toks.count - 1 {
        sentences.append(
          Sentence(span: Span(start: Int(toks[start].start), end: Int(t.end)), tokenRange: start..<(i + 1)))
        start = i + 1
      }
    }
    return TextStructure(sentences: sentences, sections: [], headings: [], definitions: [])
  }
}
