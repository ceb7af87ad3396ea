/// The whole pipeline: read, tokenise, extract, identify, judge.
///
/// ```swift
/// let analysis = try Analyzer().analyze(path: "LICENSE")
/// for clause in analysis.clauses { print(clause.kind, clause.evidence) }
/// ```
public struct Analyzer: Sendable {
  /// Reading options (size limit, forced format).
  public var readOptions: ReadOptions

  /// Creates an analyzer.
  public init(readOptions: ReadOptions = ReadOptions()) {
    self.readOptions = readOptions
  }

  /// Reads and analyses a file (`-` for standard input).
  public func analyze(path: String) throws(ReadError) -> LicenseAnalysis {
    analyze(try DocumentReader.read(path: path, options: readOptions))
  }

  /// Analyses a document already read.
  public func analyze(_ document: Document) -> LicenseAnalysis {
    LicenseAnalysis(source: document.sourceInfo).judgedAgainstOSD()
  }
}
