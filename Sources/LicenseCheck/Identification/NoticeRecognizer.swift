/// Recognises licence notices and references: the short texts that name a licence instead of
/// containing it: a GNU notice naming "version 2" with "(at your option) any later version", an
/// Apache notice naming "Version 2.0", an MPL notice naming "v. 2.0", or a pointer such as
/// "see /usr/share/common-licenses/GPL-3".
///
/// A notice is a licence name (a phrase or an abbreviation such as `GPL`, `LGPLv2.1`), a version
/// near it ("version 2", "v. 2.0", "2.1", "-2"), and for GNU licences the version rule: "or (at
/// your option) any later version", "or later" or a `+` give `-or-later`; "only", "not later" or a
/// version with no such words give `-only`. The first name in the text that has a version (or the
/// first name at all) is the notice's licence; the same name with a version elsewhere (a
/// `common-licenses` path, "the complete text of version 2 …") supplies a version the grant
/// leaves out.
///
/// Works on normal forms of tokens, in one pass with bounded look-ahead: linear in the text.
struct NoticeRecognizer: Sendable {
  /// A recognised notice.
  struct Notice: Sendable, Equatable {
    /// The SPDX id it names (`GPL-2.0-or-later`, `Apache-2.0`).
    var id: String
    /// Whether the version came from the grant itself (rather than a default or a path).
    var versionStated: Bool
    /// Whether the -only / -or-later rule was stated (GNU licences).
    var ruleStated: Bool
    /// Token index of the name.
    var token: Int
    /// Index of the name in the notice's word stream.
    var item: Int = 0
    /// A second licence offered as a choice ("… under the Apache License, Version 2.0 or the MIT
    /// License, at your option"): its id.
    var orLicense: String? = nil
  }

  /// A licence family that notices name.
  struct Family: Sendable {
    /// SPDX id stem (`GPL`, `Apache`).
    let stem: String
    /// Versions as SPDX writes them, in order.
    let versions: [String]
    /// The version assumed when the notice names none (nil: none assumed).
    let defaultVersion: String?
    /// Whether SPDX ids carry `-only` / `-or-later`.
    let gnu: Bool
  }

  static let families: [String: Family] = [
    "gpl": Family(stem: "GPL", versions: ["1.0", "2.0", "3.0"], defaultVersion: nil, gnu: true),
    "lgpl": Family(stem: "LGPL", versions: ["2.0", "2.1", "3.0"], defaultVersion: nil, gnu: true),
    "lgpl-library": Family(stem: "LGPL", versions: ["2.0", "2.1", "3.0"], defaultVersion: "2.0", gnu: true),
    "agpl": Family(stem: "AGPL", versions: ["1.0", "3.0"], defaultVersion: "3.0", gnu: true),
    "gfdl": Family(stem: "GFDL", versions: ["1.1", "1.2", "1.3"], defaultVersion: nil, gnu: true),
    "apache": Family(stem: "Apache", versions: ["1.0", "1.1", "2.0"], defaultVersion: "2.0", gnu: false),
    "mpl": Family(stem: "MPL", versions: ["1.0", "1.1", "2.0"], defaultVersion: "2.0", gnu: false),
    "epl": Family(stem: "EPL", versions: ["1.0", "2.0"], defaultVersion: nil, gnu: false),
    "cc0": Family(stem: "CC0", versions: ["1.0"], defaultVersion: "1.0", gnu: false),
    "artistic": Family(stem: "Artistic", versions: ["1.0", "2.0"], defaultVersion: nil, gnu: false),
    "cddl": Family(stem: "CDDL", versions: ["1.0", "1.1"], defaultVersion: "1.0", gnu: false),
    "eupl": Family(stem: "EUPL", versions: ["1.0", "1.1", "1.2"], defaultVersion: nil, gnu: false),
    "mit": Family(stem: "MIT", versions: [], defaultVersion: nil, gnu: false),
    "bsl": Family(stem: "BSL", versions: ["1.0"], defaultVersion: "1.0", gnu: false),
    "isc": Family(stem: "ISC", versions: [], defaultVersion: nil, gnu: false),
    "psf": Family(stem: "PSF", versions: ["2.0"], defaultVersion: "2.0", gnu: false),
    "zlib": Family(stem: "Zlib", versions: [], defaultVersion: nil, gnu: false),
  ]

