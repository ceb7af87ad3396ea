import Foundation
import Testing

/// Test support shared by every test target.
///
/// Where the shared reference corpus is: `$LICENSECHECK_SHARED/corpus` when the variable is set (set it to a
/// folder that does not exist, `LICENSECHECK_SHARED=/nonexistent swift test`, to see what a clone without the
/// corpus runs), else `../shared/corpus` beside the package.
public enum Corpus {
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The shared folder (`corpus/` and `spec/` inside), or nil when it has no corpus.
  public static var shared: URL? {
    let base: URL
    if let env = ProcessInfo.processInfo.environment["LICENSECHECK_SHARED"], !env.isEmpty {
      base = URL(fileURLWithPath: env)
    } else {
      base = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }
    return FileManager.default.fileExists(atPath: base.appendingPathComponent("corpus").path) ? base : nil
  }

  public static var root: URL? { shared?.appendingPathComponent("corpus") }

  /// True when tests that need the corpus must run: in CI a missing corpus is a failure, not a skip.
  public static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

  public static var available: Bool { root != nil }

  public static func path(_ relative: String) -> String { root!.appendingPathComponent(relative).path }

  public static func files(_ relative: String, ext: String) -> [String] {
    guard let root else { return [] }
    let dir = root.appendingPathComponent(relative)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0).path }
  }

  public static func fixture(_ relative: String) -> String {
    packageRoot.appendingPathComponent("fixtures").appendingPathComponent(relative).path
  }
}

/// Why a corpus test is skipped.
let corpusReason: Comment =
  "needs the shared corpus at ../shared/corpus (or $LICENSECHECK_SHARED/corpus); a fresh clone has none"

extension TestTrait where Self == ConditionTrait {
  /// For a test that reads `../shared/corpus` (or `shared/spec`): without it the test shows as *skipped*
  /// with the reason, never as passed. CI always has the corpus and fails on any skip
  /// (`scripts/check-no-skips.sh`).
  public static var needsCorpus: Self { .enabled(if: Corpus.available, corpusReason) }

  /// For a slow test that CI turns on with an environment variable (`LICENSECHECK_E2E=1`): skipped, with the
  /// reason, otherwise.
  public static func needsEnvironment(_ name: String, _ why: String) -> Self {
    .enabled(
      if: !(ProcessInfo.processInfo.environment[name] ?? "").isEmpty,
      Comment(rawValue: "\(why); set \(name)=1 to run it"))
  }
}

extension SuiteTrait where Self == ConditionTrait {
  /// A suite whose every test reads the shared corpus: skipped as a whole without it.
  public static var needsCorpus: Self { .enabled(if: Corpus.available, corpusReason) }
}
