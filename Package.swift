// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "licensecheck",
  products: [
    .library(name: "LicenseCheck", targets: ["LicenseCheck"]),
    .executable(name: "licensecheck", targets: ["licensecheck"]),
  ],
  dependencies: [
    // Command-line parsing, help, completions and man pages for the CLI only.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // YAML front matter of model cards (libyaml underneath, no other deps).
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(
      name: "LicenseCheck",
      dependencies: ["CLibXML2", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "licensecheck",
      dependencies: [
        "LicenseCheck",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "LicenseCheckEvaluation", dependencies: ["LicenseCheck"]),
    .executableTarget(name: "licensecheck-eval", dependencies: ["LicenseCheckEvaluation"]),
    .testTarget(name: "ReadingTests", dependencies: ["LicenseCheck"]),
    .testTarget(name: "TextTests", dependencies: ["LicenseCheck"]),
    .testTarget(name: "ClausesTests", dependencies: ["LicenseCheck", "LicenseCheckEvaluation"]),
    .testTarget(name: "ConformanceTests", dependencies: ["LicenseCheck"]),
    .testTarget(name: "IdentificationTests", dependencies: ["LicenseCheck"]),
    // End-to-end: runs the built `licensecheck` binary from the products folder (no link dependency,
    // as swift-argument-parser's example tests do).
    .testTarget(name: "CLITests", dependencies: ["LicenseCheck"]),
  ],
  swiftLanguageModes: [.v6]
)
