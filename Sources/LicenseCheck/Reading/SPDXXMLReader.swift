import CLibXML2

/// SPDX license-list XML to plain text and a matching template via libxml2.
///
/// The plain text is what the SPDX site renders for the licence: the `<text>` element
/// with every `<optional>` included and every `<alt>` replaced by its own wording;
/// paragraphs (`<p>`) are separated by blank lines and list items start their own
/// lines with their bullets. `<crossRefs>`, `<notes>`, `<obsoletedBys>` and a
/// `<standardLicenseHeader>` outside `<text>` are metadata, not text.
///
/// Entities: external entities are never read (no DTD loading, no network); internal
/// entities are expanded only when their replacement text refers to no other entity
/// (see ``EntityGuard``), and the expansion may add at most 50 times the input size.
enum SPDXXMLReader {
  /// The namespace of `<SPDXLicenseCollection>`.
  static let namespace = "http://www.spdx.org/license"

  static func read(utf8: [UInt8], path: String) throws(ReadError) -> MarkupResult {
    let doc = try LibXML.parseXML(utf8, path: path)
    defer { xmlFreeDoc(doc) }
    try EntityGuard.checkDeclarations(doc, path: path)
    guard let root = xmlDocGetRootElement(doc) else { throw ReadError(.notSPDX("no root element"), path: path) }
    let expansionLimit = Swift.max(1 << 16, 50 * utf8.count)
    try EntityGuard.checkExpansion(root, limit: expansionLimit, path: path)
    guard LibXML.isNamed(root, "SPDXLicenseCollection") else {
      throw ReadError(
        .notSPDX("the root element is <\(LibXML.name(root))>, not <SPDXLicenseCollection>"), path: path)
    }
    var warnings: [ReadWarning] = []
    if let ns = root.pointee.ns, let href = ns.pointee.href {
      let uri = String(cString: href)
      guard uri == namespace else {
        throw ReadError(.notSPDX("namespace \(uri), expected \(namespace)"), path: path)
      }
    } else {
      warnings.append(
        ReadWarning(
          code: "spdx-namespace-missing", message: "<SPDXLicenseCollection> has no namespace; expected \(namespace)"))
    }
    guard
      let entry = LibXML.children(root).first(where: {
        $0.pointee.type == XML_ELEMENT_NODE && (LibXML.isNamed($0, "license") || LibXML.isNamed($0, "exception"))
      })
    else {
      throw ReadError(.notSPDX("no <license> or <exception> element"), path: path)
    }

    var walker = Walker(
      builder: MarkupTextBuilder(src: utf8, mode: .xml), path: path,
      expansionLimit: expansionLimit)
    _ = try walker.nodes(root, emit: false)
    let (plain, map) = walker.builder.finish()
    if walker.builder.unalignedNodes > 0 {
      warnings.append(
        ReadWarning(
          code: "source-map-approximate",
          message:
            "\(walker.builder.unalignedNodes) text pieces could not be located in the source; their spans are approximate"
        ))
    }

    func attr(_ name: String) throws(ReadError) -> String? {
      try LibXML.attribute(entry, name, path: path).map { LibXML.collapse(Array($0.utf8)) }
    }
    let id = try attr("licenseId") ?? ""
    if id.isEmpty { throw ReadError(.notSPDX("the <\(LibXML.name(entry))> element has no licenseId"), path: path) }
    let deprecatedVersion = try attr("deprecatedVersion")
    let osi = try attr("isOsiApproved").map { $0 == "true" || $0 == "1" }
    let deprecated = try attr("isDeprecated").map { $0 == "true" || $0 == "1" } ?? (deprecatedVersion != nil)
    var crossRefs: [String] = []
    for child in LibXML.children(entry)
    where child.pointee.type == XML_ELEMENT_NODE && LibXML.isNamed(child, "crossRefs") {
      for ref in LibXML.children(child) where ref.pointee.type == XML_ELEMENT_NODE && LibXML.isNamed(ref, "crossRef") {
        let url = LibXML.collapsedText(ref)
        if !url.isEmpty { crossRefs.append(url) }
      }
    }
    let info = SPDXLicenseInfo(
      id: id, name: try attr("name") ?? id, isException: LibXML.isNamed(entry, "exception"),
      isOsiApproved: osi, isDeprecated: deprecated, deprecatedVersion: deprecatedVersion,
      listVersionAdded: try attr("listVersionAdded"), crossRefs: crossRefs, template: walker.template ?? [])
    return MarkupResult(plain: plain, map: map, info: info, warnings: warnings)
  }

  /// Walks the tree in document order: every text node is located in the source (so
  /// the cursor stays in step), but only the licence's `<text>` is emitted.
  struct Walker {
    var builder: MarkupTextBuilder
    let path: String
    let expansionLimit: Int
    /// The template of the `<text>` element, once seen.
    var template: [TemplateNode]?

