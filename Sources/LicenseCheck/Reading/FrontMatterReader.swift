/// Reads the few model-card keys licensecheck uses from YAML front matter, with a bounded,
/// line-based reader instead of a YAML parser.
///
/// Why not a YAML library: front matter is untrusted metadata, and a full YAML parser expands
/// aliases (an "alias bomb" of a few hundred bytes grows to gigabytes) and recurses on nesting
/// (a few thousand `[` overflow the stack). Only a handful of top-level keys matter here, and their
/// values are scalars or lists of scalars, so this reader handles exactly that subset in one pass:
/// time and memory are linear in the front matter, and nothing is ever expanded.
///
/// Read: `key: value` on unindented lines, for the keys in ``keys``; plain, single- and
/// double-quoted scalars; `|` and `>` block scalars; block lists (`- item`) and flow lists
/// (`[a, b]`) of scalars; anchors (`&name`) and tags (`!!str`) are dropped. Refused, with a
/// warning, and the key left out: aliases (`*name`), nested flow collections, and values over the
/// size bounds. Everything else (other keys, nested mappings such as `model-index`) is skipped.
enum FrontMatterReader {
  /// The top-level keys kept.
  static let keys: Set<String> = ["license", "license_name", "license_link", "datasets", "base_model", "tags"]
  /// Longest scalar kept, in bytes.
  static let maxScalarBytes = 4_096
  /// Most list items kept per key.
  static let maxItems = 1_000

  struct Result {
    var metadata: [String: MetadataValue] = [:]
    var warnings: [ReadWarning] = []
  }

  /// Reads the front matter body (the lines between the `---` fences).
  static func read(_ src: ArraySlice<UInt8>) -> Result {
    var result = Result()
    let lines = splitLines(src)
    var i = 0
    while i < lines.count {
      let line = lines[i]
      i += 1
      guard let first = line.first, !isSpace(first), first != UInt8(ascii: "#"), first != UInt8(ascii: "-"),
        let colon = keyColon(line)
      else { continue }
      let key = unquote(trim(line[line.startIndex..<colon]))
      guard keys.contains(key) else { continue }
      // The continuation: indented lines and `- ` items up to the next unindented key.
      var block: [ArraySlice<UInt8>] = []
      while i < lines.count {
        let next = lines[i]
        if let c = next.first, !isSpace(c), c != UInt8(ascii: "-"), c != UInt8(ascii: "#") { break }
        block.append(next)
        i += 1
      }
      do {
        if let value = try value(after: line[(colon + 1)...], block: block) {
          result.metadata[key] = value
        }
      } catch {
        result.warnings.append(
          ReadWarning(
            code: "front-matter-refused",
            message: "front matter key `\(key)` ignored: \(error.message); the body is still analysed"))
      }
    }
    return result
  }

  struct Refusal: Error {
    let message: String
  }

  /// The value of a key: the rest of its line, or the block below it.
  static func value(after rest: ArraySlice<UInt8>, block: [ArraySlice<UInt8>]) throws(Refusal) -> MetadataValue? {
    var v = stripComment(trim(rest))
    v = stripProperties(v)
    if v.first == UInt8(ascii: "*") { throw Refusal(message: "YAML aliases are not expanded") }
    if v.first == UInt8(ascii: "[") {
      // A flow list, possibly over several lines.
      var text = Array(v)
      for l in block {
        text.append(0x20)
        text.append(contentsOf: trim(l))
      }
      return try flowList(text[...])
    }
    if v.first == UInt8(ascii: "{") { return nil }
    if v.first == UInt8(ascii: "|") || v.first == UInt8(ascii: ">") {
      let literal = v.first == UInt8(ascii: "|")
      let parts = block.map { trim($0) }
      var bytes: [UInt8] = []
      for (k, p) in parts.enumerated() {
        if k > 0 { bytes.append(literal ? 0x0A : 0x20) }
        bytes.append(contentsOf: p)
      }
      return .string(try scalarString(trim(bytes[...])))
    }
    if !v.isEmpty {
      // A plain scalar may continue on indented lines.
      var bytes = Array(v)
      for l in block where !trim(l).isEmpty {
        bytes.append(0x20)
        bytes.append(contentsOf: stripComment(trim(l)))
      }
      return .string(try scalar(bytes[...]))
    }
    // A block list of scalars; items that are mappings (`- name: x`) are skipped.
    var items: [MetadataValue] = []
    var sawItem = false
    for l in block {
      let t = trim(l)
      guard t.first == UInt8(ascii: "-"), t.count == 1 || isSpace(t[t.startIndex + 1]) else { continue }
      sawItem = true
      var item = stripProperties(stripComment(trim(t.dropFirst())))
      if item.isEmpty { continue }
      if item.first == UInt8(ascii: "*") { throw Refusal(message: "YAML aliases are not expanded") }
      if item.first == UInt8(ascii: "[") || item.first == UInt8(ascii: "{") || item.first == UInt8(ascii: "-") {
        throw Refusal(message: "nested lists are not read")
      }
      if keyColon(item) != nil, item.first != UInt8(ascii: "\""), item.first != UInt8(ascii: "'") { continue }
      item = trim(item)
      items.append(.string(try scalar(item)))
      if items.count > maxItems { throw Refusal(message: "more than \(maxItems) list items") }
    }
    if sawItem { return .list(items) }
    // Indented plain text with no list marker: one scalar.
    let joined = block.map { stripComment(trim($0)) }.filter { !$0.isEmpty }
    guard !joined.isEmpty else { return nil }
    var bytes: [UInt8] = []
    for (k, p) in joined.enumerated() {
      if k > 0 { bytes.append(0x20) }
      bytes.append(contentsOf: p)
    }
    return .string(try scalar(bytes[...]))
  }

