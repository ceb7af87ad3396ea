// licensecheck-bench: throughput of each stage and of the whole pipeline, peak memory and scaling.
//
//   swift run -c release licensecheck-bench [--iterations N] [--json] [--corpus DIR]
//
// Run by hand on a quiet machine; figures go to BENCHMARKS.md. Every input is read into memory
// before timing, and each stage is timed on the previous stage's stored output, so a figure is
// that stage's own cost.
import Dispatch
import Foundation
import LicenseCheck

#if canImport(Glibc)
  import Glibc
#endif

let args = Array(CommandLine.arguments.dropFirst())
func value(_ flag: String) -> String? {
  guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
  return args[i + 1]
}
if args.contains("--help") || args.contains("-h") {
  print("usage: licensecheck-bench [--iterations N] [--json] [--corpus DIR] [--only spdx|ai]")
  exit(0)
}
let iterations = max(1, Int(value("--iterations") ?? "") ?? 5)
let asJSON = args.contains("--json")
let corpus = value("--corpus") ?? ProcessInfo.processInfo.environment["LICENSECHECK_CORPUS"] ?? "../shared/corpus"
let only = value("--only")

/// Keeps a result alive so the optimiser cannot drop the work that made it.
@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Peak resident set size of this process so far, in KiB (`VmHWM`), or 0 where /proc is missing.
func peakKiB() -> Int {
  guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
  }
  return 0
}

struct StageResult: Encodable {
  let stage: String
  let threads: Int
  let files: Int
  let bytes: Int
  /// Best of the iterations, in seconds.
  let seconds: Double
  var filesPerSecond: Double { Double(files) / seconds }
  var megabytesPerSecond: Double { Double(bytes) / 1_048_576 / seconds }

  enum CodingKeys: String, CodingKey { case stage, threads, files, bytes, seconds, filesPerSecond, megabytesPerSecond }
  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(stage, forKey: .stage)
    try c.encode(threads, forKey: .threads)
    try c.encode(files, forKey: .files)
    try c.encode(bytes, forKey: .bytes)
    try c.encode(seconds, forKey: .seconds)
    try c.encode(filesPerSecond.rounded(), forKey: .filesPerSecond)
    try c.encode((megabytesPerSecond * 100).rounded() / 100, forKey: .megabytesPerSecond)
  }
}

struct CorpusResult: Encodable {
  let corpus: String
  let files: Int
  let bytes: Int
  let stages: [StageResult]
}

struct ScalingRow: Codable {
  let factor: Int
  let bytes: Int
  let seconds: Double
  let secondsPerMB: Double
}

struct Report: Encodable {
  let cores: Int
  let iterations: Int
  let identificationLoadSeconds: Double
  let corpora: [CorpusResult]
  let scaling: [ScalingRow]
  let peakMemoryMB: Double
}

/// Best time over the iterations of `body(i)` for every file index, on one thread or on all cores.
func time(threads: Int, count: Int, _ body: @Sendable (Int) -> Void) -> Double {
  var best = Double.infinity
  for _ in 0..<iterations {
    let t0 = now()
    if threads == 1 {
      for i in 0..<count { body(i) }
    } else {
      DispatchQueue.concurrentPerform(iterations: count) { i in body(i) }
    }
    best = min(best, Double(now() - t0) / 1e9)
  }
  return best
}

func files(in dir: String) -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
  return names.sorted().map { dir + "/" + $0 }.filter { p in
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: p, isDirectory: &isDir) && !isDir.boolValue
  }
}

