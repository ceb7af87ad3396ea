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
/// Folders are reported in path order, so the report does not depend on scheduling.
///
/// Large trees are streamed: ``scan(_:progress:render:emit:)`` reads and analyses the licence files
/// of a few folders at a time (``ScanOptions/batchSize`` files, on all cores), hands each finished
/// folder to the caller in path order and keeps only the counts, so memory does not grow with the
/// number of files. ``scan(_:progress:)`` collects the same folders into a ``ScanReport``.
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
    let plan = walk(roots)
    var folders: [FolderReport] = []
    let summary = scan(plan, progress: progress, render: { _ in () }, emit: { folder, _ in folders.append(folder) })
    return ScanReport(roots: roots, folders: folders, skipped: summary.skipped, errors: summary.errors)
  }

  /// Walks the roots: what a scan will read, and the roots or folders that cannot be scanned.
  /// - Parameter roots: folders or files to scan.
  /// - Returns: the plan, for ``scan(_:progress:render:emit:)``.
  public func walk(_ roots: [String]) -> ScanPlan {
    let (files, issues, skipped) = DirectoryWalker(options: options).walk(roots)
    return ScanPlan(roots: roots, errors: issues, files: files, skippedLinks: skipped)
  }

  /// Scans a walked plan, streaming: each folder is reported as soon as it and every folder before
  /// it (in path order) are done, and then forgotten.
  ///
  /// `render` runs on worker threads (so that, for example, JSON encoding uses all cores too);
  /// `emit` runs on the calling thread, once per folder, in path order.
  /// - Parameters:
  ///   - plan: from ``walk(_:)``.
  ///   - progress: called after each unit of work, from worker threads but never concurrently.
  ///   - render: turns a folder into what `emit` writes.
  ///   - emit: receives each folder and its rendering; an error it throws ends the scan.
  /// - Returns: the skipped files, the walk's errors and the counts a summary line needs.
  /// - Complexity: O(files) for the walk; analysis is linear in the licence texts' size. Memory
  ///   holds the walk's file list, SPDX tag counts, skipped files and one batch of documents.
  public func scan<Rendered: Sendable>(
    _ plan: ScanPlan, progress: (@Sendable (ScanProgress) -> Void)? = nil,
    render: @Sendable (FolderReport) -> Rendered, emit: (FolderReport, Rendered) throws -> Void
  ) rethrows -> ScanSummary {
    // Phase 1: SPDX tags of source files, all of them first: a model card's declaration is
    // checked against the tags of its subfolders, which come after it in path order.
    let sources = plan.files.filter { $0.role == nil }
    let reading = ProgressCounter(phase: "reading", total: sources.count, progress: progress)
    reading.report(done: 0)
    let sniffedTags = parallelMap(sources, counter: reading) { file in sniffHead(file) }
    var tags: [String: [String: Int]] = [:]
    var notices: [String: [String: Int]] = [:]
    for (file, head) in zip(sources, sniffedTags) {
      for id in head.tags { tags[file.folder, default: [:]][id, default: 0] += 1 }
      if let id = head.notice { notices[file.folder, default: [:]][id, default: 0] += 1 }
    }

    // Phase 2: licence-like files, folder by folder in path order, a batch of folders at a time.
    // Licence-like files in folder order (walk order within a folder), as indexes: no dictionary of
    // arrays and no second copy of the file list for a 100,000-file tree.
    let files = plan.files
    // 32-bit indexes in a list of exactly their number (no growth slack: 0.4 MB for 100,000 files).
    var order: [Int32] = []
    order.reserveCapacity(files.reduce(0) { $0 + ($1.role != nil ? 1 : 0) })
    for i in files.indices where files[i].role != nil { order.append(Int32(i)) }
    order.sort { a, b in files[Int(a)].folderPrecedes(files[Int(b)]) ?? (a < b) }
    let licenceLike = order.count
    // Folders with tags or notices but no licence file are merged in as the batches are cut: no
    // list of 100,000 folder strings, only the strings of one batch.
    let extras = Set(tags.keys).union(notices.keys).sorted()
    var next = 0
    var nextExtra = 0
    let counter = ProgressCounter(phase: "analysing", total: licenceLike, progress: progress)
    counter.report(done: 0)
    let batchSize = max(1, options.batchSize ?? Self.automaticBatchSize)
    var skipped: [SkippedFile] = plan.skippedLinks
    var folderCount = 0
    var licenceCount = 0
    var findingCount = 0
    while next < order.count || nextExtra < extras.count {
      var batchFolders: [String] = []
      var batchFiles: [WalkedFile] = []
      while next < order.count || nextExtra < extras.count, batchFolders.isEmpty || batchFiles.count < batchSize {
        let head = next < order.count ? files[Int(order[next])].folder : nil
        let folder: String
        if let head, nextExtra == extras.count || head <= extras[nextExtra] {
          folder = head
        } else {
          folder = extras[nextExtra]
        }
        if nextExtra < extras.count, extras[nextExtra] == folder { nextExtra += 1 }
        var last: WalkedFile?
        while next < order.count {
          let file = files[Int(order[next])]
          guard last.map(file.sharesFolder) == true || file.folder == folder else { break }
          batchFiles.append(file)
          last = file
          next += 1
        }
        batchFolders.append(folder)
      }
      let batch = Batch(
        folders: batchFolders, files: batchFiles, scanner: self, tags: tags, notices: notices,
        counter: counter)
      skipped += batch.skipped
      for (folder, rendered) in batch.folders(render: render) {
        folderCount += 1
        licenceCount += folder.licences.count
        findingCount += folder.findings.count
        try emit(folder, rendered)
      }
    }
    skipped.sort { $0.path < $1.path }
    return ScanSummary(
      roots: plan.roots, skipped: skipped, errors: plan.errors, folderCount: folderCount, licenceCount: licenceCount,
      findingCount: findingCount)
  }

  /// Licence-like files read and analysed together when ``ScanOptions/batchSize`` is nil: enough
  /// to keep every core busy between batches, few enough that documents in flight stay small.
  static var automaticBatchSize: Int { max(32, 8 * ProcessInfo.processInfo.activeProcessorCount) }

  /// The licence-like files of consecutive folders, read and analysed on all cores.
  private struct Batch: Sendable {
    let folderPaths: [String]
    /// Documents read, per folder, in walk order.
    let documents: [String: [(file: WalkedFile, document: Document)]]
    let skipped: [SkippedFile]
    let units: [Unit]
    let analyses: [LicenseAnalysis]
    let scanner: LicenseScanner
    let tags: [String: [String: Int]]
    let notices: [String: [String: Int]]

    init(
      folders: [String], files: [WalkedFile], scanner: LicenseScanner, tags: [String: [String: Int]],
      notices: [String: [String: Int]], counter: ProgressCounter
    ) {
      folderPaths = folders
      self.scanner = scanner
      self.tags = tags
      self.notices = notices
      let sniffed = scanner.parallelMap(files, counter: nil) { file in scanner.sniff(file) }
      var skipped: [SkippedFile] = []
      var documents: [String: [(file: WalkedFile, document: Document)]] = [:]
      for (file, outcome) in zip(files, sniffed) {
        switch outcome {
        case .skipped(let reason): skipped.append(SkippedFile(path: file.path, reason: reason))
        case .document(let document): documents[file.folder, default: []].append((file, document))
        case .head, .nothing: break
        }
      }
      // One unit per licence (with its paired policy) and per policy that pairs with none.
      var units: [Unit] = []
      for folder in folders {
        guard let entries = documents[folder] else { continue }
        var folderUnits: [Unit] = []
        let licences = entries.filter { $0.file.role == .licence || $0.file.role == .notice }
        let policies = entries.filter { $0.file.role == .policy }
        var paired = Set<String>()
        for licence in licences {
          let policy = LicenseScanner.pair(licence.file, policies.map(\.file))
          if let policy { paired.insert(policy.path) }
          folderUnits.append(
            Unit(
              folder: folder, document: licence.document, role: licence.file.role ?? .licence,
              policy: policy.flatMap { p in policies.first { $0.file.path == p.path }?.document }))
        }
        for policy in policies where !paired.contains(policy.file.path) {
          folderUnits.append(Unit(folder: folder, document: policy.document, role: .policy, policy: nil))
        }
        folderUnits.sort { $0.document.path < $1.document.path }
        units += folderUnits
      }
      // Files that are not a unit's own document (skipped, model cards, paired policies) are done.
      counter.advance(by: files.count - units.count)
      let analyzer = scanner.analyzer
      analyses = scanner.parallelMap(units, counter: counter) { unit in
        analyzer.analyze(unit.document, policy: unit.policy)
      }
      self.documents = documents
      self.skipped = skipped
      self.units = units
    }

    /// The batch's folders that have anything to report, in path order, each with its rendering.
    func folders<Rendered: Sendable>(render: @Sendable (FolderReport) -> Rendered) -> [(FolderReport, Rendered)] {
      // Units are grouped by folder in folder order: each folder's members are a contiguous range.
      var ranges: [String: Range<Int>] = [:]
      var i = 0
      while i < units.count {
        var j = i + 1
        while j < units.count, units[j].folder == units[i].folder { j += 1 }
        ranges[units[i].folder] = i..<j
        i = j
      }
      let memberRanges = ranges
      return scanner.parallelMap(folderPaths, counter: nil) { folder in
        let range = memberRanges[folder] ?? 0..<0
        let members = zip(units[range], analyses[range]).map { ($0, $1) }
        guard
          let report = scanner.folderReport(
            folder, members: members, documents: documents[folder], tags: tags, notices: notices[folder] ?? [:])
        else { return nil }
        return (report, render(report))
      }.compactMap { $0 }
    }
  }

  /// A folder's report from its analysed units, its documents and the scan's SPDX tags, or nil
  /// when the folder has nothing to report.
  func folderReport(
    _ folder: String, members: [(Unit, LicenseAnalysis)], documents: [(file: WalkedFile, document: Document)]?,
    tags: [String: [String: Int]], notices: [String: Int] = [:]
  ) -> FolderReport? {
    // A file named like a licence that holds no licence language (a README called LICENSE.md, a script
    // called COPYING.sh) is not listed: only documents classified as licences, policies, notices or terms count.
    let members = members.filter { $0.1.documentClass?.class != .notALicence }
    let found = members.map { unit, analysis in
      FoundLicence(analysis, role: unit.role, policy: unit.policy?.path)
    }
    let card = documents?.first { $0.file.role == .modelCard }
    let declared = card.flatMap { DeclaredLicense(card: $0.document) }
    let tagCounts = (tags[folder] ?? [:]).sorted { $0.key < $1.key }.map {
      SPDXTagCount(identifier: $0.key, files: $0.value)
    }
    let noticeCounts = notices.sorted { $0.key < $1.key }.map { SPDXTagCount(identifier: $0.key, files: $0.value) }
    if found.isEmpty, declared == nil, tagCounts.isEmpty, noticeCounts.isEmpty { return nil }
    var check: DeclarationCheck?
    var findings: [ScanFinding] = []
    for tag in tagCounts {
      guard let problem = SPDXTag.problem(tag.identifier) else { continue }
      let files = tag.files == 1 ? "1 file" : "\(tag.files) files"
      findings.append(
        ScanFinding(
          code: problem.code, folder: folder, message: "SPDX-License-Identifier in \(files): \(problem.message)"))
    }
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
    findings += Self.debianFindings(folder, members.map(\.1))
    return FolderReport(
      path: folder, licences: found, declared: declared, declaration: check, spdxIdentifiers: tagCounts,
      findings: findings, headerNotices: noticeCounts)
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
    case head(SourceHead)
    case skipped(String)
    case nothing
  }

  /// The SPDX expressions in a source file's head, or the licence notice it carries.
  func sniffHead(_ file: WalkedFile) -> SourceHead {
    if case .head(let head) = sniff(file) { return head }
    return SourceHead(tags: [], notice: nil)
  }

  /// Size check from the walk's `stat`, a look at the first bytes, then a full read for licence-like files.
  func sniff(_ file: WalkedFile) -> Sniffed {
    guard let role = file.role else {
      // Source files: only the head matters, and most have no tag.
      guard let head = FileHead.read(file.path, count: options.spdxHeadBytes) else { return .nothing }
      if FileHead.looksBinary(Array(head.prefix(512))) { return .nothing }
      let ids = SPDXTagSniffer.identifiers(in: head[...])
      if !ids.isEmpty { return .head(SourceHead(tags: ids, notice: nil)) }
      // No tag: a licence notice in the header comment ("Licensed under the Apache License, …").
      guard options.headerNotices, let notice = HeaderNotice.identify(head[...]) else { return .nothing }
      return .head(SourceHead(tags: [], notice: notice))
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

  /// Maps on all cores, keeping input order, advancing `counter` after each element.
  fileprivate func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], counter: ProgressCounter?, _ body: @Sendable (T) -> R
  ) -> [R] {
    if items.count == 1 {
      let value = body(items[0])
      counter?.advance(by: 1)
      return [value]
    }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
      results.store(body(items[i]), at: i)
      counter?.advance(by: 1)
    }
    return results.values()
  }
}

