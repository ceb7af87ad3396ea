// SPDX license expressions (SPDX specification, annex "SPDX License Expressions"), parsed from UTF-8 bytes.
//
//   expression := and-expr ( "OR" and-expr )*
//   and-expr   := with-expr ( "AND" with-expr )*
//   with-expr  := simple ( "WITH" exception-id )?
//   simple     := license-id [ "+" ] | "(" expression ")"
//
// AND binds tighter than OR. Operators are accepted in upper or lower case (tools write both), ids are kept
// as written and canonicalised separately: deprecated ids become their replacements (`GPL-2.0` →
// `GPL-2.0-only`, `GPL-2.0+` → `GPL-2.0-or-later`).

/// One licence in an expression: an id, an optional `+` ("or later"), an optional exception.
public struct LicenseTerm: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
  /// The licence id as written (`GPL-2.0-only`, `LicenseRef-x`, `Llama-3.1`).
  public var id: String
  /// True when written with a trailing `+`.
  public var orLater: Bool
  /// The `WITH` exception id, if any.
  public var exception: String?

  /// Creates a term.
  public init(id: String, orLater: Bool = false, exception: String? = nil) {
    self.id = id
    self.orLater = orLater
    self.exception = exception
  }

  /// The SPDX spelling: `id[+][ WITH exception]`.
  public var description: String {
    id + (orLater ? "+" : "") + (exception.map { " WITH \($0)" } ?? "")
  }

  /// The term with deprecated ids replaced and a `+` on a GNU id folded into its `-or-later` id.
  public var canonical: LicenseTerm {
    var term = self
    if let replacement = LicenseIDs.deprecated[LicenseIDs.foldKey(id + (orLater ? "+" : ""))] {
      term = LicenseTerm(id: replacement.id, exception: exception ?? replacement.exception)
    } else if let replacement = LicenseIDs.deprecated[LicenseIDs.foldKey(id)] {
      term = LicenseTerm(id: replacement.id, orLater: orLater, exception: exception ?? replacement.exception)
    }
    if term.orLater, let later = LicenseIDs.orLaterID(of: term.id) {
      term = LicenseTerm(id: later, exception: term.exception)
    }
    return term
  }
}

/// A parsed SPDX license expression.
public indirect enum LicenseExpression: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// A single licence (with its `+` and exception).
  case license(LicenseTerm)
  /// Every part applies (`A AND B`).
  case and([LicenseExpression])
  /// Any one part may be chosen (`A OR B`).
  case or([LicenseExpression])

  /// The deepest parenthesis nesting accepted (real expressions use two or three levels).
  public static let maxDepth = 64

  /// Parses an expression.
  /// - Throws: ``LicenseExpressionError`` with the byte offset of the problem.
  /// - Complexity: O(n) in the length of the text.
  public init(parsing text: String) throws(LicenseExpressionError) {
    var parser = ExpressionParser(Array(text.utf8))
    self = try parser.parseAll()
  }

  /// The SPDX spelling, with parentheses only where precedence needs them.
  public var description: String {
    switch self {
    case .license(let term): return term.description
    case .and(let parts):
      return parts.map { part in
        if case .or = part { return "(\(part.description))" }
        return part.description
      }.joined(separator: " AND ")
    case .or(let parts): return parts.map(\.description).joined(separator: " OR ")
    }
  }

  /// The expression with every term canonicalised (see ``LicenseTerm/canonical``).
  public var canonical: LicenseExpression {
    switch self {
    case .license(let term): return .license(term.canonical)
    case .and(let parts): return .and(parts.map(\.canonical))
    case .or(let parts): return .or(parts.map(\.canonical))
    }
  }

  /// Every term, left to right.
  public var terms: [LicenseTerm] {
    switch self {
    case .license(let term): return [term]
    case .and(let parts), .or(let parts): return parts.flatMap(\.terms)
    }
  }
}

/// Why an expression could not be parsed, and where.
public struct LicenseExpressionError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
  /// UTF-8 byte offset of the problem in the expression.
  public let offset: Int
  /// What is wrong.
  public let message: String

  /// Creates an error.
  public init(offset: Int, message: String) {
    self.offset = offset
    self.message = message
  }

  /// `column N: message` (1-based column, in bytes).
  public var description: String { "column \(offset + 1): \(message)" }
}

