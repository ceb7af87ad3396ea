/// What kind of document a text is: a licence, a use policy, a notice pointing at a licence, terms of
/// service, or not a licence at all (a README, a source file, a changelog).
public enum DocumentClass: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// Grants or withholds rights in a work (including a proprietary "all rights reserved" notice).
  case licence
  /// A list of acceptable or prohibited uses, usually incorporated by a licence.
  case usePolicy = "use-policy"
  /// A short pointer to a licence ("Licensed under the Apache License 2.0 …").
  case notice
  /// Terms for using a hosted service, website or API.
  case termsOfService = "terms-of-service"
  /// No licence language: the OSD is not judged.
  case notALicence = "not-a-licence"
}

/// The class of a document with the evidence it rests on.
public struct DocumentClassification: Sendable, Codable, Equatable, Hashable {
  /// The class.
  public let `class`: DocumentClass
  /// One plain sentence saying why.
  public let reason: String
  /// Indexes into the analysis's `clauses` that support it.
  public let because: [Int]
  /// For a notice: the id of the licence it names, when identification resolved it.
  public let refersTo: String?
  /// False when the text is not in English: the clause rules read English only, so its verdicts are
  /// `unknown` rather than drawn from clauses the rules could not see.
  public var english: Bool = true

  /// Creates a classification.
  public init(class: DocumentClass, reason: String, because: [Int] = [], refersTo: String? = nil) {
    self.class = `class`
    self.reason = reason
    self.because = because
    self.refersTo = refersTo
  }
}

/// Classifies a document from its words, its clauses and its identification.
///
/// The order of the tests matters: a known licence is a licence whatever its length; a short text that
/// names a licence it is "licensed under" is a notice; a text without a grant whose clauses are use bans
/// under a policy title is a use policy; a text that withholds rights ("all rights reserved", "may not
/// copy") is a licence; anything else without licence language is not a licence.
public enum DocumentClassifier {
  static let pointer: PhraseSet = [
    "licensed under", "licenced under", "released under", "distributed under", "available under",
    "under the terms of", "is free software", "spdx license identifier", "subject to the terms of",
    "governed by the terms of", "covered by the", "made available under", "provided under", "you may obtain a copy",
    "see the license", "see license", "a copy of the license", "licensed to you under", "published under",
    "dual licensed", "licensed under either",
  ]
  static let licenceNames: PhraseSet = [
    "license", "licence", "gpl", "lgpl", "agpl", "mit", "bsd", "apache", "mozilla", "mpl", "creative commons",
    "public domain", "cc0", "artistic", "eclipse", "epl",
  ]
  static let withholding: PhraseSet = [
    "all rights reserved", "may not copy", "may not be copied", "may not be reproduced", "may not modify",
    "may not distribute", "may not redistribute", "not be reproduced", "not be copied", "not be distributed",
    "without the express written", "without the prior written", "without prior written", "proprietary",
    "confidential", "not licensed", "no license is granted", "no licence is granted", "no right", "no rights",
  ]
  /// What a withholding sentence withholds: copying, changing or passing the work on.
  static let copyActs: PhraseSet = [
    "copy", "copied", "reproduce*", "modify", "modified", "distribute*", "redistribute*", "licence", "license",
    "sublicense", "transfer", "disclose*",
  ]
  static let policyTitle: PhraseSet = [
    "acceptable use policy", "use policy", "prohibited use policy", "prohibited uses", "acceptable use",
    "usage policy", "responsible use", "usage guidelines", "use restrictions",
  ]
  static let serviceTitle: PhraseSet = [
    "terms of service", "terms of use", "terms and conditions", "service terms", "api terms", "user agreement",
    "website terms",
  ]
  static let serviceWords: PhraseSet = [
    "the service", "the services", "our services", "your account", "the website", "the site", "the api",
    "our website", "the platform", "our platform", "account", "sign up", "log in", "subscription",
  ]
  static let licenceWords: PhraseSet = [
    "license", "licence", "licensed", "licensor", "licensee", "agreement", "copyright", "permission",
    "warranty", "warranties", "liability", "terms", "conditions", "rights", "grant", "granted", "redistribution",
  ]
  /// Kinds that only a licence-like text yields; a README mentioning "warranty" once does not.
  static let licenceKinds: Set<ClauseKind> = [
    .copyrightGrant, .patentGrant, .includeLicense, .retainNotices, .shareAlike, .discloseSource,
    .warrantyDisclaimer, .liabilityLimitation, .governingLaw, .termination, .acceptance, .indemnification,
    .noReverseEngineering, .nonCommercial, .researchOnly, .trademark, .productionUse, .seatLimit, .timeLimit,
  ]

