import Foundation
import LicenseCheck
import Testing

/// Model cards: YAML front matter into metadata, markup dropped, spans kept.
struct MarkdownTests {
  static let card = """
    ---
    license: llama3.1
    license_name: quillwort-community
    license_link: https://example.org/quillwort/LICENSE
    tags:
      - text-generation
      - gardening
    ---
    # Quillwort *Community* Licence

    You may **use**, copy and _adapt_ the `model` weights; see [the full terms](https://example.org/terms) for details.

    - Keep the notice &amp; the name.
    - Do not train a rival gardener.

    | Term | Meaning |
    |------|---------|
    | grower | the person who shares |

    """

  static func read() throws -> Document {
    try DocumentReader.read(bytes: Array(card.utf8), path: "README.md")
  }

  @Test func frontMatterBecomesMetadata() throws {
    let doc = try Self.read()
    #expect(doc.format == .markdown)
    #expect(doc.metadataString("license") == "llama3.1")
    #expect(doc.metadataString("license_name") == "quillwort-community")
    #expect(doc.metadataString("license_link") == "https://example.org/quillwort/LICENSE")
    #expect(doc.metadata["tags"] == .list([.string("text-generation"), .string("gardening")]))
    #expect(!doc.text.contains("license_name"))
  }

  @Test func markupIsDroppedAndLinksKept() throws {
    let doc = try Self.read()
    #expect(doc.text.contains("Quillwort Community Licence"))
    #expect(
      doc.text.contains(
        "You may use, copy and adapt the model weights; see the full terms (https://example.org/terms) for details."))
    #expect(doc.text.contains("Keep the notice & the name."))
    // List markers stay, as in plain text: an item starts a sentence.
    #expect(doc.text.contains("- Do not train a rival gardener."))
    #expect(!doc.text.contains("**"))
    #expect(!doc.text.contains("#"))
    #expect(!doc.text.contains("|---"))
  }

  @Test func everyWordMapsBackToTheSameWord() throws {
    let doc = try Self.read()
    let share = exactWordShare(doc)
    #expect(share.exact == share.total, "\(share.misses)")
    for word in ["Quillwort", "Community", "use", "adapt", "model", "terms", "notice", "grower"] {
      expectWordRoundTrips(doc, word)
    }
  }

  @Test func modelCardWithoutExtensionIsDetectedByItsFrontMatter() throws {
    let doc = try DocumentReader.read(bytes: Array(Self.card.utf8), path: "MODEL_CARD")
    #expect(doc.format == .markdown)
    #expect(doc.metadataString("license") == "llama3.1")
  }
}
