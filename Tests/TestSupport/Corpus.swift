import Foundation

/// Test support shared by every test target.
///
/// Where the shared reference corpus is: `$LICENSECHECK_SHARED/corpus`, else `../shared/corpus` beside the package.
public enum Corpus {
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  public static var root: URL? {
    if let env = ProcessInfo.processInfo.environment["LICENSECHECK_SHARED"] {
      return URL(fileURLWithPath: env).appendingPathComponent("corpus")
    }
    let u = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    return FileManager.default.fileExists(atPath: u.path) ? u : nil
  }

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
