// libFuzzer entry points for licensecheck (issue 18). Built by scripts/fuzz.sh together with the
// LicenseCheck sources into one module, so the harness reaches internal readers directly:
//
//   swiftc -sanitize=fuzzer,address -parse-as-library Sources/LicenseCheck/**/*.swift Fuzz/*.swift
//
// One binary holds every target; FUZZ_TARGET picks one. Each target asserts the properties a
// hostile input must not break (spans inside the text, evidence at its span); a crash, a sanitizer
// report or a timeout (-timeout=2) is a failure to fix and to keep under fixtures/fuzz/.
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The targets, by name.
enum FuzzTarget: String, CaseIterable {
  case reader, text, extractor, frontmatter, expression, template, worddiff
}

nonisolated(unsafe) private var selected: FuzzTarget = .reader

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "reader"
  guard let target = FuzzTarget(rawValue: name) else {
    fputs("FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n", stderr)
    exit(2)
  }
  selected = target
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch selected {
  case .reader: fuzzReader(bytes)
  case .text: fuzzText(bytes)
  case .extractor: fuzzExtractor(bytes)
  case .frontmatter: fuzzFrontMatter(bytes)
  case .expression: fuzzExpression(bytes)
  case .template: fuzzTemplate(bytes)
  case .worddiff: fuzzWordDiff(bytes)
  }
  return 0
}

/// Fails loudly (libFuzzer saves the input) when a property does not hold.
func check(_ condition: @autoclosure () -> Bool, _ what: String) {
  if !condition() {
    fputs("fuzz property failed: \(what)\n", stderr)
    abort()
  }
}

/// Every format: the first byte picks the name the reader sees (and so the detected format).
func fuzzReader(_ bytes: [UInt8]) {
  guard let first = bytes.first else { return }
  let names = ["LICENSE", "README.md", "LICENSE.html", "license.xml"]
  let name = names[Int(first) % names.count]
  let formats: [SourceFormat?] = [nil, .text, .markdown, .html, .spdxXML]
  let format = formats[Int(first >> 2) % formats.count]
  guard
    let doc = try? DocumentReader.read(
      bytes: Array(bytes.dropFirst()), path: name, options: ReadOptions(format: format))
  else { return }
  let plain = doc.text.utf8.count
  // The source map sends every plain offset into the original bytes.
  for offset in stride(from: 0, through: plain, by: Swift.max(1, plain / 64)) {
    let s = doc.sourceMap.sourceSpan(of: Span(start: offset, end: offset))
    check(s.start >= 0 && s.end <= doc.originalBytes.count, "source span outside the input")
  }
}

/// Tokeniser and segmenter: every token, sentence and section inside the text, in order.
func fuzzText(_ bytes: [UInt8]) {
  let text = TokenizedText(String(decoding: bytes, as: UTF8.self))
  let n = text.bytes.count
  var last = 0
  for t in text.tokens {
    check(Int(t.start) >= last && Int(t.start) <= Int(t.end) && Int(t.end) <= n, "token span")
    last = Int(t.start)
  }
  let structure = Segmenter.segment(text)
  for s in structure.sentences {
    check(s.span.end <= n && s.tokenRange.upperBound <= text.tokens.count, "sentence span")
  }
  for d in structure.definitions { check(d.definitionSpan.end <= n, "definition span") }
  _ = Quantities.find(in: text)
}

/// Clause extraction: spans inside the text and evidence at its span.
func fuzzExtractor(_ bytes: [UInt8]) {
  let string = String(decoding: bytes, as: UTF8.self)
  let text = TokenizedText(string)
  let plain = Array(string.utf8)
  for c in ClauseExtractor.extract(from: text) {
    check(c.span.start <= c.span.end && c.span.end <= plain.count, "clause span")
    let at = String(decoding: plain[c.span.start..<c.span.end], as: UTF8.self)
    check(at.contains(c.evidence), "evidence at its span")
  }
}

/// The bounded front-matter reader, alone and through the Markdown reader.
func fuzzFrontMatter(_ bytes: [UInt8]) {
  let front = FrontMatterReader.read(bytes[...])
  for (key, _) in front.metadata { check(FrontMatterReader.keys.contains(key), "only known keys") }
  let card = Array("---\n".utf8) + bytes + Array("\n---\nBody words.\n".utf8)
  _ = MarkdownReader.read(utf8: card)
}

/// SPDX expressions: parse, print, reparse to the same expression.
func fuzzExpression(_ bytes: [UInt8]) {
  guard let e = try? LicenseExpression(parsing: String(decoding: bytes, as: UTF8.self)) else { return }
  let again = try? LicenseExpression(parsing: e.description)
  check(again != nil, "printed expression parses")
  _ = e.canonical.terms
}

/// SPDX template matching: the input is `<text>` markup, then `\0`, then a text to match.
func fuzzTemplate(_ bytes: [UInt8]) {
  let cut = bytes.firstIndex(of: 0) ?? bytes.count / 2
  let body = String(decoding: bytes[..<cut], as: UTF8.self)
  let candidate = String(decoding: bytes[Swift.min(bytes.count, cut + 1)...], as: UTF8.self)
  let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <SPDXLicenseCollection xmlns="http://www.spdx.org/license">
    <license licenseId="Fuzz-1.0" name="Fuzz"><text>\(body)</text></license>
    </SPDXLicenseCollection>
    """
  guard let doc = try? DocumentReader.read(bytes: Array(xml.utf8), path: "fuzz.xml"), let info = doc.spdx
  else { return }
  let matcher = SPDXTemplateMatcher(template: info.template)
  _ = matcher.matches(TokenizedText(candidate))
  _ = matcher.matches(TokenizedText(doc.text))
}

/// The bounded word diff: two texts split at the first `\0` (or the middle).
func fuzzWordDiff(_ bytes: [UInt8]) {
  let cut = bytes.firstIndex(of: 0) ?? bytes.count / 2
  let a = TokenizedText(String(decoding: bytes[..<cut], as: UTF8.self))
  let b = TokenizedText(String(decoding: bytes[Swift.min(bytes.count, cut + 1)...], as: UTF8.self))
  let d = Identifier.wordDiff(a, b, reference: "fuzz")
  check(d.sharedWords >= 0 && d.sharedWords <= a.tokens.count, "shared words")
}