/// The files a scan will look at, from ``LicenseScanner/walk(_:)``.
public struct ScanPlan: Sendable {
  /// The folders or files to scan, as given.
  public let roots: [String]
  /// Roots or folders that cannot be scanned.
  public let errors: [ScanIssue]
  /// Licence-like and source files, in walk order.
  let files: [WalkedFile]
  /// Links the walk did not follow (outside the roots, or into /proc, /sys, /dev).
  let skippedLinks: [SkippedFile]
}

/// What a streaming scan returns besides its folders: everything a report holds but the folders,
/// and the counts of its summary line.
public struct ScanSummary: Sendable, Equatable {
  /// The folders or files scanned, as given.
  public let roots: [String]
  /// Files passed over, sorted by path.
  public let skipped: [SkippedFile]
  /// Roots or folders that could not be scanned.
  public let errors: [ScanIssue]
  /// Folders reported.
  public let folderCount: Int
  /// Licence, notice and policy files reported.
  public let licenceCount: Int
  /// Findings reported.
  public let findingCount: Int

  /// Creates a summary.
  public init(
    roots: [String], skipped: [SkippedFile], errors: [ScanIssue], folderCount: Int, licenceCount: Int,
    findingCount: Int
  ) {
    self.roots = roots
    self.skipped = skipped
    self.errors = errors
    self.folderCount = folderCount
    self.licenceCount = licenceCount
    self.findingCount = findingCount
  }
}

/// Counts finished work across batches and reports it, never concurrently.
private final class ProgressCounter: @unchecked Sendable {
  private let phase: String
  private let total: Int
  private let progress: (@Sendable (ScanProgress) -> Void)?
  private var done = 0
  private let lock = NSLock()

  init(phase: String, total: Int, progress: (@Sendable (ScanProgress) -> Void)?) {
    self.phase = phase
    self.total = total
    self.progress = progress
  }

  /// Reports a count as it is.
  func report(done: Int) {
    guard let progress else { return }
    lock.lock()
    defer { lock.unlock() }
    progress(ScanProgress(phase: phase, done: done, total: total))
  }

  /// Adds finished work and reports the new count.
  func advance(by n: Int) {
    guard let progress, n > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    done += n
    progress(ScanProgress(phase: phase, done: done, total: total))
  }
}

/// Result slots filled from worker threads: each index is written once, under a lock.
final class ResultSlots<R: Sendable>: @unchecked Sendable {
  private var slots: [R?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores a value.
  func store(_ value: R, at index: Int) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
  }

  /// The values, in index order; every slot must be filled.
  func values() -> [R] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
