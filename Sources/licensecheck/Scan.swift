import ArgumentParser
import LicenseCheck

struct Scan: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Scan folders (placeholder).")
  @Argument var paths: [String]
  func run() throws {}
}
