/// The whole pipeline: read, tokenise, extract, identify, judge.
///
/// ```swift
/// let analysis = try Analyzer().analyze(path: "LICENSE")
/// for clause in analysis.clauses { print(clause.kind, clause.evidence) }
/// ```
public struct Analyzer: Sendable {
  /// Reading options (size limit, forced format).
  public var readOptions: ReadOptions

  /// Whether to identify the licence (on by default).
  public var identify: Bool

  /// SPDX templates from a corpus folder (`--corpus`), for `template` identification; nil for
  /// fingerprints only.
  public var templates: TemplateLibrary?

  /// How much of a document is analysed (512 KiB and 10,000 sentences by default).
  public var limits: AnalysisLimits

  /// Creates an analyzer.
  public init(
    readOptions: ReadOptions = ReadOptions(), identify: Bool = true, templates: TemplateLibrary? = nil,
    limits: AnalysisLimits = AnalysisLimits()
  ) {
    self.readOptions = readOptions
    self.identify = identify
    self.templates = templates
    self.limits = limits
  }

  /// Reads and analyses a file (`-` for standard input).
  public func analyze(path: String) throws(ReadError) -> LicenseAnalysis {
    analyze(try DocumentReader.read(path: path, options: readOptions))
  }

  /// Analyses a document already read.
  public func analyze(_ document: Document) -> LicenseAnalysis {
    analyze(document, policy: nil)
  }

  /// Analyses a licence together with the use policy it incorporates.
  ///
  /// Clauses found in the policy carry `document: "policy"` and spans into the policy's plain text.
  public func analyze(_ document: Document, policy: Document?) -> LicenseAnalysis {
    let (text, structure, truncated) = bounded(document.text)
    let views = ExtractionContext.makeViews(text, structure)
    var clauses = ClauseExtractor.extract(from: text, structure: structure, views: views)
    if let policy {
      let p = ClauseExtractor.extract(from: bounded(policy.text).0, role: .policy, documentName: "policy")
      clauses = ClauseExtractor.ordered(clauses) + p
    }
    // Identification never adds clauses: it only names the text.
    let identification: Identification?
    if !identify {
      identification = nil
    } else if document.format == .debianCopyright, let copyright = DebianCopyright.parse(document.text),
      let id = Identifier.standard.identification(of: copyright, library: templates)
    {
      // A Debian copyright file is many licences, each under the name its packager declared.
      identification = id
    } else {
      // Reference texts are matched as written, comment leaders included.
      let asWritten = text.commentLeaders.isEmpty ? text : TokenizedText(text.text)
      identification = Identifier.standard.identification(
        of: asWritten, clauses: clauses, library: templates,
        roles: { ClauseExtractor.segments(of: text, structure: structure, views: views) })
    }
    var analysis = LicenseAnalysis(source: document.sourceInfo, identification: identification, clauses: clauses)
    analysis.truncated = truncated
    analysis.declaredLicense = LicenseDeclaration(document)
    let found = UnexplainedFinder.find(in: text, structure: structure, views: views, clauses: clauses)
    analysis.unexplained = found.unexplained
    analysis.coverage = found.coverage
    analysis.documentClass = DocumentClassifier.classify(
      text, views: views, clauses: clauses, identification: identification)
    return analysis.judgedAgainstOSD()
  }

  /// The document's text tokenised and segmented within ``limits``, with a note when it was cut.
  func bounded(_ plain: String) -> (TokenizedText, TextStructure, AnalysisTruncation?) {
    let total = plain.utf8.count
    var limit = "bytes"
    let kept = limits.cutToBytes(plain)
    var text = TokenizedText(kept ?? plain, skippingCommentLeaders: true)
    var structure = Segmenter.segment(text)
    if structure.sentences.count > limits.maxSentences {
      // Cut after the last sentence allowed, at the end of its line.
      let end = structure.sentences[limits.maxSentences - 1].span.end
      let lineEnd = text.bytes[end...].firstIndex(of: 0x0A).map { $0 + 1 } ?? text.bytes.count
      text = TokenizedText(String(decoding: text.bytes[..<lineEnd], as: UTF8.self), skippingCommentLeaders: true)
      structure = Segmenter.segment(text)
      limit = "sentences"
    } else if kept == nil {
      return (text, structure, nil)
    }
    let note = AnalysisTruncation(
      analyzedBytes: text.bytes.count, totalBytes: total, lastLine: text.lineStarts.count, limit: limit)
    return (text, structure, note)
  }
}
