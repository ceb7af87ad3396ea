import Foundation
import LicenseCheck
import Testing

/// The profile × licence matrix: 23 profiles against the AI licences of the shared corpus (read as texts)
/// and against catalogue and SPDX ids (read from reviewed summaries and compatibility data). Each string
/// holds one expected verdict per licence, in column order: `A` allowed, `C` allowed-with-conditions,
/// `S` needs-separate-licence, `F` forbidden, `U` unknown. They were written from the licence texts:
///
/// - Llama 1 is non-commercial research only (commercial, production and hosting by a company: F; it bans
///   military use: F for a military licensee).
/// - Llama 2 and 3 ban using outputs to improve other large language models (train-on-outputs: F); Llama 3.1
///   drops the ban and asks for the "Llama" name prefix instead (C).
/// - Every Llama from 2 on needs a licence from Meta above 700 M monthly active users (S), and the cap is
///   counted on the version release date, so a profile without users is U.
/// - The Llama use policies ban weapons, military use and disinformation (F); they ban only the *unlicensed*
///   practice of medicine, so medical advice is allowed on condition of the professional licence (C), also
///   from the Llama 3 licence file, which carries its policy inline (the professions named as examples of
///   unlicensed practice are not fields of their own).
/// - Gemma's prohibited-use policy bans tracking people without consent and disinformation (F), not weapons.
/// - OpenRAIL-M bans medical advice and false information in Attachment A (F from the text); hosting is
///   allowed if the use restrictions are passed on (C). Its catalogue summary does not name the banned
///   fields, so a profile with fields is U there.
/// - Stability AI Community needs a licence above USD 1 M annual revenue (S); revenue in EUR without a rate
///   is U; the text asks commercial users to register, which the tool does not model (U for them).
/// - Tongyi Qianwen needs a licence above 100 M monthly active users for commercial use (S) and bans
///   training other LLMs on its outputs (F).
/// - Llama 3.2 and 4 (their policies) exclude licensees established in the EU (F for DE, FR); Tencent
///   Hunyuan excludes the EU, the UK and South Korea.
/// - Apache-2.0 and MIT allow everything, with notices when distributing (C); the AGPL adds source for
///   network users.
@Suite("Profile matrix")
struct MatrixTests {
  static let corpusTexts = [
    "ai/llama1-noncommercial-2023.txt", "ai/llama2.LICENSE.txt", "ai/llama3.LICENSE.txt", "ai/llama3_1.LICENSE.txt",
    "ai/gemma-terms-2024-04-01.txt", "ai/bigscience-openrail-m.txt", "ai/stability-ai-community-2024.txt",
    "ai/tongyi-qianwen-2023.txt",
  ]

  static let textExpectations: [String: String] = [
    "p01-internal-small": "CCCCCCUA",
    "p02-800M-commercial-api": "FSSSCCUS",
    "p03-train-on-outputs": "CFFCCCFF",
    "p04-finetune-distribute": "CCCCCCUC",
    "p05-hosted-api": "FCCCCCUC",
    "p06-medical-api": "FCCCCFUC",
    "p07-surveillance": "FCCCFCUA",
    "p08-academic-research": "CUUUCCUA",
    "p09-commercial-product": "FCCCCCSC",
    "p10-military": "FFFFCCUA",
    "p11-small-revenue": "FCCCCCUA",
    "p12-big-revenue-usd": "FCCCCCSA",
    "p13-revenue-eur-norate": "FCCCCCUA",
    "p14-eu-company": "FCCCCCUA",
    "p15-offered-canada": "FCCCCCUC",
    "p16-publish-outputs": "CCCCCCCA",
    "p17-benchmark": "CUUUCCUA",
    "p18-distribute-original": "CCCCCCUC",
    "p19-150M-commercial": "FCCCCCUS",
    "p20-disinformation-api": "FFFFFFUC",
    "p21-weapons": "FFFFCCUA",
    "p22-production": "FCCCCCUA",
    "p23-everything": "FFFCCCFF",
  ]

  static let ids = [
    "Llama-1", "Llama-2", "Llama-3", "Llama-3.1", "Llama-3.2", "Llama-4", "Gemma-ToU-2024-04-01",
    "BigScience-OpenRAIL-M", "Stability-AI-Community-2024", "Tongyi-Qianwen-2023", "Mistral-AI-Research-License-0.1",
    "Tencent-Hunyuan-Community", "Apache-2.0", "MIT", "AGPL-3.0-only",
  ]

  static let idExpectations: [String: String] = [
    "p01-internal-small": "UCCCCCCCUACCAAA",
    "p02-800M-commercial-api": "FSSSSSCCUSFSAAC",
    "p03-train-on-outputs": "UFFCCCCCFFCCAAA",
    "p04-finetune-distribute": "CCCCCCCCUCCCCCC",
    "p05-hosted-api": "FCCCCCCCUCFCAAC",
    "p06-medical-api": "FCCCFFCUUCFFAAC",
    "p07-surveillance": "FCCCCCFUUAFUAAA",
    "p08-academic-research": "UUUUUUCCUACFAAA",
    "p09-commercial-product": "FCCCCCCCSCFCCCC",
    "p10-military": "FFFFFFCUUACUAAA",
    "p11-small-revenue": "FCCCCCCCCAFCAAA",
    "p12-big-revenue-usd": "FCCCCCCCSAFCAAA",
    "p13-revenue-eur-norate": "FCCCFFCCUAFFAAA",
    "p14-eu-company": "FCCCFFCCCAFFAAA",
    "p15-offered-canada": "FCCCCCCCCCFCCCC",
    "p16-publish-outputs": "UCCCCCCCCACCAAA",
    "p17-benchmark": "UUUUUUCCUACUAAA",
    "p18-distribute-original": "CCCCCCCCCCCCCCC",
    "p19-150M-commercial": "FCCCCCCCCSFSAAA",
    "p20-disinformation-api": "FFFFFFFUUCFUAAC",
    "p21-weapons": "FFFFFFCUUAFUAAA",
    "p22-production": "FCCCCCCCCAFCAAA",
    "p23-everything": "FFFCCCCCFFFCCCC",
  ]

