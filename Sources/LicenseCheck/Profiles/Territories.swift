/// Territories as facts: ISO 3166-1 alpha-2 codes, the groups licences name (EU, EEA, UK), and the
/// names that `territory` clauses carry (`European Union`, `South Korea`), each resolved to a set of codes.
public enum Territories {
  /// Every ISO 3166-1 alpha-2 code (and `XK`, Kosovo's code in common use).
  public static let isoCodes: Set<String> = Set(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY
    BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
    FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR
    IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
    ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

  /// The 27 member states of the European Union.
  public static let eu: Set<String> = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
    "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  ]

  /// The European Economic Area: the EU with Iceland, Liechtenstein and Norway.
  public static let eea: Set<String> = eu.union(["IS", "LI", "NO"])

  /// Groups by name, upper case.
  static let groups: [String: Set<String>] = ["EU": eu, "EEA": eea, "UK": ["GB"]]

  /// Names a licence may write, lower case, mapped to codes or groups.
  static let names: [String: String] = [
    "european union": "EU", "the european union": "EU", "eu": "EU", "european economic area": "EEA", "eea": "EEA",
    "uk": "UK", "united kingdom": "UK", "great britain": "UK", "britain": "UK", "england": "UK",
    "united states": "US", "united states of america": "US", "usa": "US", "us": "US", "u.s.": "US",
    "china": "CN", "people's republic of china": "CN", "prc": "CN", "mainland china": "CN", "hong kong": "HK",
    "taiwan": "TW", "macau": "MO", "macao": "MO", "south korea": "KR", "korea": "KR", "republic of korea": "KR",
    "north korea": "KP", "japan": "JP", "india": "IN", "russia": "RU", "russian federation": "RU",
    "belarus": "BY", "iran": "IR", "syria": "SY", "cuba": "CU", "venezuela": "VE", "myanmar": "MM",
    "canada": "CA", "mexico": "MX", "brazil": "BR", "australia": "AU", "new zealand": "NZ", "singapore": "SG",
    "switzerland": "CH", "norway": "NO", "iceland": "IS", "liechtenstein": "LI", "israel": "IL", "turkey": "TR",
    "ukraine": "UA", "south africa": "ZA", "saudi arabia": "SA", "united arab emirates": "AE", "uae": "AE",
    "germany": "DE", "france": "FR", "italy": "IT", "spain": "ES", "netherlands": "NL", "belgium": "BE",
    "austria": "AT", "ireland": "IE", "sweden": "SE", "finland": "FI", "denmark": "DK", "poland": "PL",
    "portugal": "PT", "greece": "GR", "czechia": "CZ", "czech republic": "CZ", "hungary": "HU", "romania": "RO",
    "bulgaria": "BG", "croatia": "HR", "slovakia": "SK", "slovenia": "SI", "estonia": "EE", "latvia": "LV",
    "lithuania": "LT", "luxembourg": "LU", "malta": "MT", "cyprus": "CY", "iraq": "IQ", "sudan": "SD",
    "libya": "LY", "afghanistan": "AF", "burma": "MM",
  ]

  /// The countries under comprehensive U.S. embargo, which export clauses describe rather than name
  /// ("embargoed countries", "a comprehensively sanctioned jurisdiction", "Country Group E:1"). Regions
  /// under embargo inside another country (Crimea) have no code of their own and stay unknown.
  static let embargoed: Set<String> = ["CU", "IR", "KP", "SY"]

  /// Whether a place as a licence writes it describes the embargoed countries.
  static func describesEmbargoed(_ place: String) -> Bool {
    let lower = place.lowercased()
    return lower.contains("embargo") || lower.contains("sanction") || lower.contains("country group e")
  }

  /// The codes a profile territory stands for: a code (`DE`), a group (`EU`) or a known name; nil when unknown.
  public static func codes(for territory: String) -> Set<String>? {
    let upper = territory.uppercased()
    if let g = groups[upper] { return g }
    if isoCodes.contains(upper) { return [upper] }
    if let n = names[territory.lowercased()] { return groups[n] ?? [n] }
    return nil
  }

  /// The codes a place written in a `territory` clause stands for: a name or code as above, or a
  /// description of the embargoed countries; nil when unknown. Profiles name places, never descriptions,
  /// so only clauses are read this way.
  static func codes(forLicencePlace place: String) -> Set<String>? {
    codes(for: place) ?? (describesEmbargoed(place) ? embargoed : nil)
  }

  /// All codes of a list of places a `territory` clause names (unknown ones are left out).
  static func expandLicencePlaces(_ places: [String]) -> Set<String> {
    places.reduce(into: Set<String>()) { $0.formUnion(codes(forLicencePlace: $1) ?? []) }
  }

  /// All codes of a list of territories (unknown ones are left out).
  static func expand(_ territories: [String]) -> Set<String> {
    territories.reduce(into: Set<String>()) { $0.formUnion(codes(for: $1) ?? []) }
  }
}
