// Only the C library here: `@preconcurrency` lets this file name the C `stdout` stream, which Swift 6
// refuses as shared mutable state when Foundation is imported too.
#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

extension Output {
  /// Writes bytes to stdout through the C stream `print` uses, so the two keep their order; for
  /// output already in UTF-8 (jsonl lines), which needs no `String` made from it.
  static func writeStdout(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
  }
}
