import ArgumentParser
import Foundation
import LicenseCheck

struct Scan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Scan folders for licences, use policies and model-card declarations.",
    discussion: """
      Finds LICENSE*, LICENCE*, COPYING*, NOTICE*, USE_POLICY*, *ACCEPTABLE_USE* files, README.md
      front matter (license, license_name, license_link) and SPDX-License-Identifier lines in source
      files; pairs each licence with the policy beside it; reports per folder whether the card's
      declared licence matches the text (a mismatch is a finding). Skips .git, node_modules, .build,
      binaries and files over --max-bytes; never follows a symbolic link loop, nor (without
      --follow-external-links) a link to a folder outside the folders given; never enters /proc, /sys, /dev.

      Examples:
        licensecheck scan ~/models/Llama-3.1-8B
        licensecheck scan --format jsonl --fail-on mismatch models/
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }
  enum FailOn: String, ExpressibleByArgument, CaseIterable { case mismatch, osd }

  @Option(help: "Output format: text, json or jsonl (one folder per line).")
  var format: Format = .text

  @Option(
    help:
      "Exit 1 when this holds: mismatch (a card or a Debian copyright file contradicts its licence text) or osd (a licence is not OSD conformant)."
  )
  var failOn: FailOn?

  @Option(help: "Skip licence-like files larger than this many bytes.")
  var maxBytes: Int = 1 << 20

  @Flag(help: "Do not follow symbolic links.")
  var noFollowSymlinks = false

  @Option(
    help:
      "Read licence files as this format instead of detecting it (text, markdown, html, spdx-xml, debian-copyright).")
  var inputFormat: SourceFormat?

  @Flag(help: "Also enter links to folders outside the scanned folders (never /proc, /sys or /dev).")
  var followExternalLinks = false

  @Option(
    help:
      "A usage-profile file: exit 1 when a licence found is forbidden or needs a separate licence (default: a .licensecheck.yml at the first folder's root)."
  )
  var profile: String?

  @Argument(help: "Folders (or files) to scan.")
  var paths: [String]

  func run() throws {
    var options = ScanOptions(maxBytes: maxBytes)
    options.followSymlinks = !noFollowSymlinks
    options.followExternalLinks = followExternalLinks
    let scanner = LicenseScanner(
      options: options, analyzer: Analyzer(readOptions: ReadOptions(maxBytes: maxBytes, format: inputFormat)))
    // A bar only for a person watching: never in machine formats or when stderr is piped.
    let bar = format == .text && Output.stderrIsTerminal ? ProgressBar() : nil
    var progress: (@Sendable (ScanProgress) -> Void)?
    if let bar { progress = { bar.draw($0) } }
    // Folders are written as they are done (in path order), so memory stays flat on large trees.
    let plan = scanner.walk(paths)
    // Nothing on stdout for roots that cannot be scanned; when none can, nothing at all.
    let failedRoots = Set(plan.errors.map(\.path)).intersection(paths)
    if failedRoots.count == Set(paths).count {
      for issue in plan.errors { Output.error("\(issue.path): \(issue.message)") }
      throw ExitCode(2)
    }
    var mismatch = false
    var nonConformant = false
    let gate = try ProfileGate.forScan(profile: profile, roots: paths)
    var found: [FoundLicence] = []
    func note(_ folder: FolderReport) {
      if gate != nil { found += folder.licences.filter { $0.role == .licence } }
      if folder.findings.contains(where: { $0.code == .declaredLicenseMismatch || $0.code == .debianLicenseMismatch }) {
        mismatch = true
      }
      if folder.licences.contains(where: { !$0.osdConformant }) { nonConformant = true }
    }
    let summary: ScanSummary
    switch format {
    case .text:
      let style = Output.humanStyle
      let render: @Sendable (FolderReport) -> String = { $0.text(style: style) }
      summary = scanner.scan(plan, progress: progress, render: render) { folder, text in
        note(folder)
        if let bar { bar.above { Output.write(text) } } else { Output.write(text) }
      }
      bar?.clear()
      Output.write(summary.text(style: style))
    case .jsonl:
      let render: @Sendable (FolderReport) -> Result<String, any Error> = { f in Result { try Output.jsonLine(f) } }
      summary = try scanner.scan(plan, progress: progress, render: render) { folder, line in
        note(folder)
        print(try line.get())
      }
    case .json:
      // The report's pretty JSON, written in pieces: the part before the folders (errors are known
      // from the walk), each folder as it is done, then the rest (skipped files are known at the end).
      let head = try ScanJSON.parts(of: ScanReport(roots: paths, folders: [], errors: plan.errors)).head
      print(head, terminator: "")
      var first = true
      let render: @Sendable (FolderReport) -> Result<String, any Error> = { f in Result { try ScanJSON.element(f) } }
      summary = try scanner.scan(plan, progress: progress, render: render) { folder, element in
        note(folder)
        print(first ? "\n" : ",\n", terminator: "")
        print(try element.get(), terminator: "")
        first = false
      }
      let parts = try ScanJSON.parts(
        of: ScanReport(roots: paths, folders: [], skipped: summary.skipped, errors: plan.errors))
      print(first ? parts.empty : "\n  ", terminator: "")
      print(parts.tail)
    }
    for issue in summary.errors { Output.error("\(issue.path): \(issue.message)") }
    let refused =
      gate?.judge(found, text: format == .text, reading: ReadOptions(maxBytes: maxBytes, format: inputFormat)) ?? false
    if !summary.errors.isEmpty { throw ExitCode(2) }
    if refused { throw ExitCode(1) }
    switch failOn {
    case .mismatch? where mismatch: throw ExitCode(1)
    case .osd? where nonConformant: throw ExitCode(1)
    default: break
    }
  }
}

/// The pretty JSON of a ``ScanReport`` in pieces, so that its folders can be written one by one
/// with exactly the bytes `Output.json(report)` would give for the whole report.
enum ScanJSON {
  /// A report without folders, cut around its empty `folders` array: `head` ends with `[`, `empty` is
  /// what the encoder puts between the brackets of an empty array, `tail` starts with `]`.
  static func parts(of report: ScanReport) throws -> (head: String, empty: String, tail: String) {
    let json = try Output.json(report)
    let marker = "\"folders\" : ["
    guard let open = json.range(of: marker), let close = json[open.upperBound...].firstIndex(of: "]") else {
      throw ValidationError("internal error: no folders array in the scan report")
    }
    return (String(json[..<open.upperBound]), String(json[open.upperBound..<close]), String(json[close...]))
  }

  /// One folder as an element of the report's `folders` array: pretty JSON indented two levels.
  static func element(_ folder: FolderReport) throws -> String {
    let json = try Output.json(folder)
    var out = ""
    out.reserveCapacity(json.utf8.count + json.utf8.count / 4)
    for line in json.split(separator: "\n", omittingEmptySubsequences: false) {
      if !out.isEmpty { out += "\n" }
      if !line.isEmpty { out += "    " }
      out += line
    }
    return out
  }
}

/// A one-line progress bar on stderr, redrawn in place. It stays hidden for the first half second,
/// so quick scans print nothing extra, and redraws at most 20 times a second.
final class ProgressBar: @unchecked Sendable {
  // The scanner never calls `draw` concurrently; the lock guards `clear` from the main thread.
  private let lock = NSLock()
  private let start = Date()
  private var lastDraw = Date.distantPast
  private var shown = false

  func draw(_ p: ScanProgress) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(start) > 0.5, now.timeIntervalSince(lastDraw) > 0.05 || p.done == p.total else {
      return
    }
    lastDraw = now
    shown = true
    let width = 30
    let filled = p.total == 0 ? width : width * p.done / p.total
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    FileHandle.standardError.write(Data("\r[\(bar)] \(p.phase) \(p.done)/\(p.total)\u{1B}[K".utf8))
  }

  func clear() {
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    shown = false
  }

  /// Runs `body` (which writes to stdout) with the bar erased, so output lines scroll above it; the
  /// next `draw` puts the bar back.
  func above(_ body: () -> Void) {
    lock.lock()
    defer { lock.unlock() }
    if shown {
      FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
      lastDraw = .distantPast
    }
    body()
    fflush(nil)  // every stream: stdout is a global the compiler cannot prove safe
  }
}
