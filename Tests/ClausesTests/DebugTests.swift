import Testing

@testable import LicenseCheck

@Test func debugDump() throws {
  let t = TokenizedText(
    "Permission is hereby granted, free of charge, to any person to use, copy, modify the Software.")
  let s = Segmenter.segment(t)
  print("sentences", s.sentences.count, t.tokens.count)
  let v = SentenceView(index: 0, sentence: s.sentences[0], text: t)
  print(v.hashes.count, v.has(GrantWords.triggers), v.first(GrantWords.triggers) as Any)
  let cs = ClauseExtractor.extract(from: t)
  print("clauses", cs.count, cs.first as Any)
  print("rights", GrantWords.rights(in: v, range: 0..<v.count))
}
