import Dispatch
import Foundation

/// Scans folders (a model repository as downloaded from a model hub, or a source tree) for
/// licence-like files, analyses them, pairs each licence with the use policy beside it, and checks
/// a model card's declared licence against the texts.
///
/// ```swift
/// let report = LicenseScanner().scan(["models/llama-3.1-8b"])
/// for folder in report.folders {
///   print(folder.path, folder.declared?.license ?? "-", folder.declaration?.verdict ?? .unverifiable)
/// }
/// ```
///
/// The walk is sequential (it is cheap); sniffing, reading and analysing files run on all cores.
/// Results are sorted by path, so the report does not depend on scheduling.
public struct LicenseScanner: Sendable {
  /// Walk and size options.
  public var options: ScanOptions
  /// The analyzer used for each licence.
  public var analyzer: Analyzer

  /// Creates a scanner.
  public init(options: ScanOptions = ScanOptions(), analyzer: Analyzer = Analyzer()) {
    self.options = options
    self.analyzer = analyzer
  }

  /// Scans folders (or single files) and reports per folder.
  /// - Parameters:
  ///   - roots: folders or files to scan.
  ///   - progress: called after each unit of work, from worker threads but never concurrently.
  /// - Returns: the report.
  /// - Complexity: O(files) for the walk; analysis is linear in the licence texts' size.
  public func scan(_ roots: [String], progress: (@Sendable (ScanProgress) -> Void)? = nil) -> ScanReport {
    let (walked, issues) = DirectoryWalker(options: options).walk(roots)

    // Phase 1: sniff every candidate; read the licence-like ones, collect SPDX tags of source files.
    let sniffed = parallelMap(walked, phase: "reading", progress: progress) { file in sniff(file) }
    var skipped: [SkippedFile] = []
    var documents: [String: [(file: WalkedFile, document: Document)]] = [:]
    var tags: [String: [String: Int]] = [:]
    for (file, outcome) in zip(walked, sniffed) {
      switch outcome {
      case .skipped(let reason): skipped.append(SkippedFile(path: file.path, reason: reason))
      case .document(let document): documents[file.folder, default: []].append((file, document))
      case .tags(let identifiers):
        for id in identifiers { tags[file.folder, default: [:]][id, default: 0] += 1 }
      case .nothing: break
      }
    }

    // Phase 2: one unit per licence (with its paired policy) and per policy that pairs with none.
    var units: [Unit] = []
    for (folder, entries) in documents {
      let licences = entries.filter { $0.file.role == .licence || $0.file.role == .notice }
      let policies = entries.filter { $0.file.role == .policy }
      var paired = Set<String>()
      for licence in licences {
        let policy = Self.pair(licence.file, policies.map(\.file))
        if let policy { paired.insert(policy.path) }
        units.append(
          Unit(
            folder: folder, document: licence.document, role: licence.file.role ?? .licence,
            policy: policy.flatMap { p in policies.first { $0.file.path == p.path }?.document }))
      }
      for policy in policies where !paired.contains(policy.file.path) {
        units.append(Unit(folder: folder, document: policy.document, role: .policy, policy: nil))
      }
    }
    units.sort { $0.document.path < $1.document.path }
    let analyses = parallelMap(units, phase: "analysing", progress: progress) { unit in
      analyzer.analyze(unit.document, policy: unit.policy)
    }

    // Phase 3: assemble folders in path order.
    var folders: [FolderReport] = []
    let folderPaths = Set(documents.keys).union(tags.keys).sorted()
    // Grouped once (in unit order): filtering all units per folder was quadratic in a large tree.
    var byFolder: [String: [(Unit, LicenseAnalysis)]] = [:]
    for (unit, analysis) in zip(units, analyses) { byFolder[unit.folder, default: []].append((unit, analysis)) }
    for folder in folderPaths {
      let members = byFolder[folder] ?? []
      let found = members.map { unit, analysis in
        FoundLicence(analysis, role: unit.role, policy: unit.policy?.path)
      }
      let card = documents[folder]?.first { $0.file.role == .modelCard }
      let declared = card.flatMap { DeclaredLicense(card: $0.document) }
      let tagCounts = (tags[folder] ?? [:]).sorted { $0.key < $1.key }.map {
        SPDXTagCount(identifier: $0.key, files: $0.value)
      }
      if found.isEmpty, declared == nil, tagCounts.isEmpty { continue }
      var check: DeclarationCheck?
      var findings: [ScanFinding] = []
      if let declared {
        // Licence files decide; notices and policies only when there is no licence file.
        let texts = members.filter { $0.0.role == .licence }
        let used = texts.isEmpty ? members.filter { $0.0.role != .policy } : texts
        // Source trees keep their tagged files in subfolders (`src/`), so tags below the card count too.
        let below = tags.filter { $0.key == folder || $0.key.hasPrefix(folder + "/") }.flatMap(\.value.keys)
        let result = DeclarationCheck.check(
          declared, licences: used.map { ($0.0.document, $0.1) }, spdxIdentifiers: Array(Set(below)).sorted())
        check = result
        if result.verdict == .mismatch {
          findings.append(ScanFinding(code: .declaredLicenseMismatch, folder: folder, message: result.reason))
        }
      }
      folders.append(
        FolderReport(
          path: folder, licences: found, declared: declared, declaration: check, spdxIdentifiers: tagCounts,
          findings: findings))
    }
    skipped.sort { $0.path < $1.path }
    return ScanReport(roots: roots, folders: folders, skipped: skipped, errors: issues)
  }

