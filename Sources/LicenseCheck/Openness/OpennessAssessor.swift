import Foundation

/// Why a release folder could not be assessed.
public struct OpennessError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path given.
  public let path: String
  /// What went wrong and what to do.
  public let message: String

  /// `path: message`.
  public var description: String { "\(path): \(message)" }
}

/// Says how open a model release is: finds its components (weights, code, data, documentation) in a folder
/// and its model card, finds the licence that covers each with the scanner's licence analysis, and decides
/// the OSAID 1.0 answer and the MOF class (``MOFTable``, ``OSAIDElement``).
///
/// ```swift
/// let report = try OpennessAssessor().assess("models/my-model")
/// print(report.answer)              // open weights, not open source: no training code; …
/// print(report.osaid.status, report.mof.title)
/// ```
///
/// The folder is walked once with the scanner's walker (links out of the folder and into /proc, /sys and
/// /dev are refused); weights are never read, except a safetensors header. Verdicts never claim more than
/// the evidence: a component named only by a URL or front-matter key is `referenced`, and a licence that is
/// not identified or understood makes the answer `insufficient-information`, never `conformant`.
public struct OpennessAssessor: Sendable {
  /// The scanner that finds and analyses licence files (its options bound the walk and the files read).
  public var scanner: LicenseScanner
  /// Evidence entries kept per component in a report.
  public var maxEvidence: Int

  /// Creates an assessor.
  public init(scanner: LicenseScanner = LicenseScanner(), maxEvidence: Int = 8) {
    self.scanner = scanner
    self.maxEvidence = maxEvidence
  }

  /// Assesses one release folder.
  /// - Parameter root: the folder (a model repository as downloaded from a hub, or a source checkout).
  /// - Returns: the report.
  /// - Throws: ``OpennessError`` when the path is not a folder that can be read.
  /// - Complexity: O(files) for the walk, plus the scanner's analysis of the licence files.
  public func assess(_ given: String) throws(OpennessError) -> OpennessReport {
    var root = given
    while root.count > 1, root.hasSuffix("/") { root.removeLast() }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
      throw OpennessError(path: root, message: "no such folder; give the folder of a model release")
    }
    guard isFolder.boolValue else {
      throw OpennessError(
        path: root, message: "not a folder; openness is judged for a whole release (use `analyze` for one licence)")
    }
    let walker = DirectoryWalker(options: scanner.options, everyFile: true)
    let (files, issues, skipped) = walker.walk([root])
    if let issue = issues.first(where: { $0.path == root }) {
      throw OpennessError(path: root, message: issue.message)
    }
    // Licence files, cards and tagged sources go to the scanner, as `scan` would see them.
    let plan = ScanPlan(
      roots: [root], errors: issues, files: files.filter { $0.role != nil || FileRole.isSource($0.name) },
      skippedLinks: skipped)
    var folders: [FolderReport] = []
    _ = scanner.scan(plan, render: { _ in () }, emit: { folder, _ in folders.append(folder) })

    let prefix = root.hasSuffix("/") ? root : root + "/"
    func relative(_ path: String) -> String { path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path }
    let rootFolder = root

    // Components from file names.
    var sightings: [ComponentFinder.Sighting] = []
    for file in files {
      sightings += ComponentFinder.classify(relative: relative(file.path), absolute: file.path)
    }
    // The model card.
    let cardFile = files.first { $0.folder == rootFolder && $0.role == .modelCard }
    var card: Document?
    if let cardFile, cardFile.size <= scanner.options.maxBytes {
      card = try? DocumentReader.read(path: cardFile.path, options: ReadOptions(maxBytes: scanner.options.maxBytes))
    }
    if let cardFile {
      sightings.append(
        ComponentFinder.Sighting(kind: .modelCard, evidence: ComponentEvidence(kind: .file, path: cardFile.name)))
    }
    if let card, let cardFile { sightings += ComponentFinder.card(card, path: cardFile.name) }

    var byKind: [ReleaseComponentKind: [ComponentEvidence]] = [:]
    for sighting in sightings { byKind[sighting.kind, default: []].append(sighting.evidence) }

    // Licences, folder by folder.
    let resolver = LicenceResolver(root: rootFolder, folders: folders, relative: relative)
    var components: [ReleaseComponent] = []
    for kind in ReleaseComponentKind.allCases {
      // In order, without repeats (a set, since a data folder may hold thousands of files).
      var seenBefore = Set<ComponentEvidence>()
      let unique = (byKind[kind] ?? []).filter { seenBefore.insert($0).inserted }
      let inFolder = unique.filter(\.inFolder)
      let status: ComponentStatus = !inFolder.isEmpty ? .present : unique.isEmpty ? .absent : .referenced
      var licence: ComponentLicence?
      if status == .present {
        licence = inFolder.map { resolver.licence(for: $0, code: MOFTable.requirement(kind)?.contentType == .code) }
          .reduce(nil) { acc, l in acc.map { ComponentLicence.stricter($0, l) } ?? l }
      } else if status == .referenced {
        licence = ComponentLicence(
          openness: .unknown, licence: nil, source: "referenced by URL or front matter",
          reason: "only referenced; neither the component nor its licence was verified")
      }
      components.append(
        ReleaseComponent(
          kind: kind, status: status, evidence: Array(unique.prefix(maxEvidence)),
          more: max(0, unique.count - maxEvidence), licence: licence))
    }

