#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options for reading a document.
public struct ReadOptions: Sendable, Equatable {
  /// Inputs larger than this are refused before being read whole. Default 16 MiB.
  public var maxBytes: Int
  /// Read as this format instead of detecting one.
  public var format: SourceFormat?

  /// Creates options.
  public init(maxBytes: Int = 16 << 20, format: SourceFormat? = nil) {
    self.maxBytes = maxBytes
    self.format = format
  }
}

/// Reads licence documents from paths or bytes.
///
/// ```swift
/// let doc = try DocumentReader.read(path: "LICENSE")
/// print(doc.format, doc.text.prefix(80))
/// ```
public enum DocumentReader {
  /// Reads a file, refusing it before reading when it is larger than `options.maxBytes`.
  ///
  /// - Parameter path: a file path, or `-` for standard input.
  /// - Throws: ``ReadError`` saying what is wrong and what to do.
  public static func read(path: String, options: ReadOptions = ReadOptions()) throws(ReadError)
    -> Document
  {
    let bytes = try FileBytes.read(path: path, limit: options.maxBytes)
    return try read(bytes: bytes, path: path, options: options)
  }

  /// The bytes of a regular file or standard input (`-`), refusing anything larger than `limit`
  /// without reading past it, and refusing FIFOs, sockets and devices.
  ///
  /// For inputs that are not licence texts (lists of pairs, policies given as data).
  /// - Throws: ``ReadError``.
  public static func bytes(path: String, limit: Int) throws(ReadError) -> [UInt8] {
    try FileBytes.read(path: path, limit: limit)
  }

  /// Reads a document from bytes already in memory.
  ///
  /// - Parameters:
  ///   - bytes: the input exactly as found.
  ///   - path: a name for reports and for extension-based format detection.
  /// - Complexity: O(n) in the input size.
  public static func read(bytes: [UInt8], path: String = "-", options: ReadOptions = ReadOptions())
    throws(ReadError) -> Document
  {
    if bytes.count > options.maxBytes {
      throw ReadError(.tooLarge(size: bytes.count, limit: options.maxBytes), path: path)
    }
    let decoded = try Decoding.decode(bytes, path: path)
    if decoded.utf8.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
      throw ReadError(.empty, path: path)
    }
    let format = options.format ?? FormatDetection.detect(utf8: decoded.utf8, path: path)
    return checked(try read(decoded, bytes: bytes, format: format, path: path))
  }

  /// Adds the warnings later stages cannot give: numbers too large to be quantities.
  static func checked(_ d: Document) -> Document {
    let big = NumberBounds.oversizedNumbers(in: d.text.utf8)
    guard big > 0 else { return d }
    let warning = ReadWarning(
      code: "number-out-of-range",
      message:
        "\(big) number(s) too large to be a quantity (over \(NumberBounds.maxDigits) digits); kept as text, not as thresholds"
    )
    return Document(
      path: d.path, format: d.format, encoding: d.encoding, originalBytes: d.originalBytes, text: d.text,
      sourceMap: d.sourceMap, metadata: d.metadata, spdx: d.spdx, warnings: d.warnings + [warning])
  }

  static func read(_ decoded: Decoding.Result, bytes: [UInt8], format: SourceFormat, path: String)
    throws(ReadError) -> Document
  {
    switch format {
    case .text, .debianCopyright:
      // A DEP-5 file's text is read as it is: its stanzas are parsed from it where needed
      // (``DebianCopyright/parse(_:)``), so every span still points at the file's own bytes.
      return Document(
        path: path, format: format, encoding: decoded.encoding, originalBytes: bytes,
        text: String(decoding: decoded.utf8, as: UTF8.self), sourceMap: decoded.map,
        warnings: decoded.warnings)
    case .markdown:
      let md = MarkdownReader.read(utf8: decoded.utf8)
      return Document(
        path: path, format: .markdown, encoding: decoded.encoding, originalBytes: bytes,
        text: String(decoding: md.plain, as: UTF8.self),
        sourceMap: md.map.composed(with: decoded.map), metadata: md.metadata,
        warnings: decoded.warnings + md.warnings)
    case .html:
      let html = try HTMLReader.read(utf8: decoded.utf8, path: path)
      return Document(
        path: path, format: .html, encoding: decoded.encoding, originalBytes: bytes,
        text: String(decoding: html.plain, as: UTF8.self),
        sourceMap: html.map.composed(with: decoded.map), metadata: html.metadata,
        warnings: decoded.warnings + html.warnings)
    case .spdxXML:
      let xml = try SPDXXMLReader.read(utf8: decoded.utf8, path: path)
      return Document(
        path: path, format: .spdxXML, encoding: decoded.encoding, originalBytes: bytes,
        text: String(decoding: xml.plain, as: UTF8.self),
        sourceMap: xml.map.composed(with: decoded.map), spdx: xml.info,
        warnings: decoded.warnings + xml.warnings)
    }
  }
}

