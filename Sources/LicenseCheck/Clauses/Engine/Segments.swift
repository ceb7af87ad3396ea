/// A part of a document with one role: many model repositories ship the licence with
/// its use policy appended in the same file.
public struct TextSegment: Sendable, Codable, Equatable, Hashable {
  /// Licence or policy.
  public let role: DocumentRole
  /// Byte span in the plain text.
  public let span: Span
  /// First line (1-based).
  public let startLine: Int
  /// Last line (1-based).
  public let endLine: Int
}

/// Splits a text into licence and policy segments at a use-policy title.
enum Segments {
  struct Segment {
    let role: DocumentRole
    let sentences: Range<Int>
  }

  static let policyTitle: PhraseSet = [
    "acceptable use policy", "prohibited use policy", "use policy", "usage policy", "acceptable use guidelines",
    "responsible use policy",
  ]
  static let grantLanguage: PhraseSet = [
    "grant", "grants", "granted", "hereby grant*", "you may", "license to", "licence to", "is licensed",
  ]

  /// Headings that open a licence section, ending a policy placed inside the licence.
  static let licenceHeadings: PhraseSet = [
    "indemnity", "indemnification", "limitation of liability", "limitations of liability", "liability",
    "governing law", "applicable law", "jurisdiction", "termination", "term and termination", "trademarks",
    "trademark", "redistribution", "commercial terms", "additional commercial terms",
    "disclaimer of warranty", "disclaimer of warranties", "warranty", "warranties", "general", "miscellaneous",
    "intellectual property", "license rights", "licence rights", "grant of rights", "ownership", "export",
    "export control", "entire agreement", "severability", "fees", "payment", "confidentiality", "assignment",
    "monthly active users",
  ]

  static func split(
    views: [SentenceView], text: TokenizedText, role: DocumentRole, structure: TextStructure? = nil
  ) -> [Segment] {
    guard !views.isEmpty else { return [] }
    guard role == .licence else { return [Segment(role: role, sentences: 0..<views.count)] }
    // A title line naming a use policy: short, at the start of a line.
    var title: Int?
    // The title is the policy's name, capitalised ("Meta Llama 3 Acceptable Use Policy"), not a
    // sentence that mentions "the usage policy".
    for v in views where v.count > 0 && v.count <= 10 && v.has(policyTitle) {
      if let m = v.first(policyTitle), m.lowerBound <= 4, v.isCapitalised(m.lowerBound),
        v.isCapitalised(m.upperBound - 1)
      {
        title = v.index
        break
      }
    }
    guard let t = title else { return [Segment(role: .licence, sentences: 0..<views.count)] }
    let grantBefore = views[0..<t].contains { $0.has(grantLanguage) && !$0.has(policyTitle) }
    if !grantBefore {
      // A policy document opens with its title; a title deep inside a text without a grant is a heading.
      return [Segment(role: t <= 2 ? .policy : .licence, sentences: 0..<views.count)]
    }
    // The policy part must actually ban something; otherwise the title was a cross-reference heading.
    let bansAfter = views[t...].contains { $0.has(Lexicon.prohibition) }
    guard bansAfter, t > 0 else { return [Segment(role: .licence, sentences: 0..<views.count)] }
    let end = structure.map { policyEnd(after: t, views: views, text: text, structure: $0) } ?? views.count
    var out = [Segment(role: .licence, sentences: 0..<t), Segment(role: .policy, sentences: t..<end)]
    if end < views.count { out.append(Segment(role: .licence, sentences: end..<views.count)) }
    return out
  }

  /// Where a policy inside a licence ends: at the next section of the same or a higher level than the
  /// policy's own heading, or at a heading that names a licence topic (Indemnity, Governing Law, …).
  /// A policy appended at the end, with no numbered heading of its own, runs to the end.
  static func policyEnd(after t: Int, views: [SentenceView], text: TokenizedText, structure: TextStructure) -> Int {
    let titleStart = views[t].span.start
    var end = views.count
    // The section the title heads (its marker is just before the title or on the same line).
    if let own = structure.sections.last(where: { $0.markerSpan.start <= titleStart && $0.span.end > titleStart }),
      let next = structure.sections.first(where: { $0.markerSpan.start > titleStart && $0.level <= own.level }),
      let k = structure.sentenceIndex(containing: next.markerSpan.start), k > t
    {
      end = k
    }
    // A short title naming a licence topic, after the policy has said something.
    for k in (t + 2)..<Swift.max(t + 2, end) {
      let v = views[k]
      if v.count > 0, v.count <= 6, ExtractionContext.isHeading(v), let m = v.first(licenceHeadings), m.lowerBound <= 2,
        !v.has(policyTitle)
      {
        return k
      }
    }
    return end
  }
}
