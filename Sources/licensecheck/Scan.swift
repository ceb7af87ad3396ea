import ArgumentParser
import Foundation
import LicenseCheck

struct Scan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Scan folders for licences, use policies and model-card declarations.",
    discussion: """
      Finds LICENSE*, LICENCE*, COPYING*, NOTICE*, USE_POLICY*, *ACCEPTABLE_USE* files, README.md
      front matter (license, license_name, license_link) and SPDX-License-Identifier lines in source
      files; pairs each licence with the policy beside it; reports per folder whether the card's
      declared licence matches the text (a mismatch is a finding). Skips .git, node_modules, .build,
      binaries and files over --max-bytes; never follows a symbolic link loop.

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
    help: "Exit 1 when this holds: mismatch (a card contradicts its licence) or osd (a licence is not OSD conformant).")
  var failOn: FailOn?

  @Option(help: "Skip licence-like files larger than this many bytes.")
  var maxBytes: Int = 1 << 20

  @Flag(help: "Do not follow symbolic links.")
  var noFollowSymlinks = false

  @Argument(help: "Folders (or files) to scan.")
  var paths: [String]

  func run() throws {
    var options = ScanOptions(maxBytes: maxBytes)
    options.followSymlinks = !noFollowSymlinks
    let scanner = LicenseScanner(options: options)
    // A bar only for a person watching: never in machine formats or when stderr is piped.
    let bar = format == .text && Output.stderrIsTerminal ? ProgressBar() : nil
    var progress: (@Sendable (ScanProgress) -> Void)?
    if let bar { progress = { bar.draw($0) } }
    let report = scanner.scan(paths, progress: progress)
    bar?.clear()
    switch format {
    case .text: Output.write(report.text(style: Output.humanStyle))
    case .json: print(try Output.json(report))
    case .jsonl:
      for folder in report.folders { print(try Output.jsonLine(folder)) }
    }
    for issue in report.errors { Output.error("\(issue.path): \(issue.message)") }
    if !report.errors.isEmpty { throw ExitCode(2) }
    switch failOn {
    case .mismatch? where !report.findings.isEmpty: throw ExitCode(1)
    case .osd? where report.folders.contains(where: { $0.licences.contains { !$0.osdConformant } }):
      throw ExitCode(1)
    default: break
    }
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
  }
}
