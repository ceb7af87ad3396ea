/// Detects a document's format from its extension and its first bytes.
enum FormatDetection {
  static func detect(utf8: [UInt8], path: String) -> SourceFormat {
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
    // Model cards and READMEs often lack an extension but start with YAML front matter.
    if trimmed.hasPrefix("---\n") || trimmed.hasPrefix("---\r\n") {
      return .markdown
    }
    return .text
  }
}
