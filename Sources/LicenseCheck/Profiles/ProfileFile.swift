import Foundation

/// The profile file (`.licensecheck.yml` at a repository root): flat `key: value` lines read with the
/// bounded front-matter reader (no YAML library: no alias expansion, no recursion, linear time), so a hostile
/// file gives a ``ProfileError``, never a crash or runaway memory.
///
/// ```yaml
/// monthly-active-users: 800M
/// annual-revenue: USD 2B
/// licensee: company
/// territories: [DE, US]
/// activities: [fine-tune, hosted-service]
/// fields: [medical-advice]
/// date: 2026-12-01
/// ```
public enum ProfileFile {
  /// The file `scan` and `check DIR` look for at a folder's root.
  public static let fileName = ".licensecheck.yml"
  /// Largest profile file read, in bytes.
  public static let maxBytes = 64 * 1024

  /// The keys a profile file may hold.
  public static let keys: [String] = [
    "monthly-active-users", "daily-active-users", "users", "annual-revenue", "employees", "licensee",
    "territories", "offered-in", "activities", "fields", "date", "accepted-on", "exchange-rates",
    "allowed-licences", "denied-licences", "denied-clauses",
  ]

  /// Reads and validates a profile file.
  /// - Throws: ``ProfileError`` naming the file, the line's key and what to write instead.
  public static func read(path: String) throws(ProfileError) -> UsageProfile {
    let bytes: [UInt8]
    do {
      bytes = try DocumentReader.bytes(path: path, limit: maxBytes)
    } catch {
      if case .tooLarge(let size, _) = error.reason {
        throw ProfileError("\(path): a profile file is at most \(maxBytes) bytes, and this one has \(size)")
      }
      throw ProfileError("\(path): cannot read the profile: \(error)")
    }
    do {
      return try parse(bytes)
    } catch {
      throw ProfileError("\(path): \(error.message)")
    }
  }

  /// Parses and validates the bytes of a profile file.
  /// - Throws: ``ProfileError``.
  public static func parse(_ bytes: [UInt8]) throws(ProfileError) -> UsageProfile {
    guard bytes.count <= maxBytes else { throw ProfileError("the profile is over \(maxBytes) bytes") }
    var src = bytes[...]
    if src.starts(with: [0xEF, 0xBB, 0xBF]) { src = src.dropFirst(3) }
    let lines = FrontMatterReader.splitLines(src)
    var values: [String: MetadataValue] = [:]
    var i = 0
    while i < lines.count {
      let line = lines[i]
      i += 1
      let t = FrontMatterReader.trim(line)
      if t.isEmpty || t.first == UInt8(ascii: "#") || (t.elementsEqual("---".utf8)) || t.elementsEqual("...".utf8) {
        continue
      }
      guard let first = line.first, !FrontMatterReader.isSpace(first), let colon = FrontMatterReader.keyColon(line)
      else {
        throw ProfileError("line \(i): expected `key: value` at the start of the line")
      }
      let key = FrontMatterReader.unquote(FrontMatterReader.trim(line[line.startIndex..<colon]))
      guard keys.contains(key) else {
        throw ProfileError(
          "line \(i): unknown key '\(String(key.prefix(80)))'; valid keys: \(keys.joined(separator: ", "))")
      }
      if values[key] != nil { throw ProfileError("line \(i): '\(key)' is given twice") }
      var block: [ArraySlice<UInt8>] = []
      while i < lines.count {
        let next = lines[i]
        if let c = next.first, !FrontMatterReader.isSpace(c), c != UInt8(ascii: "-"), c != UInt8(ascii: "#") { break }
        block.append(next)
        i += 1
      }
      do {
        if let v = try FrontMatterReader.value(after: line[(colon + 1)...], block: block) { values[key] = v }
      } catch {
        throw ProfileError("'\(key)': \(error.message)")
      }
    }
    return try profile(values)
  }