  @Test("every profile against the AI licences of the corpus", .needsCorpus, arguments: Profiles.all.map(\.0))
  func corpusMatrix(_ name: String) throws {
    let profile = Profiles.all.first { $0.0 == name }!.1
    let expected = Array(Self.textExpectations[name]!)
    #expect(expected.count == Self.corpusTexts.count)
    for (k, text) in Self.corpusTexts.enumerated() {
      let v = try check(Corpus.path(text), profile)
      #expect(v.verdict == Profiles.outcome(expected[k]), "\(name) × \(text): \(v.verdict.rawValue): \(v.reason)")
      // Every verdict but a plain yes names the finding that decides it, with its reason.
      if v.verdict != .allowed && v.verdict != .allowedWithConditions {
        #expect(v.deciding != nil && !v.deciding!.reason.isEmpty)
      }
    }
  }

  @Test("every profile against catalogue and SPDX ids", arguments: Profiles.all.map(\.0))
  func idMatrix(_ name: String) throws {
    let profile = Profiles.all.first { $0.0 == name }!.1
    let expected = Array(Self.idExpectations[name]!)
    #expect(expected.count == Self.ids.count)
    let checker = ProfileExpressionChecker()
    for (k, id) in Self.ids.enumerated() {
      let v = try checker.check(id, profile: profile)
      #expect(v.verdict == Profiles.outcome(expected[k]), "\(name) × \(id): \(v.verdict.rawValue): \(v.reason)")
    }
  }

  /// The project's own fixture licences (`fixtures/profiles/`): a revenue cap of EUR 10 M ("at least"), a
  /// daily-user cap of 5 M ("more than"), an EU exclusion by the licensee's seat, a Canada exclusion by
  /// where the product is offered, a 30-day trial granting use only, terms the licensor may change, a
  /// licence whose use policy is incorporated by reference (not given here), the same 1 M monthly-user cap
  /// with "at least" and with "more than", and sentences the tool does not understand about APIs and
  /// benchmark results.
  static let fixtures = [
    "revenue-cap.txt", "daily-users-cap.txt", "territory-licensee.txt", "territory-offered.txt", "trial.txt",
    "changeable.txt", "with-policy.txt", "cap-at-least.txt", "cap-more-than.txt", "unexplained.txt",
  ]

  static let fixtureExpectations: [String: String] = [
    "p01-internal-small": "UUAACACAAA",
    "p02-800M-commercial-api": "USAACACSSU",
    "p03-train-on-outputs": "UUAACACSAA",
    "p04-finetune-distribute": "UUAAUACSAA",
    "p05-hosted-api": "UUAACACSAU",
    "p06-medical-api": "UUFACAUSAU",
    "p07-surveillance": "UUAACAUSAA",
    "p08-academic-research": "UUAACACUUA",
    "p09-commercial-product": "UAAAUACSSA",
    "p10-military": "UUAACAUUUA",
    "p11-small-revenue": "UUAACACAAA",
    "p12-big-revenue-usd": "UUAACACSAA",
    "p13-revenue-eur-norate": "SUFACACSAA",
    "p14-eu-company": "UUFACACSAA",
    "p15-offered-canada": "UUAFUACSAA",
    "p16-publish-outputs": "UUAACACAAA",
    "p17-benchmark": "UUAACACUUU",
    "p18-distribute-original": "UUAAUACSAA",
    "p19-150M-commercial": "USAACACSSA",
    "p20-disinformation-api": "UUAACAUSAU",
    "p21-weapons": "UUAACAUSAA",
    "p22-production": "UUAACACAAA",
    "p23-everything": "UAAAUACSAU",
  ]

  @Test("every profile against the project's own fixture licences", arguments: Profiles.all.map(\.0))
  func fixtureMatrix(_ name: String) throws {
    let profile = Profiles.all.first { $0.0 == name }!.1
    let expected = Array(Self.fixtureExpectations[name]!)
    #expect(expected.count == Self.fixtures.count)
    for (k, file) in Self.fixtures.enumerated() {
      let v = try check(fixture(file), profile)
      #expect(v.verdict == Profiles.outcome(expected[k]), "\(name) × \(file): \(v.verdict.rawValue): \(v.reason)")
    }
  }

  @Test("the matrix has at least 20 profiles and covers every activity")
  func matrixSize() {
    #expect(Profiles.all.count >= 20)
    let covered = Set(Profiles.all.flatMap(\.1.activities))
    #expect(covered == Set(UsageActivity.allCases))
    #expect(Set(Self.textExpectations.keys) == Set(Profiles.all.map(\.0)))
    #expect(Set(Self.idExpectations.keys) == Set(Profiles.all.map(\.0)))
    #expect(Set(Self.fixtureExpectations.keys) == Set(Profiles.all.map(\.0)))
  }
}
