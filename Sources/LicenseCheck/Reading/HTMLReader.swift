import CLibXML2

/// HTML pages to plain text via libxml2's HTML parser.
enum HTMLReader {
  static func read(utf8: [UInt8], path: String) throws(ReadError) -> MarkupResult {
    throw ReadError(.malformedMarkup(line: 0, message: "HTML reading is not implemented yet"), path: path)
  }
}
