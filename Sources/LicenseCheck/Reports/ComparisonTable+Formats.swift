extension ComparisonTable {
  /// A GitHub-flavoured Markdown table; `|` in cells is escaped and line breaks become spaces.
  /// - Returns: the table, ending with a newline.
  public func markdown() -> String {
    func escape(_ s: String) -> String {
      var out = ""
      for ch in s {
        switch ch {
        case "|": out += "\\|"
        case "\n", "\r", "\r\n": out += " "
        default: out.append(ch)
        }
      }
      return out
    }
    var out = "| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
    out += "|" + columns.map { _ in "---" }.joined(separator: "|") + "|\n"
    for row in rows {
      out += "| " + row.cells.map { escape($0.text) }.joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// CSV per RFC 4180: a header of column titles, CRLF line ends, fields with a comma, quote or
  /// line break quoted and their quotes doubled.
  /// - Returns: the CSV text.
  public func csv() -> String {
    func field(_ s: String) -> String {
      let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      guard needsQuotes else { return s }
      var out = "\""
      for ch in s { out += ch == "\"" ? "\"\"" : String(ch) }
      return out + "\""
    }
    var out = columns.map { field($0.title) }.joined(separator: ",") + "\r\n"
    for row in rows {
      out += row.cells.map { field($0.text) }.joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// A JSON array with one object per row whose keys are the column ids, in column order.
  ///
  /// `osd` is a boolean; other cells are strings, or null when the licence has no such clause.
  /// - Returns: pretty-printed JSON, ending with a newline.
  public func json() -> String {
    if rows.isEmpty { return "[]\n" }
    var out = "[\n"
    for (r, row) in rows.enumerated() {
      out += "  {\n"
      for (i, column) in columns.enumerated() {
        let cell = row.cells[i]
        let value: String
        if let conformant = cell.conformant {
          value = conformant ? "true" : "false"
        } else if cell.text.isEmpty {
          value = "null"
        } else {
          value = JSONText.quoted(cell.text)
        }
        out += "    " + JSONText.quoted(column.id) + ": " + value + (i == columns.count - 1 ? "\n" : ",\n")
      }
      out += r == rows.count - 1 ? "  }\n" : "  },\n"
    }
    return out + "]\n"
  }

  /// A standalone HTML page: inline CSS, a legend for the verdict colours and the columns, and
  /// each cell's evidence and section in its `title` tooltip. Every text is HTML-escaped.
  /// - Parameter title: the page title and heading.
  /// - Returns: the page.
  public func html(title: String = "Licence comparison") -> String {
    let e = HTMLText.escape
    var out = HTMLPage.head(title: title)
    out += """
      <table>
      <thead>

      """
    out += "<tr>"
    for column in columns {
      out += "<th scope=\"col\" title=\"\(e(column.description))\">\(e(column.title))</th>"
    }
    out += "</tr>\n</thead>\n<tbody>\n"
    for row in rows {
      out += "<tr>"
      for (i, cell) in row.cells.enumerated() {
        var classes: [String] = []
        if let verdict = cell.verdict { classes.append(verdict.rawValue) }
        if let conformant = cell.conformant { classes.append(conformant ? "yes" : "no") }
        if ClauseKind(rawValue: columns[i].id) != nil, !cell.text.isEmpty { classes.append("clause") }
        let tag = i == 0 ? "th scope=\"row\"" : "td"
        var open = "<" + tag
        if !classes.isEmpty { open += " class=\"\(classes.joined(separator: " "))\"" }
        if let tooltip = cell.tooltip { open += " title=\"\(e(tooltip))\"" }
        out += open + ">" + e(cell.text) + (i == 0 ? "</th>" : "</td>")
      }
      out += "</tr>\n"
    }
    out += """
      </tbody>
      </table>
      <div class="legend">
      <p><span class="pass">pass</span><span class="fail">fail</span><span class="unknown">unknown</span>
      OSD verdicts: the criterion is met, broken, or cannot be settled from the text alone.
      <span class="clause">clause</span> the licence has this clause; hover a cell for the quoted evidence and its section.</p>
      <dl>

      """
    for column in columns {
      out += "<dt>\(e(column.title))</dt><dd>\(e(column.description))</dd>\n"
    }
    out += """
      </dl>

      """
    return out + HTMLPage.tail
  }
}

/// HTML escaping for text and attribute values.
enum HTMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe in text and in quoted attributes.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// JSON string literals written by hand, so objects can keep their column order.
enum JSONText {
  /// `"text"` with quotes, backslashes and control characters escaped.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
