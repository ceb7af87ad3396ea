/// What the head of a source file says about its licence.
struct SourceHead: Sendable, Equatable {
  /// `SPDX-License-Identifier:` values.
  var tags: [String]
  /// The licence a notice in the header comment names, when there is no tag.
  var notice: String?
}

/// Licence notices in source-file header comments: "Licensed under the Apache License, Version
/// 2.0 …", the GNU "free software; you can redistribute it … either version 2 …" notice, an MPL
/// notice.
///
/// The comment markers (`//`, `/*`, ` * `, `#`, `--`, `;`, `%`, `!`, `dnl`, `REM`) are removed
/// from the start of each line and `*/` from its end, and the text is identified. Only answers the
/// identifier is sure of count: a notice, or an exact or template match; a similarity match only
/// with high confidence. Everything else (a copyright line, "see LICENSE") names no licence.
enum HeaderNotice {
  /// The licence the header of a source file names, or nil.
  ///
  /// - Parameter head: the file's first bytes.
  /// - Complexity: O(n) in the head, plus one identification when the head mentions a licence.
  static func identify(_ head: ArraySlice<UInt8>, identifier: Identifier = .standard) -> String? {
    // Most files say nothing about a licence: skip them before building any text.
    guard mentionsLicence(head) else { return nil }
    let text = stripped(head)
    guard let id = identifier.identify(TokenizedText(text)) else { return nil }
    switch id.method {
    case "notice", "exact", "template": return id.expression ?? id.id
    case "similarity" where id.lowConfidence != true && id.confidence >= 0.9: return id.expression ?? id.id
    default: return nil
    }
  }

  /// Whether the bytes contain `licen` (License, licence, licensed) in any case.
  static func mentionsLicence(_ b: ArraySlice<UInt8>) -> Bool {
    let n: [UInt8] = Array("licen".utf8)
    var i = b.startIndex
    while i + n.count <= b.endIndex {
      if b[i] | 0x20 == n[0], b[i + 1] | 0x20 == n[1], b[i + 2] | 0x20 == n[2], b[i + 3] | 0x20 == n[3],
        b[i + 4] | 0x20 == n[4]
      {
        return true
      }
      i += 1
    }
    return false
  }

  /// Comment markers that open a line, longest first where one is a prefix of another.
  static let markers: [[UInt8]] = [
    "/**", "/*", "//!", "///", "//", "*/", "*", "#!", "##", "#", "--", ";;", ";", "%", "!", "dnl", "DNL", "REM", "rem",
    "'",
  ].map { Array($0.utf8) }

  /// The head with comment markers removed from every line (the line breaks kept).
  static func stripped(_ head: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(head.count)
    var i = head.startIndex
    while i < head.endIndex {
      var end = i
      while end < head.endIndex, head[end] != 0x0A, head[end] != 0x0D { end += 1 }
      var lo = i
      var hi = end
      func skipSpaces() { while lo < hi, head[lo] == 0x20 || head[lo] == 0x09 { lo += 1 } }
      skipSpaces()
      // Repeated markers (`# #`, `/* *`) are removed one after another.
      var removed = true
      while removed {
        removed = false
        for m in markers where hi - lo >= m.count && head[lo..<(lo + m.count)].elementsEqual(m) {
          lo += m.count
          removed = true
          skipSpaces()
          break
        }
      }
      while hi > lo, head[hi - 1] == 0x20 || head[hi - 1] == 0x09 { hi -= 1 }
      if hi - lo >= 2, head[hi - 2] == UInt8(ascii: "*"), head[hi - 1] == UInt8(ascii: "/") { hi -= 2 }
      out.append(contentsOf: head[lo..<hi])
      out.append(0x0A)
      i = end
      if i < head.endIndex, head[i] == 0x0D { i += 1 }
      if i < head.endIndex, head[i] == 0x0A { i += 1 }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension LicenseScanner {
  /// Findings for Debian copyright files whose declared licence names contradict their texts.
  static func debianFindings(_ folder: String, _ analyses: [LicenseAnalysis]) -> [ScanFinding] {
    var out: [ScanFinding] = []
    for a in analyses where a.identification?.method == "debian-copyright" {
      for s in a.identification?.segments ?? [] where s.matchesDeclared == false {
        let file = a.source.path.split(separator: "/").last.map(String.init) ?? a.source.path
        out.append(
          ScanFinding(
            code: .debianLicenseMismatch, folder: folder,
            message:
              "\(file) line \(s.lineStart): License: \(s.declared ?? "?") is declared, but its text is \(s.id) (\(s.method), confidence \(String(format: "%.2f", s.confidence)))"
          ))
      }
    }
    return out
  }
}
