import LicenseCheck
import Testing

/// Fixture texts written for these tests (not taken from any licence).
enum Fixture {
  static let layered = """
    SAMPLE WIDGET AGREEMENT

    "Widget Materials" means the weights and code we ship with this text.

    "Recipient" or "you" means the person accepting this text.

    1. Rights Granted.
        a. Use Grant. You may run the Widget Materials for any lawful purpose.
        b. Sharing Terms.
            i. If you share the Widget Materials, you must include this text.
            ii. You must keep the notice file intact.
    2. Scale Limit. If your service has more than 700 million monthly active users, ask us first.
    3. No warranty is given; use it at your own risk, e.g. in testing.
    """

  static let keyed = """
    Section 1: DEFINITIONS

    1.1 Terms

    (a) "Toolkit" means the program files we publish.

    (b) "Derived Model" means a model trained from the Toolkit.

    1.2

    Section 2: USE

    2.1 Permitted Use

    You may use the Toolkit.
    """

  static let articles = """
    ARTICLE I
    The scope of this text is small.

    ARTICLE II
    § 4 Payment Terms
    Details follow here.
    """

  static let letters = """
    Prohibited uses:
    (g) to spam;
    (h) to harass;
    (i) to defraud;
    (j) to impersonate.
    """
}

struct SectionTests {
  func sections(_ s: String) -> (TokenizedText, TextStructure) {
    let t = TokenizedText(s)
    return (t, Segmenter.segment(t))
  }

  @Test func nestedNumbersLettersRomans() {
    let (t, s) = sections(Fixture.layered)
    #expect(s.sections.map(\.path) == ["1", "1.a", "1.b", "1.b.i", "1.b.ii", "2", "3"])
    #expect(s.sections.map(\.number) == ["1", "a", "b", "i", "ii", "2", "3"])
    #expect(s.sections.map(\.level) == [1, 2, 2, 3, 3, 1, 1])
    #expect(
      s.sections.map(\.heading) == ["Rights Granted", "Use Grant", "Sharing Terms", nil, nil, "Scale Limit", nil])
    #expect(t.slice(s.sections[0].markerSpan) == "1.")
    // Section 1 runs up to section 2; its children end no later.
    #expect(t.slice(s.sections[0].span).hasPrefix("1. Rights Granted."))
    #expect(t.slice(s.sections[0].span).hasSuffix("notice file intact."))
    for child in s.sections[1...4] { #expect(s.sections[0].span.contains(child.span)) }
    #expect(t.slice(s.sections[6].span).hasSuffix("in testing."))
    #expect(s.headings.first?.text == "SAMPLE WIDGET AGREEMENT")
  }

  @Test func keywordAndDottedSections() {
    let (_, s) = sections(Fixture.keyed)
    #expect(s.sections.map(\.path) == ["1", "1.1", "1.1.a", "1.1.b", "1.2", "2", "2.1"])
    #expect(s.sections.map(\.level) == [1, 2, 3, 3, 2, 1, 2])
    #expect(s.sections.map(\.heading) == ["DEFINITIONS", "Terms", nil, nil, nil, "USE", "Permitted Use"])
  }

  @Test func articlesAndParagraphSigns() {
    let (_, s) = sections(Fixture.articles)
    #expect(s.sections.map(\.number) == ["I", "II", "4"])
    #expect(s.sections.map(\.path) == ["I", "II", "II.4"])
    #expect(s.sections.last?.heading == "Payment Terms")
  }

  @Test func letterIAfterH() {
    let (_, s) = sections(Fixture.letters)
    #expect(s.sections.map(\.number) == ["g", "h", "i", "j"])
    #expect(s.sections.allSatisfy { $0.level == 1 })
  }

  @Test(arguments: [
    "The rest is governed by\nsection 3 of the other licence.",
    "We refer you to\nSection 3 of this text for details.",
    "Wrapped text continues past\n2024. Another line.",
    "Copyright line follows:\n(c) 2024 Example Person",
  ])
  func runningTextIsNotASection(_ s: String) {
    let (_, st) = sections(s)
    #expect(st.sections.isEmpty)
  }

  @Test func innermostSection() throws {
    let (t, s) = sections(Fixture.layered)
    let offset = try #require(t.text.utf8.firstRange(of: "notice file".utf8)).lowerBound
    let o = t.text.utf8.distance(from: t.text.utf8.startIndex, to: offset)
    #expect(s.innermostSection(containing: o)?.path == "1.b.ii")
    #expect(s.innermostSection(containing: 0) == nil)
  }
}

struct SentenceTests {
  func sentences(_ s: String) -> [String] {
    let t = TokenizedText(s)
    return Segmenter.segment(t).sentences.map { t.slice($0.span) }
  }