private struct ExpressionParser {
  enum Token: Equatable {
    case open, close, plus
    case word(String)
  }

  let bytes: [UInt8]
  var tokens: [(token: Token, offset: Int)] = []
  var position = 0
  /// Open parentheses around the current position; bounded so hostile input cannot exhaust the stack.
  var depth = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  static func isIDByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
      || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":") || b == UInt8(ascii: "_")
  }

  mutating func tokenize() throws(LicenseExpressionError) {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        i += 1
      case UInt8(ascii: "("):
        tokens.append((.open, i))
        i += 1
      case UInt8(ascii: ")"):
        tokens.append((.close, i))
        i += 1
      case UInt8(ascii: "+"):
        tokens.append((.plus, i))
        i += 1
      default:
        guard Self.isIDByte(b) else {
          throw LicenseExpressionError(offset: i, message: "unexpected character '\(Character(Unicode.Scalar(b)))'")
        }
        let start = i
        while i < bytes.count, Self.isIDByte(bytes[i]) { i += 1 }
        tokens.append((.word(String(decoding: bytes[start..<i], as: UTF8.self)), start))
      }
    }
  }

  var offset: Int { position < tokens.count ? tokens[position].offset : bytes.count }

  func isOperator(_ name: String) -> Bool {
    guard position < tokens.count, case .word(let w) = tokens[position].token else { return false }
    return w == name || w == LicenseIDs.foldKey(name)
  }

  static func isOperatorWord(_ w: String) -> Bool {
    ["AND", "OR", "WITH", "and", "or", "with"].contains(w)
  }

  mutating func parseAll() throws(LicenseExpressionError) -> LicenseExpression {
    try tokenize()
    guard !tokens.isEmpty else { throw LicenseExpressionError(offset: 0, message: "empty expression") }
    let expression = try parseOr()
    if position < tokens.count {
      throw LicenseExpressionError(offset: offset, message: "expected AND, OR or the end of the expression")
    }
    return expression
  }

  mutating func parseOr() throws(LicenseExpressionError) -> LicenseExpression {
    var parts = [try parseAnd()]
    while isOperator("OR") {
      position += 1
      parts.append(try parseAnd())
    }
    return parts.count == 1 ? parts[0] : .or(parts)
  }

  mutating func parseAnd() throws(LicenseExpressionError) -> LicenseExpression {
    var parts = [try parseWith()]
    while isOperator("AND") {
      position += 1
      parts.append(try parseWith())
    }
    return parts.count == 1 ? parts[0] : .and(parts)
  }

  mutating func parseWith() throws(LicenseExpressionError) -> LicenseExpression {
    let simple = try parseSimple()
    guard isOperator("WITH") else { return simple }
    guard case .license(var term) = simple else {
      throw LicenseExpressionError(offset: offset, message: "WITH must follow a single licence id")
    }
    position += 1
    guard position < tokens.count, case .word(let exception) = tokens[position].token,
      !Self.isOperatorWord(exception)
    else { throw LicenseExpressionError(offset: offset, message: "expected an exception id after WITH") }
    position += 1
    term.exception = exception
    return .license(term)
  }

  mutating func parseSimple() throws(LicenseExpressionError) -> LicenseExpression {
    guard position < tokens.count else {
      throw LicenseExpressionError(offset: offset, message: "expected a licence id or '('")
    }
    switch tokens[position].token {
    case .open:
      if depth >= LicenseExpression.maxDepth {
        throw LicenseExpressionError(
          offset: offset,
          message: "parentheses nested more than \(LicenseExpression.maxDepth) deep; simplify the expression")
      }
      depth += 1
      defer { depth -= 1 }
      position += 1
      let inner = try parseOr()
      guard position < tokens.count, tokens[position].token == .close else {
        throw LicenseExpressionError(offset: offset, message: "expected ')'")
      }
      position += 1
      return inner
    case .word(let id) where !Self.isOperatorWord(id):
      position += 1
      var term = LicenseTerm(id: id)
      if position < tokens.count, tokens[position].token == .plus,
        tokens[position].offset == tokens[position - 1].offset + id.utf8.count
      {
        term.orLater = true
        position += 1
      }
      return .license(term)
    default:
      throw LicenseExpressionError(offset: offset, message: "expected a licence id or '('")
    }
  }
}
