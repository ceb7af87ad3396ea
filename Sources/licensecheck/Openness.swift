import ArgumentParser
import Foundation
import LicenseCheck

/// Options `openness` and `table --openness` share: how the release folder is walked and read.
struct OpennessWalkOptions: ParsableArguments {
  @Option(help: "Skip licence-like files and model cards larger than this many bytes.")
  var maxBytes: Int = 1 << 20

  @Flag(help: "Also enter links to folders outside the release folder (never /proc, /sys or /dev).")
  var followExternalLinks = false

  var assessor: OpennessAssessor { Self.assessor(maxBytes: maxBytes, followExternalLinks: followExternalLinks) }

  static func assessor(maxBytes: Int, followExternalLinks: Bool) -> OpennessAssessor {
    var options = ScanOptions(maxBytes: maxBytes)
    options.followExternalLinks = followExternalLinks
    return OpennessAssessor(
      scanner: LicenseScanner(options: options, analyzer: Analyzer(readOptions: ReadOptions(maxBytes: maxBytes))))
  }

  /// Reports for the folders that can be assessed; an error line on stderr for each that cannot.
  static func assessAll(_ paths: [String], assessor: OpennessAssessor) -> (reports: [OpennessReport], failed: Bool) {
    var reports: [OpennessReport] = []
    var failed = false
    for path in paths {
      do {
        reports.append(try assessor.assess(path))
      } catch {
        Output.error(error.description)
        failed = true
      }
    }
    return (reports, failed)
  }
}

struct Openness: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "openness",
    abstract: "Open weights or open source? Judge a model release folder component by component.",
    discussion: """
      Finds the release's components (weights, configuration, tokenizer, model-architecture, inference,
      training, data-preprocessing and evaluation code, datasets, data card, training-data information,
      evaluation data and results, model card, technical report, research paper, sample outputs,
      intermediate checkpoints, metadata) from file names and the model card (sections, links,
      front-matter datasets), finds the licence covering each (a licence file beside it, SPDX tags in code,
      a card's license/license_name/license_link, or the release's licence; the stricter wins), and says:
      the Open Source AI Definition 1.0 answer (conformant, not conformant, insufficient information), the
      Model Openness Framework class (III, II, I or none) and what the next class lacks, and one plain line.
      A component only named by a URL or front-matter key is "referenced", never "present".

      Exit status: 0 assessed; 1 --fail-on not-open-source and the release is not OSAID conformant;
      2 the folder cannot be read.

      Examples:
        licensecheck openness ~/models/Llama-3.1-8B
        licensecheck openness --format html models/my-model > openness.html
        licensecheck table --openness models/*     # releases side by side
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, html }
  enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case notOpenSource = "not-open-source"
  }

  @Option(help: "Output format: text, json, markdown or html.")
  var format: Format = .text

  @Option(help: "Exit 1 when this holds: not-open-source (the OSAID 1.0 answer is not 'conformant').")
  var failOn: FailOn?

  @Option(help: "Page title for --format html.")
  var title: String?

  @OptionGroup var walk: OpennessWalkOptions

  @Argument(help: "The release folder (a model repository as downloaded from a hub, or a source checkout).")
  var path: String

  func run() throws {
    let report: OpennessReport
    do {
      report = try walk.assessor.assess(path)
    } catch {
      Output.error(error.description)
      throw ExitCode(2)
    }
    switch format {
    case .text: Output.write(report.text(style: Output.humanStyle))
    case .json: Output.write(try Output.json(report), escape: false)
    case .markdown: Output.write(report.markdown())
    case .html: Output.write(report.html(title: title))
    }
    if failOn == .notOpenSource, report.osaid.status != .conformant { throw ExitCode(1) }
  }
}

extension Table {
  /// `table --openness DIR…`: one row per release folder.
  func runOpenness() throws {
    if columns != nil {
      throw ValidationError("--columns does not apply to --openness; the openness table has fixed columns")
    }
    if catalogue { throw ValidationError("--catalogue and --openness cannot be combined") }
    // Licence files in a release are small; the table's --max-bytes bounds them as it bounds its inputs.
    let assessor = OpennessWalkOptions.assessor(maxBytes: min(reading.maxBytes, 1 << 20), followExternalLinks: false)
    let (reports, failed) = OpennessWalkOptions.assessAll(paths, assessor: assessor)
    if reports.isEmpty { throw ExitCode(failed ? 2 : 0) }
    let table = OpennessTable(reports)
    switch format {
    case .markdown: Output.write(table.markdown())
    case .html: Output.write(table.html(title: title == "Licence comparison" ? "Openness of model releases" : title))
    case .csv: print(table.csv(), terminator: "")
    case .json: Output.write(table.json(), escape: false)
    }
    if failed { throw ExitCode(2) }
  }
}
