/// Why a document could not be read. Each message says what to do about it.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The kinds of failure; new ones may be added.
  public enum Reason: Sendable, Equatable {
    /// No file at the path.
    case notFound
    /// The file exists but could not be opened or read (`errno`).
    case unreadable(code: Int32)
    /// The path names a directory.
    case isDirectory
    /// The path names a FIFO, socket or device, which could block or never end.
    case notRegularFile
    /// The input is larger than the limit (`size` may be a lower bound for streams).
    case tooLarge(size: Int, limit: Int)
    /// The input has NUL bytes or mostly control characters.
    case binary
    /// The input is empty or only whitespace.
    case empty
    /// The bytes are not valid in the detected encoding (for example truncated UTF-16).
    case invalidEncoding(String)
    /// The XML or HTML could not be parsed.
    case malformedMarkup(line: Int, message: String)
    /// Entity expansion or nesting exceeded the safety bounds.
    case entityLimit
    /// The XML is well-formed but not an SPDX license-list document.
    case notSPDX(String)
  }

  /// What went wrong.
  public let reason: Reason
  /// The path or name of the input.
  public let path: String

  /// Creates an error.
  public init(_ reason: Reason, path: String) {
    self.reason = reason
    self.path = path
  }

  public var description: String {
    switch reason {
    case .notFound: return "\(path): no such file; check the path"
    case .unreadable(let code):
      return "\(path): cannot be read (errno \(code)); check its permissions"
    case .isDirectory: return "\(path): is a directory; use `licensecheck scan` for folders"
    case .notRegularFile:
      return "\(path): not a regular file (a FIFO, socket or device); give a file, or `-` to read standard input"
    case .tooLarge(let size, let limit):
      return
        "\(path): \(size) bytes is over the \(limit)-byte limit; raise it with --max-bytes if this really is a licence"
    case .binary:
      return "\(path): looks like binary data, not a licence text; give a text, Markdown, HTML or SPDX XML file"
    case .empty: return "\(path): is empty; nothing to analyse"
    case .invalidEncoding(let detail):
      return "\(path): invalid text encoding (\(detail)); re-save it as UTF-8"
    case .malformedMarkup(let line, let message):
      return
        "\(path):\(line): cannot parse markup: \(message); check the file or read it as plain text with --input-format text"
    case .entityLimit:
      return
        "\(path): refused: XML entity expansion exceeds safety limits (possible entity bomb); remove the DTD entities"
    case .notSPDX(let detail):
      return "\(path): not an SPDX license-list XML file (\(detail)); read it as plain text with --input-format text"
    }
  }
}
