import Foundation
import LicenseCheck
import Testing

/// Word-like token normal forms: what SPDX matching compares once punctuation is dropped.
func wordForms(_ text: String) -> [String] {
  let t = TokenizedText(text)
  return t.tokens.filter(\.isWordLike).map { t.normalized($0) }.filter { !ignored.contains($0) }
}

/// A licence template compiled to a tiny matching program over word normal forms, as the
/// SPDX matching guidelines read it: `<optional>` and `<titleText>` may be absent,
/// `<alt>` and `<copyrightText>` match their own wording or (standing in for the
/// regular expression) up to 80 other words, bullets up to 3 other words.
///
/// The template is rendered once and tokenised as a whole, so a token that spans the
/// edge of an `<alt>` (a URL with a replaceable part) is one token, which may then be
/// any single word.
struct TemplateMatcher {
  enum Op {
    case word(String)
    /// The word, or any single word (a token straddling a replaceable part).
    case wordOrAny(String)
    /// The word, or the word without its optional part (`make<optional>s</optional>`).
    case wordOr(String, String)
    /// Try the next instruction, else jump.
    case split(Int)
    case jump(Int)
    /// Any 0...n words.
    case any(Int)
  }

  enum GroupKind {
    case optional
    case replaceable(Int)
    case inline
  }

  final class Group {
    let kind: GroupKind
    var start = 0
    var end = 0
    var children: [Group] = []
    init(_ kind: GroupKind) { self.kind = kind }
  }

  var ops: [Op] = []
  private var tokens: [(start: Int, end: Int, form: String)] = []
  private var bytes: [UInt8] = []
  private var ti = 0

  init(_ nodes: [TemplateNode]) {
    var bytes: [UInt8] = []
    let root = Group(.inline)
    Self.render(nodes, into: &bytes, group: root)
    root.end = bytes.count
    self.bytes = bytes
    let t = TokenizedText(String(decoding: bytes, as: UTF8.self))
    tokens = t.tokens.filter(\.isWordLike).map { (Int($0.start), Int($0.end), t.normalized($0)) }
      .filter { !ignored.contains($0.2) }
    compile(root.children, hi: Int.max)
  }

