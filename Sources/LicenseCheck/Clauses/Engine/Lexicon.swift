/// Concept word sets shared by the extractors: actors, modal verbs, negation, actions.
///
/// Rules are written against these concepts rather than against any one licence's
/// sentences, so that they carry over to licences written in other styles.
enum Lexicon {
  static let tHash = wordHash("t")
  static let apostropheHash = wordHash("'")
  static let notHash = wordHash("not")

  /// Words that negate what follows.
  static let negations: Set<UInt64> = Set(
    ["not", "no", "never", "neither", "nor", "cannot", "nothing", "none", "prohibited", "forbidden"].map(
      wordHash))

  /// Words that end the reach of a negation looking backwards.
  static let clauseBreakers: Set<UInt64> = Set(
    ["but", "however", "except", "unless", "provided", "and", "if", "which", "that", "then"].map(wordHash))

  /// Prohibition markers: a sentence with one of these is a ban.
  static let prohibition: PhraseSet = [
    "neither you nor", "nor anyone", "nor any",
    "other than the following", "except for the following", "except the following",
    "with the exception of the following",
    "shall not", "must not", "may not", "will not", "agree not to", "not to", "cannot", "can not", "not permitted",
    "not allowed", "not be used", "is prohibited", "are prohibited", "prohibited from", "is forbidden",
    "are forbidden", "refrain from", "do not", "does not permit", "no right to", "not authorized",
    "not authorised", "strictly prohibited", "is not licensed", "are not licensed", "prohibited uses",
    "prohibited use", "restricted uses", "use restrictions", "you agree not", "never use",
  ]

  /// The licensee as actor.
  static let licensee: PhraseSet = [
    "you", "your", "licensee", "licensees", "recipient", "recipients", "user", "users", "distributor", "we agree",
  ]

  /// The licensor as actor (plus capitalised company names, handled by the rules).
  static let licensor: PhraseSet = [
    "licensor", "licensors", "we", "us", "our", "the company", "copyright holder", "copyright holders", "author",
    "authors", "provider", "owner",
  ]

  /// Words naming the licensed work.
  static let work: PhraseSet = [
    "software", "work", "works", "program", "model", "models", "materials", "weights", "parameters", "code",
    "library", "licensed material", "licensed work", "covered software", "product", "model derivatives",
    "derivatives", "derivative works", "complementary material", "documentation",
  ]

  /// Words for the model's outputs.
  static let outputs: PhraseSet = [
    "anything you generate", "content you generate", "you generate", "material you generate",
    "output", "outputs", "results", "generated content", "generated output", "generations", "completions",
    "responses", "synthetic data", "content generated",
  ]

  /// Words for using.
  static let useVerbs: PhraseSet = [
    "use", "uses", "using", "used", "utilize", "utilise", "employ", "deploy", "deployed", "deploying", "run",
    "operate", "exploit", "leverage",
  ]

  /// Conditions attached to a grant, which make what follows a duty.
  static let conditions: PhraseSet = [
    "may not remove", "shall not remove", "must not remove", "not remove", "not alter", "not change", "not delete",
    "provided that", "provided you", "on condition", "subject to the following", "as long as", "so long as",
    "only if", "on the condition", "conditions", "condition", "requires that", "require that", "requirement",
    "may not be removed", "must not be removed", "not be removed", "must come with", "must be accompanied",
  ]

  /// Verbs that start an imperative duty ("Keep this licence …", "Include …").
  static let imperatives: Set<UInt64> = Set(
    [
      "keep", "pass", "include", "retain", "preserve", "provide", "give", "accompany", "reproduce", "mark", "state",
      "indicate", "display", "attach", "ship", "do", "don", "never", "always", "cause", "make", "label", "note",
    ].map(wordHash))

  /// Modal verbs of obligation.
  static let must: PhraseSet = [
    "must", "shall", "will", "agree to", "agrees to", "required to", "is required", "are required", "need to",
    "has to", "have to", "is obligated", "obliged to",
  ]
}
