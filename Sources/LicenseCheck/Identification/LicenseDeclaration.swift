/// The licence a document's front matter declares (a Hugging Face model card's `license`,
/// `license_name`, `license_link`), resolved to a known licence where possible.
///
/// Independent of ``Identification``: a card may declare one licence and ship the text of another.
public struct LicenseDeclaration: Sendable, Codable, Equatable, Hashable {
  /// `license` as written (`apache-2.0`, `llama3.1`, `other`).
  public let license: String?
  /// `license_name` as written, used with `license: other`.
  public let licenseName: String?
  /// `license_link` as written.
  public let licenseLink: String?
  /// The known licence the declaration resolves to, when it does.
  public let id: String?
  /// Its full name.
  public let name: String?
  /// Which field resolved it: `license`, `license_name` or `license_link`.
  public let resolvedBy: String?

  /// Creates a declaration.
  public init(
    license: String?, licenseName: String?, licenseLink: String?, id: String?, name: String?, resolvedBy: String?
  ) {
    self.license = license
    self.licenseName = licenseName
    self.licenseLink = licenseLink
    self.id = id
    self.name = name
    self.resolvedBy = resolvedBy
  }

  /// The declaration of a document's front matter, or nil when it declares nothing.
  ///
  /// - Parameter catalogue: resolves the names.
  public init?(_ document: Document, catalogue: Catalogue = .standard) {
    let license = document.metadataString("license")
    let name = document.metadataString("license_name")
    let link = document.metadataString("license_link")
    if license == nil, name == nil, link == nil { return nil }
    self = catalogue.resolve(license: license, licenseName: name, licenseLink: link)
  }
}

extension Catalogue {
  /// Values of `license:` that name no licence by themselves.
  static let genericLicenseValues: Set<String> = ["other", "unknown", "unlicensed", "proprietary", "custom"]

  /// Resolves model-card fields to a known licence: `license` unless it is generic (`other`),
  /// then `license_name`, then `license_link` against the catalogue's URLs.
  ///
  /// - Complexity: O(1) for names; O(entries × URLs) for a link.
  public func resolve(license: String?, licenseName: String?, licenseLink: String?) -> LicenseDeclaration {
    func make(_ ref: Reference?, _ by: String) -> LicenseDeclaration {
      LicenseDeclaration(
        license: license, licenseName: licenseName, licenseLink: licenseLink, id: ref?.id, name: ref?.name,
        resolvedBy: ref == nil ? nil : by)
    }
    if let l = license, !Self.genericLicenseValues.contains(Self.aliasKey(l)), let ref = lookup(alias: l) {
      return make(ref, "license")
    }
    if let n = licenseName, let ref = lookup(alias: n) { return make(ref, "license_name") }
    if let link = licenseLink, let ref = lookup(url: link) { return make(ref, "license_link") }
    return make(nil, "")
  }

  /// The catalogue entry publishing a licence at this URL (scheme, `www.` and trailing `/` ignored).
  ///
  /// - Complexity: O(entries × URLs).
  public func lookup(url: String) -> Reference? {
    let key = Self.urlKey(url)
    guard !key.isEmpty else { return nil }
    for e in entries where e.urls.contains(where: { Self.urlKey($0) == key }) {
      return Reference(id: e.id, name: e.name, entry: e)
    }
    return nil
  }

  static func urlKey(_ url: String) -> String {
    var s = Substring(aliasKey(url))
    for p in ["https://", "http://"] where s.hasPrefix(p) { s = s.dropFirst(p.count) }
    if s.hasPrefix("www.") { s = s.dropFirst(4) }
    while s.hasSuffix("/") { s = s.dropLast() }
    return String(s)
  }
}
