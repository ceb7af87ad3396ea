import Foundation
import LicenseCheck
import Testing

/// Byte-order marks, UTF-16, the Windows-1252 fallback, and the refusals in `Decoding`.
struct EncodingTests {
  static let sample = "Grant of rights: you may copy the caf\u{E9} recipe.\n"

  static func utf16(_ s: String, littleEndian: Bool) -> [UInt8] {
    var out: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in s.utf16 {
      let lo = UInt8(unit & 0xFF)
      let hi = UInt8(unit >> 8)
      out += littleEndian ? [lo, hi] : [hi, lo]
    }
    return out
  }

  static func tempFile(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("licensecheck-enc-\(UUID().uuidString)")
    try Data(bytes).write(to: url)
    return url
  }

  @Test func utf8ByteOrderMarkIsDroppedAndOffsetsShift() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8)
    let doc = try DocumentReader.read(bytes: bytes, path: "LICENSE")
    #expect(doc.encoding == .utf8WithBOM)
    #expect(doc.text == Self.sample)
    expectWordRoundTrips(doc, "rights")
    let at = try #require(Array(doc.text.utf8).firstRange(of: Array("rights".utf8)))
    #expect(doc.sourceMap.sourceOffset(ofPlain: at.lowerBound) == at.lowerBound + 3)
  }

  @Test(arguments: [true, false])
  func utf16WithByteOrderMark(littleEndian: Bool) throws {
    let bytes = Self.utf16(Self.sample, littleEndian: littleEndian)
    let doc = try DocumentReader.read(bytes: bytes, path: "LICENSE")
    #expect(doc.encoding == (littleEndian ? .utf16LE : .utf16BE))
    #expect(doc.text == Self.sample)
    // ASCII words: each plain byte is two source bytes after the two-byte mark.
    let at = try #require(Array(doc.text.utf8).firstRange(of: Array("rights".utf8)))
    let span = doc.sourceMap.sourceSpan(of: Span(start: at.lowerBound, end: at.upperBound))
    #expect(span == Span(start: 2 + 2 * at.lowerBound, end: 2 + 2 * at.upperBound))
    // "é" is two UTF-8 bytes from one UTF-16 unit.
    let e = try #require(Array(doc.text.utf8).firstRange(of: Array("\u{E9}".utf8)))
    let eSpan = doc.sourceMap.sourceSpan(of: Span(start: e.lowerBound, end: e.upperBound))
    #expect(eSpan.length == 2)
    let unit = Array(bytes[eSpan.start..<eSpan.end])
    #expect(unit == (littleEndian ? [0xE9, 0x00] : [0x00, 0xE9]))
  }

  @Test func utf16HTMLMapsThroughBothLayers() throws {
    let bytes = Self.utf16("<html><body><p>Fees &amp; dues apply</p></body></html>", littleEndian: true)
    let doc = try DocumentReader.read(bytes: bytes, path: "page.html")
    #expect(doc.format == .html)
    #expect(doc.text.contains("Fees & dues apply"))
    let at = try #require(Array(doc.text.utf8).firstRange(of: Array("dues".utf8)))
    let span = doc.sourceMap.sourceSpan(of: Span(start: at.lowerBound, end: at.upperBound))
    #expect(Array(bytes[span.start..<span.end]) == Array(Self.utf16("dues", littleEndian: true).dropFirst(2)))
  }

  @Test func windows1252FallsBackWithAWarning() throws {
    // "Caf\xE9 \x93quoted\x94 terms" in Windows-1252.
    let bytes: [UInt8] =
      Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94] + Array(" terms\n".utf8)
    let doc = try DocumentReader.read(bytes: bytes, path: "LICENSE")
    #expect(doc.encoding == .windows1252)
    #expect(doc.text == "Caf\u{E9} \u{201C}quoted\u{201D} terms\n")
    #expect(doc.warnings.map(\.code) == ["encoding-fallback"])
    expectWordRoundTrips(doc, "quoted")
    expectWordRoundTrips(doc, "terms")
  }

  @Test func binaryIsRefused() {
    let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00] + Array("text".utf8)
    #expect(throws: ReadError(.binary, path: "a.out")) { try DocumentReader.read(bytes: bytes, path: "a.out") }
  }

  @Test func oversizedBytesAreRefused() {
    let bytes = [UInt8](repeating: 0x61, count: 11)
    #expect(throws: ReadError(.tooLarge(size: 11, limit: 10), path: "big")) {
      try DocumentReader.read(bytes: bytes, path: "big", options: ReadOptions(maxBytes: 10))
    }
  }

  @Test func oversizedFilesAreRefusedWithoutReadingThem() throws {
    // A sparse 8 GiB file: reading it whole would take minutes and all the memory.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("licensecheck-huge-\(UUID().uuidString)")
    #expect(FileManager.default.createFile(atPath: url.path, contents: Data("start".utf8)))
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 8 << 30)
    try handle.close()
    let start = ContinuousClock.now
    #expect(throws: ReadError(.tooLarge(size: 8 << 30, limit: 1 << 20), path: url.path)) {
      try DocumentReader.read(path: url.path, options: ReadOptions(maxBytes: 1 << 20))
    }
    #expect(ContinuousClock.now - start < .seconds(1))
  }

  @Test func truncatedUTF16IsInvalid() {
    var bytes = Self.utf16("Grant", littleEndian: true)
    bytes.removeLast()
    let error = #expect(throws: ReadError.self) { try DocumentReader.read(bytes: bytes, path: "t") }
    guard case .invalidEncoding = error?.reason else {
      Issue.record("expected invalidEncoding, got \(String(describing: error))")
      return
    }
    // A high surrogate with nothing after it.
    let lone = Self.utf16("ab", littleEndian: true) + [0x3D, 0xD8]
    #expect(throws: ReadError.self) { try DocumentReader.read(bytes: lone, path: "t") }
  }

  @Test func emptyInputIsRefused() throws {
    let url = try Self.tempFile([])
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(throws: ReadError(.empty, path: url.path)) { try DocumentReader.read(path: url.path) }
    #expect(throws: ReadError(.empty, path: "w")) { try DocumentReader.read(bytes: Array(" \n\t\r\n".utf8), path: "w") }
  }

  @Test func missingFilesAndDirectoriesAreReported() {
    #expect(throws: ReadError(.notFound, path: "/nonexistent/licence")) {
      try DocumentReader.read(path: "/nonexistent/licence")
    }
    let dir = FileManager.default.temporaryDirectory.path
    #expect(throws: ReadError(.isDirectory, path: dir)) { try DocumentReader.read(path: dir) }
  }
}
