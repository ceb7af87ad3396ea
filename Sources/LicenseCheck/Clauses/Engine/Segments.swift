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

  static func split(views: [SentenceView], text: TokenizedText, role: DocumentRole) -> [Segment] {
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
    return [Segment(role: .licence, sentences: 0..<t), Segment(role: .policy, sentences: t..<views.count)]
  }
}