  @Test(arguments: [
    ("This is one. This is two.", ["This is one.", "This is two."]),
    ("Use tools e.g. Hammers. Then stop.", ["Use tools e.g. Hammers.", "Then stop."]),
    ("Made by Example Inc. (the maker) here. Next.", ["Made by Example Inc. (the maker) here.", "Next."]),
    ("See https://example.org/a.b for more. Next one.", ["See https://example.org/a.b for more.", "Next one."]),
    ("Version 1.1 is out. Next.", ["Version 1.1 is out.", "Next."]),
    ("Ask U.S. officials now. Done.", ["Ask U.S. officials now.", "Done."]),
    ("Items:\n- first item\n- second item", ["Items:", "- first item", "- second item"]),
    ("Para one\n\nPara two", ["Para one", "Para two"]),
    ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
    ("He said \"stop.\" Then left.", ["He said \"stop.\"", "Then left."]),
    ("Visit example.com today; it is fine.", ["Visit example.com today; it is fine."]),
    ("See No. 5 here. Ok.", ["See No. 5 here.", "Ok."]),
    ("THE NAME OF EXAMPLE INC. MAY NOT BE USED. NEXT.", ["THE NAME OF EXAMPLE INC. MAY NOT BE USED.", "NEXT."]),
  ])
  func splits(_ input: String, _ expected: [String]) {
    #expect(sentences(input) == expected)
  }

  @Test func listItemsAndHeadingsStartSentences() {
    let got = sentences(Fixture.layered)
    #expect(got.contains("1. Rights Granted."))
    #expect(got.contains("a. Use Grant."))
    #expect(got.contains("You may run the Widget Materials for any lawful purpose."))
    #expect(got.contains("3. No warranty is given; use it at your own risk, e.g. in testing."))
  }

  @Test func partitionAndLookup() {
    let t = TokenizedText(Fixture.layered)
    let s = Segmenter.segment(t)
    var next = 0
    for sentence in s.sentences {
      #expect(sentence.tokenRange.lowerBound == next)
      next = sentence.tokenRange.upperBound
    }
    #expect(next == t.tokens.count)
    for (i, sentence) in s.sentences.enumerated() {
      #expect(s.sentenceIndex(containing: sentence.span.start) == i)
      #expect(s.sentenceIndex(containing: sentence.span.end - 1) == i)
    }
    #expect(s.sentenceIndex(containing: t.bytes.count + 10) == nil)
  }
}

struct DefinitionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let terms: [String]
    /// The start of the expected definition span.
    let definitionStart: String
    var testDescription: String { text }
  }

  @Test(arguments: [
    Case(
      text: "\"Widget Materials\" means the weights we ship.", terms: ["Widget Materials"],
      definitionStart: "\"Widget Materials\" means"),
    Case(text: "“Agreement” shall mean this text.", terms: ["Agreement"], definitionStart: "“Agreement” shall"),
    Case(
      text: "\"Recipient\" or \"you\" means the person accepting.", terms: ["Recipient", "you"],
      definitionStart: "\"Recipient\""),
    Case(
      text: "This program (the \"Software\") is offered freely.", terms: ["Software"], definitionStart: "This program"),
    Case(
      text: "Example Ltd (hereinafter \"Provider\") offers it.", terms: ["Provider"], definitionStart: "Example Ltd"),
    Case(text: "\"Model\" refers to the trained weights.", terms: ["Model"], definitionStart: "\"Model\" refers"),
    Case(
      text: "As used in this text, \"Affiliate\" means a related firm.", terms: ["Affiliate"],
      definitionStart: "As used"),
    Case(text: "Provider: means the company offering it.", terms: ["Provider"], definitionStart: "Provider:"),
    Case(
      text: "\"Derivatives of the Widget\" means changed copies.", terms: ["Derivatives of the Widget"],
      definitionStart: "\"Derivatives"),
    Case(text: "\"Source\" form shall mean the editable form.", terms: ["Source"], definitionStart: "\"Source\" form"),
    Case(
      text: "(a) \"Toolkit\" means the files.", terms: ["Toolkit"], definitionStart: "\"Toolkit\""),
    Case(
      text: "Anyone using it (“You”, “Your” or “User”) agrees.", terms: ["You", "Your", "User"],
      definitionStart: "Anyone"),
  ])
  func finds(_ c: Case) {
    let t = TokenizedText(c.text)
    let s = Segmenter.segment(t)
    #expect(s.definitions.map(\.term) == c.terms)
    for d in s.definitions {
      #expect(t.slice(d.definitionSpan).hasPrefix(c.definitionStart))
      #expect(t.slice(d.termSpan) == d.term)
      #expect(d.definitionSpan.contains(d.termSpan))
    }
    if c.terms.count > 1 { #expect(Set(s.definitions.map(\.definitionSpan)).count == 1) }
  }

  @Test func normalisedLookupAndTokenCount() throws {
    let t = TokenizedText("\"Derivatives  of the\nWidget\" means changed copies.\n\n\"Other\" means more.")
    let s = Segmenter.segment(t)
    let d = try #require(s.definition(named: "DERIVATIVES OF THE widget"))
    #expect(d.normalizedTerm == "derivatives of the widget")
    #expect(d.termTokenCount == 4)
    #expect(s.definition(named: "other")?.term == "Other")
    #expect(s.definition(named: "missing") == nil)
  }

  @Test(arguments: [
    "Display “Built with Widgets” on your site.",
    "The text \"AS IS\" applies here.",
    "Refer to \"you\" or \"your\" in the rest of this text.",
  ])
  func quotesWithoutDefinitions(_ s: String) {
    #expect(Segmenter.segment(TokenizedText(s)).definitions.isEmpty)
  }

  @Test func paragraphDefinitionRunsToParagraphEnd() throws {
    let text = "\"Output\" means what the model emits. It excludes the inputs.\n\nNext paragraph here."
    let t = TokenizedText(text)
    let d = try #require(Segmenter.segment(t).definition(named: "output"))
    #expect(t.slice(d.definitionSpan) == "\"Output\" means what the model emits. It excludes the inputs.")
  }
}

