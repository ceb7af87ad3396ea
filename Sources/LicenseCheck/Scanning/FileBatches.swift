import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What became of one input path in ``Analyzer/analyze(paths:policy:batchSize:render:emit:)``.
public enum FileAnalysis: Sendable {
  /// The file was read and analysed; `warnings` are the reader's (encoding fallback and the like).
  case analysed(LicenseAnalysis, warnings: [ReadWarning])
  /// The file could not be read.
  case failed(ReadError)
}

extension Analyzer {
  /// Reads and analyses many files on all cores, handing each result to `emit` in input order.
  ///
  /// Files are taken a batch at a time (`batchSize` files, by default 16 per core, and at most
  /// about 64 MB of input per core), so memory is bounded by one batch whatever the number of
  /// paths. `render` runs on worker threads, so that turning an analysis into output (JSON
  /// encoding, text reports) uses every core too; `emit` runs on the calling thread, once per
  /// path, in the order of `paths`, so the output does not depend on scheduling.
  ///
  /// Standard input (`-`) is read on the calling thread before its batch.
  /// - Parameters:
  ///   - paths: files to analyse; `-` reads standard input.
  ///   - policy: a use policy analysed with each licence (see ``analyze(_:policy:)``).
  ///   - batchSize: files per batch; nil for the automatic size.
  ///   - render: turns each outcome into what `emit` receives; called from worker threads.
  ///   - emit: receives each rendered outcome, in input order, on the calling thread.
  public func analyze<R: Sendable>(
    paths: [String], policy: Document? = nil, batchSize: Int? = nil,
    render: @escaping @Sendable (_ path: String, _ outcome: FileAnalysis) -> R,
    emit: (R) throws -> Void
  ) rethrows {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let size = max(1, batchSize ?? 16 * cores)
    let byteBudget = (64 << 20) * max(1, cores)
    var start = 0
    while start < paths.count {
      // Cut the batch at `size` files or at the byte budget, whichever comes first (at least one file).
      var end = start
      var bytes = 0
      while end < paths.count, end - start < size, end == start || bytes < byteBudget {
        bytes += Self.fileSize(paths[end])
        end += 1
      }
      let batch = Array(paths[start..<end])
      // Standard input is read here, in order, not on a worker: a second `-` reads what is left of
      // it (nothing), as the one-by-one loop did.
      var stdin: [Int: FileAnalysis] = [:]
      for (i, path) in batch.enumerated() where path == "-" { stdin[i] = outcome(of: path, policy: policy) }
      let preread = stdin
      let results = ParallelMap.map(Array(batch.indices)) { i in
        render(batch[i], preread[i] ?? self.outcome(of: batch[i], policy: policy))
      }
      for r in results { try emit(r) }
      start = end
    }
  }

  /// Reads and analyses one path.
  func outcome(of path: String, policy: Document?) -> FileAnalysis {
    do {
      let document = try DocumentReader.read(path: path, options: readOptions)
      return .analysed(analyze(document, policy: policy), warnings: document.warnings)
    } catch {
      return .failed(error)
    }
  }

  /// The size of a regular file, 0 when it cannot be seen (the reader then reports why).
  static func fileSize(_ path: String) -> Int {
    guard path != "-" else { return 0 }
    var st = stat()
    guard stat(path, &st) == 0 else { return 0 }
    return Int(st.st_size)
  }
}

/// An order-keeping map on all cores.
enum ParallelMap {
  /// `body` of every element, in element order, run on all cores (inline for a single element).
  static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
    if items.count == 1 { return [body(items[0])] }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { i in results.store(body(items[i]), at: i) }
    return results.values()
  }
}