  /// The template with everything included, as text: what the plain view should read.
  static func render(_ nodes: [TemplateNode]) -> String {
    var bytes: [UInt8] = []
    render(nodes, into: &bytes, group: Group(.inline))
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func render(_ nodes: [TemplateNode], into out: inout [UInt8], group: Group) {
    func sub(_ kind: GroupKind, _ inner: [TemplateNode]) {
      let g = Group(kind)
      g.start = out.count
      render(inner, into: &out, group: g)
      g.end = out.count
      group.children.append(g)
    }
    for node in nodes {
      switch node {
      case .text(let s): out += Array(s.utf8)
      case .paragraphBreak: out.append(0x0A)
      case .bullet(let b):
        sub(.replaceable(3), [.text(b)])
        out.append(0x20)
      case .alt(_, _, let original): sub(.replaceable(80), [.text(original)])
      case .copyright(let inner): sub(.replaceable(80), inner)
      case .optional(let inner), .title(let inner): sub(.optional, inner)
      case .standardHeader(let inner): sub(.inline, inner)
      }
    }
  }

  private mutating func compile(_ children: [Group], hi: Int) {
    var gi = 0
    while ti < tokens.count, tokens[ti].end <= hi {
      let t = tokens[ti]
      // Groups wholly before this token (empty ones, or ones whose tokens are gone).
      while gi < children.count, children[gi].end <= t.start,
        !(children[gi].start <= t.start && t.end <= children[gi].end)
      {
        group(children[gi])
        gi += 1
      }
      if gi < children.count, children[gi].start <= t.start, t.end <= children[gi].end {
        group(children[gi])
        gi += 1
        continue
      }
      var replaceable = false
      var without = Array(bytes[t.start..<t.end])
      for g in children[gi...].reversed() where g.start < t.end && t.start < g.end {
        switch g.kind {
        case .replaceable: replaceable = true
        case .optional:
          let a = max(g.start, t.start) - t.start
          let b = min(g.end, t.end) - t.start
          without.removeSubrange(a..<b)
        case .inline: break
        }
      }
      if replaceable {
        ops.append(.wordOrAny(t.form))
      } else if without.count < t.end - t.start, let other = wordForms(String(decoding: without, as: UTF8.self)).first {
        ops.append(.wordOr(t.form, other))
      } else {
        ops.append(.word(t.form))
      }
      ti += 1
    }
    while gi < children.count {
      group(children[gi])
      gi += 1
    }
  }

  private mutating func group(_ g: Group) {
    switch g.kind {
    case .inline:
      compile(g.children, hi: g.end)
      inner(g)
    case .optional:
      let split = ops.count
      ops.append(.split(0))
      inner(g)
      ops[split] = .split(ops.count)
    case .replaceable(let n):
      let split = ops.count
      ops.append(.split(0))
      inner(g)
      let jump = ops.count
      ops.append(.jump(0))
      ops[split] = .split(ops.count)
      ops.append(.any(n))
      ops[jump] = .jump(ops.count)
    }
  }

  /// The tokens inside a group (with its subgroups).
  private mutating func inner(_ g: Group) {
    compile(g.children, hi: g.end)
  }

  /// Nil when `text` matches; else the furthest text position reached.
  func firstMismatch(_ text: [String]) -> Int? {
    var failed = Set<Int>()
    var furthest = 0
    func go(_ pc0: Int, _ j0: Int) -> Bool {
      var pc = pc0
      var j = j0
      while pc < ops.count {
        furthest = max(furthest, j)
        switch ops[pc] {
        case .word(let w):
          guard j < text.count, text[j] == w else { return false }
          pc += 1
          j += 1
        case .wordOr(let a, let b):
          guard j < text.count, text[j] == a || text[j] == b else { return false }
          pc += 1
          j += 1
        case .wordOrAny:
          guard j < text.count else { return false }
          pc += 1
          j += 1
        case .jump(let t):
          pc = t
        case .split(let t):
          let key = pc &* 1_000_003 &+ j
          if failed.contains(key) { return false }
          if go(pc + 1, j) || go(t, j) { return true }
          failed.insert(key)
          return false
        case .any(let n):
          let key = pc &* 1_000_003 &+ j
          if failed.contains(key) { return false }
          for k in 0...min(n, text.count - j) where go(pc + 1, j + k) { return true }
          failed.insert(key)
          return false
        }
      }
      furthest = max(furthest, j)
      return j == text.count
    }
    return go(0, 0) ? nil : furthest
  }
}

/// Forms left out of comparisons: "(c)" and "©" are equivalent to "Copyright" in the
/// SPDX guidelines, and only "(c)" yields a word.
let ignored: Set<String> = ["c"]

struct SPDXXMLTests {
  static var allFiles: [String] {
    Corpus.files("spdx/src", ext: "xml") + Corpus.files("spdx/src/exceptions", ext: "xml")
  }

  /// Every file reads as SPDX XML with its file name as id, without warnings, and every
  /// word of its plain view maps back to the same word in the file.
  @Test(.needsCorpus) func everyLicenseListFileParsesAndMapsBack() throws {
    let files = Self.allFiles
    #expect(files.count > 800)
    var exact = 0
    var total = 0
    var misses: [String] = []
    for file in files {
      let expected = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
      do {
        let doc = try DocumentReader.read(path: file)
        #expect(doc.format == .spdxXML, "\(expected)")
        #expect(doc.spdx?.id == expected)
        #expect(doc.warnings.isEmpty, "\(expected): \(doc.warnings)")
        let share = exactWordShare(doc)
        exact += share.exact
        total += share.total
        if share.exact < share.total, misses.count < 10 { misses.append("\(expected): \(share.misses)") }
      } catch {
        Issue.record("\(expected): \(error)")
      }
    }
    print("SPDX words mapping exactly to their source: \(exact)/\(total)")
    #expect(exact == total, "\(misses)")
  }