    mutating func nodes(_ parent: xmlNodePtr, emit: Bool) throws(ReadError) -> [TemplateNode] {
      try nodes(first: parent.pointee.children, parent: parent, emit: emit)
    }

    /// A sibling list starting at `first`; `parent` is where the siblings appear.
    mutating func nodes(first: xmlNodePtr?, parent: xmlNodePtr, emit: Bool) throws(ReadError) -> [TemplateNode] {
      var list = TemplateList()
      var child = first
      while let node = child {
        child = node.pointee.next
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
          let content = LibXML.contentBytes(node)
          builder.text(content, kind: node.pointee.type == XML_TEXT_NODE ? .text : .cdata, emit: emit)
          if emit { list.appendText(content) }
        case XML_ENTITY_REF_NODE:
          try entity(node, parent: parent, emit: emit, into: &list)
        case XML_ELEMENT_NODE:
          try element(node, parent: parent, emit: emit, into: &list)
        default:
          break  // comments and processing instructions are not text
        }
      }
      return list.nodes
    }

    mutating func entity(
      _ node: xmlNodePtr, parent: xmlNodePtr, emit: Bool, into list: inout TemplateList
    ) throws(ReadError) {
      let name = node.pointee.name.map { Array(UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0)))) } ?? []
      // Nested references never get here (EntityGuard refuses such declarations), but a
      // reference met while already expanding one is refused rather than followed.
      if builder.entityReference != nil { throw ReadError(.entityLimit, path: path) }
      builder.beginEntity(name: name)
      defer { builder.endEntity() }
      guard let ent = xmlGetDocEntity(node.pointee.doc, node.pointee.name),
        ent.pointee.etype == XML_INTERNAL_GENERAL_ENTITY
      else { return }  // external entities are never read
      // Refuse before expanding: the replacement text bounds what the expansion adds.
      if builder.expandedBytes + Int(ent.pointee.length) > expansionLimit {
        throw ReadError(.entityLimit, path: path)
      }
      // The entity's parsed content, shared by all its references, stands in the reference's place.
      let expansion = try nodes(first: ent.pointee.children, parent: parent, emit: emit)
      if builder.expandedBytes > expansionLimit { throw ReadError(.entityLimit, path: path) }
      for n in expansion { list.append(n) }
    }

    mutating func element(
      _ node: xmlNodePtr, parent: xmlNodePtr, emit: Bool, into list: inout TemplateList
    ) throws(ReadError) {
      if !emit {
        // The licence text itself: the one `<text>` directly under `<license>`/`<exception>`.
        if LibXML.isNamed(node, "text"), template == nil,
          LibXML.isNamed(parent, "license") || LibXML.isNamed(parent, "exception")
        {
          var t = try nodes(node, emit: true)
          while t.first == .paragraphBreak { t.removeFirst() }
          while t.last == .paragraphBreak { t.removeLast() }
          template = t
        } else {
          _ = try nodes(node, emit: false)
        }
        return
      }
      // SPDX `spacing`: "none", "before", "after" or "both"; without it, a space only
      // where two words would otherwise run together (see MarkupTextBuilder.wordBoundary).
      let spacing = try LibXML.attribute(node, "spacing", path: path)
      func spaceBefore() {
        switch spacing {
        case "none", "after": break
        case "before", "both":
          builder.space()
          list.appendSpace()
        default:
          builder.wordBoundary()
          list.wordBoundary()
        }
      }
      func spaceAfter() {
        switch spacing {
        case "none", "before": break
        case "after", "both":
          builder.space()
          list.appendSpace()
        default:
          builder.wordBoundary()
          list.wordBoundary()
        }
      }
      switch LibXML.name(node) {
      case "p":
        builder.paragraphBreak()
        list.append(.paragraphBreak)
        for n in try nodes(node, emit: true) { list.append(n) }
        builder.paragraphBreak()
        list.append(.paragraphBreak)
      case "br":
        builder.lineBreak()
        list.append(.paragraphBreak)
      case "list":
        builder.lineBreak()
        list.append(.paragraphBreak)
        for n in try nodes(node, emit: true) { list.append(n) }
        builder.lineBreak()
        list.append(.paragraphBreak)
      case "item":
        builder.lineBreak()
        list.append(.paragraphBreak)
        for n in try nodes(node, emit: true) { list.append(n) }
        builder.lineBreak()
      case "bullet":
        builder.lineBreak()
        let before = builder.out.bytes.count
        _ = try nodes(node, emit: true)
        let bullet = String(decoding: builder.out.bytes[before...], as: UTF8.self)
        builder.space()
        list.append(.bullet(LibXML.collapse(Array(bullet.utf8))))
        list.appendSpace()
      case "optional":
        spaceBefore()
        list.append(.optional(try nodes(node, emit: true)))
        spaceAfter()
      case "alt":
        spaceBefore()
        let name = try LibXML.attribute(node, "name", path: path) ?? ""
        let match = try LibXML.attribute(node, "match", path: path) ?? ""
        let inner = try nodes(node, emit: true)
        list.append(.alt(name: name, match: match, original: TemplateList.plainText(inner)))
        spaceAfter()
      case "titleText":
        builder.paragraphBreak()
        list.append(.title(try nodes(node, emit: true)))
        builder.paragraphBreak()
        list.append(.paragraphBreak)
      case "copyrightText":
        builder.paragraphBreak()
        list.append(.copyright(try nodes(node, emit: true)))
        builder.paragraphBreak()
        list.append(.paragraphBreak)
      case "standardLicenseHeader":
        builder.paragraphBreak()
        list.append(.standardHeader(try nodes(node, emit: true)))
        builder.paragraphBreak()
        list.append(.paragraphBreak)
      case "crossRefs", "notes", "obsoletedBys":
        _ = try nodes(node, emit: false)
      default:
        // Unknown markup is transparent: its text is licence text.
        for n in try nodes(node, emit: true) { list.append(n) }
      }
    }
  }
}