/// Layout that is not meaning: comment leaders and sentences in capitals wrapped at the margin.
struct LayoutTests {
  func sentences(_ s: String, leaders: Bool = true) -> [String] {
    let t = TokenizedText(s, skippingCommentLeaders: leaders)
    return Segmenter.segment(t).sentences.map { t.sliceWithoutLeaders($0.span) }
  }

  @Test func commentBlockReadsAsPlainText() {
    let block = """
      /*
       * You may share this widget, provided
       * that you keep this note.
       *
       * 1. Keep the name.
       */
      """
    let got = sentences(block)
    #expect(got.contains("You may share this widget, provided\n   that you keep this note."))
    #expect(got.contains("1. Keep the name."))
    // Without the option the `*` column stays (identification matches reference texts as written).
    #expect(TokenizedText(block).tokens.count > TokenizedText(block, skippingCommentLeaders: true).tokens.count)
  }

  @Test func hashAndSlashLeadersAndMarkdownHeadings() {
    #expect(
      sentences("# Terms\n\n# You may copy it\n# if you keep this note.") == [
        "Terms", "You may copy it\n  if you keep this note.",
      ])
    #expect(
      sentences("// You may copy it\n// if you keep this note.") == ["You may copy it\n   if you keep this note."])
  }

  @Test func anItemAfterALineEndingInAnAddress() {
    let got = sentences(
      "Include on copies:\n1. A link to the text at\nthis place: https://example.org/terms\n2. The full text of this note."
    )
    #expect(got.last == "2. The full text of this note.")
  }

  @Test func listItemsAfterAnIntroAndAfterAnIndentedQuote() {
    let got = sentences(
      "You may share it, provided that\n1. Every copy names us.\n2. You show this line:\n     Made with Widget\n3. No name is used."
    )
    #expect(got.contains("1. Every copy names us."))
    #expect(got.contains("3. No name is used."))
  }

  @Test func aPeriodBulletEndsNoSentence() {
    let lower = sentences("You may not\n\n. rent the widget;\n\n. sell the widget.")
    let upper = sentences("You may not\n\n. RENT THE WIDGET;\n\n. sell the widget.")
    #expect(lower == ["You may not", ". rent the widget;", ". sell the widget."])
    #expect(upper == ["You may not", ". RENT THE WIDGET;", ". sell the widget."])
  }

  @Test func aPlainStarListKeepsItsItems() {
    #expect(
      sentences("You may not:\n* rent it;\n* sell it;\n* lend it.") == [
        "You may not:", "* rent it;", "* sell it;", "* lend it.",
      ])
  }

  @Test func wrappedCapitalsAreNotHeadings() {
    let text = """
      Some terms.

      THE NAME OF THE WIDGET MAKER AND THE NAMES OF ITS HELPERS
      MUST NOT BE USED TO PROMOTE OTHER WIDGETS.

      LIMITATION OF LIABILITY
      NO HELPER IS LIABLE.
      """
    let t = TokenizedText(text)
    let s = Segmenter.segment(t)
    #expect(s.headings.map(\.text) == ["LIMITATION OF LIABILITY"])
    #expect(
      s.sentences.map { t.slice($0.span) }.contains(
        "THE NAME OF THE WIDGET MAKER AND THE NAMES OF ITS HELPERS\nMUST NOT BE USED TO PROMOTE OTHER WIDGETS."))
  }
}