  /// The policy a licence incorporates: the only policy in the folder, or the one with the same stem
  /// (`llama3.USE_POLICY.md` for `llama3.LICENSE.txt`).
  static func pair(_ licence: WalkedFile, _ policies: [WalkedFile]) -> WalkedFile? {
    if policies.count == 1 { return policies[0] }
    let stem = FileRole.stem(licence.name)
    return policies.filter { FileRole.stem($0.name) == stem }.min { $0.path < $1.path }
  }

  /// A licence (or policy) and what is analysed with it.
  struct Unit: Sendable {
    let folder: String
    let document: Document
    let role: FileRole
    let policy: Document?
  }

  /// What sniffing one file gave.
  enum Sniffed: Sendable {
    case document(Document)
    case tags([String])
    case skipped(String)
    case nothing
  }

  /// Size check from the walk's `stat`, a look at the first bytes, then a full read for licence-like files.
  func sniff(_ file: WalkedFile) -> Sniffed {
    guard let role = file.role else {
      // Source files: only the head matters, and most have no tag.
      guard let head = FileHead.read(file.path, count: options.spdxHeadBytes) else { return .nothing }
      if FileHead.looksBinary(Array(head.prefix(512))) { return .nothing }
      let ids = SPDXTagSniffer.identifiers(in: head[...])
      return ids.isEmpty ? .nothing : .tags(ids)
    }
    if file.size > options.maxBytes { return .skipped("too-large (\(file.size) bytes)") }
    guard let head = FileHead.read(file.path, count: 512) else { return .skipped("unreadable") }
    if FileHead.looksBinary(head) { return .skipped("binary") }
    do {
      let readOptions = ReadOptions(maxBytes: options.maxBytes, format: analyzer.readOptions.format)
      let document = try DocumentReader.read(path: file.path, options: readOptions)
      if role == .modelCard, DeclaredLicense(card: document) == nil { return .nothing }
      return .document(document)
    } catch {
      // The reader's message starts with the path, which the skipped entry already holds.
      let message = error.description
      let reason = message.hasPrefix(file.path + ":") ? String(message.dropFirst(file.path.count + 1)) : message
      return role == .modelCard ? .nothing : .skipped(reason.trimmingASCIIWhitespace())
    }
  }

  /// Maps on all cores, keeping input order, reporting progress after each element.
  private func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], phase: String, progress: (@Sendable (ScanProgress) -> Void)?, _ body: @Sendable (T) -> R
  ) -> [R] {
    let results = ResultSlots<R>(count: items.count)
    progress?(ScanProgress(phase: phase, done: 0, total: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
      let value = body(items[i])
      let done = results.store(value, at: i)
      if let progress {
        results.serialised { progress(ScanProgress(phase: phase, done: done, total: items.count)) }
      }
    }
    return results.values()
  }
}

/// Result slots filled from worker threads: each index is written once, under a lock.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
  private var slots: [R?]
  private var filled = 0
  private let lock = NSLock()
  private let reportLock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores a value and returns how many slots are filled.
  func store(_ value: R, at index: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
    filled += 1
    return filled
  }

  /// Runs `body` so that no two calls overlap (progress callbacks need not be thread-safe).
  func serialised(_ body: () -> Void) {
    reportLock.lock()
    defer { reportLock.unlock() }
    body()
  }

  func values() -> [R] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