/// Accumulates template nodes: merges adjacent text, drops repeated breaks, and trims
/// whitespace next to breaks and at the ends of a container.
struct TemplateList {
  private var items: [TemplateNode] = []
  /// Text not yet closed into a `.text` node; kept as bytes so that many adjacent text
  /// pieces (an entity used many times) cost linear time.
  private var text: [UInt8] = []
  private var boundary = false

  /// Like ``MarkupTextBuilder/wordBoundary()``: a space before the next node only if two
  /// word characters would touch.
  mutating func wordBoundary() { boundary = true }

  /// The last byte rendered so far, if any.
  private var lastRendered: UInt8? {
    if let b = text.last { return b }
    return items.last.flatMap(Self.lastByte)
  }

  mutating func append(_ node: TemplateNode) {
    if boundary {
      boundary = false
      if let last = lastRendered, MarkupTextBuilder.isWordByte(last),
        let first = Self.firstByte(node), MarkupTextBuilder.isWordByte(first)
      {
        append(.text(" "))
      }
    }
    switch node {
    case .text(let s):
      appendText(Array(s.utf8))
    case .paragraphBreak:
      while text.last == 0x20 { text.removeLast() }
      closeText()
      if case .paragraphBreak? = items.last { return }
      items.append(.paragraphBreak)
    default:
      closeText()
      items.append(node)
    }
  }

  /// Appends text, collapsing whitespace runs to one space; no space at the start of a
  /// container or after a break, and never two in a row.
  mutating func appendText(_ bytes: [UInt8]) {
    if boundary, let first = bytes.first {
      boundary = false
      if let last = lastRendered, MarkupTextBuilder.isWordByte(last), MarkupTextBuilder.isWordByte(first) {
        text.append(0x20)
      }
    }
    var atStart = text.isEmpty && (items.isEmpty || { if case .paragraphBreak? = items.last { true } else { false } }())
    var i = 0
    let n = bytes.count
    while i < n {
      if LibXML.isSpace(bytes[i]) {
        if !atStart, text.last != 0x20 { text.append(0x20) }
        i += 1
        continue
      }
      // A run of non-space bytes goes in at once.
      let start = i
      while i < n, !LibXML.isSpace(bytes[i]) { i += 1 }
      text.append(contentsOf: bytes[start..<i])
      atStart = false
    }
  }

  private mutating func closeText() {
    if !text.isEmpty { items.append(.text(String(decoding: text, as: UTF8.self))) }
    text.removeAll(keepingCapacity: true)
  }

  /// A separating space before the next node (SPDX `spacing="before"`).
  mutating func appendSpace() {
    guard let last = lastRendered, last != 0x20 else { return }
    if text.isEmpty, case .paragraphBreak? = items.last { return }
    append(.text(" "))
  }

  /// The nodes, with text trimmed next to breaks and at the ends. Breaks at the ends
  /// are kept: they separate the container from its neighbours.
  var nodes: [TemplateNode] {
    var copy = self
    while copy.text.last == 0x20 { copy.text.removeLast() }
    copy.closeText()
    return copy.items
  }