/// Numbers longer than any amount a licence states.
enum NumberBounds {
  /// Integer digits beyond which a number cannot be a quantity (10^15 and up).
  static let maxDigits = 15

  /// How many numbers (digits with well-formed thousands separators, standing alone: not inside a
  /// word such as a hash) have more than ``maxDigits`` integer digits.
  static func oversizedNumbers(in utf8: String.UTF8View) -> Int {
    // The string's own bytes (a native string has them in one piece): copying them into an Array
    // cost more than the search.
    if let count = utf8.withContiguousStorageIfAvailable({ oversizedNumbers(in: $0) }) { return count }
    return Array(utf8).withUnsafeBufferPointer { oversizedNumbers(in: $0) }
  }

  static func oversizedNumbers(in b: UnsafeBufferPointer<UInt8>) -> Int {
    @inline(__always) func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
    @inline(__always) func isWordByte(_ i: Int) -> Bool {
      i >= 0 && i < b.count && ((b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7A || b[i] >= 0x80 || isDigit(i))
    }
    var count = 0
    var i = 0
    while i < b.count {
      guard isDigit(i), !isWordByte(i - 1) else {
        i += 1
        // A number starts at a digit: skip eight bytes at a time while none is one (`hasbetween`
        // of Bit Twiddling Hacks, exact for 0x2F < byte < 0x3A).
        while i + 8 <= b.count {
          let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
          let low = w & 0x7F7F_7F7F_7F7F_7F7F
          guard (0xB9B9_B9B9_B9B9_B9B9 &- low) & ~w & (low &+ 0x5050_5050_5050_5050) & 0x8080_8080_8080_8080 == 0
          else { break }
          i += 8
        }
        continue
      }
      var digits = 0
      var group = 0
      var grouped = false
      while i < b.count {
        if isDigit(i) {
          digits += 1
          group += 1
          i += 1
        } else if b[i] == UInt8(ascii: ","), grouped ? group == 3 : group <= 3, isDigit(i + 1), isDigit(i + 2),
          isDigit(i + 3), !isDigit(i + 4)
        {
          // `1,000,000`: a thousands separator; `1990,1991` is a list.
          grouped = true
          group = 0
          i += 1
        } else {
          break
        }
      }
      // A run glued to letters (`3862…dc` in a hash) is an identifier, not a number.
      if digits > maxDigits, !isWordByte(i) || b[i] >= 0x80 { count += 1 }
      while isWordByte(i) { i += 1 }
    }
    return count
  }
}

/// The output of a markup reader: plain UTF-8, a map into its (decoded) input, and extras.
struct MarkupResult {
  var plain: [UInt8]
  var map: SourceMap
  var metadata: [String: MetadataValue] = [:]
  var info: SPDXLicenseInfo? = nil
  var warnings: [ReadWarning] = []
}

extension SourceMap {
  /// A map whose sources are the plain offsets of `inner`, rewritten to `inner`'s sources.
  func composed(with inner: SourceMap) -> SourceMap {
    // Identity inner maps (plain UTF-8 input) need no work.
    if inner.runs.count == 1, inner.runs[0].kind == .copy, inner.runs[0].sourceStart == 0 {
      return self
    }
    var out = SourceMap()
    for r in runs {
      guard r.kind == .copy else {
        // A replaced piece: keep it whole, pointing at the inner source it covers.
        let s = inner.sourceOffset(ofPlain: r.sourceStart)
        let e = inner.sourceOffset(ofPlain: r.sourceStart + r.sourceLength)
        out.append(
          plainStart: r.plainStart, sourceStart: s, plainLength: r.plainLength,
          sourceLength: Swift.max(0, e - s), kind: .replaced)
        continue
      }
      // A copied piece: split it along the inner runs so each byte keeps its exact source.
      var p = r.sourceStart
      let stop = r.sourceStart + r.sourceLength
      var idx = inner.runIndex(containing: p)
      while p < stop, idx < inner.runs.count {
        let ir = inner.runs[idx]
        let irEnd = ir.plainStart + ir.plainLength
        let pieceEnd = Swift.min(stop, irEnd)
        if pieceEnd > p {
          let plainStart = r.plainStart + (p - r.sourceStart)
          let len = pieceEnd - p
          switch ir.kind {
          case .copy:
            out.append(
              plainStart: plainStart, sourceStart: ir.sourceStart + (p - ir.plainStart), plainLength: len,
              sourceLength: len, kind: .copy)
          case .utf16:
            out.append(
              plainStart: plainStart, sourceStart: ir.sourceStart + 2 * (p - ir.plainStart),
              plainLength: len, sourceLength: 2 * len, kind: .utf16)
          case .replaced:
            out.append(
              plainStart: plainStart, sourceStart: ir.sourceStart, plainLength: len,
              sourceLength: ir.sourceLength, kind: .replaced)
          }
          p = pieceEnd
        }
        idx += 1
      }
    }
    return out
  }

