import CLibXML2

/// HTML pages to plain text via libxml2's HTML parser.
///
/// Licence pages carry site chrome around the licence; only the parts that are never
/// licence text are dropped: `head` (whose `<title>` and `<meta>` become metadata),
/// `script`, `style`, `noscript`, `template`, `nav` and embedded objects. `header` and
/// `footer` are kept, because some pages put the licence title or the notice there.
/// Block elements become paragraph breaks, list items and table rows start lines,
/// table cells are separated by spaces, and whitespace is collapsed outside `pre`.
enum HTMLReader {
  /// Elements whose content is dropped.
  static let dropped: Set<String> = [
    "head", "script", "style", "noscript", "template", "nav", "iframe", "svg", "canvas", "object", "button",
  ]
  /// Elements that end a paragraph before and after.
  static let paragraphs: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "section", "article",
    "blockquote", "pre", "main", "header", "footer", "aside", "figure", "figcaption", "address", "form",
    "fieldset", "details", "summary", "hr", "center", "body", "html",
  ]
  /// Elements that start (and end) a line.
  static let lines: Set<String> = ["li", "tr", "dt", "dd", "br", "caption", "option", "legend"]

  static func read(utf8: [UInt8], path: String) throws(ReadError) -> MarkupResult {
    let doc = try LibXML.parseHTML(utf8, path: path)
    defer { xmlFreeDoc(doc) }
    var walker = Walker(builder: MarkupTextBuilder(src: utf8, mode: .html), path: path)
    try walker.nodes(first: doc.pointee.children, emit: true, pre: false, raw: false)
    let (plain, map) = walker.builder.finish()
    var warnings: [ReadWarning] = []
    if walker.builder.unalignedNodes > 0 {
      warnings.append(
        ReadWarning(
          code: "source-map-approximate",
          message:
            "\(walker.builder.unalignedNodes) text pieces could not be located in the source; their spans are approximate"
        ))
    }
    return MarkupResult(plain: plain, map: map, metadata: walker.metadata, warnings: warnings)
  }

  struct Walker {
    var builder: MarkupTextBuilder
    let path: String
    var metadata: [String: MetadataValue] = [:]

    mutating func nodes(first: xmlNodePtr?, emit: Bool, pre: Bool, raw: Bool) throws(ReadError) {
      var child = first
      while let node = child {
        child = node.pointee.next
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
          let kind: SourceAligner.Kind = raw || node.pointee.type == XML_CDATA_SECTION_NODE ? .raw : .text
          builder.text(LibXML.contentBytes(node), kind: kind, emit: emit, collapse: !pre)
        case XML_ELEMENT_NODE:
          try element(node, emit: emit, pre: pre, raw: raw)
        default:
          break
        }
      }
    }

    mutating func element(_ node: xmlNodePtr, emit: Bool, pre: Bool, raw: Bool) throws(ReadError) {
      let name = LibXML.name(node).lowercased()
      let first = node.pointee.children
      if name == "html", let lang = try LibXML.attribute(node, "lang", path: path), !lang.isEmpty {
        metadata["lang"] = .string(lang)
      }
      if name == "title", metadata["title"] == nil {
        let title = LibXML.collapsedText(node)
        if !title.isEmpty { metadata["title"] = .string(title) }
      }
      if name == "meta", let content = try LibXML.attribute(node, "content", path: path) {
        var key: String?
        for attribute in ["name", "property", "http-equiv"] where key == nil {
          key = try LibXML.attribute(node, attribute, path: path)
        }
        if let key, !key.isEmpty, metadata[key.lowercased()] == nil {
          metadata[key.lowercased()] = .string(content)
        }
      }
      let isRaw = raw || name == "script" || name == "style"
      if !emit || HTMLReader.dropped.contains(name) {
        // Still walked, so that the source cursor moves past the dropped text.
        try nodes(first: first, emit: false, pre: pre, raw: isRaw)
        return
      }
      if HTMLReader.paragraphs.contains(name) {
        builder.paragraphBreak()
        try nodes(first: first, emit: true, pre: pre || name == "pre", raw: isRaw)
        builder.paragraphBreak()
      } else if HTMLReader.lines.contains(name) {
        builder.lineBreak()
        try nodes(first: first, emit: true, pre: pre, raw: isRaw)
        builder.lineBreak()
      } else if name == "td" || name == "th" {
        builder.space()
        try nodes(first: first, emit: true, pre: pre, raw: isRaw)
        builder.space()
      } else {
        try nodes(first: first, emit: true, pre: pre, raw: isRaw)
      }
    }
  }
}
