import LicenseCheck
import Testing

/// The derived engine against the OSADL matrix's own decided cells (Yes and No; Same, Unknown and Check
/// dependency left out). `conditional` counts as agreeing with No: OSADL asks whether the component can be put
/// under the leading licence as a whole, and a conditional verdict says it cannot, only beside or under
/// conditions.
struct AgreementTests {
  struct Tally: CustomStringConvertible {
    var agree = 0
    var total = 0
    var groups: [String: Int] = [:]
    var ratio: Double { total == 0 ? 0 : Double(agree) / Double(total) }
    var description: String {
      let top = groups.sorted { $0.value > $1.value }.prefix(15).map { "  \($0.value)\t\($0.key)" }
      return "agreement \(agree)/\(total) = \(ratio)\n" + top.joined(separator: "\n")
    }
  }

  static func measure(reviewed: Bool) -> Tally {
    let checker = CompatibilityChecker(options: CompatibilityOptions(useMatrix: false, reviewedTraits: reviewed))
    var tally = Tally()
    for pair in OSADLMatrix.shared.allPairs where pair.cell == .yes || pair.cell == .no {
      let r = checker.check(inbound: pair.inbound, outbound: pair.outbound)
      tally.total += 1
      let ok =
        pair.cell == .yes ? r.verdict == .compatible : (r.verdict == .incompatible || r.verdict == .conditional)
      if ok {
        tally.agree += 1
      } else {
        // Group by the inbound licence and the direction of the disagreement.
        tally.groups["\(pair.inbound) OSADL \(pair.cell.rawValue) vs \(r.verdict.rawValue)", default: 0] += 1
      }
    }
    return tally
  }

  @Test func reviewedTraitsAgreeWithOSADL() {
    let tally = Self.measure(reviewed: true)
    print(tally)
    // Measured 10913 / 10957 = 99.6 % (2024.5.22 matrix); the issue asks for at least 95 %.
    #expect(tally.ratio >= 0.995)
  }

  /// The same measurement with only what our extractor found in the corpus texts.
  @Test func extractedTraitsOnly() {
    let tally = Self.measure(reviewed: false)
    print(tally)
    // Without the reviewed records: 9695 / 10957 = 88.5 %, limited by extraction misses (copyleft read into
    // AFL and CC-BY, advertising clauses missed, Sleepycat's copyleft missed). A floor, so it can only improve.
    #expect(tally.ratio >= 0.88)
  }
}
