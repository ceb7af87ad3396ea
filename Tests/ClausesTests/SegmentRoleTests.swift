import Foundation
import Testing

@testable import LicenseCheck

/// A use policy inside a licence keeps its role only up to the next licence section: licence-only rules
/// (usage caps, indemnity, governing law) still run on what follows it. Texts written here.
struct SegmentRoleTests {
  static let grant =
    "1. Grant. Wrenfield Labs grants you a non-exclusive, worldwide licence to use, reproduce, modify and distribute the Wren-3 model.\n\n"
  static let policy =
    "2. Prohibited Use Policy\n\nYou agree not to use the Model for any of the following:\n(a) developing weapons;\n(b) surveillance of individuals without consent.\n\n"
  static let after =
    "3. Scale. If your products had more than 100 million monthly active users in the preceding month, you must request a licence from Wrenfield Labs.\n\n4. Indemnity. You will indemnify Wrenfield Labs against claims arising from your use of the Model.\n\n5. Governing Law. This Agreement is governed by the laws of Ireland.\n"

  func kinds(_ text: String) -> Set<ClauseKind> {
    Set(ClauseExtractor.extract(from: TokenizedText(text)).map(\.kind))
  }

  func roles(_ text: String) -> [DocumentRole] {
    ClauseExtractor.segments(of: TokenizedText(text)).map(\.role)
  }

  @Test func policyInTheMiddleEndsAtTheNextSection() {
    let text = Self.grant + Self.policy + Self.after
    #expect(roles(text) == [.licence, .policy, .licence])
    let k = kinds(text)
    #expect(k.isSuperset(of: [.copyrightGrant, .fieldOfUse, .usageCap, .indemnification, .governingLaw]))
  }

  @Test func policyEndsAtALicenceHeadingWithoutNumbers() {
    let text =
      "Wren-3 Licence\n\nWrenfield Labs grants you a licence to use, copy and distribute the Wren-3 model.\n\nAcceptable Use Policy\n\nYou must not use the model to generate spam or malware.\n\nGoverning Law\n\nThese terms are governed by the laws of Ireland.\n"
    #expect(roles(text) == [.licence, .policy, .licence])
    #expect(kinds(text).contains(.governingLaw))
  }

  @Test func policyAppendedAtTheEndRunsToTheEnd() {
    let text =
      Self.grant
      + "2. Governing Law. This Agreement is governed by the laws of Ireland.\n\nWren-3 Acceptable Use Policy\n\nYou agree not to use the Model to harass others or to create malware. You agree not to use the Model for military purposes.\n"
    #expect(roles(text) == [.licence, .policy])
    let k = kinds(text)
    #expect(k.isSuperset(of: [.copyrightGrant, .governingLaw, .fieldOfUse]))
  }

  @Test func policyFirstIsAPolicyDocument() {
    let text =
      "Wren-3 Acceptable Use Policy\n\nYou agree not to use the Model to harass others, to create malware, or for military purposes.\n"
    #expect(roles(text) == [.policy])
    #expect(kinds(text).contains(.fieldOfUse))
  }

  @Test func policyReferencedOnlyKeepsTheLicenceRole() {
    let text =
      Self.grant
      + "2. Use. Your use of the Model must comply with the Wren-3 Acceptable Use Policy published at https://wren.example/aup.\n\n"
      + Self.after
    #expect(roles(text) == [.licence])
    #expect(kinds(text).isSuperset(of: [.acceptableUsePolicy, .usageCap, .indemnification, .governingLaw]))
  }
}