  static func profile(_ values: [String: MetadataValue]) throws(ProfileError) -> UsageProfile {
    func scalar(_ key: String) throws(ProfileError) -> String? {
      guard let v = values[key] else { return nil }
      guard case .string(let s) = v else { throw ProfileError("'\(key)' takes one value, not a list") }
      return s
    }
    func list(_ key: String) throws(ProfileError) -> [String] {
      switch values[key] {
      case nil: return []
      case .string(let s)?:
        return s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      case .list(let items)?:
        var out: [String] = []
        for item in items {
          guard case .string(let s) = item else { throw ProfileError("'\(key)' is a list of plain values") }
          out.append(s)
        }
        return out
      case .map?: throw ProfileError("'\(key)' is a list, not a mapping")
      }
    }
    func count(_ key: String) throws(ProfileError) -> Double? {
      guard let s = try scalar(key) else { return nil }
      guard let v = parseCount(s) else { throw ProfileError("'\(key)': '\(s)' is not a number like 800M or 2.5B") }
      return v
    }
    var p = UsageProfile()
    p.organisation.monthlyActiveUsers = try count("monthly-active-users")
    p.organisation.dailyActiveUsers = try count("daily-active-users")
    p.organisation.users = try count("users")
    if let e = try count("employees") {
      guard e < 1e12 else { throw ProfileError("'employees': too large") }
      p.organisation.employees = Int(e)
    }
    if let s = try scalar("annual-revenue") {
      guard let m = parseMoney(s) else {
        throw ProfileError("'annual-revenue': '\(s)' is not an amount with a currency like USD 2B")
      }
      p.organisation.annualRevenue = m
    }
    if let s = try scalar("licensee") {
      guard let l = LicenseeType(rawValue: s.lowercased()) else {
        throw ProfileError(
          "'licensee': unknown type '\(s)'; valid types: \(LicenseeType.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      p.licensee = l
    }
    p.territories = try list("territories").map { $0.uppercased() }
    p.offeredIn = try list("offered-in").map { $0.uppercased() }
    p.activities = try parseActivities(try list("activities"))
    p.fields = try list("fields").map { $0.lowercased() }
    p.date = try scalar("date")
    p.acceptedOn = try scalar("accepted-on")
    for s in try list("exchange-rates") {
      guard let r = parseRate(s) else {
        throw ProfileError("'exchange-rates': '\(s)' is not a rate like \"1 EUR = 1.08 USD\"")
      }
      p.exchangeRates.append(r)
    }
    p.allowedLicences = try list("allowed-licences")
    p.deniedLicences = try list("denied-licences")
    for s in try list("denied-clauses") {
      guard let k = ClauseKind(rawValue: s) else {
        throw ProfileError("'denied-clauses': unknown clause kind '\(s)'; use the kind ids of `licensecheck analyze`")
      }
      p.deniedClauses.append(k)
    }
    try p.validate()
    return p
  }

  /// Activities by id (or alias); an unknown one is an error listing the valid ids.
  public static func parseActivities(_ ids: [String]) throws(ProfileError) -> [UsageActivity] {
    var out: [UsageActivity] = []
    for id in ids {
      guard let a = UsageActivity(id: id) else {
        throw ProfileError(
          "unknown activity '\(id)'; valid activities: \(UsageActivity.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      out.append(a)
    }
    return out
  }

  /// A count: `800M`, `800 million`, `2.5B`, `25k`, `700,000,000`, `1e9`.
  public static func parseCount(_ text: String) -> Double? {
    var s = text.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
      .replacingOccurrences(of: "_", with: "")
    var factor = 1.0
    let suffixes: [(String, Double)] = [
      ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9), ("t", 1e12),
      ("b", 1e9), ("m", 1e6), ("k", 1e3),
    ]
    for (suffix, f) in suffixes where s.hasSuffix(suffix) {
      s = String(s.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
      factor = f
      break
    }
    guard !s.isEmpty, s.count <= 32,
      s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "+") }),
      let v = Double(s), v.isFinite, v >= 0
    else { return nil }
    let r = v * factor
    return r.isFinite && r < 1e18 ? r : nil
  }

  /// An amount with a currency: `USD 2B`, `2B USD`, `$2B`, `€500M`, `EUR 1,000,000`.
  public static func parseMoney(_ text: String) -> Money? {
    var s = text.trimmingCharacters(in: .whitespaces)
    let symbols: [(String, String)] = [("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")]
    for (sym, code) in symbols where s.hasPrefix(sym) {
      s = String(s.dropFirst(sym.count))
      return parseCount(s).map { Money(amount: $0, currency: code) }
    }
    let parts = s.split(separator: " ", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return nil }
    func isCode(_ c: String) -> Bool { c.count == 3 && c.allSatisfy { $0.isASCII && $0.isLetter } }
    if isCode(parts[0]), let v = parseCount(parts[1]) { return Money(amount: v, currency: parts[0]) }
    let tail = parts[1].trimmingCharacters(in: .whitespaces)
    if isCode(tail), let v = parseCount(parts[0]) { return Money(amount: v, currency: tail) }
    // `2 B USD`: the number and its suffix were split.
    let words = s.split(separator: " ").map(String.init)
    if let last = words.last, isCode(last), let v = parseCount(words.dropLast().joined(separator: " ")) {
      return Money(amount: v, currency: last)
    }
    return nil
  }

  /// A rate: `1 EUR = 1.08 USD` (or `EUR/USD 1.08`).
  public static func parseRate(_ text: String) -> ExchangeRate? {
    let s = text.trimmingCharacters(in: .whitespaces)
    if let eq = s.firstIndex(of: "=") {
      let left = s[..<eq].split(separator: " ").map(String.init)
      let right = s[s.index(after: eq)...].split(separator: " ").map(String.init)
      guard left.count == 2, right.count == 2, let one = Double(left[0]), one > 0, let v = Double(right[0]), v > 0
      else { return nil }
      return ExchangeRate(from: left[1], to: right[1], rate: v / one)
    }
    let parts = s.split(separator: " ").map(String.init)
    guard parts.count == 2, let v = Double(parts[1]), v > 0 else { return nil }
    let pair = parts[0].split(separator: "/").map(String.init)
    guard pair.count == 2 else { return nil }
    return ExchangeRate(from: pair[0], to: pair[1], rate: v)
  }
}
