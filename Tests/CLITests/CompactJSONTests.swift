import Foundation
import Testing

@testable import LicenseCheck

/// `CompactJSON` must write exactly what `JSONEncoder` writes with sorted keys and unescaped slashes.
struct CompactJSONTests {
  struct Inner: Codable, Equatable {
    var zeta: Int
    var alpha: String?
    var list: [Double]
  }

  struct Outer: Codable, Equatable {
    var name: String
    var inner: Inner
    var inners: [Inner]
    var flag: Bool
    var optionalNil: String?
    var map: [String: Int]
    var nested: [[String]]
    var empty: [Int]
    var big: UInt64
    var negative: Int64
    var ratio: Double
  }

  static func reference<T: Encodable>(_ v: T) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try e.encode(v), as: UTF8.self)
  }

  static let strings = [
    "", "plain", "quote \" backslash \\ slash / tab \t newline \n return \r", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
    "é ü 中文 🎉 \u{2028} \u{202E}", "a/b/c", "{\"key\": [1, 2]}",
  ]

  @Test(arguments: strings)
  func stringsAsJSONEncoder(s: String) throws {
    #expect(try CompactJSON.line(s) == (try Self.reference(s)))
    #expect(try CompactJSON.line([s: s]) == (try Self.reference([s: s])))
  }

  @Test(arguments: [0.0, 1.0, -1.5, 0.1, 1e-7, 123456789.125, 1e21, 0.30000000000000004, 100.0])
  func doublesAsJSONEncoder(d: Double) throws {
    #expect(try CompactJSON.line([d]) == (try Self.reference([d])))
  }

  @Test func nestedValuesAsJSONEncoder() throws {
    let inner = Inner(zeta: -3, alpha: "x/y", list: [1, 2.5, 1e-9])
    let v = Outer(
      name: "n", inner: inner, inners: [inner, Inner(zeta: 0, alpha: nil, list: [])], flag: false, optionalNil: nil,
      map: ["b": 2, "a": 1, "B": 3, "a1": 4, "a10": 5, "a2": 6], nested: [["x"], [], ["y", "z"]], empty: [],
      big: .max, negative: .min, ratio: 0.75)
    #expect(try CompactJSON.line(v) == (try Self.reference(v)))
    #expect(try CompactJSON.line([v, v]) == (try Self.reference([v, v])))
    let optional: Inner? = nil
    #expect(try CompactJSON.line(optional) == (try Self.reference(optional)))
  }

  @Test func fallsBackForWhatItDoesNotReproduce() throws {
    // Dates and non-finite numbers take JSONEncoder's own path (and its error).
    let date = ["when": Date(timeIntervalSince1970: 0)]
    #expect(try CompactJSON.line(date) == (try Self.reference(date)))
    #expect(throws: (any Error).self) { try CompactJSON.line([Double.nan]) }
  }

  @Test func analysisAsJSONEncoder() throws {
    let text = """
      Permission is hereby granted, free of charge, to any person obtaining a copy of this "software", to deal \
      in it without restriction. You may not use it for military purposes. The software is provided "as is", \
      without warranty of any kind.
      """
    let doc = try DocumentReader.read(bytes: Array(text.utf8), path: "a/LICENSE")
    let analysis = Analyzer().analyze(doc)
    #expect(try CompactJSON.line(analysis) == (try Self.reference(analysis)))
  }
}
