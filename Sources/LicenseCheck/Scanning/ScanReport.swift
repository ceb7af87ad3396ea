/// Options for a folder scan.
public struct ScanOptions: Sendable, Equatable {
  /// Licence-like files larger than this are skipped unread. Default 1 MiB: licence texts are far smaller.
  public var maxBytes: Int
  /// Folder names never entered.
  public var skipFolders: Set<String>
  /// Whether to follow symbolic links (each folder is still entered at most once).
  public var followSymlinks: Bool
  /// Whether to enter links to folders outside the roots (off: they are reported as skipped).
  /// Links to files are read wherever they point; /proc, /sys and /dev are never entered.
  public var followExternalLinks: Bool
  /// How many leading bytes of a source file are searched for `SPDX-License-Identifier:`.
  public var spdxHeadBytes: Int
  /// About how many licence-like files are read and analysed at a time (whole folders are kept
  /// together); nil for eight per core, at least 32. It bounds the memory a scan holds, never its
  /// result.
  public var batchSize: Int?
  /// Whether a source file without an SPDX tag has its header comment read for a licence notice
  /// ("Licensed under the Apache License, Version 2.0 …"); on by default.
  public var headerNotices: Bool

  /// Creates options.
  public init(
    maxBytes: Int = 1 << 20, skipFolders: Set<String> = [".git", "node_modules", ".build"],
    followSymlinks: Bool = true, spdxHeadBytes: Int = 4096, batchSize: Int? = nil,
    followExternalLinks: Bool = false, headerNotices: Bool = true
  ) {
    self.headerNotices = headerNotices
    self.maxBytes = maxBytes
    self.skipFolders = skipFolders
    self.followSymlinks = followSymlinks
    self.followExternalLinks = followExternalLinks
    self.spdxHeadBytes = spdxHeadBytes
    self.batchSize = batchSize
  }
}

/// How far a scan has got, for a progress bar.
public struct ScanProgress: Sendable, Equatable {
  /// `reading` (source files searched for SPDX tags) or `analysing` (licence-like files read and
  /// analysed).
  public let phase: String
  /// Files done in this phase.
  public let done: Int
  /// Files in this phase.
  public let total: Int
}

/// The result of scanning folders: one report per folder with anything licence-like, sorted by path.
public struct ScanReport: Sendable, Codable, Equatable {
  /// The JSON contract version.
  public let schemaVersion: Int
  /// The folders or files scanned, as given.
  public let roots: [String]
  /// One entry per folder that holds licence-like files, sorted by path.
  public let folders: [FolderReport]
  /// Files passed over: binary, too large, unreadable.
  public let skipped: [SkippedFile]
  /// Roots or folders that could not be scanned.
  public let errors: [ScanIssue]

  /// Creates a report.
  public init(
    roots: [String], folders: [FolderReport], skipped: [SkippedFile] = [], errors: [ScanIssue] = []
  ) {
    self.schemaVersion = licenseCheckSchemaVersion
    self.roots = roots
    self.folders = folders
    self.skipped = skipped
    self.errors = errors
  }

  /// Every finding of every folder.
  public var findings: [ScanFinding] { folders.flatMap(\.findings) }
}

/// What a scan found in one folder.
public struct FolderReport: Sendable, Codable, Equatable {
  /// The folder path.
  public let path: String
  /// Licence, notice and policy files analysed, sorted by path.
  public let licences: [FoundLicence]
  /// The model card's licence declaration, when the folder has a `README.md` with one.
  public let declared: DeclaredLicense?
  /// Whether the declaration agrees with the licence texts (nil without a declaration).
  public let declaration: DeclarationCheck?
  /// SPDX identifiers in source files directly in this folder, with how many files carry each.
  public let spdxIdentifiers: [SPDXTagCount]
  /// Problems worth a reviewer's attention (`declaredLicenseMismatch`).
  public let findings: [ScanFinding]
  /// Licences named by notices in the header comments of source files directly in this folder
  /// that carry no SPDX tag, with how many files carry each.
  public var headerNotices: [SPDXTagCount] = []

  /// Creates a folder report.
  public init(
    path: String, licences: [FoundLicence], declared: DeclaredLicense?, declaration: DeclarationCheck?,
    spdxIdentifiers: [SPDXTagCount], findings: [ScanFinding], headerNotices: [SPDXTagCount] = []
  ) {
    self.headerNotices = headerNotices
    self.path = path
    self.licences = licences
    self.declared = declared
    self.declaration = declaration
    self.spdxIdentifiers = spdxIdentifiers
    self.findings = findings
  }
}

/// One clause kind and its key parameter, for a summary line.
public struct KeyClause: Sendable, Codable, Equatable, Hashable {
  /// The kind.
  public let kind: ClauseKind
  /// Its key parameter (`700M MAU`) or `✓`.
  public let value: String

  /// Creates a key clause.
  public init(kind: ClauseKind, value: String) {
    self.kind = kind
    self.value = value
  }
}

