/// A sentence: a run of tokens ending at a real sentence end, a paragraph break or a list item.
///
/// Sentences partition the token array: every token belongs to exactly one sentence.
public struct Sentence: Sendable, Codable, Equatable, Hashable {
  /// From the first token's first byte to the last token's last byte.
  public let span: Span
  /// The token indices covered.
  public let tokenRange: Range<Int>

  /// Creates a sentence.
  public init(span: Span, tokenRange: Range<Int>) {
    self.span = span
    self.tokenRange = tokenRange
  }
}

/// A numbered section or sub-clause (`1.`, `1.1`, `(a)`, `i.`, `Section 3:`, `ARTICLE IV`, `§ 4`).
public struct Section: Sendable, Codable, Equatable, Hashable {
  /// The number as printed without keyword or punctuation: `"3"` for `Section 3:`, `"a"` for `(a)`,
  /// `"1.1"` for `1.1`, `"IV"` for `ARTICLE IV`. Letter and roman case is kept, because a text may
  /// use `A.` and `a.` on different levels.
  public let number: String?
  /// The dotted path through the enclosing sections: `"1.b.i"`, `"2"`, `"4.a"`. A dotted number
  /// that already starts with its parent's path (`1.1` under `Section 1`) is not repeated (`"1.1"`).
  public let path: String?
  /// The heading on the section line, if it has one (`"Grant of Rights"`).
  public let heading: String?
  /// Nesting depth; 1 is top level.
  public let level: Int
  /// From the marker to the end of the last token before the next section at the same or a
  /// higher level (or the end of the text).
  public let span: Span
  /// The marker itself (`1.`, `(a)`, `Section 3:`).
  public let markerSpan: Span

  /// Creates a section.
  public init(number: String?, path: String?, heading: String?, level: Int, span: Span, markerSpan: Span) {
    self.number = number
    self.path = path
    self.heading = heading
    self.level = level
    self.span = span
    self.markerSpan = markerSpan
  }
}

/// A heading: a section line's title, or a short title-like line standing on its own.
public struct Heading: Sendable, Codable, Equatable, Hashable {
  /// The heading text as written.
  public let text: String
  /// Its bytes in the plain text.
  public let span: Span
  /// 1 for top-level headings; a section heading has its section's level, and an unnumbered
  /// heading inside a section is one deeper than that section (ALL-CAPS ones are always 1).
  public let level: Int

  /// Creates a heading.
  public init(text: String, span: Span, level: Int) {
    self.text = text
    self.span = span
    self.level = level
  }
}

/// A defined term: `"Llama Materials" means …`, `(the "Software")`, `Licensor means …`.
public struct Definition: Sendable, Codable, Equatable, Hashable {
  /// The term as written, without quotes (`"Llama Materials"`).
  public let term: String
  /// Lowercase with whitespace runs collapsed to single spaces (`"llama materials"`).
  public let normalizedTerm: String
  /// The term's bytes (inside the quotes).
  public let termSpan: Span
  /// The defining text: from the term to the end of its paragraph for `X means …` definitions,
  /// the enclosing sentence for parenthetical ones.
  public let definitionSpan: Span
  /// How many tokens the term has.
  public let termTokenCount: Int

  /// Creates a definition.
  public init(term: String, normalizedTerm: String, termSpan: Span, definitionSpan: Span, termTokenCount: Int) {
    self.term = term
    self.normalizedTerm = normalizedTerm
    self.termSpan = termSpan
    self.definitionSpan = definitionSpan
    self.termTokenCount = termTokenCount
  }

  /// Lowercase with whitespace runs collapsed, the form ``normalizedTerm`` holds.
  public static func normalize(_ term: String) -> String {
    var out = ""
    out.reserveCapacity(term.utf8.count)
    var pendingSpace = false
    for ch in term.lowercased().unicodeScalars {
      if ch.properties.isWhitespace {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.unicodeScalars.append(" ")
        pendingSpace = false
      }
      out.unicodeScalars.append(ch)
    }
    return out
  }
}

/// The structure of a text: sentences, numbered sections, headings and defined terms.
///
/// Built by ``Segmenter/segment(_:)``; all spans index the plain text the tokens came from.
public struct TextStructure: Sendable, Equatable {
  /// Sentences in text order, partitioning the tokens.
  public let sentences: [Sentence]
  /// Sections in text order (by marker position); nested sections follow their parent.
  public let sections: [Section]
  /// Headings in text order.
  public let headings: [Heading]
  /// Definitions in text order.
  public let definitions: [Definition]
  /// First definition index per normalised term, for ``definition(named:)``.
  let definitionIndex: [String: Int]

  /// Creates a structure from its parts.
  public init(sentences: [Sentence], sections: [Section], headings: [Heading], definitions: [Definition]) {
    self.sentences = sentences
    self.sections = sections
    self.headings = headings
    self.definitions = definitions
    var index: [String: Int] = [:]
    for (i, d) in definitions.enumerated() where index[d.normalizedTerm] == nil {
      index[d.normalizedTerm] = i
    }
    definitionIndex = index
  }

  /// The index of the sentence whose span contains a byte offset; nil between sentences.
  ///
  /// - Complexity: O(log n) in the number of sentences.
  public func sentenceIndex(containing offset: Int) -> Int? {
    var lo = 0
    var hi = sentences.count
    // Last sentence starting at or before the offset.
    while lo < hi {
      let mid = (lo + hi) / 2
      if sentences[mid].span.start <= offset { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0, offset < sentences[lo - 1].span.end else { return nil }
    return lo - 1
  }

  /// The deepest section whose span contains a byte offset.
  ///
  /// Section spans nest (a child ends no later than its parent), so the containing section
  /// that starts last is the deepest one.
  ///
  /// - Complexity: O(log n) to find the candidates, then a walk back over earlier sections
  ///   that end before the offset.
  public func innermostSection(containing offset: Int) -> Section? {
    var lo = 0
    var hi = sections.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sections[mid].span.start <= offset { lo = mid + 1 } else { hi = mid }
    }
    var i = lo - 1
    while i >= 0 {
      let s = sections[i]
      if offset < s.span.end || (offset == s.span.end && s.span.isEmpty) { return s }
      if s.level == 1 { return nil }
      i -= 1
    }
    return nil
  }

  /// The first definition of a term, compared case-insensitively with whitespace collapsed.
  public func definition(named term: String) -> Definition? {
    definitionIndex[Definition.normalize(term)].map { definitions[$0] }
  }
}

extension Span {
  /// True when the span covers no bytes.
  var isEmpty: Bool { start == end }
}
