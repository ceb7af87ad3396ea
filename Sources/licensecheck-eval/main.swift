import Foundation
import LicenseCheck
import LicenseCheckEvaluation

// Usage: licensecheck-eval [--misses] [--fixtures DIR] [--corpus DIR]
//        licensecheck-eval --wild [--misses] [--corpus DIR] [--templates]   (identification, corpus/wild)
//        licensecheck-eval --scancode [--misses] [--corpus DIR]             (identification, corpus/scancode)
// Prints precision, recall and parameter accuracy per clause kind against fixtures/gold; with
// --wild, identification scores per group of the Debian texts; with --scancode, the share of
// ScanCode LicenseDB texts identified as their own key.
let args = Array(CommandLine.arguments.dropFirst())
let showMisses = args.contains("--misses")
func value(_ flag: String) -> String? {
  guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
  return args[i + 1]
}
if let path = value("--sentences") {
  let doc = try DocumentReader.read(path: path)
  print(ClauseExtractor.debugSentences(TokenizedText(doc.text)))
  exit(0)
}
let corpusDirectory =
  value("--corpus") ?? ProcessInfo.processInfo.environment["LICENSECHECK_CORPUS"] ?? "../shared/corpus"
if let path = value("--variants") {
  // Diagnostics: the distinctive parts of the close candidates of one file.
  let doc = try DocumentReader.read(path: path)
  for (a, b, total, found) in Identifier.standard.variantContest(TokenizedText(doc.text)) {
    print("\(a) has \(total) trigrams \(b) lacks; the text has \(found)")
  }
  exit(0)
}
if args.contains("--wild") {
  do {
    let library = args.contains("--templates") ? TemplateLibrary(corpusDirectory: corpusDirectory) : nil
    let ev = try WildEvaluation.run(wildDirectory: corpusDirectory + "/wild", library: library)
    print(ev.report(showMisses: showMisses || args.contains("--all"), showAll: args.contains("--all")))
  } catch {
    FileHandle.standardError.write(Data("licensecheck-eval: \(error)\n".utf8))
    exit(2)
  }
  exit(0)
}
if args.contains("--scancode") {
  do {
    let ev = try ScanCodeEvaluation.run(directory: corpusDirectory + "/scancode")
    print(ev.report(showMisses: showMisses))
  } catch {
    FileHandle.standardError.write(Data("licensecheck-eval: \(error)\n".utf8))
    exit(2)
  }
  exit(0)
}
let fixtures = value("--fixtures") ?? "fixtures"
let corpus = value("--corpus") ?? ProcessInfo.processInfo.environment["LICENSECHECK_CORPUS"] ?? "../shared/corpus"
do {
  let ev = try Evaluation.run(
    goldDirectory: fixtures + "/gold", fixturesRoot: fixtures,
    corpusRoot: FileManager.default.fileExists(atPath: corpus) ? corpus : nil)
  print(ev.report(showMisses: showMisses))
} catch {
  FileHandle.standardError.write(Data("licensecheck-eval: \(error)\n".utf8))
  exit(2)
}
