import CLibXML2

/// The libxml2 bridge shared by the SPDX XML and HTML readers: safe parser options,
/// per-parse error capture, and small node accessors.
///
/// Every parse gets its own parser context, so nothing here touches libxml2's global
/// error handlers: errors are captured through the context's structured-error callback,
/// which also keeps libxml2 from printing them on standard error.
enum LibXML {
  /// What libxml2 reported while parsing; filled in by the context's error callback.
  final class ErrorLog {
    /// The first error: line (1-based in the parsed bytes), libxml2 code, message.
    var first: (line: Int, code: Int32, message: String)?
    /// libxml2 saw an entity loop or an entity amplification it refused.
    var entityLoop = false
    /// Number of errors seen (warnings excluded).
    var count = 0

    func record(_ e: xmlError) {
      if e.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) { entityLoop = true }
      guard e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
      count += 1
      if first == nil {
        var message = e.message.map { String(cString: $0) } ?? "libxml2 error \(e.code)"
        while let last = message.last, last == "\n" || last == " " { message.removeLast() }
        first = (Int(e.line), e.code, message)
      }
    }
  }

  /// Parses XML without network access, without loading any DTD and without
  /// substituting entities into the tree (entity references stay reference nodes).
  ///
  /// - Returns: the document, which the caller frees with `xmlFreeDoc`.
  /// - Throws: ``ReadError`` with `.entityLimit` when libxml2 refused an entity
  ///   loop or amplification, otherwise `.malformedMarkup` with the first error.
  static func parseXML(_ utf8: [UInt8], path: String) throws(ReadError) -> xmlDocPtr {
    guard utf8.count < Int(Int32.max) else {
      throw ReadError(.tooLarge(size: utf8.count, limit: Int(Int32.max)), path: path)
    }
    guard let ctxt = xmlNewParserCtxt() else {
      throw ReadError(.malformedMarkup(line: 0, message: "libxml2 could not create a parser"), path: path)
    }
    defer { xmlFreeParserCtxt(ctxt) }
    let log = ErrorLog()
    // The callback's `userData` is the context itself (libxml2 sets `ctxt->userData = ctxt`
    // and the SAX2 tree builder relies on it), so the log rides in the context's `_private`.
    ctxt.pointee._private = Unmanaged.passUnretained(log).toOpaque()
    ctxt.pointee.sax.pointee.serror = { data, error in
      guard let data, let error else { return }
      let c = data.assumingMemoryBound(to: xmlParserCtxt.self)
      guard let p = c.pointee._private else { return }
      Unmanaged<ErrorLog>.fromOpaque(p).takeUnretainedValue().record(error.pointee)
    }
    // NONET: no network; no NOENT (entities are not substituted), no DTDLOAD/DTDATTR/DTDVALID
    // (external subsets and external entities are never read); no HUGE (libxml2 keeps its
    // depth and size limits); IGNORE_ENC: the bytes are already UTF-8, whatever the prolog says.
    let options =
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_IGNORE_ENC.rawValue
    let doc = withExtendedLifetime(log) {
      utf8.withUnsafeBufferPointer { buf in
        buf.withMemoryRebound(to: CChar.self) { chars in
          xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(options))
        }
      }
    }
    ctxt.pointee._private = nil
    if log.entityLoop {
      if let doc { xmlFreeDoc(doc) }
      throw ReadError(.entityLimit, path: path)
    }
    guard let doc, ctxt.pointee.wellFormed != 0 else {
      if let doc { xmlFreeDoc(doc) }
      let first = log.first
      throw ReadError(
        .malformedMarkup(line: first?.line ?? 0, message: first?.message ?? "not well-formed XML"), path: path)
    }
    return doc
  }

  /// Parses HTML leniently (libxml2's error recovery), without network access.
  ///
  /// - Returns: the document, which the caller frees with `xmlFreeDoc`.
  static func parseHTML(_ utf8: [UInt8], path: String) throws(ReadError) -> xmlDocPtr {
    guard utf8.count < Int(Int32.max) else {
      throw ReadError(.tooLarge(size: utf8.count, limit: Int(Int32.max)), path: path)
    }
    guard let ctxt = htmlNewParserCtxt() else {
      throw ReadError(.malformedMarkup(line: 0, message: "libxml2 could not create a parser"), path: path)
    }
    defer { htmlFreeParserCtxt(ctxt) }
    // NOERROR/NOWARNING clear the context's own error channels, so recoverable errors
    // (which every real page has) are neither printed nor kept.
    let options =
      HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
      | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
    let doc = utf8.withUnsafeBufferPointer { buf in
      buf.withMemoryRebound(to: CChar.self) { chars in
        htmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(options))
      }
    }
    guard let doc else {
      throw ReadError(.malformedMarkup(line: 0, message: "libxml2 could not parse the HTML"), path: path)
    }
    return doc
  }

  /// The element's local name (no prefix).
  static func name(_ node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
  }

  /// Whether the element's local name equals `name`, compared as bytes without allocating.
  static func isNamed(_ node: xmlNodePtr, _ name: StaticString) -> Bool {
    guard let n = node.pointee.name else { return false }
    return name.withUTF8Buffer { want in
      var i = 0
      while i < want.count {
        if n[i] != want[i] { return false }
        i += 1
      }
      return n[i] == 0
    }
  }

  /// An attribute's value with entity references expanded, or nil when absent.
  ///
  /// libxml2 keeps entity references inside attribute values as reference nodes and
  /// `xmlGetProp` would expand them without bound; this walks the value's nodes itself
  /// and stops at `limit` bytes.
  ///
  /// - Throws: ``ReadError`` `.entityLimit` when the expanded value exceeds `limit`.
  static func attribute(_ node: xmlNodePtr, _ name: String, limit: Int = 1 << 16, path: String)
    throws(ReadError) -> String?
  {
    guard let attr = xmlHasProp(node, name) else { return nil }
    var out: [UInt8] = []
    var child = attr.pointee.children
    while let c = child {
      switch c.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        out += contentBytes(c)
      case XML_ENTITY_REF_NODE:
        // Only internal entities without references reach here (see EntityGuard); their
        // replacement text is plain characters.
        if let ent = xmlGetDocEntity(node.pointee.doc, c.pointee.name), let content = ent.pointee.content,
          ent.pointee.etype == XML_INTERNAL_GENERAL_ENTITY || ent.pointee.etype == XML_INTERNAL_PREDEFINED_ENTITY
        {
          out += UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
        }
      default:
        break
      }
      if out.count > limit { throw ReadError(.entityLimit, path: path) }
      child = c.pointee.next
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A text or CDATA node's content as UTF-8 bytes.
  static func contentBytes(_ node: xmlNodePtr) -> [UInt8] {
    guard let c = node.pointee.content else { return [] }
    return Array(UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c))))
  }

  /// All text below a node, whitespace collapsed and trimmed (for titles, notes, URLs).
  static func collapsedText(_ node: xmlNodePtr) -> String {
    guard let c = xmlNodeGetContent(node) else { return "" }
    defer { clibxml2_free(c) }
    return collapse(Array(UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c)))))
  }

  /// Collapses runs of ASCII whitespace to one space and trims the ends.
  static func collapse(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pending = false
    for b in bytes {
      if isSpace(b) {
        pending = !out.isEmpty
      } else {
        if pending { out.append(0x20) }
        pending = false
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
  }

  /// Sequence over a node's children.
  static func children(_ node: xmlNodePtr) -> UnfoldSequence<xmlNodePtr, xmlNodePtr?> {
    sequence(state: node.pointee.children) { cur in
      guard let c = cur else { return nil }
      cur = c.pointee.next
      return c
    }
  }
}