  @Test(.needsCorpus) func plainViewMatchesTheTestTexts() throws {
    var compared = 0
    var equal = 0
    var misses: [String] = []
    for file in Self.allFiles {
      let id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
      let testPath = Corpus.path("spdx/test/simpleTestForGenerator/\(id).txt")
      guard let expected = try? String(contentsOfFile: testPath, encoding: .utf8) else { continue }
      let doc = try DocumentReader.read(path: file)
      let info = try #require(doc.spdx)
      compared += 1
      // The plain view is the template with every optional part included.
      let template = TemplateMatcher(info.template)
      let plainWords = wordForms(doc.text)
      let templateWords = wordForms(TemplateMatcher.render(info.template))
      if plainWords != templateWords {
        let at =
          zip(plainWords, templateWords).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
          ?? min(plainWords.count, templateWords.count)
        Issue.record(
          "\(id): plain view and template differ at word \(at): \(plainWords[at..<min(at + 5, plainWords.count)]) vs \(templateWords[at..<min(at + 5, templateWords.count)])"
        )
      }
      let want = wordForms(expected)
      if let at = template.firstMismatch(want) {
        let got = wordForms(doc.text)
        misses.append(
          "\(id) @\(at): text has \(want[at..<min(want.count, at + 6)].joined(separator: " ")) | plain near \(got[max(0, at - 2)..<min(got.count, at + 6)].joined(separator: " "))"
        )
      } else {
        equal += 1
      }
    }
    let ratio = Double(equal) / Double(max(1, compared))
    print("SPDX plain view vs test texts: \(equal)/\(compared) = \(String(format: "%.2f", ratio * 100)) %")
    for m in misses { print("  miss: \(m)") }
    #expect(compared > 800)
    #expect(ratio >= 0.99)
  }

  static func read(_ id: String, exception: Bool = false) throws -> Document {
    try DocumentReader.read(path: Corpus.path("spdx/src/\(exception ? "exceptions/" : "")\(id).xml"))
  }

  @Test(.needsCorpus) func licenceMetadata() throws {
    let mit = try #require(try Self.read("MIT").spdx)
    #expect(mit.id == "MIT")
    #expect(mit.name == "MIT License")
    #expect(mit.isOsiApproved == true)
    #expect(!mit.isException)
    #expect(!mit.isDeprecated)
    #expect(mit.crossRefs.count == 2)
    #expect(mit.crossRefs.first == "https://opensource.org/license/MIT")
    // Character references in attributes are decoded.
    let bsd = try #require(try Self.read("BSD-3-Clause").spdx)
    #expect(bsd.name == "BSD 3-Clause \"New\" or \"Revised\" License")
    let gpl = try #require(try Self.read("GPL-3.0").spdx)
    #expect(gpl.isDeprecated)
    #expect(gpl.deprecatedVersion != nil)
    let exception = try #require(try Self.read("Classpath-exception-2.0", exception: true).spdx)
    #expect(exception.isException)
    #expect(exception.isOsiApproved == nil)
    #expect(exception.id == "Classpath-exception-2.0")
  }

  @Test(.needsCorpus) func templateStructure() throws {
    let mit = try #require(try Self.read("MIT").spdx).template
    guard case .title(let title) = mit.first else {
      Issue.record("MIT starts with \(String(describing: mit.first))")
      return
    }
    #expect(title == [.paragraphBreak, .text("MIT License"), .paragraphBreak])
    #expect(mit.contains(.alt(name: "Software1", match: "Software|Materials", original: "Software")))
    #expect(mit.contains(.optional([.text("on")])))
    #expect(mit.contains { if case .copyright = $0 { return true } else { return false } })
    #expect(!mit.contains(.paragraphBreak) || mit.first != .paragraphBreak)
    // Bullets are their own nodes; list items are separated by breaks.
    let bsd = try #require(try Self.read("BSD-3-Clause").spdx).template
    #expect(bsd.contains(.bullet("1.")))
    #expect(bsd.contains(.bullet("3.")))
    // A header inside <text> is marked; one outside it is metadata, not text.
    let afl = try Self.read("AFL-1.1")
    func hasHeader(_ nodes: [TemplateNode]) -> Bool {
      nodes.contains {
        switch $0 {
        case .standardHeader: return true
        case .optional(let inner), .title(let inner), .copyright(let inner): return hasHeader(inner)
        default: return false
        }
      }
    }
    #expect(hasHeader(try #require(afl.spdx).template))
  }

  @Test(.needsCorpus) func plainLayout() throws {
    let mit = try Self.read("MIT")
    #expect(mit.text.hasPrefix("MIT License\n\nCopyright (c) <year> <copyright holders>\n\nPermission is hereby"))
    #expect(!mit.text.contains("opensource.org"))
    let bsd = try Self.read("BSD-3-Clause")
    let lines = bsd.text.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("1. Redistributions of source code") })
    #expect(lines.contains { $0.hasPrefix("2. Redistributions in binary form") })
    #expect(!bsd.text.contains("Note  for matching"))
    #expect(!bsd.text.contains("\n\n\n"))
    #expect(!bsd.text.contains("  "))
  }
}
