import Testing

@testable import LicenseCheck

/// The byte-level format detection must decide every non-ASCII head as the `String` version does.
struct FormatDetectionTests {
  static let heads: [String] = [
    "Copyright \u{A9} 2026 Jos\u{E9} Example\n\nYou may copy this recipe.\n",
    "---\ntitle: Caf\u{E9} licence\n---\n\nYou may copy.\n",
    "---\r\ntitle: Caf\u{E9}\r\n---\r\n",
    "\r\n---\ntitle: \u{C9}t\u{E9}\n",
    " \u{301}---\ntitle: combining mark after the leading space\n",
    "---\u{301}\ntitle: combining mark on the marker\n",
    "<!DOCTYPE html><html><body>Caf\u{E9}</body></html>",
    "<?xml version=\"1.0\"?><SPDXLicenseCollection>\u{E9}</SPDXLicenseCollection>",
    "Preface \u{E9}\n<body>\n",
    "\u{226E}body is not a tag \u{E9}\n",
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: caf\u{E9}\n",
    "FORMAT:\u{301} a combining mark on the colon \u{E9}\n",
    "\u{130}\u{212A} dotted capital I and kelvin sign, then --- in the middle\n",
    "\u{600}---\nprepended mark\n",
  ]

  @Test(arguments: heads, ["LICENSE", "notes.md", "page.html", "list.xml"])
  func bytesDecideAsTheStringDoes(head: String, path: String) {
    let utf8 = Array(head.utf8)
    #expect(FormatDetection.detect(utf8: utf8, path: path) == FormatDetection.detectUnicode(utf8: utf8, path: path))
  }

  @Test func onlyMarkupCuesNeedTheStringVersion() {
    #expect(!FormatDetection.needsUnicode(Array("Copyright \u{A9} 2026\n---\n".utf8)[...]))
    #expect(FormatDetection.needsUnicode(Array("\u{A9} <year>\n".utf8)[...]))
    #expect(FormatDetection.needsUnicode(Array("\u{A9}\nFoRmAt: x\n".utf8)[...]))
  }
}