  /// `[a, "b", 'c']`: scalars only; a nested `[` or `{` is refused (no recursion, ever).
  static func flowList(_ s: ArraySlice<UInt8>) throws(Refusal) -> MetadataValue {
    var items: [MetadataValue] = []
    var p = s.startIndex + 1
    var current: [UInt8] = []
    var quote: UInt8? = nil
    var closed = false
    while p < s.endIndex {
      let c = s[p]
      if let q = quote {
        current.append(c)
        if c == q {
          if q == UInt8(ascii: "'"), p + 1 < s.endIndex, s[p + 1] == q {
            current.append(q)
            p += 2
            continue
          }
          quote = nil
        } else if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\"), p + 1 < s.endIndex {
          current.append(s[p + 1])
          p += 2
          continue
        }
        p += 1
        continue
      }
      switch c {
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        quote = c
        current.append(c)
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        throw Refusal(message: "nested flow collections are not read")
      case UInt8(ascii: "*") where trim(current[...]).isEmpty:
        throw Refusal(message: "YAML aliases are not expanded")
      case UInt8(ascii: ","), UInt8(ascii: "]"):
        let item = stripProperties(trim(current[...]))
        if !item.isEmpty { items.append(.string(try scalar(item))) }
        if items.count > maxItems { throw Refusal(message: "more than \(maxItems) list items") }
        current.removeAll(keepingCapacity: true)
        if c == UInt8(ascii: "]") { closed = true }
      default:
        current.append(c)
      }
      if closed { break }
      p += 1
    }
    guard closed else { throw Refusal(message: "unclosed flow list") }
    return .list(items)
  }

  /// A plain or quoted scalar, unquoted and unescaped.
  static func scalar(_ s: ArraySlice<UInt8>) throws(Refusal) -> String {
    guard let q = s.first, q == UInt8(ascii: "\"") || q == UInt8(ascii: "'"), s.count >= 2, s.last == q else {
      return try scalarString(s)
    }
    let inner = s.dropFirst().dropLast()
    var out: [UInt8] = []
    out.reserveCapacity(inner.count)
    var p = inner.startIndex
    while p < inner.endIndex {
      let c = inner[p]
      if q == UInt8(ascii: "'"), c == q, p + 1 < inner.endIndex, inner[p + 1] == q {
        out.append(q)
        p += 2
      } else if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\"), p + 1 < inner.endIndex {
        let e = inner[p + 1]
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        default: out.append(e)
        }
        p += 2
      } else {
        out.append(c)
        p += 1
      }
    }
    return try scalarString(out[...])
  }

  static func scalarString(_ s: ArraySlice<UInt8>) throws(Refusal) -> String {
    if s.count > maxScalarBytes { throw Refusal(message: "a value longer than \(maxScalarBytes) bytes") }
    return String(decoding: s, as: UTF8.self)
  }

  // MARK: Bytes

  static func splitLines(_ src: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    var out: [ArraySlice<UInt8>] = []
    var start = src.startIndex
    var p = start
    while p < src.endIndex {
      if src[p] == 0x0A {
        var e = p
        if e > start, src[e - 1] == 0x0D { e -= 1 }
        out.append(src[start..<e])
        start = p + 1
      }
      p += 1
    }
    if start < src.endIndex { out.append(src[start..<src.endIndex]) }
    return out
  }

  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

  static func trim(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var lo = s.startIndex
    var hi = s.endIndex
    while lo < hi, isSpace(s[lo]) || s[lo] == 0x0D { lo += 1 }
    while hi > lo, isSpace(s[hi - 1]) || s[hi - 1] == 0x0D { hi -= 1 }
    return s[lo..<hi]
  }

  /// The colon ending a `key:` (followed by a space or the end of the line), outside quotes.
  static func keyColon(_ line: ArraySlice<UInt8>) -> Int? {
    var p = line.startIndex
    var quote: UInt8? = nil
    while p < line.endIndex {
      let c = line[p]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'"), p == line.startIndex {
        quote = c
      } else if c == UInt8(ascii: ":"), p + 1 == line.endIndex || isSpace(line[p + 1]) {
        return p
      } else if c == UInt8(ascii: "#"), p > line.startIndex, isSpace(line[p - 1]) {
        return nil
      }
      p += 1
    }
    return nil
  }

  static func unquote(_ s: ArraySlice<UInt8>) -> String {
    if s.count >= 2, let q = s.first, q == UInt8(ascii: "\"") || q == UInt8(ascii: "'"), s.last == q {
      return String(decoding: s.dropFirst().dropLast(), as: UTF8.self)
    }
    return String(decoding: s, as: UTF8.self)
  }

  /// Drops a ` # comment` outside quotes.
  static func stripComment(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    if s.first == UInt8(ascii: "#") { return s[s.startIndex..<s.startIndex] }
    var quote: UInt8? = nil
    var p = s.startIndex
    while p < s.endIndex {
      let c = s[p]
      if let q = quote {
        if c == q { quote = nil }
      } else if (c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")) && (p == s.startIndex || isSpace(s[p - 1])) {
        quote = c
      } else if c == UInt8(ascii: "#"), p > s.startIndex, isSpace(s[p - 1]) {
        return trim(s[s.startIndex..<p])
      }
      p += 1
    }
    return s
  }

  /// Drops leading `&anchor` and `!tag` properties.
  static func stripProperties(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var v = s
    while let c = v.first, c == UInt8(ascii: "&") || c == UInt8(ascii: "!") {
      var p = v.startIndex
      while p < v.endIndex, !isSpace(v[p]) { p += 1 }
      v = trim(v[p...])
    }
    return v
  }
}