/// A licence-like file and the summary of its analysis.
public struct FoundLicence: Sendable, Codable, Equatable {
  /// The file path.
  public let path: String
  /// What the file is.
  public let role: FileRole
  /// The policy analysed with it, when one was paired.
  public let policy: String?
  /// Which known licence it is, or nil.
  public let identification: Identification?
  /// Whether the file is OSD conformant on positive evidence (see ``OSDConformance``).
  public let osdConformant: Bool
  /// `conformant`, `not-conformant`, `undetermined` or `not-judged`, when the analysis decided it.
  public var conformance: OSDConformance.Status? = nil
  /// What kind of document the file is (licence, use policy, notice, terms of service).
  public var documentClass: DocumentClass? = nil
  /// The criteria that fail (`osd-5`, …).
  public let failing: [String]
  /// The clauses a reviewer looks at first: restrictions, licensor rights, notable obligations, law.
  public let keyClauses: [KeyClause]
  /// Warning kinds (`unilateral-change`, …).
  public let warnings: [String]

  /// Summarises an analysis.
  /// - Parameters:
  ///   - analysis: the analysis of the file (with its policy, if any).
  ///   - role: the file's role.
  ///   - policy: the policy's path, if one was paired.
  public init(_ analysis: LicenseAnalysis, role: FileRole, policy: String?) {
    path = analysis.source.path
    self.role = role
    self.policy = policy
    identification = analysis.identification
    osdConformant = analysis.osdConformant
    conformance = analysis.conformance?.status
    documentClass = analysis.documentClass?.class
    failing = analysis.osd.filter { $0.verdict == .fail }.map(\.criterion)
    let grouped = Dictionary(grouping: analysis.clauses, by: \.kind)
    keyClauses = ClauseKind.allCases.filter(FoundLicence.keyKinds.contains).compactMap { kind in
      grouped[kind].flatMap { ClauseSummary.keyParameter(of: $0) }.map { KeyClause(kind: kind, value: $0) }
    }
    warnings = analysis.warnings.map(\.kind)
  }

  /// The kinds worth a line in a scan summary.
  static let keyKinds: Set<ClauseKind> = Set(
    ClauseKind.allCases.filter { $0.effect == .restriction || $0.effect == .licensorRight }
  ).union([.attributionDisplay, .naming, .shareAlike, .networkUseDisclose, .flowDown, .acceptance, .governingLaw])
    .subtracting([.trademark])
}

/// The licence a model card declares in its front matter.
public struct DeclaredLicense: Sendable, Codable, Equatable, Hashable {
  /// The card's path.
  public let card: String
  /// `license` (a model-hub id such as `apache-2.0`, `llama3.1`, `other`).
  public let license: String?
  /// `license_name`, used with `license: other`.
  public let licenseName: String?
  /// `license_link`.
  public let licenseLink: String?

  /// Creates a declaration.
  public init(card: String, license: String?, licenseName: String?, licenseLink: String?) {
    self.card = card
    self.license = license
    self.licenseName = licenseName
    self.licenseLink = licenseLink
  }

  /// The declaration from a model card's front matter, or nil when it declares nothing.
  /// - Parameter document: a Markdown document read with its front matter.
  public init?(card document: Document) {
    let license = document.metadataString("license")
    let name = document.metadataString("license_name")
    let link = document.metadataString("license_link")
    if license == nil, name == nil, link == nil { return nil }
    self.init(card: document.path, license: license, licenseName: name, licenseLink: link)
  }
}

/// How many source files in a folder carry one SPDX expression.
public struct SPDXTagCount: Sendable, Codable, Equatable, Hashable {
  /// The expression as written (`MIT`, `Apache-2.0 OR MIT`).
  public let identifier: String
  /// Files carrying it.
  public let files: Int

  /// Creates a count.
  public init(identifier: String, files: Int) {
    self.identifier = identifier
    self.files = files
  }
}

/// A finding for a reviewer.
public struct ScanFinding: Sendable, Codable, Equatable, Hashable {
  /// Stable codes.
  public enum Code: String, Sendable, Codable, Equatable, Hashable {
    /// The model card declares a licence the licence text contradicts.
    case declaredLicenseMismatch
    /// A Debian copyright file declares a licence name (`License: GPL-2+`) whose text is another licence.
    case debianLicenseMismatch = "debian-license-mismatch"
    /// An `SPDX-License-Identifier:` tag names an id the SPDX list does not have.
    case unknownSPDXID = "unknown-spdx-id"
    /// An `SPDX-License-Identifier:` tag's value is not an SPDX license expression.
    case invalidSPDXExpression = "invalid-spdx-expression"
  }
  /// What kind of finding.
  public let code: Code
  /// The folder.
  public let folder: String
  /// One sentence saying what is wrong.
  public let message: String

  /// Creates a finding.
  public init(code: Code, folder: String, message: String) {
    self.code = code
    self.folder = folder
    self.message = message
  }
}

/// A file a scan passed over, and why.
public struct SkippedFile: Sendable, Codable, Equatable, Hashable {
  /// The path.
  public let path: String
  /// `binary`, `too-large`, `unreadable`, `empty` or a reader's message.
  public let reason: String

  /// Creates an entry.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}

/// A root or folder that could not be scanned.
public struct ScanIssue: Sendable, Codable, Equatable, Hashable {
  /// The path.
  public let path: String
  /// What went wrong.
  public let message: String

  /// Creates an issue.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }
}
