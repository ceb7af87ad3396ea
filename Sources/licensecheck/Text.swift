import ArgumentParser
import LicenseCheck

struct TextCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "text",
    abstract: "Print the plain-text view of a licence file (what every other command reads).",
    discussion: """
      Examples:
        licensecheck text LICENSE
        licensecheck text fixtures/reading/licence-page.html
      """
  )

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "Files to print; - reads standard input.")
  var paths: [String]

  func run() throws {
    var failed = false
    for path in paths {
      do {
        let doc = try DocumentReader.read(path: path, options: reading.readOptions)
        for w in doc.warnings { Output.warn("\(path): \(w.message)") }
        Output.write(doc.text)
      } catch {
        failed = true
        Output.error(error)
      }
    }
    if failed { throw ExitCode(2) }
  }
}