  /// The first byte a node renders as (nil for a break or an empty node).
  static func firstByte(_ node: TemplateNode) -> UInt8? {
    switch node {
    case .text(let s), .bullet(let s): return s.utf8.first
    case .alt(_, _, let original): return original.utf8.first
    case .optional(let inner), .title(let inner), .copyright(let inner), .standardHeader(let inner):
      // A plain loop: `lazy.compactMap(_:).first` evaluates the closure twice for the element it
      // returns, which doubled the work per nesting level (exponential in `<optional>` depth).
      for n in inner { if let b = firstByte(n) { return b } }
      return nil
    case .paragraphBreak: return nil
    }
  }

  /// The last byte a node renders as (nil for a break or an empty node).
  static func lastByte(_ node: TemplateNode) -> UInt8? {
    switch node {
    case .text(let s): return s.utf8.last
    case .bullet: return 0x20
    case .alt(_, _, let original): return original.utf8.last
    case .optional(let inner), .title(let inner), .copyright(let inner), .standardHeader(let inner):
      for n in inner.reversed() { if let b = lastByte(n) { return b } }
      return nil
    case .paragraphBreak: return nil
    }
  }

  /// The words of a node list as one line (for an `<alt>`'s original wording).
  static func plainText(_ nodes: [TemplateNode]) -> String {
    var parts: [String] = []
    for node in nodes {
      switch node {
      case .text(let s): parts.append(s)
      case .alt(_, _, let original): parts.append(" " + original + " ")
      case .optional(let inner), .title(let inner), .copyright(let inner), .standardHeader(let inner):
        parts.append(" " + plainText(inner) + " ")
      case .bullet(let b): parts.append(" " + b + " ")
      case .paragraphBreak: parts.append(" ")
      }
    }
    return LibXML.collapse(Array(parts.joined().utf8))
  }
}

/// Entity safety checks beyond libxml2's own.
///
/// libxml2 (without `XML_PARSE_NOENT`) keeps entity references as reference nodes
/// and already refuses entity loops and exponential expansion ("billion laughs").
/// This package adds a stricter rule, so that expansion is at most linear in the
/// input: an internal DTD subset may declare only general entities whose replacement
/// text is plain characters. Parameter entities and entities whose replacement text
/// refers to another entity are refused with ``ReadError/Reason/entityLimit``.
/// External entities may be declared but are never read.
enum EntityGuard {
  /// Refuses a tree whose entity references (in text and attributes) would add more
  /// than `limit` bytes when expanded, before anything is expanded.
  ///
  /// - Complexity: O(nodes), without recursion.
  static func checkExpansion(_ root: xmlNodePtr, limit: Int, path: String) throws(ReadError) {
    var total = 0
    func count(_ ref: xmlNodePtr) throws(ReadError) {
      guard let ent = xmlGetDocEntity(ref.pointee.doc, ref.pointee.name),
        ent.pointee.etype == XML_INTERNAL_GENERAL_ENTITY
      else { return }
      total += Int(ent.pointee.length)
      if total > limit { throw ReadError(.entityLimit, path: path) }
    }
    var node: xmlNodePtr? = root
    while let n = node {
      var descend = false
      switch n.pointee.type {
      case XML_ENTITY_REF_NODE:
        // Its `children` is the entity declaration itself: counted, never entered.
        try count(n)
      case XML_ELEMENT_NODE:
        var attr = n.pointee.properties
        while let a = attr {
          var c = a.pointee.children
          while let v = c {
            if v.pointee.type == XML_ENTITY_REF_NODE { try count(v) }
            c = v.pointee.next
          }
          attr = a.pointee.next
        }
        descend = n.pointee.children != nil
      default:
        break
      }
      if descend {
        node = n.pointee.children
        continue
      }
      var up: xmlNodePtr? = n
      while let u = up, u != root, u.pointee.next == nil { up = u.pointee.parent }
      guard let u = up, u != root else { return }
      node = u.pointee.next
    }
  }

  static func checkDeclarations(_ doc: xmlDocPtr, path: String) throws(ReadError) {
    for dtd in [doc.pointee.intSubset, doc.pointee.extSubset] {
      guard let dtd else { continue }
      var child = dtd.pointee.children
      while let node = child {
        child = node.pointee.next
        guard node.pointee.type == XML_ENTITY_DECL else { continue }
        let ent = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlEntity.self)
        switch ent.pointee.etype {
        case XML_INTERNAL_PARAMETER_ENTITY, XML_EXTERNAL_PARAMETER_ENTITY:
          throw ReadError(.entityLimit, path: path)
        case XML_INTERNAL_GENERAL_ENTITY:
          // Character references are already resolved in `content`; an `&` left there
          // is a reference to another entity (or an escaped one, refused all the same).
          if let c = ent.pointee.content, xmlStrchr(c, 0x26) != nil {
            throw ReadError(.entityLimit, path: path)
          }
        default:
          break
        }
      }
    }
  }
}
