#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Detects a document's format from its extension and its first bytes.
enum FormatDetection {
  static func detect(utf8: [UInt8], path: String) -> SourceFormat {
    let head = utf8.prefix(2048)
    if isASCII(head) || !needsUnicode(head) { return detectASCII(head, path: path) }
    return detectUnicode(utf8: utf8, path: path)
  }

  /// Whether every byte is below 0x80, tested eight at a time.
  static func isASCII(_ head: ArraySlice<UInt8>) -> Bool {
    head.withUnsafeBytes { raw in
      var bits: UInt64 = 0
      var i = 0
      while i + 8 <= raw.count {
        bits |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
      }
      while i < raw.count {
        bits |= UInt64(raw[i])
        i += 1
      }
      return bits & 0x8080_8080_8080_8080 == 0
    }
  }

  /// Whether a head with non-ASCII bytes needs ``detectUnicode(utf8:path:)`` to decide exactly as it
  /// would: when it holds `<` (the XML and HTML markers) or `format:` in any case (the Debian header).
  ///
  /// Without them only the path and a leading `---` line decide, and bytes decide those as the
  /// lowercased `String` does: no non-ASCII scalar is, or lowercases to, `-`, and a line end ends a
  /// grapheme. That `String` cost about 1.7 M instructions per file (a third of its analysis) on the
  /// one licence text in six with a `©` or an accented name in its first 2 KB.
  static func needsUnicode(_ head: ArraySlice<UInt8>) -> Bool {
    let format = Array("format:".utf8)
    var i = head.startIndex
    while i < head.endIndex {
      let b = head[i]
      if b == 0x3C { return true }
      // `| 0x20` folds ASCII case (and a few control bytes onto `:`, which only errs towards true).
      if b | 0x20 == 0x66, head.endIndex - i >= format.count,
        zip(head[i..<(i + format.count)], format).allSatisfy({ $0 | 0x20 == $1 })
      {
        return true
      }
      i += 1
    }
    return false
  }

  /// The same decisions as ``detectUnicode(utf8:path:)`` on bytes, for the usual all-ASCII head and
  /// for heads ``needsUnicode(_:)`` clears: lowercasing and searching a String went through
  /// Foundation and cost more than tokenising.
  static func detectASCII(_ head: ArraySlice<UInt8>, path: String) -> SourceFormat {
    let lower = path.lowercased()
    let h = Array(head)
    // ASCII case folded where compared, not over the whole head first.
    @inline(__always) func folded(_ i: Int) -> UInt8 { h[i] >= 0x41 && h[i] <= 0x5A ? h[i] | 0x20 : h[i] }
    // As the String version: skip spaces, tabs and lone line ends; "\r\n" is one Character there
    // and is not skipped.
    var t = 0
    while t < h.count {
      let b = h[t]
      if b == 0x20 || b == 0x0A || b == 0x09 || (b == 0x0D && !(t + 1 < h.count && h[t + 1] == 0x0A)) {
        t += 1
      } else {
        break
      }
    }
    func starts(_ s: String) -> Bool {
      var i = t
      for c in s.utf8 {
        guard i < h.count, folded(i) == c else { return false }
        i += 1
      }
      return true
    }
    // Each text searched for anywhere starts with `<` or is searched for only after a head starting
    // with `<`: without one (most licence texts) the searches are skipped.
    let markup = h.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x3C, raw.count) != nil } ?? false }
    func has(_ s: String) -> Bool {
      let n = Array(s.utf8)
      guard markup, n.count <= h.count else { return false }
      for i in 0...(h.count - n.count) where folded(i) == n[0] {
        if (1..<n.count).allSatisfy({ folded(i + $0) == n[$0] }) { return true }
      }
      return false
    }
    if starts("<?xml") || starts("<spdxlicensecollection") {
      if has("spdxlicensecollection") || has("spdx.org/license") { return .spdxXML }
      if lower.hasSuffix(".xml") { return .spdxXML }
    }
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
    if starts("<!doctype html") || starts("<html") || has("<body") { return .html }
    if lower.hasSuffix(".xml"), starts("<") { return .spdxXML }
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdx") { return .markdown }
    if starts("format:"), DebianCopyright.isHeader(h[t...]) { return .debianCopyright }
    if starts("---\n") || starts("---\r\n") { return .markdown }
    return .text
  }

  static func detectUnicode(utf8: [UInt8], path: String) -> SourceFormat {
    let lower = path.lowercased()
    let head = String(decoding: utf8.prefix(2048), as: UTF8.self).lowercased()
    let trimmed = head.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
    if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<spdxlicensecollection") {
      if head.contains("spdxlicensecollection") || head.contains("spdx.org/license") { return .spdxXML }
      if lower.hasSuffix(".xml") { return .spdxXML }
    }
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
    if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body") {
      return .html
    }
    if lower.hasSuffix(".xml"), trimmed.hasPrefix("<") { return .spdxXML }
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdx") { return .markdown }
    if trimmed.hasPrefix("format:"), DebianCopyright.isHeader(utf8.prefix(2048)) { return .debianCopyright }
    // Model cards and READMEs often lack an extension but start with YAML front matter.
    if trimmed.hasPrefix("---\n") || trimmed.hasPrefix("---\r\n") {
      return .markdown
    }
    return .text
  }
}