func bench(name: String, directory: String, cores: Int) -> CorpusResult? {
  let paths = files(in: directory)
  guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("licensecheck-bench: no files in \(directory)\n".utf8))
    return nil
  }
  let raw: [[UInt8]] = paths.compactMap { p in FileManager.default.contents(atPath: p).map { [UInt8]($0) } }
  let inputs: [(bytes: [UInt8], path: String)] = zip(raw, paths).map { ($0, $1) }
  // Only texts that read cleanly take part (empty files are refused by the reader).
  let pairs: [(bytes: [UInt8], path: String, doc: Document)] = inputs.compactMap { i in
    guard let d = try? DocumentReader.read(bytes: i.bytes, path: i.path) else { return nil }
    return (i.bytes, i.path, d)
  }
  let bytes = pairs.reduce(0) { $0 + $1.bytes.count }
  let docs = pairs.map(\.doc)
  let texts = docs.map { TokenizedText($0.text) }
  let structures = texts.map { Segmenter.segment($0) }
  let clauses = zip(texts, structures).map { ClauseExtractor.extract(from: $0, structure: $1) }
  let n = pairs.count
  let identifier = Identifier.standard
  let analyzer = Analyzer()

  let stages: [(String, @Sendable (Int) -> Void)] = [
    ("read", { i in blackHole(try? DocumentReader.read(bytes: pairs[i].bytes, path: pairs[i].path)) }),
    ("tokenise", { i in blackHole(TokenizedText(docs[i].text)) }),
    ("segment", { i in blackHole(Segmenter.segment(texts[i])) }),
    ("identify", { i in blackHole(identifier.identify(texts[i])) }),
    ("extract", { i in blackHole(ClauseExtractor.extract(from: texts[i], structure: structures[i])) }),
    ("osd", { i in blackHole(OSDEvaluator.evaluate(clauses[i])) }),
    ("pipeline", { i in blackHole(analyzer.analyze(docs[i])) }),
  ]
  var results: [StageResult] = []
  for threads in cores > 1 ? [1, cores] : [1] {
    for (stage, body) in stages {
      let s = time(threads: threads, count: n, body)
      let r = StageResult(stage: stage, threads: threads, files: n, bytes: bytes, seconds: s)
      results.append(r)
      if !asJSON {
        let line =
          "  \(stage.padding(toLength: 9, withPad: " ", startingAt: 0)) \(threads == 1 ? "1 core " : "\(threads) cores")"
          + String(format: "  %9.0f files/s  %8.2f MB/s  %8.1f ms", r.filesPerSecond, r.megabytesPerSecond, s * 1000)
        print(line)
      }
    }
  }
  return CorpusResult(corpus: name, files: n, bytes: bytes, stages: results)
}

/// Time per MB of the whole pipeline on one licence repeated 1×, 10× and 100×: flat means linear.
func scaling(base: String) -> [ScalingRow] {
  guard let data = FileManager.default.contents(atPath: base) else { return [] }
  let text = String(decoding: data, as: UTF8.self)
  var rows: [ScalingRow] = []
  let analyzer = Analyzer()
  for factor in [1, 10, 100] {
    let big = Array(repeating: text, count: factor).joined(separator: "\n\n")
    guard let doc = try? DocumentReader.read(bytes: Array(big.utf8), path: "scaled.txt") else { continue }
    let reps = max(1, 100 / factor)
    let s = time(threads: 1, count: reps) { _ in blackHole(analyzer.analyze(doc)) } / Double(reps)
    let mb = Double(big.utf8.count) / 1_048_576
    rows.append(ScalingRow(factor: factor, bytes: big.utf8.count, seconds: s, secondsPerMB: s / mb))
  }
  return rows
}

let cores = ProcessInfo.processInfo.activeProcessorCount
let t0 = now()
blackHole(Identifier.standard.identify("MIT License"))
let loadSeconds = Double(now() - t0) / 1e9
if !asJSON {
  print("licensecheck-bench: \(cores) cores, best of \(iterations) iterations")
  print(String(format: "identification index load: %.1f ms", loadSeconds * 1000))
}
var corpora: [CorpusResult] = []
for (name, dir) in [("spdx", corpus + "/spdx/test/simpleTestForGenerator"), ("ai", corpus + "/ai")]
where only == nil || only == name {
  if !asJSON { print("\(name): \(dir)") }
  if let r = bench(name: name, directory: dir, cores: cores) {
    if !asJSON { print("  (\(r.files) files, \(String(format: "%.2f", Double(r.bytes) / 1_048_576)) MB)") }
    corpora.append(r)
  }
}
let rows = scaling(base: corpus + "/spdx/test/simpleTestForGenerator/Apache-2.0.txt")
if !asJSON {
  print("scaling (Apache-2.0 repeated, whole pipeline, 1 core):")
  for r in rows {
    print(
      String(
        format: "  %4d×  %9d bytes  %9.2f ms  %7.1f ms/MB", r.factor, r.bytes, r.seconds * 1000, r.secondsPerMB * 1000))
  }
}
let peak = Double(peakKiB()) / 1024
if asJSON {
  let e = JSONEncoder()
  e.outputFormatting = [.prettyPrinted, .sortedKeys]
  let report = Report(
    cores: cores, iterations: iterations, identificationLoadSeconds: loadSeconds, corpora: corpora, scaling: rows,
    peakMemoryMB: peak)
  print(String(decoding: try e.encode(report), as: UTF8.self))
} else {
  print(String(format: "peak memory (VmHWM): %.1f MB", peak))
}