  /// Name phrases (normal forms) and the family they name, longest first where they overlap.
  static let names: [([String], String)] = [
    (["gnu", "lesser", "general", "public", "license"], "lgpl"),
    (["gnu", "library", "general", "public", "license"], "lgpl-library"),
    (["gnu", "affero", "general", "public", "license"], "agpl"),
    (["gnu", "free", "documentation", "license"], "gfdl"),
    (["gnu", "general", "public", "license"], "gpl"),
    (["lesser", "general", "public", "license"], "lgpl"),
    (["library", "general", "public", "license"], "lgpl-library"),
    (["affero", "general", "public", "license"], "agpl"),
    (["free", "documentation", "license"], "gfdl"),
    (["general", "public", "license"], "gpl"),
    (["gnu", "gpl"], "gpl"), (["gnu", "lgpl"], "lgpl"), (["gnu", "fdl"], "gfdl"), (["gnu", "agpl"], "agpl"),
    (["gpl"], "gpl"), (["lgpl"], "lgpl"), (["agpl"], "agpl"), (["gfdl"], "gfdl"), (["fdl"], "gfdl"),
    (["apache", "license"], "apache"), (["apache", "software", "license"], "apache"),
    (["mozilla", "public", "license"], "mpl"), (["mpl"], "mpl"),
    (["eclipse", "public", "license"], "epl"), (["epl"], "epl"),
    (["cc0"], "cc0"), (["creative", "commons", "zero"], "cc0"),
    (["artistic", "license"], "artistic"),
    (["common", "development", "and", "distribution", "license"], "cddl"), (["cddl"], "cddl"),
    (["european", "union", "public", "license"], "eupl"), (["eupl"], "eupl"),
    (["mit", "license"], "mit"), (["expat", "license"], "mit"),
    (["boost", "software", "license"], "bsl"),
    (["isc", "license"], "isc"),
    (["python", "software", "foundation", "license"], "psf"),
    (["zlib", "license"], "zlib"),
  ]

  /// ``names`` by their first word.
  static let namesByFirstWord: [String: [([String], String)]] = Dictionary(grouping: names, by: { $0.0[0] })