    let rootReport = folders.first { $0.path == rootFolder }
    var notes: [String] = []
    if let base = card?.metadataString("base_model") {
      notes.append(
        "the card names base_model \(base): this release derives from it, and the base model's licence may also apply (not checked)"
      )
    }
    if components.first(where: { $0.kind == .dataPreprocessingCode })?.status == .absent,
      components.first(where: { $0.kind == .trainingCode })?.status == .present
    {
      notes.append("no data-processing code found; the OSAID counts it as part of the complete training code")
    }
    let licences = folders.flatMap(\.licences)
    // `scan` checks a card against the SPDX tags of the code below it when there is no licence text; in a
    // release, code often has its own licence (MIT code beside Apache-2.0 weights), which the components
    // below show. Only a licence text beside the card can contradict the card here.
    var declaration = rootReport?.declaration
    var findings = folders.flatMap(\.findings)
    if let check = declaration, check.verdict == .mismatch,
      rootReport?.licences.contains(where: { $0.role == .licence || $0.role == .notice }) == false
    {
      declaration = DeclarationCheck(
        verdict: .unverifiable,
        reason: "no licence text beside the card to check it against; tagged code is judged by its tags")
      findings.removeAll { $0.code == .declaredLicenseMismatch && $0.folder == rootFolder }
    }
    let osaid = OpennessVerdicts.osaid(components)
    let mof = OpennessVerdicts.mof(components)
    return OpennessReport(
      root: given, components: components, licences: licences, declared: rootReport?.declared,
      declaration: declaration, findings: findings, osaid: osaid, mof: mof,
      notes: notes,
      answer: OpennessVerdicts.answer(
        components, osaid: osaid, mof: mof,
        contradicted: declaration?.verdict == .mismatch ? rootReport?.declared?.license : nil))
  }
}

/// Finds the licence that covers a piece of evidence: a licence file in its folder, the SPDX tags of
/// that folder (for code), else the nearest folder above with a licence file or a card declaration; at
/// the release folder the licence file and the card's declaration both count, and the stricter wins.
struct LicenceResolver {
  let root: String
  let byFolder: [String: FolderReport]
  let relative: (String) -> String

  init(root: String, folders: [FolderReport], relative: @escaping (String) -> String) {
    self.root = root
    self.relative = relative
    var byFolder: [String: FolderReport] = [:]
    for f in folders { byFolder[f.path] = f }
    self.byFolder = byFolder
  }

  func licence(for evidence: ComponentEvidence, code: Bool) -> ComponentLicence {
    // Card sections are covered like the card itself.
    var folder = root
    if evidence.kind == .file, let slash = evidence.path.lastIndex(of: "/") {
      folder = root + "/" + evidence.path[..<slash]
    }
    var first = true
    while true {
      if let report = byFolder[folder] {
        if let l = fromTexts(report) {
          if let d = fromDeclaration(report) { return ComponentLicence.stricter(l, d) }
          return l
        }
        if first, code, let l = fromTags(report) { return l }
        if let d = fromDeclaration(report) { return d }
      }
      first = false
      guard folder != root, folder.hasPrefix(root), let slash = folder.lastIndex(of: "/") else { break }
      folder = String(folder[..<slash])
    }
    return ComponentLicence(
      openness: .none, licence: nil, source: "no licence file, declaration or SPDX tag",
      reason: "no licence covers it: without one, nobody is granted any right")
  }

  /// The licence texts of a folder (licence files; notices only when there is none), the stricter wins.
  func fromTexts(_ report: FolderReport) -> ComponentLicence? {
    let texts = report.licences.filter { $0.role == .licence }
    let used = texts.isEmpty ? report.licences.filter { $0.role == .notice } : texts
    return used.map {
      LicenceJudge.judge($0, source: relative($0.path) + ($0.policy.map { " + " + relative($0) } ?? ""))
    }
    .reduce(nil) { acc, l in acc.map { ComponentLicence.stricter($0, l) } ?? l }
  }

  func fromDeclaration(_ report: FolderReport) -> ComponentLicence? {
    report.declared.map { LicenceJudge.judge(declared: $0, card: relative($0.card)) }
  }

  func fromTags(_ report: FolderReport) -> ComponentLicence? {
    guard !report.spdxIdentifiers.isEmpty else { return nil }
    let files = report.spdxIdentifiers.reduce(0) { $0 + $1.files }
    let source =
      "SPDX tags in \(relative(report.path) == report.path ? "." : relative(report.path)) (\(Plural.count(files, "file")))"
    let judged = report.spdxIdentifiers.map { LicenceJudge.judge(expression: $0.identifier, source: source) }
    return judged.dropFirst().reduce(judged[0]) { ComponentLicence.stricter($0, $1) }
  }
}

