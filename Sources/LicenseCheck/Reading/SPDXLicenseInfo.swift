/// What an SPDX license-list XML file says about its licence or exception.
public struct SPDXLicenseInfo: Sendable, Codable, Equatable, Hashable {
  /// `licenseId` (or the exception's id).
  public let id: String
  /// The full name.
  public let name: String
  /// True for an `<exception>` rather than a `<license>`.
  public let isException: Bool
  /// `isOsiApproved`, when stated.
  public let isOsiApproved: Bool?
  /// `isDeprecated` or the presence of `deprecatedVersion`.
  public let isDeprecated: Bool
  /// `deprecatedVersion`, when stated.
  public let deprecatedVersion: String?
  /// `listVersionAdded`, when stated.
  public let listVersionAdded: String?
  /// The `<crossRef>` URLs.
  public let crossRefs: [String]
  /// The `<text>` element as a matching template.
  public let template: [TemplateNode]

  /// Creates the record.
  public init(
    id: String, name: String, isException: Bool, isOsiApproved: Bool?, isDeprecated: Bool,
    deprecatedVersion: String?, listVersionAdded: String?, crossRefs: [String],
    template: [TemplateNode]
  ) {
    self.id = id
    self.name = name
    self.isException = isException
    self.isOsiApproved = isOsiApproved
    self.isDeprecated = isDeprecated
    self.deprecatedVersion = deprecatedVersion
    self.listVersionAdded = listVersionAdded
    self.crossRefs = crossRefs
    self.template = template
  }
}

/// One node of an SPDX licence template, as the matching guidelines define it.
public indirect enum TemplateNode: Sendable, Codable, Equatable, Hashable {
  /// Literal text that must match (after normalisation).
  case text(String)
  /// `<optional>`: may be absent from a matching text.
  case optional([TemplateNode])
  /// `<alt name match>`: text matching the regular expression `match`; `original` is the template's own wording.
  case alt(name: String, match: String, original: String)
  /// `<titleText>`: may be absent from a matching text.
  case title([TemplateNode])
  /// `<copyrightText>`: may be absent or replaced by any copyright notice.
  case copyright([TemplateNode])
  /// `<bullet>`: list numbering, which matching ignores.
  case bullet(String)
  /// `<p>` boundary or `<br/>`: whitespace for matching.
  case paragraphBreak
  /// `<standardLicenseHeader>`: the recommended header, optional in a match.
  case standardHeader([TemplateNode])
}
