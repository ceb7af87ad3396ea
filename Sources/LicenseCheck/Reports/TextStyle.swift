/// How human-readable reports are decorated: plain, or with ANSI colour for a terminal.
///
/// The library never looks at the terminal itself; the caller decides (the CLI uses colour only
/// when standard output is a TTY and `NO_COLOR` is unset), so machine formats stay clean.
public struct TextStyle: Sendable, Equatable, Hashable {
  /// Whether to emit ANSI colour and bold escapes.
  public var colour: Bool
  /// The terminal width long lines are wrapped to, or nil for no wrapping (pipes, files: one record per line).
  public var width: Int?

  /// Creates a style.
  public init(colour: Bool = false, width: Int? = nil) {
    self.colour = colour
    self.width = width
  }

  /// Wraps `text` at spaces to ``width``: the first line starts at column `start` (what is already printed on
  /// it), the others at column `indent`, padded with spaces. Unchanged without a width or when fewer than 24
  /// columns would be left; a word longer than a line stays whole.
  public func fit(_ text: String, start: Int, indent: Int) -> String {
    guard let width, width - indent >= 24, start + text.count > width else { return text }
    var out = ""
    var column = start
    var first = true
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let n = word.count
      if !first, column + 1 + n > width {
        out += "\n" + String(repeating: " ", count: indent)
        column = indent
      } else if !first {
        out += " "
        column += 1
      }
      out += word
      column += n
      first = false
    }
    return out
  }

  /// No escapes at all.
  public static let plain = TextStyle(colour: false)
  /// ANSI colour.
  public static let coloured = TextStyle(colour: true)

  /// Bold text (headings).
  func bold(_ s: String) -> String { wrap(s, "1") }
  /// Dim text (evidence, locations).
  func dim(_ s: String) -> String { wrap(s, "2") }
  /// Red: failures and restrictions.
  func red(_ s: String) -> String { wrap(s, "31") }
  /// Green: passes and permissions.
  func green(_ s: String) -> String { wrap(s, "32") }
  /// Yellow: unknowns and warnings.
  func yellow(_ s: String) -> String { wrap(s, "33") }

  /// A verdict word in its colour.
  func verdict(_ v: OSDVerdict.Verdict) -> String {
    switch v {
    case .pass: return green(v.rawValue)
    case .fail: return red(v.rawValue)
    case .unknown: return yellow(v.rawValue)
    }
  }

  private func wrap(_ s: String, _ code: String) -> String {
    colour && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }
}

/// Left-aligned columns padded by character count; colour is applied after padding so escapes
/// never count towards a width. The last column is never padded.
struct AlignedColumns {
  var rows: [[String]] = []

  /// Renders rows, `decorate(row, column, paddedCell)` may colour a cell after padding.
  func render(gap: Int = 2, decorate: (Int, Int, String) -> String = { $2 }) -> String {
    let count = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    var out = ""
    for (r, row) in rows.enumerated() {
      var line = ""
      for (i, cell) in row.enumerated() {
        let padded = i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + gap)
        line += decorate(r, i, padded)
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}

/// Counted nouns for human output: "1 file", "2 files".
enum Plural {
  /// `count` and the noun, with an `s` unless the count is one.
  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
