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
  /// Every core takes the next file as soon as it is free, and at most `batchSize` files (by
  /// default 128 per core) and about 64 MB of finished input per core wait to be emitted, so memory
  /// is bounded whatever the number of paths. `render` runs where the file was analysed, so that
  /// turning an analysis into output (JSON encoding, text reports) uses every core too; `emit` runs
  /// on the calling thread, once per path, in the order of `paths`, so the output does not depend
  /// on scheduling. The calling thread is one of the workers: it analyses files itself while the
  /// next result to emit is not ready.
  ///
  /// With standard input (`-`) among the paths, files go a batch at a time (by default 16 per core)
  /// and standard input is read on the calling thread before its batch.
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
    let cores = Cores.available
    let byteBudget = (64 << 20) * max(1, cores)
    if !paths.contains("-") {
      // A wide window: while a thread is descheduled in the middle of the next file to emit (a loaded
      // machine), the others stop only when this far ahead. With 16 files per core they waited for
      // most of the time they were descheduled (CPU time 1.5 s, wall 3.1 s for 3,276 files at load 4).
      let size = max(1, batchSize ?? 128 * cores)
      let window = OrderedWindow<R>(count: paths.count, size: size, byteBudget: byteBudget)
      let work: @Sendable (Int) -> Void = { i in
        let outcome = self.outcome(of: paths[i], policy: policy)
        var bytes = 0
        if case .analysed(let analysis, _) = outcome { bytes = analysis.source.bytes }
        window.store(render(paths[i], outcome), at: i, bytes: bytes)
      }
      // `cores - 1` helpers and the calling thread: one thread per core. A separate printing thread
      // made one more thread than cores, woken for every file, taking turns with the workers.
      let helpers = DispatchGroup()
      let helperCount = max(0, min(cores, paths.count) - 1)
      for h in 0..<helperCount {
        DispatchQueue.global().async(group: helpers) {
          if h == 0, self.identify { withExtendedLifetime(Identifier.standard) {} }
          while let i = window.take() { work(i) }
        }
      }
      defer { helpers.wait() }
      // The first analysis builds the shared tables, each once per process: the phrase matcher, then
      // the identification index. Threads that reached one together took turns (about 4 ms each on
      // the SPDX texts), so the first helper builds the index while this thread builds the matcher.
      if helperCount > 0 { withExtendedLifetime(PhraseCatalogue.matcher) {} }
      do {
        for i in paths.indices {
          while true {
            switch window.resultOrWork(i) {
            case .ready(let value):
              try emit(value)
            case .work(let j):
              work(j)
              continue
            }
            break
          }
        }
      } catch {
        window.cancel()
        throw error
      }
      return
    }
    let size = max(1, batchSize ?? 16 * cores)
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

/// The files in flight between the threads of ``Analyzer/analyze(paths:policy:batchSize:render:emit:)``:
/// indexes are taken in order, at most `size` ahead of the next one to emit and while the finished,
/// not yet emitted results hold less than `byteBudget` bytes of input, so memory stays bounded by
/// the window whatever the number of paths.
final class OrderedWindow<R: Sendable>: @unchecked Sendable {
  /// What the emitting thread does next.
  enum Step {
    /// The result it waited for.
    case ready(R)
    /// An index to analyse while that result is not ready.
    case work(Int)
  }

  private let count: Int
  private let size: Int
  private let byteBudget: Int
  private let condition = NSCondition()
  // All below are guarded by `condition`.
  private var next = 0
  private var emitted = 0
  private var bytesHeld = 0
  private var cancelled = false
  private var slots: [Int: (value: R, bytes: Int)] = [:]

  init(count: Int, size: Int, byteBudget: Int) {
    self.count = count
    self.size = size
    self.byteBudget = byteBudget
  }

  /// Whether index `next` may be handed out now (the lock is held). The next index to emit is
  /// always admitted, so a file over the budget cannot stall the window.
  private var admitsNext: Bool {
    !cancelled && next < count && (next == emitted || (next - emitted < size && bytesHeld < byteBudget))
  }

  /// The next index to work on, waiting while the window is full; nil when there is none left.
  func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !admitsNext {
      if cancelled || next >= count { return nil }
      condition.wait()
    }
    next += 1
    return next - 1
  }

  /// Stores the result of index `i`, made from `bytes` bytes of input, and wakes the emitting thread.
  func store(_ value: R, at i: Int, bytes: Int) {
    condition.lock()
    slots[i] = (value, bytes)
    bytesHeld += bytes
    condition.broadcast()
    condition.unlock()
  }

  /// For the emitting thread: the result of index `i` (the next one to emit) when it is there,
  /// which opens the window by one; else an index to work on; else waits for either.
  func resultOrWork(_ i: Int) -> Step {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let (value, bytes) = slots.removeValue(forKey: i) {
        emitted = i + 1
        bytesHeld -= bytes
        condition.broadcast()
        return .ready(value)
      }
      if admitsNext {
        next += 1
        return .work(next - 1)
      }
      condition.wait()
    }
  }

  /// Stops handing out work (the emitting thread failed).
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}
