// SwiftPM generates `Bundle.module` for the LicenseCheck target; a direct swiftc build has none.
// The embedded data is found beside the fuzz binary (scripts/fuzz.sh links it there), so this is
// only the fallback the library names.
import Foundation

extension Bundle {
  static let module = Bundle.main
}
