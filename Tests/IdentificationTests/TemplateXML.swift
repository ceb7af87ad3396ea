import Foundation

@testable import LicenseCheck

/// A minimal SPDX-XML-to-template reader for tests only, until the library's XML reader lands:
/// a byte scan of the `<text>` element into ``TemplateNode``s. Not for untrusted input.
enum TemplateXML {
  static func template(path: String) -> [TemplateNode]? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let s = String(decoding: data, as: UTF8.self)
    guard let open = s.range(of: "<text>") ?? s.range(of: "<text "),
      let close = s.range(of: "</text>", options: .backwards), open.upperBound <= close.lowerBound
    else { return nil }
    var body = Substring(s[open.upperBound..<close.lowerBound])
    if open.upperBound > open.lowerBound, s[open].hasSuffix(" "), let gt = body.firstIndex(of: ">") {
      body = body[body.index(after: gt)...]
    }
    var p = Parser(chars: Array(body.unicodeScalars))
    return p.nodes(until: nil)
  }

  struct Parser {
    let chars: [Unicode.Scalar]
    var i = 0

    mutating func nodes(until end: String?) -> [TemplateNode] {
      var out: [TemplateNode] = []
      var text = ""
      func flush() {
        if !text.allSatisfy({ $0.isWhitespace }) { out.append(.text(text)) }
        text = ""
      }
      while i < chars.count {
        if chars[i] == "<" {
          let tag = readTag()
          if tag.name.hasPrefix("!--") || tag.name.hasPrefix("?") { continue }
          if tag.closing {
            if tag.name == end {
              flush()
              return out
            }
            continue
          }
          flush()
          let children = tag.selfClosing ? [] : nodes(until: tag.name)
          switch tag.name {
          case "optional": out.append(.optional(children))
          case "titleText": out.append(.title(children))
          case "copyrightText": out.append(.copyright(children))
          case "standardLicenseHeader": out.append(.standardHeader(children))
          case "bullet": out.append(.bullet(plain(children)))
          case "alt":
            out.append(
              .alt(
                name: tag.attributes["name"] ?? "", match: tag.attributes["match"] ?? ".*", original: plain(children)))
          case "br", "p":
            out.append(.paragraphBreak)
            out += children
          default: out += children
          }
        } else if chars[i] == "&" {
          text += readEntity()
        } else {
          text.unicodeScalars.append(chars[i])
          i += 1
        }
      }
      flush()
      return out
    }

    func plain(_ nodes: [TemplateNode]) -> String {
      nodes.map {
        switch $0 {
        case .text(let s), .bullet(let s): return s
        case .alt(_, _, let o): return o
        case .optional(let n), .title(let n), .copyright(let n), .standardHeader(let n): return plain(n)
        case .paragraphBreak: return " "
        }
      }.joined()
    }

    struct Tag {
      var name = ""
      var closing = false
      var selfClosing = false
      var attributes: [String: String] = [:]
    }

    mutating func readTag() -> Tag {
      var tag = Tag()
      i += 1
      if i + 2 < chars.count, chars[i] == "!", chars[i + 1] == "-", chars[i + 2] == "-" {
        while i + 2 < chars.count, !(chars[i] == "-" && chars[i + 1] == "-" && chars[i + 2] == ">") { i += 1 }
        i += 3
        tag.name = "!--"
        return tag
      }
      if i < chars.count, chars[i] == "/" {
        tag.closing = true
        i += 1
      }
      while i < chars.count, !" \t\r\n/>".unicodeScalars.contains(chars[i]) {
        tag.name.unicodeScalars.append(chars[i])
        i += 1
      }
      while i < chars.count, chars[i] != ">" {
        if chars[i] == "/" {
          tag.selfClosing = true
          i += 1
          continue
        }
        if chars[i].properties.isWhitespace {
          i += 1
          continue
        }
        var key = ""
        while i < chars.count, chars[i] != "=", chars[i] != ">", !chars[i].properties.isWhitespace {
          key.unicodeScalars.append(chars[i])
          i += 1
        }
        guard i < chars.count, chars[i] == "=" else { continue }
        i += 1
        let q = chars[i]
        i += 1
        var value = ""
        while i < chars.count, chars[i] != q {
          if chars[i] == "&" {
            value += readEntity()
          } else {
            value.unicodeScalars.append(chars[i])
            i += 1
          }
        }
        i += 1
        tag.attributes[key] = value
      }
      i += 1
      return tag
    }

    mutating func readEntity() -> String {
      var j = i + 1
      var name = ""
      while j < chars.count, chars[j] != ";", j - i < 10 {
        name.unicodeScalars.append(chars[j])
        j += 1
      }
      guard j < chars.count, chars[j] == ";" else {
        i += 1
        return "&"
      }
      i = j + 1
      switch name {
      case "lt": return "<"
      case "gt": return ">"
      case "amp": return "&"
      case "quot": return "\""
      case "apos": return "'"
      default:
        if name.hasPrefix("#x"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
          return String(Character(u))
        }
        if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
          return String(Character(u))
        }
        return "&" + name + ";"
      }
    }
  }
}