  /// Whether `needle` occurs in `haystack`, byte for byte.
  static func contains(_ haystack: String, _ needle: StaticString) -> Bool {
    let h = Array(haystack.utf8)
    let n = needle.withUTF8Buffer { Array($0) }
    guard h.count >= n.count else { return false }
    for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return true }
    return false
  }

  /// Abbreviations that may carry their version glued on (`gplv2`, `lgpl2.1`, `apache2`).
  static let gluedStems = ["lgpl", "agpl", "gfdl", "gpl", "fdl", "mpl", "epl", "apache", "cddl", "eupl"]

  /// A word of the notice stream: a normal form, or a punctuation mark.
  struct Item {
    var word: String
    var isNumber: Bool
    var isPunct: Bool
    var token: Int
    var isURL = false
  }

  /// The stream of normal forms, with abbreviations and glued versions split (`gplv2` → `gpl` `2`).
  static func items(_ text: TokenizedText, limit: Int) -> [Item] {
    var out: [Item] = []
    out.reserveCapacity(min(text.tokens.count, limit))
    for (k, t) in text.tokens.prefix(limit).enumerated() {
      let w = text.normalized(t)
      switch t.kind {
      case .punctuation:
        out.append(Item(word: w, isNumber: false, isPunct: true, token: k))
      case .url:
        out.append(Item(word: w, isNumber: false, isPunct: false, token: k, isURL: true))
      case .number:
        // "2.0+" and "2" stay numbers; "2nd" and the like are not versions.
        out.append(
          Item(
            word: w, isNumber: w.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }, isPunct: false, token: k)
        )
      case .word:
        var split = false
        for stem in gluedStems where w.hasPrefix(stem) && w.count > stem.count {
          var rest = w.dropFirst(stem.count)
          if rest.hasPrefix("v") { rest = rest.dropFirst() }
          if !rest.isEmpty, rest.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) {
            out.append(Item(word: stem, isNumber: false, isPunct: false, token: k))
            out.append(Item(word: String(rest), isNumber: true, isPunct: false, token: k))
            split = true
          }
          break
        }
        if !split {
          // "v2" → "v" "2".
          if w.count > 1, w.hasPrefix("v"), w.dropFirst().utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E })
          {
            out.append(Item(word: "v", isNumber: false, isPunct: false, token: k))
            out.append(Item(word: String(w.dropFirst()), isNumber: true, isPunct: false, token: k))
          } else {
            out.append(Item(word: w, isNumber: false, isPunct: false, token: k))
          }
        }
      }
    }
    return out
  }

  /// A family name found in the stream.
  struct Mention {
    var family: String
    var start: Int
    var end: Int
  }

  /// The names of licence families in the stream, in order, not overlapping.
  static func mentions(_ items: [Item]) -> [Mention] {
    var out: [Mention] = []
    var i = 0
    while i < items.count {
      guard !items[i].isPunct else {
        i += 1
        continue
      }
      var found: Mention? = nil
      for (phrase, family) in namesByFirstWord[items[i].word] ?? [] {
        guard i + phrase.count <= items.count else { continue }
        var ok = true
        for k in 1..<phrase.count where items[i + k].word != phrase[k] {
          ok = false
          break
        }
        if ok, found == nil || phrase.count > found!.end - found!.start {
          found = Mention(family: family, start: i, end: i + phrase.count)
        }
      }
      if let f = found {
        // "Apache" alone is a name only with a version after it; "the Apache License" always.
        out.append(f)
        i = f.end
      } else if items[i].word == "apache", i + 1 < items.count,
        items[i + 1].isNumber
          || (i + 2 < items.count && items[i + 1].word == "-" && items[i + 2].isNumber)
      {
        out.append(Mention(family: "apache", start: i, end: i + 1))
        i += 1
      } else if items[i].isURL, contains(items[i].word, "creativecommons.org/publicdomain/zero") {
        out.append(Mention(family: "cc0", start: i, end: i + 1))
        i += 1
      } else {
        i += 1
      }
    }
    return out
  }

  /// The SPDX form of a version written in a notice (`2` → `2.0`), if the family has it.
  static func version(_ w: String, of family: Family) -> String? {
    var v = w
    while v.hasSuffix(".") { v.removeLast() }
    if !v.contains(".") { v += ".0" }
    if v.hasSuffix(".0.0") { v.removeLast(2) }
    return family.versions.contains(v) ? v : nil
  }

  static let versionWords: Set<String> = ["version", "v", "versions"]

  /// Words that say the licensee chooses between the licences named.
  static let choiceWords: Set<String> = ["either", "option", "choice", "choose", "dual", "dually", "alternatively"]

  /// The version item near a mention: after it ("version 2", "v. 2.0", "2.1", "-2"), or just
  /// before it ("version 2 of the GNU General Public License").
  static func versionIndex(_ items: [Item], _ m: Mention, family: Family, limitEnd: Int) -> (Int, String)? {
    // Directly after the name: "GPL 2", "GPL-2", "Apache License 2.0", "GPL v2", "GPL, v2", "MPL v. 2.0".
    var j = m.end
    var previous = ""
    var steps = 0
    while j < min(items.count, limitEnd), steps < 30 {
      let it = items[j]
      if it.isPunct {
        // A full stop not followed by a number ends the sentence: the version is not in it.
        if it.word == ".", steps > 0, j + 1 < items.count, !items[j + 1].isNumber { break }
        j += 1
        continue
      }
      steps += 1
      if it.isNumber, versionWords.contains(previous) || steps == 1, let v = version(it.word, of: family) {
        return (j, v)
      }
      previous = it.word
      j += 1
    }
    // Before it: "version 2 of the GNU General Public License", "terms version 2 of the".
    var k = m.start - 1
    var back = 0
    while k >= 1, back < 6 {
      if items[k].isNumber, versionWords.contains(items[k - 1].word), let v = version(items[k].word, of: family) {
        return (k, v)
      }
      if !items[k].isPunct { back += 1 }
      k -= 1
    }
    return nil
  }

  /// `true` for -or-later, `false` for -only, nil when the notice says neither.
  static func rule(_ items: [Item], after v: Int) -> Bool? {
    if v + 1 < items.count, items[v + 1].word == "+" { return true }
    var j = v + 1
    var steps = 0
    while j < items.count, steps < 16 {
      let it = items[j]
      if it.isPunct {
        if it.word == ".", steps > 0 { break }
        j += 1
        continue
      }
      steps += 1
      if it.word == "later" || it.word == "newer" {
        // "(not later!)"
        if j >= 1, items[j - 1].word == "not" { return false }
        return true
      }
      if it.word == "only" { return false }
      if families[it.word] != nil || it.word == "license" && steps > 8 { break }
      j += 1
    }
    return nil
  }

  /// The notices of a text, primary first; empty when it names no licence.
  ///
  /// - Parameter limit: tokens read (notices sit at the start of a file or a paragraph).
  /// - Complexity: O(n) in the tokens read.
  static func recognize(_ text: TokenizedText, limit: Int = 3000) -> [Notice] {
    let items = items(text, limit: limit)
    let ms = mentions(items)
    guard !ms.isEmpty else { return [] }
    var out: [Notice] = []
    var seenFamilies: Set<String> = []
    for (n, m) in ms.enumerated() {
      guard let family = families[m.family] else { continue }
      let key = family.stem
      if seenFamilies.contains(key) { continue }
      let nextStart = n + 1 < ms.count ? ms[n + 1].start : items.count
      var versionStated = false
      var ruleStated = false
      var ver: String? = nil
      var later: Bool? = nil
      if let (vi, v) = versionIndex(items, m, family: family, limitEnd: nextStart) {
        ver = v
        versionStated = true
        later = rule(items, after: vi)
      } else {
        // The same family named again with a version: a path or "the complete text of version 2".
        for other in ms.dropFirst(n + 1) where families[other.family]?.stem == key {
          let end = ms.first(where: { $0.start > other.start })?.start ?? items.count
          if let (vi, v) = versionIndex(items, other, family: family, limitEnd: end) {
            ver = v
            later = rule(items, after: vi)
            break
          }
        }
      }
      if ver == nil { ver = family.defaultVersion }
      if family.versions.isEmpty {
        out.append(
          Notice(id: family.stem, versionStated: true, ruleStated: false, token: items[m.start].token, item: m.start))
        seenFamilies.insert(key)
        continue
      }
      guard let v = ver else { continue }
      var id = "\(family.stem)-\(v)"
      if family.gnu {
        ruleStated = later != nil
        id += later == true ? "-or-later" : "-only"
      }
      if family.stem == "CC0" { id = "CC0-1.0" }
      out.append(
        Notice(
          id: id, versionStated: versionStated, ruleStated: ruleStated, token: items[m.start].token, item: m.start))
      seenFamilies.insert(key)
    }
    // A notice whose version was stated comes before one that only names a licence in passing.
    if let first = out.first, !first.versionStated, let stated = out.firstIndex(where: { $0.versionStated }) {
      out.insert(out.remove(at: stated), at: 0)
    }
    // Two licences joined by "or" close together, in a text that speaks of a choice: a dual licence.
    if out.count > 1, let second = out.dropFirst().filter({ $0.item > out[0].item }).min(by: { $0.item < $1.item }),
      second.item - out[0].item <= 30,
      items[out[0].item..<second.item].contains(where: { $0.word == "or" }),
      items.contains(where: { choiceWords.contains($0.word) })
    {
      out[0].orLicense = second.id
    }
    return out
  }
}