  /// Classifies a text.
  ///
  /// - Parameters:
  ///   - text: the tokenised plain text.
  ///   - structure: its structure.
  ///   - clauses: the clauses extracted from it (and any policy analysed with it).
  ///   - identification: what identification said, if anything.
  public static func classify(
    _ text: TokenizedText, structure: TextStructure, clauses: [Clause], identification: Identification?
  ) -> DocumentClassification {
    classify(
      text, views: ExtractionContext.makeViews(text, structure), clauses: clauses, identification: identification)
  }

  /// The same, on sentence views the analyzer already built.
  static func classify(
    _ text: TokenizedText, views: [SentenceView], clauses: [Clause], identification: Identification?
  ) -> DocumentClassification {
    var c = classifyEnglish(text, views: views, clauses: clauses, identification: identification)
    c.english = isEnglish(text)
    if !c.english, c.class == .notALicence,
      text.tokens.contains(where: { t in
        t.kind == .word && (foreignLicenceWords.contains(t.hash))
      })
    {
      // A licence in another language: the rules cannot read it, but it is not a README.
      c = DocumentClassification(
        class: .licence, reason: "The text is not in English but uses licence words; its terms could not be read.")
      c.english = false
    }
    return c
  }

  static let foreignLicenceWords: Set<UInt64> = Set(
    [
      "licence", "license", "lizenz", "licencia", "licenza", "licentie", "copyright", "droit", "droits", "urheberrecht",
      "derechos", "diritti", "logiciel", "software",
    ].map(wordHash))

  static let functionWords = WordSet(
    [
      "the", "of", "and", "to", "or", "in", "any", "this", "you", "your", "is", "be", "for", "that", "by", "with",
      "may", "not", "a", "an", "on", "are", "as", "it", "such", "if", "than", "from", "we", "us", "our", "will",
      "must", "shall", "can", "have", "has", "other", "all", "which", "who", "their", "its", "under", "use",
      "more", "no", "without", "each", "these", "those", "only", "agree", "rights", "software",
    ].map(wordHash))

  /// Whether common English words make up a share of the words that English prose always reaches
  /// (a third or more; French, German or Chinese licences stay near none).
  static func isEnglish(_ text: TokenizedText) -> Bool {
    var words = 0
    var common = 0
    // About a thousand words spread over the whole text settle it (a set lookup per word of a long text
    // cost more than the check is worth; a text that switches language part-way is still seen whole).
    // (On the token buffer, every `step`-th word by a countdown: this walks every token of every text.)
    let set = functionWords
    let total = text.tokens.withUnsafeBufferPointer { toks in
      var total = 0
      for t in toks where t.kind == .word { total += 1 }
      guard total >= 40 else { return total }
      let step = Swift.max(1, total / 1000)
      var left = step
      for t in toks where t.kind == .word {
        left -= 1
        guard left == 0 else { continue }
        left = step
        words += 1
        if set.contains(t.hash) { common += 1 }
      }
      return total
    }
    return total < 40 || common * 10 >= words
  }

