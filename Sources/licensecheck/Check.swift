import ArgumentParser
import Foundation
import LicenseCheck

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "May we do this? One verdict per licence for an organisation's usage profile, with the deciding clause.",
    discussion: """
      Verdicts: allowed, allowed-with-conditions, needs-separate-licence, forbidden, unknown (the text is silent,
      not understood, or the profile lacks a figure a cap needs). Inputs are licence files, folders (scanned
      for licences; a .licensecheck.yml at a folder's root is its profile unless --profile is given), catalogue
      or SPDX ids, and expressions (MIT OR Llama-3.1 takes the best alternative for the profile). Options on
      the command line override the profile file.

      Activities: \(UsageActivity.allCases.map(\.rawValue).joined(separator: ", ")) (api = hosted-service).
      Fields: the field vocabulary of `licensecheck analyze` (medical-advice, military, surveillance, …).
      Territories: ISO 3166 alpha-2 codes and the groups EU, EEA, UK.

      Exit status: 0; 1 when a verdict is in --fail-on (default: forbidden, needs-separate-licence); 2 for bad
      usage or input (an unknown activity or field lists the valid ones).

      Examples:
        licensecheck check --users 800M --activity fine-tune,hosted-service --territory DE Llama-3.1
        licensecheck check --profile .licensecheck.yml --format json models/
        licensecheck check --revenue "EUR 2B" --exchange-rate "1 EUR = 1.08 USD" Stability-AI-Community-2024
        licensecheck check --activity train-on-outputs 'MIT OR Llama-3.1'
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, markdown, html, csv }

  @Option(help: "Profile file (.licensecheck.yml format).")
  var profile: String?

  @Option(help: ArgumentHelp("Monthly active users (800M, 1.5B, 25k).", valueName: "count"))
  var users: String?

  @Option(help: ArgumentHelp("Daily active users.", valueName: "count"))
  var dailyUsers: String?

  @Option(help: ArgumentHelp("Annual revenue with its currency (\"USD 2B\", \"EUR 500M\").", valueName: "amount"))
  var revenue: String?

  @Option(help: ArgumentHelp("Employees.", valueName: "count"))
  var employees: String?

  @Option(help: ArgumentHelp("Where the licensee is established: comma-separated codes (DE,US) or EU, EEA, UK."))
  var territory: String?

  @Option(help: ArgumentHelp("Where the product is offered, when not where the licensee is.", valueName: "codes"))
  var offeredIn: String?

  @Option(help: ArgumentHelp("Comma-separated activities (fine-tune,hosted-service).", valueName: "ids"))
  var activity: String?

  @Option(help: ArgumentHelp("Comma-separated fields of use (medical-advice).", valueName: "ids"))
  var field: String?

  @Option(
    name: .customLong("as"),
    help: ArgumentHelp("Licensee type: company, individual, academic, government, military.", valueName: "type"))
  var licensee: String?

  @Option(
    name: .customLong("on"),
    help: ArgumentHelp("The date of the question and the figures (2026-12-01).", valueName: "date"))
  var date: String?

  @Option(help: ArgumentHelp("The date the licence was accepted (a trial runs from it).", valueName: "date"))
  var acceptedOn: String?

  @Option(help: ArgumentHelp("An exchange rate: \"1 EUR = 1.08 USD\" (repeatable).", valueName: "rate"))
  var exchangeRate: [String] = []

  @Option(help: "A use policy the licences incorporate, read with each licence file.")
  var policy: String?

  @Option(help: "Output format: text, json, jsonl, markdown, html or csv.")
  var format: Format = .text

  @Option(
    help: ArgumentHelp(
      "Exit 1 when a verdict is one of these (comma-separated; none for never).", valueName: "verdicts"))
  var failOn: String = "forbidden,needs-separate-licence"

  @OptionGroup var reading: ReadingOptions

  @Argument(help: "Licence files, folders, catalogue or SPDX ids, or expressions.")
  var inputs: [String]

  func validate() throws {
    _ = try failVerdicts()
    do {
      _ = try merged(into: UsageProfile())
    } catch {
      throw ValidationError(error.message)
    }
  }

  func failVerdicts() throws -> Set<ProfileOutcome> {
    var out: Set<ProfileOutcome> = []
    for id in failOn.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where id != "none" {
      guard let v = ProfileOutcome(rawValue: id) else {
        throw ValidationError(
          "unknown verdict '\(id)' for --fail-on; use \(ProfileOutcome.allCases.map(\.rawValue).joined(separator: ", ")) or none"
        )
      }
      out.insert(v)
    }
    return out
  }

  /// The command-line options laid over a profile (from a file, or empty).
  func merged(into base: UsageProfile) throws(ProfileError) -> UsageProfile {
    var p = base
    func count(_ s: String?, _ name: String) throws(ProfileError) -> Double? {
      guard let s else { return nil }
      guard let v = ProfileFile.parseCount(s) else { throw ProfileError("--\(name) '\(s)' is not a number like 800M") }
      return v
    }
    func list(_ s: String) -> [String] {
      s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    if let v = try count(users, "users") { p.organisation.monthlyActiveUsers = v }
    if let v = try count(dailyUsers, "daily-users") { p.organisation.dailyActiveUsers = v }
    if let v = try count(employees, "employees") { p.organisation.employees = Int(min(v, 1e12)) }
    if let revenue {
      guard let m = ProfileFile.parseMoney(revenue) else {
        throw ProfileError("--revenue '\(revenue)' is not an amount with a currency like \"USD 2B\"")
      }
      p.organisation.annualRevenue = m
    }
    if let territory { p.territories = list(territory).map { $0.uppercased() } }
    if let offeredIn { p.offeredIn = list(offeredIn).map { $0.uppercased() } }
    if let activity { p.activities = try ProfileFile.parseActivities(list(activity)) }
    if let field { p.fields = list(field).map { $0.lowercased() } }
    if let licensee {
      guard let l = LicenseeType(rawValue: licensee.lowercased()) else {
        throw ProfileError(
          "unknown licensee type '\(licensee)' for --as; valid types: \(LicenseeType.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      p.licensee = l
    }
    if let date { p.date = date }
    if let acceptedOn { p.acceptedOn = acceptedOn }
    for r in exchangeRate {
      guard let rate = ProfileFile.parseRate(r) else {
        throw ProfileError("--exchange-rate '\(r)' is not a rate like \"1 EUR = 1.08 USD\"")
      }
      p.exchangeRates.append(rate)
    }
    try p.validate()
    return p
  }

  func run() throws {
    let fail = try failVerdicts()
    var base = UsageProfile()
    if let path = profile {
      do {
        base = try ProfileFile.read(path: path)
      } catch {
        Output.error(error.message)
        throw ExitCode(2)
      }
    }
    let policyDocument: Document?
    if let policy {
      do {
        policyDocument = try DocumentReader.read(path: policy, options: reading.readOptions)
      } catch {
        Output.error("\(policy): \(error)")
        throw ExitCode(2)
      }
    } else {
      policyDocument = nil
    }
    var verdicts: [ProfileVerdict] = []
    var profiles: [UsageProfile] = []
    var failed = false
    let analyzer = reading.analyzer
    let expressions = ProfileExpressionChecker()
    for input in inputs {
      var isDir: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: input, isDirectory: &isDir)
      if exists && isDir.boolValue {
        // A folder's own profile file applies when none was given.
        var folderProfile = base
        let local = (input as NSString).appendingPathComponent(ProfileFile.fileName)
        if profile == nil, FileManager.default.fileExists(atPath: local) {
          do {
            folderProfile = try ProfileFile.read(path: local)
          } catch {
            Output.error(error.message)
            failed = true
            continue
          }
        }
        let p = try mergedOrExit(folderProfile)
        let report = LicenseScanner(analyzer: analyzer).scan([input])
        for issue in report.errors {
          Output.error("\(issue.path): \(issue.message)")
          failed = true
        }
        let found = report.folders.flatMap(\.licences).filter { $0.role == .licence }
        if found.isEmpty { Output.warn("\(input): no licence files found") }
        for licence in found {
          guard let doc = read(licence.path, analyzer) else {
            failed = true
            continue
          }
          let pol = licence.policy.flatMap { read($0, analyzer) } ?? policyDocument
          var v = analyzer.check(doc, policy: pol, profile: p).verdict
          v.licence = licence.path
          verdicts.append(v)
          profiles.append(p)
        }
        continue
      }
      let p = try mergedOrExit(base)
      let looksLikePath = exists || input.contains("/")
      if looksLikePath {
        guard let doc = read(input, analyzer) else {
          failed = true
          continue
        }
        for w in doc.warnings { Output.warn("\(input): \(w.message)") }
        var v = analyzer.check(doc, policy: policyDocument, profile: p).verdict
        v.licence = input
        verdicts.append(v)
        profiles.append(p)
        continue
      }
      // An id or an expression: every id must be known.
      do {
        let parsed = try LicenseExpression(parsing: input)
        let unknown = parsed.canonical.terms.map(\.id).filter { expressions.analysis(forID: $0) == nil }
        if !unknown.isEmpty {
          let near = unknown.flatMap { CompatibilityChecker().suggestions(for: $0) }
          let hint = near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"
          Output.error(
            "\(input): unknown licence id \(unknown.map { "'\($0)'" }.joined(separator: ", ")): not a catalogue or SPDX id with a clause model, nor a readable file\(hint)"
          )
          failed = true
          continue
        }
        var v = expressions.check(parsed.canonical, profile: p)
        v.licence = input
        verdicts.append(v)
        profiles.append(p)
      } catch {
        Output.error("\(input): not a readable file nor a licence expression (\(error))")
        failed = true
      }
    }
    if verdicts.isEmpty { throw ExitCode(failed ? 2 : 0) }
    let report = CheckReport(profile: profiles.first ?? base, verdicts: verdicts)
    switch format {
    case .text: Output.write(report.text(style: Output.humanStyle))
    case .markdown: Output.write(report.markdown())
    case .html: print(report.html(), terminator: "")
    case .csv: print(report.csv(), terminator: "")
    case .json: print(try Output.json(report))
    case .jsonl: for v in verdicts { print(try Output.jsonLine(v)) }
    }
    if failed { throw ExitCode(2) }
    if verdicts.contains(where: { fail.contains($0.verdict) }) { throw ExitCode(1) }
  }

  func mergedOrExit(_ base: UsageProfile) throws -> UsageProfile {
    do {
      return try merged(into: base)
    } catch {
      Output.error(error.message)
      throw ExitCode(2)
    }
  }

  func read(_ path: String, _ analyzer: Analyzer) -> Document? {
    do {
      return try DocumentReader.read(path: path, options: analyzer.readOptions)
    } catch {
      Output.error(error)
      return nil
    }
  }
}

/// The profile gate of `scan` and `table`: a profile file read once, and the verdicts of the licences found.
struct ProfileGate {
  let profile: UsageProfile
  let path: String

  /// Reads a profile file; a bad one is a usage error (exit 2).
  static func load(_ path: String) throws -> UsageProfile {
    do {
      return try ProfileFile.read(path: path)
    } catch {
      Output.error(error.message)
      throw ExitCode(2)
    }
  }

  /// The gate for `scan`: `--profile`, else a `.licensecheck.yml` at the first root; nil without either.
  static func forScan(profile: String?, roots: [String]) throws -> ProfileGate? {
    if let profile { return ProfileGate(profile: try load(profile), path: profile) }
    guard let root = roots.first else { return nil }
    let local = (root as NSString).appendingPathComponent(ProfileFile.fileName)
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: local, isDirectory: &isDir), !isDir.boolValue else { return nil }
    return ProfileGate(profile: try load(local), path: local)
  }

  /// Checks each licence found (with the policy paired with it); prints the verdicts in text mode.
  /// - Returns: whether some verdict is forbidden or needs a separate licence.
  func judge(_ licences: [FoundLicence], text: Bool, reading: ReadOptions) -> Bool {
    let analyzer = Analyzer(readOptions: reading)
    var verdicts: [ProfileVerdict] = []
    for licence in licences {
      guard let doc = try? DocumentReader.read(path: licence.path, options: reading) else { continue }
      let policy = licence.policy.flatMap { try? DocumentReader.read(path: $0, options: reading) }
      var v = analyzer.check(doc, policy: policy, profile: profile).verdict
      v.licence = licence.path
      verdicts.append(v)
    }
    if text, !verdicts.isEmpty {
      Output.write(
        "\nProfile verdicts (\(path)):\n"
          + CheckReport(profile: profile, verdicts: verdicts).text(style: Output.humanStyle))
    }
    return verdicts.contains { $0.verdict == .forbidden || $0.verdict == .needsSeparateLicence }
  }
}
