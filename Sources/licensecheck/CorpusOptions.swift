import ArgumentParser
import LicenseCheck

/// `--corpus DIR`: SPDX templates and reference texts for `template` matches and word diffs.
struct CorpusOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A corpus folder (spdx/src/*.xml) or license-list-XML checkout (src/*.xml) for SPDX template matching; default $LICENSECHECK_CORPUS.",
      valueName: "dir"))
  var corpus: String?

  /// The library, nil when neither the option nor the variable names a folder.
  func library() throws -> TemplateLibrary? { try Self.library(corpus) }

  /// The library for a `--corpus` value (nil: `$LICENSECHECK_CORPUS`), nil when neither names a folder.
  static func library(_ corpus: String?) throws -> TemplateLibrary? {
    do {
      return try TemplateLibrary.resolve(option: corpus)
    } catch {
      Output.error(error)
      throw ExitCode(2)
    }
  }

  /// The analyzer with the corpus's templates.
  func analyzer(_ base: Analyzer) throws -> Analyzer {
    var a = base
    a.templates = try library()
    return a
  }
}
