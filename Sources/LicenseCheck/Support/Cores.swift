import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How many threads may usefully work at once in this process.
enum Cores {
  /// The CPUs this process may run on: its affinity mask where the system has one (`taskset`,
  /// cpusets, `docker --cpuset-cpus`, GNU parallel pinning a job per core), else every active CPU.
  ///
  /// `ProcessInfo.activeProcessorCount` counts every online CPU on Linux, so a process pinned to one
  /// core started a worker per machine core and had them take turns on it, waking each other.
  static let available: Int = affinityCount() ?? ProcessInfo.processInfo.activeProcessorCount

  /// The number of CPUs in this process's affinity mask, nil where it cannot be read.
  private static func affinityCount() -> Int? {
    #if os(Linux)
      // `sched_getaffinity` is a GNU extension the Glibc module does not import; glibc exports it.
      typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer?) -> Int32
      guard let symbol = dlsym(nil, "sched_getaffinity") else { return nil }
      let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
      var mask = [UInt64](repeating: 0, count: 16)  // 1,024 CPUs, glibc's `cpu_set_t`
      guard mask.withUnsafeMutableBytes({ getAffinity(0, $0.count, $0.baseAddress) }) == 0 else { return nil }
      let count = mask.reduce(0) { $0 + $1.nonzeroBitCount }
      return count > 0 ? count : nil
    #else
      return nil
    #endif
  }
}
