// licensecheck-profile-bench: what a usage-profile check adds to `analyze`.
//
//   swift run -c release licensecheck-profile-bench [--iterations N] [--corpus DIR]
//
// Reads the AI licences of the shared corpus (and the SPDX XML texts, for volume) into memory, then times,
// best of N, (1) analysing every text and (2) checking one profile against every analysis with the text
// at hand (as `licensecheck check` does). Prints both and the check's share of the analysis. Run by hand;
// figures go to BENCHMARKS.md.
import Dispatch
import Foundation
import LicenseCheck

let args = Array(CommandLine.arguments.dropFirst())
func value(_ flag: String) -> String? {
  guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
  return args[i + 1]
}
let iterations = max(1, Int(value("--iterations") ?? "") ?? 5)
let corpus = value("--corpus") ?? "../shared/corpus"

@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

func paths(_ dir: String) -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
  return names.sorted().map { dir + "/" + $0 }
}

let inputs = paths(corpus + "/ai") + paths(corpus + "/spdx/src")
let documents = inputs.compactMap { try? DocumentReader.read(path: $0) }
guard !documents.isEmpty else {
  print("no texts under \(corpus)/ai or \(corpus)/spdx/src")
  exit(1)
}
let analyzer = Analyzer()
var profile = UsageProfile(
  organisation: Organisation(
    monthlyActiveUsers: 800_000_000, dailyActiveUsers: 40_000_000,
    annualRevenue: Money(amount: 2e9, currency: "EUR")),
  territories: ["DE", "US"], offeredIn: ["EU", "US"], licensee: .company,
  activities: UsageActivity.allCases, fields: ["medical-advice", "surveillance"], date: "2026-12-01")
profile.exchangeRates = [ExchangeRate(from: "EUR", to: "USD", rate: 1.08)]

func best(_ body: () -> Void) -> Double {
  var out = Double.infinity
  for _ in 0..<iterations {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    out = min(out, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return out
}

var analyses: [LicenseAnalysis] = []
let analyse = best {
  analyses = documents.map { analyzer.analyze($0) }
}
let check = best {
  for (a, d) in zip(analyses, documents) { blackHole(a.check(profile, options: ProfileCheckOptions(text: d.text))) }
}
// The same check with one activity and no fields: a typical profile rather than the worst case above.
let small = UsageProfile(
  organisation: Organisation(monthlyActiveUsers: 1_000_000), territories: ["US"], licensee: .company,
  activities: [.hostedService])
let checkSmall = best {
  for (a, d) in zip(analyses, documents) { blackHole(a.check(small, options: ProfileCheckOptions(text: d.text))) }
}
let n = Double(documents.count)
print("texts: \(documents.count) (\(corpus)/ai and spdx/src), best of \(iterations)")
print(String(format: "analyze: %.3f s (%.3f ms per text)", analyse, analyse / n * 1000))
print(String(format: "check:   %.4f s (%.1f µs per text)", check, check / n * 1e6))
print(String(format: "check, one activity: %.4f s (%.1f µs per text)", checkSmall, checkSmall / n * 1e6))
print(
  String(
    format: "a profile check adds %.2f %% to analyze (all 12 activities, 2 fields), %.2f %% (one activity)",
    check / analyse * 100, checkSmall / analyse * 100))