/// Turns what is known of a licence (an analysed text, a declared id, an SPDX expression) into its openness.
enum LicenceJudge {
  /// A licence file's analysis.
  static func judge(_ found: FoundLicence, source: String) -> ComponentLicence {
    // An unidentified text is named by its file: `LICENSE`.
    let file = found.path.split(separator: "/").last.map(String.init) ?? found.path
    let label = found.identification.map { "\($0.id)" } ?? file
    let failing = found.failing
    if !failing.isEmpty || found.conformance == .notConformant {
      let clauses = found.keyClauses.filter {
        $0.kind.effect == .restriction || $0.kind == .acceptableUsePolicy || $0.kind == .usageCap
      }
      let l = ComponentLicence(
        openness: .restricted, licence: label, source: source, failing: failing, clauses: clauses, reason: "")
      return ComponentLicence(
        openness: .restricted, licence: label, source: source, failing: failing, clauses: clauses,
        reason: "\(label) \(l.failureSummary)")
    }
    if found.conformance == .conformant || (found.conformance == nil && found.osdConformant) {
      let openData = found.identification.map { OpenDataLicences.contains($0.id) } ?? false
      return ComponentLicence(
        openness: openData ? .openData : .openSource, licence: label, source: source,
        reason: openData ? "\(label) is an open-data licence" : "\(label) is OSD conformant")
    }
    let why =
      found.identification == nil
      ? "the text is not identified and not understood well enough to judge"
      : "\(label) could not be shown OSD conformant from the text"
    return ComponentLicence(openness: .unknown, licence: label, source: source, reason: why)
  }

  /// A model card's (or data card's) declaration, resolved through the catalogue.
  static func judge(declared: DeclaredLicense, card: String) -> ComponentLicence {
    var keys: [String] = []
    if let l = declared.license { keys.append("license: \(l)") }
    if let n = declared.licenseName, declared.license == nil || declared.license == "other" {
      keys.append("license_name: \(n)")
    }
    if keys.isEmpty, let link = declared.licenseLink { keys.append("license_link: \(link)") }
    let written = keys.joined(separator: ", ")
    let source = "\(card) front matter \(written)"
    let resolved = Catalogue.standard.resolve(
      license: declared.license, licenseName: declared.licenseName, licenseLink: declared.licenseLink)
    guard let id = resolved.id else {
      return ComponentLicence(
        openness: .unknown, licence: declared.licenseName ?? declared.license, source: source,
        reason: "the declared licence is not one licensecheck knows; a LICENSE file with its text would be analysed")
    }
    return judge(id: id, source: source)
  }

  /// An SPDX expression (from a tag): each id judged, the strictest wins.
  static func judge(expression: String, source: String) -> ComponentLicence {
    guard let parsed = try? LicenseExpression(parsing: expression), !parsed.terms.isEmpty else {
      return ComponentLicence(
        openness: .unknown, licence: expression, source: source, reason: "'\(expression)' is not an SPDX expression")
    }
    let judged = parsed.terms.map { judge(id: $0.id, source: source) }
    let strictest = judged.dropFirst().reduce(judged[0]) { ComponentLicence.stricter($0, $1) }
    return ComponentLicence(
      openness: strictest.openness, licence: expression, source: source, failing: strictest.failing,
      clauses: strictest.clauses, reason: strictest.reason)
  }

  /// A known id: a catalogue entry's reviewed clause summary, or the SPDX list's OSI flag and the open-data list.
  static func judge(id: String, source: String) -> ComponentLicence {
    if let entry = Catalogue.standard.entry(id: id) {
      let analysis = LicenseAnalysis(catalogueEntry: entry)
      return judge(FoundLicence(analysis, role: .licence, policy: nil), source: source)
    }
    let key = LicenseIDs.foldKey(id)
    if OpenDataLicences.contains(id) {
      return ComponentLicence(openness: .openData, licence: id, source: source, reason: "\(id) is an open-data licence")
    }
    if OSDConformance.osiApprovedIDs.contains(where: { LicenseIDs.foldKey($0) == key }) {
      return ComponentLicence(
        openness: .openSource, licence: id, source: source, reason: "\(id) is an OSI-approved licence")
    }
    // Creative Commons NonCommercial and NoDerivatives variants restrict use or changes.
    if key.hasPrefix("cc-by") && (key.contains("-nc") || key.contains("-nd")) {
      let nc = key.contains("-nc")
      let clause = KeyClause(kind: nc ? .nonCommercial : .fieldOfUse, value: "✓")
      let failing = nc ? ["osd-6"] : ["osd-3"]
      let l = ComponentLicence(
        openness: .restricted, licence: id, source: source, failing: failing, clauses: nc ? [clause] : [], reason: "")
      return ComponentLicence(
        openness: .restricted, licence: id, source: source, failing: failing, clauses: l.clauses,
        reason: "\(id) " + (nc ? l.failureSummary : "fails osd-3: no derivative works"))
    }
    return ComponentLicence(
      openness: .unknown, licence: id, source: source,
      reason: "\(id) is neither OSI-approved nor a known open-data licence; analyse its text to judge it")
  }
}
