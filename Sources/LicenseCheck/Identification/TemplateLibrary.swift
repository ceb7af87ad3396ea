import Foundation

/// SPDX templates and reference texts read on demand from a corpus folder on disk.
///
/// The embedded index holds fingerprints only; a corpus folder adds what the project may not
/// ship: the SPDX license-list XML (for template matching under the SPDX guidelines) and the
/// plain reference texts (for word diffs). Nothing is read when the library is created: each
/// lookup parses the one XML file it needs, so identifying a text reads at most the few files
/// of its top candidates.
///
/// Two layouts are accepted for `corpusDirectory`:
/// - the project's reference corpus: `DIR/spdx/src/ID.xml`, `DIR/spdx/test/simpleTestForGenerator/ID.txt`
///   and the catalogue's `corpusTexts` paths (`DIR/ai/…`);
/// - a license-list-XML checkout: `DIR/src/ID.xml`, `DIR/test/simpleTestForGenerator/ID.txt`.
///
/// ```swift
/// let library = TemplateLibrary(corpusDirectory: "../shared/corpus")
/// let id = Identifier.standard.identify(TokenizedText(text), library: library)
/// ```
public struct TemplateLibrary: Sendable, Equatable, Hashable {
  /// The environment variable naming a corpus folder when no option is given.
  public static let environmentVariable = "LICENSECHECK_CORPUS"

  /// The folder as given.
  public let corpusDirectory: String
  /// The folder holding `ID.xml` files.
  public let xmlDirectory: String
  /// The folder holding `ID.txt` plain texts.
  public let textDirectory: String

  /// Uses a corpus folder; nil when it holds no SPDX XML folder.
  ///
  /// - Complexity: two directory-existence checks; no file is parsed.
  public init?(corpusDirectory: String) {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    for base in [corpusDirectory + "/spdx", corpusDirectory] {
      let src = base + "/src"
      if fm.fileExists(atPath: src, isDirectory: &isDir), isDir.boolValue {
        self.corpusDirectory = corpusDirectory
        self.xmlDirectory = src
        self.textDirectory = base + "/test/simpleTestForGenerator"
        return
      }
    }
    return nil
  }

  /// The library named by an explicit folder, else by ``environmentVariable``, else nil.
  ///
  /// - Throws: ``TemplateLibrary/MissingCorpus`` when a folder is named but holds no SPDX XML:
  ///   a typo should not silently fall back to fingerprints.
  public static func resolve(
    option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(MissingCorpus) -> TemplateLibrary? {
    guard let dir = option ?? environment[environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) else {
      return nil
    }
    guard let library = TemplateLibrary(corpusDirectory: dir) else { throw MissingCorpus(directory: dir) }
    return library
  }

  /// A named corpus folder has no `spdx/src` (or `src`) folder of SPDX XML files.
  public struct MissingCorpus: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder named.
    public let directory: String
    /// One line for a terminal.
    public var description: String {
      "\(directory): no SPDX license-list XML found (expected spdx/src/*.xml or src/*.xml)"
    }
  }

  /// Whether an id is a plain file name, so a hostile id cannot walk out of the folder.
  static func isSafe(_ id: String) -> Bool {
    !id.isEmpty && !id.hasPrefix(".") && !id.utf8.contains(UInt8(ascii: "/"))
      && !id.utf8.contains(UInt8(ascii: "\\"))
  }

  /// The parsed template of an SPDX id, or nil when the folder has no usable `ID.xml`.
  ///
  /// - Complexity: parses one XML file (a few hundred microseconds for a typical licence).
  public func template(id: String) -> [TemplateNode]? {
    guard Self.isSafe(id) else { return nil }
    let path = xmlDirectory + "/" + id + ".xml"
    guard FileManager.default.fileExists(atPath: path),
      let doc = try? DocumentReader.read(path: path, options: ReadOptions(format: .spdxXML)),
      let template = doc.spdx?.template, !template.isEmpty
    else { return nil }
    return template
  }

  /// The reference plain text of a licence: the SPDX test text, the template's own wording, or a
  /// catalogue entry's corpus text.
  ///
  /// - Parameter catalogue: where to find the corpus texts of licences SPDX does not list.
  public func referenceText(id: String, catalogue: Catalogue = .standard) -> String? {
    guard Self.isSafe(id) else { return nil }
    let fm = FileManager.default
    let txt = textDirectory + "/" + id + ".txt"
    if fm.fileExists(atPath: txt), let doc = try? DocumentReader.read(path: txt, options: ReadOptions(format: .text)) {
      return doc.text
    }
    if let template = template(id: id) { return Self.plainText(template) }
    if let entry = catalogue.entry(id: id), let rel = entry.corpusTexts?.first, !rel.contains("..") {
      let path = corpusDirectory + "/" + rel
      if fm.fileExists(atPath: path), let doc = try? DocumentReader.read(path: path) { return doc.text }
    }
    return nil
  }

  /// A template's own wording: optional parts kept, alternatives as the template writes them.
  ///
  /// - Complexity: O(template size).
  public static func plainText(_ nodes: [TemplateNode]) -> String {
    var out = ""
    func walk(_ nodes: [TemplateNode]) {
      for n in nodes {
        switch n {
        case .text(let s): out += s
        case .optional(let c), .title(let c), .copyright(let c), .standardHeader(let c): walk(c)
        case .alt(_, _, let original): out += original
        case .bullet(let b): out += b + " "
        case .paragraphBreak: out += "\n\n"
        }
      }
    }
    walk(nodes)
    return out
  }
}

extension Identifier {
  /// Identifies a text, confirming the candidates against the library's SPDX templates.
  ///
  /// With a nil library this is ``identify(_:)-(TokenizedText)``.
  ///
  /// - Complexity: one fingerprint lookup plus at most six template parses and runs.
  public func identify(_ text: TokenizedText, library: TemplateLibrary?) -> Identification? {
    guard let library else { return identify(text) }
    return identify(text, templates: library.template(id:))
  }
}
