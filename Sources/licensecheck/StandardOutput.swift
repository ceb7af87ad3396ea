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

  /// Gives stdout a 64 KiB buffer when it is not a terminal, before anything is written to it.
  ///
  /// The C stream's default buffer is 4 KiB and most JSON lines of an analysis are longer, so each
  /// line went out in its own `write` call, on the thread that prints every other line.
  static func bufferStdoutForPipes() {
    guard isatty(STDOUT_FILENO) == 0 else { return }
    // glibc ignores the size when it allocates the buffer itself, so it gets one, kept until exit
    // (the stream writes from it when the process ends).
    let size = 1 << 16
    _ = setvbuf(stdout, UnsafeMutablePointer<CChar>.allocate(capacity: size), _IOFBF, size)
  }
}