  static func classifyEnglish(
    _ text: TokenizedText, views: [SentenceView], clauses: [Clause], identification: Identification?
  ) -> DocumentClassification {
    let own = clauses.indices.filter { clauses[$0].document == nil }
    let grants = own.filter { clauses[$0].kind == .copyrightGrant || clauses[$0].kind == .patentGrant }
    let licenceLike = own.filter { licenceKinds.contains(clauses[$0].kind) }
    let words = views.reduce(0) { $0 + $1.count }
    let head = views.prefix(4)

    if let id = identification, id.confidence >= 0.9 {
      if id.method == "notice" {
        return DocumentClassification(
          class: .notice, reason: "The text is a notice naming \(id.name).", refersTo: id.id)
      }
      let policy = id.id.hasSuffix("-AUP") || id.id.hasSuffix("-PUP") || id.id.contains("-PUP-")
      if policy {
        return DocumentClassification(
          class: .usePolicy, reason: "The text is \(id.name), a known use policy.", because: own)
      }
    }
    let identifiedName = identification.flatMap { id -> String? in
      guard id.confidence >= 0.9, ["exact", "template"].contains(id.method) || words >= 60 || !licenceLike.isEmpty
      else { return nil }
      return "\(id.name) (\(id.method) match)"
    }

    // A short text that points at a licence by name (a known short text, such as an exception, is not one).
    let exactlyKnown = identification.map { ["exact", "template"].contains($0.method) } ?? false
    if words <= 150, !exactlyKnown, let n = views.first(where: { $0.has(pointer) && $0.has(licenceNames) }) {
      let named = identification.map { " naming \($0.name)" } ?? ""
      return DocumentClassification(
        class: .notice,
        reason: "A short text\(named) that says where its licence is (line \(text.line(ofOffset: n.span.start))).",
        because: grants, refersTo: identification?.id)
    }

    let policyTitled = head.contains { $0.has(policyTitle) }
    let bans = own.filter { [.fieldOfUse, .acceptableUsePolicy, .outputUse].contains(clauses[$0].kind) }
    if grants.isEmpty, policyTitled, !bans.isEmpty {
      return DocumentClassification(
        class: .usePolicy, reason: "A use policy: its title names one, and it bans uses without granting rights.",
        because: bans)
    }

    let serviceTitled = head.contains { $0.has(serviceTitle) }
    if serviceTitled, views.filter({ $0.has(serviceWords) }).count >= 3 {
      return DocumentClassification(
        class: .termsOfService, reason: "Terms for a service: its title says so and it speaks of the service.",
        because: licenceLike)
    }

    // A known text is a licence whatever its length (a two-line exception or blessing), once it is not a
    // notice, a policy or terms of service.
    if let identifiedName {
      return DocumentClassification(class: .licence, reason: "The text is \(identifiedName).", because: grants)
    }

    if !grants.isEmpty {
      return DocumentClassification(class: .licence, reason: "The text grants rights in a work.", because: grants)
    }
    let withheld = views.filter { $0.has(withholding) }
    let licenceSentences = views.filter { $0.has(licenceWords) }.count
    let acts = withheld.contains { $0.has(copyActs) }
    if !withheld.isEmpty, acts || licenceLike.count + licenceSentences >= 2 {
      let line = text.line(ofOffset: withheld[0].span.start)
      return DocumentClassification(
        class: .licence, reason: "The text withholds rights in a work (line \(line)) and grants none.",
        because: licenceLike)
    }
    if licenceLike.count >= 2, licenceSentences * 4 >= max(1, views.count) {
      return DocumentClassification(
        class: .licence, reason: "Licence terms without a grant of rights.", because: licenceLike)
    }
    if !bans.isEmpty, grants.isEmpty, licenceSentences * 4 < views.count {
      return DocumentClassification(
        class: .usePolicy, reason: "A list of banned uses without a grant of rights.", because: bans)
    }
    let why =
      words == 0
      ? "The text has no words."
      : "No grant, no withheld rights and no licence terms were found (\(licenceSentences) of \(views.count) sentences use licence words)."
    return DocumentClassification(class: .notALicence, reason: why, because: [])
  }
}

// The phrase sets of this file for the sentence matcher (`PhraseCatalogue`), generated by
// scripts/phrase-catalogue.py: rerun it after adding or removing a set.
extension PhraseCatalogue {
  static let documentClassifier: [PhraseSet] = [
    DocumentClassifier.pointer,
    DocumentClassifier.licenceNames,
    DocumentClassifier.withholding,
    DocumentClassifier.copyActs,
    DocumentClassifier.policyTitle,
    DocumentClassifier.serviceTitle,
    DocumentClassifier.serviceWords,
    DocumentClassifier.licenceWords,
  ]
}
