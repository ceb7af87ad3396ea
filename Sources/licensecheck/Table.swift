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

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "Licence files, one row each; - reads standard input.")
  var paths: [String]

  func validate() throws {
    if let columns {
      for id in columnIDs(columns) where ComparisonTable.column(id: id) == nil {
        throw ValidationError("unknown column '\(id)'; use licence, osd, osd-1 … osd-10 or a clause kind id")
      }
    }
  }

  func run() throws {
    let (analyses, failed) = Inputs(analyzer: reading.analyzer).analyzeAll(paths)
    let table = try ComparisonTable(analyses, columns: columns.map(columnIDs))
    switch format {
    case .markdown: Output.write(table.markdown())
    case .html: Output.write(table.html(title: title))
    case .csv: print(table.csv(), terminator: "")
    case .json: Output.write(table.json(), escape: false)
    }
    if failed { throw ExitCode(2) }
  }

  private func columnIDs(_ list: String) -> [String] {
    list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}
