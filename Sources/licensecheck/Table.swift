import ArgumentParser
import LicenseCheck

struct Table: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "table",
    abstract: "Compare licences in one table: OSD verdicts and the clauses each has.",
    discussion: """
      Columns (ids for --columns): licence, osd, osd-1 … osd-10, then clause kinds such as
      usage-cap, attribution-display, territory, governing-law, acceptance.

      Examples:
        licensecheck table LICENSE-A LICENSE-B
        licensecheck table --format html llama*/LICENSE > table.html
        licensecheck table --format csv --columns licence,osd,usage-cap,governing-law LICENSE*
        licensecheck table --catalogue Llama-3.1 Gemma-ToU-2024-04-01 Qwen-2024   # reviewed summaries, no files
        licensecheck table --openness models/*    # model releases side by side: OSAID, MOF, components
        licensecheck table --profile .licensecheck.yml LICENSE-A LICENSE-B        # adds a verdict column
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, csv, json }

  @Option(help: "Output format: markdown, html, csv or json.")
  var format: Format = .markdown

  @Option(
    help: ArgumentHelp(
      "Comma-separated column ids to show, in order (default: all present).", valueName: "ids"))
  var columns: String?

  @Option(help: "Page title for --format html.")
  var title: String = "Licence comparison"

  @Flag(help: "Read the arguments as catalogue ids (licenses/*.json): rows from their reviewed clause summaries.")
  var catalogue = false

  @Flag(help: "Read the arguments as model release folders: one row each with its openness (see `openness`).")
  var openness = false
  @Option(help: "A usage-profile file (.licensecheck.yml): adds a verdict column (see `licensecheck check`).")
  var profile: String?

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "Licence files, one row each; - reads standard input. With --catalogue: catalogue ids.")
  var paths: [String]

  func validate() throws {
    if let columns {
      for id in columnIDs(columns) where ComparisonTable.column(id: id) == nil {
        throw ValidationError("unknown column '\(id)'; use licence, osd, osd-1 … osd-10 or a clause kind id")
      }
    }
  }

  func run() throws {
    if openness { return try runOpenness() }
    let usage = try profile.map(ProfileGate.load)
    let (analyses, failed) = catalogue ? catalogueRows() : Inputs(analyzer: reading.analyzer).analyzeAll(paths)
    // Nothing on stdout when no input could be read: no table of headers alone.
    if analyses.isEmpty { throw ExitCode(failed ? 2 : 0) }
    var table = try ComparisonTable(analyses, columns: columns.map(columnIDs))
    if let usage { table = table.addingProfileVerdicts(analyses.map { $0.check(usage) }) }
    switch format {
    case .markdown: Output.write(table.markdown())
    case .html: Output.write(table.html(title: title))
    case .csv: print(table.csv(), terminator: "")
    case .json: Output.write(table.json(), escape: false)
    }
    if failed { throw ExitCode(2) }
  }

  /// Rows from catalogue entries; an id without an entry is an error with suggestions.
  private func catalogueRows() -> (analyses: [LicenseAnalysis], failed: Bool) {
    var out: [LicenseAnalysis] = []
    var failed = false
    for id in paths {
      if let entry = Catalogue.standard.entries.first(where: { LicenseIDs.foldKey($0.id) == LicenseIDs.foldKey(id) }) {
        out.append(LicenseAnalysis(catalogueEntry: entry))
        continue
      }
      failed = true
      let ids = Catalogue.standard.entries.map(\.id)
      let near = CompatibilityChecker().suggestions(for: id).filter(ids.contains)
      let hint =
        near.isEmpty ? "; the ids are the file names in licenses/" : "; did you mean \(near.joined(separator: ", "))?"
      Output.error("\(id): no catalogue entry with this id (only licenses/*.json have reviewed summaries)\(hint)")
    }
    return (out, failed)
  }

  private func columnIDs(_ list: String) -> [String] {
    list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}
