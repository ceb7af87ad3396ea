import Foundation
import Testing

/// The library as users import it: a separate package in a temporary folder depends on this one by path and
/// runs the README's first library example (`import LicenseCheck`, analyse a string, read a clause). Slow (it
/// builds the library again), so it runs only when `LICENSECHECK_E2E=1` (CI sets it) and shows as skipped
/// otherwise.
struct PackageUseTests {
  /// The README's example, word for word (the README's Library section starts with it).
  static let mainSwift = """
    import LicenseCheck

    let text = \"\"\"
      1. Grant. You may use, copy, modify and distribute the model.
      2. Limits. If your services have more than 10 million monthly active users, you must request a separate licence.
      \"\"\"
    let document = try DocumentReader.read(bytes: Array(text.utf8), path: "LICENSE")
    let analysis = Analyzer().analyze(document)
    for clause in analysis.clauses {
      print(clause.kind.rawValue, clause.section ?? "-", clause.evidence)
    }
    let cap = analysis.clauses.first { $0.kind == .usageCap }
    print("cap:", cap?.parameters.threshold ?? 0, "OSD conformant:", analysis.osdConformant)

    """

  @Test(.needsEnvironment("LICENSECHECK_E2E", "builds a separate package that depends on this one (minutes)"))
  func aSeparatePackageImportsTheLibrary() throws {
    let readme = try String(
      contentsOf: Corpus.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains(Self.mainSwift), "the README's library example and this test must stay the same")

    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("lc-e2e-\(UUID().uuidString)")
    let sources = root.appendingPathComponent("Sources/UsesLicenseCheck")
    try fm.createDirectory(at: sources, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: root) }
    // A path dependency's package identity is its folder's name (`licensecheck` in a plain clone).
    let identity = Corpus.packageRoot.lastPathComponent.lowercased()
    let manifest = """
      // swift-tools-version: 6.0
      import PackageDescription

      let package = Package(
        name: "UsesLicenseCheck",
        dependencies: [.package(path: "\(Corpus.packageRoot.path)")],
        targets: [
          .executableTarget(
            name: "UsesLicenseCheck",
            dependencies: [.product(name: "LicenseCheck", package: "\(identity)")])
        ]
      )

      """
    try Data(manifest.utf8).write(to: root.appendingPathComponent("Package.swift"))
    try Data(Self.mainSwift.utf8).write(to: sources.appendingPathComponent("main.swift"))

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "run", "--package-path", root.path, "UsesLicenseCheck"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(output)")
    #expect(output.contains("usage-cap 2"), "\(output)")
    #expect(output.contains("cap: 10000000.0 OSD conformant: false"), "\(output)")
  }
}
