import CLibXML2

/// SPDX license-list XML to plain text and a matching template via libxml2.
enum SPDXXMLReader {
  static func read(utf8: [UInt8], path: String) throws(ReadError) -> MarkupResult {
    throw ReadError(.notSPDX("XML reading is not implemented yet"), path: path)
  }
}