  /// The index of the run holding a plain offset (the last run starting at or before it).
  func runIndex(containing offset: Int) -> Int {
    var lo = 0
    var hi = runs.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if runs[mid].plainStart <= offset { lo = mid } else { hi = mid - 1 }
    }
    return Swift.max(0, lo)
  }
}

/// Reads a file or standard input with a size limit, without reading past it.
enum FileBytes {
  static func read(path: String, limit: Int) throws(ReadError) -> [UInt8] {
    let fd: Int32
    if path == "-" {
      fd = 0
    } else {
      // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before the
      // check below could refuse it. O_NOCTTY: a terminal device never becomes ours.
      fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
      if fd < 0 {
        let e = errno
        throw ReadError(e == ENOENT || e == ENOTDIR ? .notFound : .unreadable(code: e), path: path)
      }
    }
    defer { if fd != 0 { close(fd) } }
    var st = stat()
    if fstat(fd, &st) == 0 {
      if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(.isDirectory, path: path) }
      // Named files must be regular: FIFOs, sockets and devices can block or never end.
      // Standard input (`-`) may be a pipe; the size limit below still bounds it.
      if path != "-", (st.st_mode & S_IFMT) != S_IFREG { throw ReadError(.notRegularFile, path: path) }
      if (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) > limit {
        throw ReadError(.tooLarge(size: Int(st.st_size), limit: limit), path: path)
      }
    }
    if fd != 0 {
      // Back to blocking reads for the regular file.
      let flags = fcntl(fd, F_GETFL)
      if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    }
    // A regular file is read into one allocation of its size (one byte more, to see the end in the
    // same loop); chunks come through an uninitialised buffer and are copied whole. Zeroing a 64 KiB
    // array and appending it through a slice cost about 130 K instructions per licence file.
    let chunk = 65_536
    var out: [UInt8] = []
    if (st.st_mode & S_IFMT) == S_IFREG { out.reserveCapacity(Swift.min(Int(st.st_size), limit) + 1) }
    var failure: ReadError? = nil
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { buffer in
      while true {
        let n = Glibc.read(fd, buffer.baseAddress, chunk)
        if n < 0 {
          if errno == EINTR { continue }
          failure = ReadError(errno == EISDIR ? .isDirectory : .unreadable(code: errno), path: path)
          return
        }
        if n == 0 { return }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
        if out.count > limit {
          failure = ReadError(.tooLarge(size: out.count, limit: limit), path: path)
          return
        }
      }
    }
    if let failure { throw failure }
    return out
  }
}
