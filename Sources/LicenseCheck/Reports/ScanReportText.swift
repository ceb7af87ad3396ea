extension ScanReport {
  /// The scan for people: one block per folder (card declaration and check, each licence with its
  /// policy, identification, OSD status and key clauses, SPDX tags, findings), then a summary line.
  /// - Parameter style: plain or coloured.
  /// - Returns: the text, ending with a newline.
  public func text(style: TextStyle = .plain) -> String {
    var out = ""
    for folder in folders { out += folder.text(style: style) }
    let summary = ScanSummary(
      roots: roots, skipped: skipped, errors: errors, folderCount: folders.count,
      licenceCount: folders.reduce(0) { $0 + $1.licences.count }, findingCount: findings.count)
    return out + summary.text(style: style)
  }
}

extension ScanSummary {
  /// The end of a scan's text: the summary line (folders, licence files, findings, skipped files), then
  /// each skipped file with its reason. ``FolderReport/text(style:)`` of each folder comes before it.
  /// Roots that could not be scanned are not in it: the CLI reports them on stderr (`errors` holds them).
  /// - Parameter style: plain or coloured.
  /// - Returns: the text, ending with a newline.
  public func text(style: TextStyle = .plain) -> String {
    var out = "\(Plural.count(folderCount, "folder")), \(Plural.count(licenceCount, "licence file"))"
    out += ", " + (findingCount == 0 ? "no findings" : Plural.count(findingCount, "finding"))
    if !skipped.isEmpty { out += ", \(skipped.count) skipped" }
    out += "\n"
    guard !skipped.isEmpty else { return out }
    out += "skipped:\n"
    let width = min(60, skipped.map(\.path.count).max() ?? 0)
    for file in skipped {
      let pad = String(repeating: " ", count: max(0, width - file.path.count))
      out += "  \(file.path)\(pad)  \(file.reason)\n"
    }
    return out
  }
}

extension FolderReport {
  /// One folder of a scan for people: the card declaration and its check, each licence with its
  /// policy, identification, OSD status and key clauses, SPDX tags and findings, then a blank line.
  /// - Parameter style: plain or coloured.
  /// - Returns: the text, ending with a blank line.
  public func text(style: TextStyle = .plain) -> String {
    var out = style.bold(path) + "\n"
    var rows = AlignedColumns()
    var extra: [Int: String] = [:]
    if let declared {
      var value = "license: " + (declared.license ?? "-")
      if let name = declared.licenseName { value += ", license_name: " + name }
      if let link = declared.licenseLink { value += ", license_link: " + link }
      rows.rows.append(["  card", name(declared.card), value])
      if let check = declaration {
        rows.rows.append(["", "", check.verdict.rawValue + ": " + check.reason])
      }
    }
    for licence in licences {
      var file = name(licence.path)
      if let policy = licence.policy { file += " + " + name(policy) }
      // The id with how it was found and how sure it is: a similarity guess must not read like an exact match.
      var id = "unidentified"
      if let found = licence.identification {
        id = (found.expression ?? found.id) + " (" + found.method + " " + String(format: "%.2f", found.confidence)
        id += found.lowConfidence == true ? ", low confidence)" : ")"
      }
      var osd = "OSD " + (licence.osdConformant ? "yes" : "no")
      if !licence.failing.isEmpty {
        osd += " (fails " + licence.failing.joined(separator: ", ") + ")"
      } else if licence.conformance == .undetermined {
        osd += " (undetermined)"
      }
      if let c = licence.documentClass, c != .licence { osd += "  [" + c.rawValue + "]" }
      rows.rows.append(["  " + licence.role.rawValue, file, id + "  " + osd])
      if !licence.keyClauses.isEmpty {
        extra[rows.rows.count - 1] = licence.keyClauses.map { $0.kind.rawValue + " " + $0.value }
          .joined(separator: " · ")
      }
    }
    if !spdxIdentifiers.isEmpty {
      rows.rows.append([
        "  spdx", Plural.count(spdxIdentifiers.reduce(0) { $0 + $1.files }, "file"),
        spdxIdentifiers.map { "\($0.identifier) ×\($0.files)" }.joined(separator: ", "),
      ])
    }
    if !headerNotices.isEmpty {
      rows.rows.append([
        "  notices", Plural.count(headerNotices.reduce(0) { $0 + $1.files }, "file"),
        headerNotices.map { "\($0.identifier) ×\($0.files)" }.joined(separator: ", "),
      ])
    }
    let rendered = rows.render { r, column, cell in
      if column == 2, r < rows.rows.count, rows.rows[r][2].hasPrefix("mismatch:") { return style.red(cell) }
      if column == 2, rows.rows[r][2].hasPrefix("matches:") { return style.green(cell) }
      return cell
    }
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    let indent = rows.rows.isEmpty ? 0 : columnStart(rows)
    for (i, line) in lines.enumerated() where i < rows.rows.count {
      out += line + "\n"
      if let clauses = extra[i] {
        out += String(repeating: " ", count: indent) + style.dim(clauses) + "\n"
      }
    }
    for finding in findings {
      out += "  " + style.red("finding " + finding.code.rawValue) + ": " + finding.message + "\n"
    }
    return out + "\n"
  }

  /// A path relative to this folder, when it is inside it.
  private func name(_ file: String) -> String {
    file.hasPrefix(path + "/") ? String(file.dropFirst(path.count + 1)) : file
  }

  /// Where the third column starts, so continuation lines line up under it.
  private func columnStart(_ rows: AlignedColumns) -> Int {
    let first = rows.rows.map { $0[0].count }.max() ?? 0
    let second = rows.rows.map { $0.count > 1 ? $0[1].count : 0 }.max() ?? 0
    return first + 2 + second + 2
  }
}
