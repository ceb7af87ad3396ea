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
    if cores > 1, paths.count > 1, !paths.contains("-") {
      // Streamed: every core takes the next file as soon as it is free, and results are printed as
      // soon as their turn comes, so no core waits at the end of a batch while the others finish.
      let window = OrderedWindow<R>(paths: paths, size: size, byteBudget: byteBudget)
      let workers = DispatchGroup()
      for _ in 0..<cores {
        DispatchQueue.global().async(group: workers) {
          while let i = window.take() {
            window.store(render(paths[i], self.outcome(of: paths[i], policy: policy)), at: i)
          }
        }
      }
      defer { workers.wait() }
      do {
        for i in paths.indices { try emit(window.result(at: i)) }
      } catch {
        window.cancel()
        throw error
      }
      return
    }
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

/// The files in flight between the workers of ``Analyzer/analyze(paths:policy:batchSize:render:emit:)``
/// and the thread that prints: workers take indexes in order, at most `size` files (and about
/// `byteBudget` bytes) ahead of the next one to print, so memory stays bounded by the window
/// whatever the number of paths.
final class OrderedWindow<R: Sendable>: @unchecked Sendable {
  private let paths: [String]
  private let size: Int
  private let byteBudget: Int
  private let condition = NSCondition()
  // All below are guarded by `condition`.
  private var next = 0
  private var printed = 0
  private var bytesInFlight = 0
  private var cancelled = false
  private var slots: [Int: (value: R, bytes: Int)] = [:]
  private var sizes: [Int: Int] = [:]

  init(paths: [String], size: Int, byteBudget: Int) {
    self.paths = paths
    self.size = size
    self.byteBudget = byteBudget
  }

  /// The next index to work on, waiting while the window is full; nil when there is none left.
  func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if cancelled || next >= paths.count { return nil }
      // The next file to print is always admitted, so a file over the budget cannot stall.
      if next == printed || (next - printed < size && bytesInFlight < byteBudget) { break }
      condition.wait()
    }
    let i = next
    next += 1
    let bytes = Analyzer.fileSize(paths[i])
    bytesInFlight += bytes
    sizes[i] = bytes
    return i
  }

  /// Stores the result of index `i` and wakes the printing thread.
  func store(_ value: R, at i: Int) {
    condition.lock()
    slots[i] = (value, sizes.removeValue(forKey: i) ?? 0)
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for the result of index `i` (the next one to print), removes it and opens the window by one.
  func result(at i: Int) -> R {
    condition.lock()
    defer { condition.unlock() }
    while slots[i] == nil { condition.wait() }
    let (value, bytes) = slots.removeValue(forKey: i)!
    printed = i + 1
    bytesInFlight -= bytes
    condition.broadcast()
    return value
  }

  /// Stops handing out work (the printing thread failed).
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}
