import Foundation
import Testing

@testable import LicenseCheck

/// The SPDX test set identified with the embedded index only (no corpus folder given to the library).
struct SPDXIdentificationTests {
  /// `depreciate_GPL-2.0+.txt` holds the text of the deprecated id `GPL-2.0+`.
  static func expectedID(_ path: String) -> String {
    var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    if name.hasPrefix("depreciate_") { name.removeFirst("depreciate_".count) }
    return name
  }

  static func read(_ path: String) throws -> TokenizedText {
    TokenizedText(try DocumentReader.read(path: path).text)
  }

  @Test(.needsCorpus) func topOneAccuracyOnTheSPDXTestSet() throws {
    let paths = Corpus.files("spdx/test/simpleTestForGenerator", ext: "txt")
    #expect(!paths.isEmpty)
    let identifier = Identifier.standard
    var texts: [(String, TokenizedText)] = []
    for p in paths { texts.append((Self.expectedID(p).lowercased(), try Self.read(p))) }
    // Ids whose normalised word sequences (title included) are identical count as equal.
    var groupOf: [String: UInt64] = [:]
    for (id, t) in texts {
      groupOf[id] = FingerprintWords(t).hashes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ $1) &* 0x100_0000_01b3 }
    }
    var correct = 0
    var misses: [String] = []
    var methods: [String: Int] = [:]
    for (id, t) in texts {
      let got = identifier.identify(t)
      methods[got?.method ?? "nil", default: 0] += 1
      let gotID = got?.id.lowercased() ?? "-"
      let expression = got?.expression?.lowercased() ?? ""
      if gotID == id || (groupOf[gotID] != nil && groupOf[gotID] == groupOf[id])
        // An exception reported with the licence its text names (`LGPL-2.1-only WITH Nokia-Qt-exception-1.1`).
        || expression.hasSuffix(" with " + id)
        // A deprecated licence-plus-exception id reported as its successor expression
        // (`GPL-2.0-with-classpath-exception` → `GPL-2.0-only WITH Classpath-exception-2.0`).
        || (Self.deprecatedComposite(id) && expression.hasPrefix(Self.family(id)) && expression.contains(" with "))
        // `GPL-2.0+` (deprecated) and `GPL-2.0-only` have the same terms text.
        || (id.hasSuffix("+") && gotID.hasPrefix(String(id.dropLast())))
      {
        correct += 1
      } else {
        misses.append(
          "\(id) → \(got?.id ?? "nil") \(got?.method ?? "") \(got?.confidence ?? 0) [\(got?.candidates.map { "\($0.id) \($0.confidence)" }.joined(separator: ", ") ?? "")]"
        )
      }
    }
    let accuracy = Double(correct) / Double(texts.count)
    print("SPDX top-1 accuracy: \(correct)/\(texts.count) = \(accuracy); methods \(methods)")
    for m in misses { print("  miss: \(m)") }
    #expect(accuracy >= 0.995)
  }
}

extension SPDXIdentificationTests {
  /// The text with every `k`-th word dropped and the lines re-wrapped: no longer an exact copy.
  static func damaged(_ t: TokenizedText, every k: Int) -> String {
    var out = ""
    var n = 0
    for tok in t.tokens {
      if tok.isWordLike {
        n += 1
        if n % k == 0 { continue }
      }
      out += t.raw(tok)
      out += n % 12 == 0 ? "\n" : " "
    }
    return out
  }

  /// Deprecated ids that were a licence and an exception in one id (`GPL-2.0-with-GCC-exception`, `eCos-2.0`, `wxWindows`).
  static func deprecatedComposite(_ id: String) -> Bool {
    id.contains("-with-") || id == "ecos-2.0" || id == "wxwindows"
  }

  /// The id stem a successor expression starts with (`gpl-2.0`, `gpl`, `lgpl`).
  static func family(_ id: String) -> String {
    if id.contains("-with-") { return String(id.prefix(while: { $0 != "-" })) + "-" }
    return id == "wxwindows" ? "lgpl-" : "gpl-"
  }

  @Test(.needsCorpus) func damagedTextsAreStillIdentified() throws {
    let paths = Corpus.files("spdx/test/simpleTestForGenerator", ext: "txt")
    #expect(!paths.isEmpty)
    let identifier = Identifier.standard
    var texts: [(String, TokenizedText)] = []
    for p in paths { texts.append((Self.expectedID(p).lowercased(), try Self.read(p))) }
    // Texts differing only in title, copyright or bullets are indistinguishable under the SPDX guidelines.
    var groupOf: [String: UInt64] = [:]
    for (id, t) in texts { groupOf[id] = Fingerprint(t).exactHash }
    var correct = 0
    var refused = 0
    var misses: [String] = []
    for (id, t) in texts {
      let got = identifier.identify(Self.damaged(t, every: 20))
      if got == nil { refused += 1 }
      let gotID = got?.id.lowercased() ?? "-"
      let expression = got?.expression?.lowercased() ?? ""
      if gotID == id || (groupOf[gotID] != nil && groupOf[gotID] == groupOf[id])
        // An exception reported with the licence its text names (`LGPL-2.1-only WITH Nokia-Qt-exception-1.1`).
        || expression.hasSuffix(" with " + id)
        // A deprecated licence-plus-exception id reported as its successor expression
        // (`GPL-2.0-with-classpath-exception` → `GPL-2.0-only WITH Classpath-exception-2.0`).
        || (Self.deprecatedComposite(id) && expression.hasPrefix(Self.family(id)) && expression.contains(" with "))
        // `GPL-2.0+` (deprecated) and `GPL-2.0-only` have the same terms text.
        || (id.hasSuffix("+") && gotID.hasPrefix(String(id.dropLast())))
      {
        correct += 1
      } else {
        misses.append(
          "\(id) → \(got?.id ?? "nil") \(got?.confidence ?? 0) [\(got?.candidates.prefix(3).map { "\($0.id) \($0.confidence)" }.joined(separator: ", ") ?? "")]"
        )
      }
    }
    let accuracy = Double(correct) / Double(texts.count)
    print("SPDX texts with every 20th word dropped: \(correct)/\(texts.count) = \(accuracy), refused \(refused)")
    for m in misses { print("  miss: \(m)") }
    #expect(accuracy >= 0.99)
  }
}

extension SPDXIdentificationTests {
  /// Near-identical SPDX licences stay apart when their texts are damaged (10 % of words dropped).
  @Test(
    .needsCorpus,
    arguments: [
      "AFL-3.0", "OSL-3.0", "Apache-2.0", "Pixar", "ECL-2.0", "GPL-2.0-only", "GPL-3.0-only", "AFL-2.1", "OSL-2.1",
    ])
  func nearNeighboursStayApart(_ id: String) throws {
    let t = try Self.read(Corpus.path("spdx/test/simpleTestForGenerator/\(id).txt"))
    let got = try #require(Identifier.standard.identify(Self.damaged(t, every: 10)))
    // GPL-2.0-only and GPL-2.0-or-later share one text.
    #expect(
      got.id == id
        || Fingerprint(t).exactHash == FingerprintIndex.standard.licenses.first { $0.id == got.id }?.exactHash)
    #expect(got.method == "similarity")
  }
}
