/// Decides the OSAID 1.0 answer, the MOF class and the plain answer from a release's components.
enum OpennessVerdicts {
  // MARK: OSAID

  /// The OSAID 1.0 answer: `not-conformant` when an element is missing or under terms that fail the OSD,
  /// else `insufficient-information` when any licence or component is not established, else `conformant`.
  static func osaid(_ components: [ReleaseComponent]) -> OSAIDVerdict {
    func c(_ kind: ReleaseComponentKind) -> ReleaseComponent {
      components.first { $0.kind == kind } ?? ReleaseComponent(kind: kind, status: .absent, evidence: [], licence: nil)
    }
    var reasons: [OpennessReason] = []

    // Parameters.
    let weights = c(.parameters)
    reasons += element(
      .parameters, [weights], missing: "no model parameters (weights) in the folder", codeOnly: false,
      what: "parameters")

    // Code: to train and to run.
    let training = c(.trainingCode)
    reasons += element(.code, [training], missing: "no training code", codeOnly: true, what: "training code")
    let run = [c(.inferenceCode), c(.modelArchitecture)].filter { $0.status != .absent }
    if run.isEmpty {
      reasons.append(
        OpennessReason(
          weight: .fails, element: .code, components: [.inferenceCode, .modelArchitecture],
          message: "no code to run the model (inference or model-architecture code)"))
    } else {
      // Either suffices: the most open of the two decides.
      let best = run.map { element(.code, [$0], missing: "", codeOnly: true, what: $0.kind.title) }
        .min { rank($0) < rank($1) }!
      reasons += best
    }

    // Data information: a card section on the training data, or a data card.
    let info = [c(.trainingDataInformation), c(.dataCard)].filter { $0.status == .present }
    if info.isEmpty {
      let named = c(.datasets).status != .absent ? " (datasets are only named)" : ""
      reasons.append(
        OpennessReason(
          weight: .fails, element: .dataInformation, components: [.trainingDataInformation, .dataCard],
          message: "training data information absent\(named)"))
    } else {
      let best = info.map {
        element(.dataInformation, [$0], missing: "", codeOnly: false, what: $0.kind.title)
      }.min { rank($0) < rank($1) }!
      reasons += best
    }
    let status: OSAIDVerdict.Status =
      reasons.contains { $0.weight == .fails }
      ? .notConformant : reasons.contains { $0.weight == .unknown } ? .insufficientInformation : .conformant
    let order: [OpennessReason.Weight] = [.fails, .unknown, .holds, .note]
    let sorted = order.flatMap { w in reasons.filter { $0.weight == w } }
    return OSAIDVerdict(status: status, reasons: sorted)
  }

  /// A reason list's worst weight, for choosing between alternatives (lower is better).
  private static func rank(_ reasons: [OpennessReason]) -> Int {
    reasons.map { r in r.weight == .fails ? 2 : r.weight == .unknown ? 1 : 0 }.max() ?? 0
  }

  /// The reasons for one element from its components: missing, only referenced, or by its licence.
  private static func element(
    _ element: OSAIDElement, _ parts: [ReleaseComponent], missing: String, codeOnly: Bool, what: String
  ) -> [OpennessReason] {
    var out: [OpennessReason] = []
    for part in parts {
      let kinds = [part.kind]
      switch part.status {
      case .absent:
        out.append(OpennessReason(weight: .fails, element: element, components: kinds, message: missing))
      case .referenced:
        let first = part.evidence.first.map { " (\($0.summary))" } ?? ""
        out.append(
          OpennessReason(
            weight: .unknown, element: element, components: kinds,
            message: "\(what) only referenced\(first), not verified"))
      case .present:
        let licence =
          part.licence
          ?? ComponentLicence(openness: .none, licence: nil, source: "-", reason: "no licence covers it")
        let name = licence.licence ?? "no licence"
        switch licence.openness {
        case .restricted:
          out.append(
            OpennessReason(
              weight: .fails, element: element, components: kinds,
              message: "\(what) under \(name) (\(licence.source)), which \(licence.failureSummary)", licence: licence))
        case .unknown, .none:
          out.append(
            OpennessReason(
              weight: .unknown, element: element, components: kinds,
              message: "licence of \(what) not established (\(name), \(licence.source))", licence: licence))
        case .openData where codeOnly:
          out.append(
            OpennessReason(
              weight: .fails, element: element, components: kinds,
              message: "\(what) under \(name), an open-data licence; the OSAID asks for OSI-approved licences for code",
              licence: licence))
        case .openSource, .openData:
          out.append(
            OpennessReason(
              weight: .holds, element: element, components: kinds,
              message: "\(what) under \(name) (\(licence.source))", licence: licence))
        }
      }
    }
    return out
  }

  // MARK: MOF

  /// The MOF class reached and what the next class up lacks.
  static func mof(_ components: [ReleaseComponent]) -> MOFVerdict {
    func gap(_ req: MOFRequirement) -> (gap: MOFGap?, unverified: Bool) {
      let part =
        components.first { $0.kind == req.component }
        ?? ReleaseComponent(kind: req.component, status: .absent, evidence: [], licence: nil)
      switch part.status {
      case .absent:
        return (MOFGap(component: req.component, reason: "not found"), false)
      case .referenced:
        if req.component.isPublication { return (nil, true) }
        let first = part.evidence.first.map { ": \($0.summary)" } ?? ""
        return (MOFGap(component: req.component, reason: "only referenced\(first); not in the folder"), false)
      case .present:
        guard let licence = part.licence else {
          return (MOFGap(component: req.component, reason: "no licence covers it"), false)
        }
        if req.contentType.accepts(licence.openness) { return (nil, false) }
        switch licence.openness {
        case .restricted:
          return (
            MOFGap(
              component: req.component,
              reason: "under \(licence.licence ?? "?") (\(licence.source)), which \(licence.failureSummary)"),
            false
          )
        case .unknown, .none:
          return (
            MOFGap(
              component: req.component,
              reason: "licence not established (\(licence.licence ?? "no licence"), \(licence.source))"),
            false
          )
        case .openData, .openSource:
          return (
            MOFGap(
              component: req.component,
              reason: "under \(licence.licence ?? "?"); the MOF asks for \(req.contentType.requirement)"),
            false
          )
        }
      }
    }
    var reached: MOFClass?
    var unverified: [ReleaseComponentKind] = []
    for mofClass in MOFClass.allCases {
      let results = MOFTable.required(for: mofClass).map(gap)
      guard results.allSatisfy({ $0.gap == nil }) else { break }
      reached = mofClass
      unverified = MOFTable.required(for: mofClass).map(\.component).enumerated()
        .filter { results[$0.offset].unverified }.map(\.element)
    }
    let next = reached == nil ? MOFClass.classIII : reached!.next
    guard let next else {
      return MOFVerdict(reached: reached, unverified: unverified, next: nil, missing: [], progress: nil)
    }
    let required = MOFTable.required(for: next)
    let results = required.map(gap)
    return MOFVerdict(
      reached: reached, unverified: unverified, next: next, missing: results.compactMap(\.gap),
      progress: MOFVerdict.Progress(met: results.filter { $0.gap == nil }.count, required: required.count))
  }

  // MARK: Plain answer

  /// Reasons for the one-line answer: those resting on the same licence said once
  /// (`parameters, training code and data information under LICENSE, which fails osd-6: …`).
  static func grouped(_ reasons: [OpennessReason]) -> [String] {
    var out: [String] = []
    var done = Set<Int>()
    for (i, r) in reasons.enumerated() where !done.contains(i) {
      guard let licence = r.licence else {
        out.append(r.message)
        continue
      }
      let same = reasons.indices.filter { reasons[$0].licence == licence && reasons[$0].weight == r.weight }
      done.formUnion(same)
      let names = same.map { subject(reasons[$0]) }
      let who = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
      let name = licence.licence ?? "no licence"
      switch licence.openness {
      case .restricted: out.append("\(who) under \(name) (\(licence.source)), which \(licence.failureSummary)")
      case .unknown, .none: out.append("licence of \(who) not established (\(name), \(licence.source))")
      case .openSource, .openData: out += same.map { reasons[$0].message }
      }
    }
    return out
  }

  /// What a reason is about: `parameters`, `training code`.
  private static func subject(_ r: OpennessReason) -> String {
    if r.element == .parameters { return "parameters" }
    return r.components.first.map { $0 == .trainingDataInformation ? "training data information" : $0.title } ?? "-"
  }

  /// One line: `open weights, not open source: …`, `open source AI (OSAID 1.0) …`, and the like.
  /// - Parameter contradicted: the card's declared licence when a licence text beside it contradicts it.
  static func answer(
    _ components: [ReleaseComponent], osaid: OSAIDVerdict, mof: MOFVerdict, contradicted: String? = nil
  ) -> String {
    let weights = components.first { $0.kind == .parameters }
    let mofPart: String
    if let reached = mof.reached {
      let refs = mof.unverified.isEmpty ? "" : ", resting on \(Plural.count(mof.unverified.count, "unverified link"))"
      mofPart = "MOF \(reached.title)\(refs)"
    } else {
      mofPart = "no MOF class"
    }
    let failing = grouped(osaid.reasons.filter { $0.weight == .fails })
    let unknown = grouped(osaid.reasons.filter { $0.weight == .unknown })
    func list(_ items: [String]) -> String {
      items.prefix(3).joined(separator: "; ") + (items.count > 3 ? "; …" : "")
    }
    switch osaid.status {
    case .conformant:
      return "open source AI (OSAID 1.0 conformant); \(mofPart)"
    case .notConformant, .insufficientInformation:
      let why = osaid.status == .notConformant ? list(failing) : list(unknown)
      guard let weights, weights.status == .present else {
        let referenced = weights?.status == .referenced ? "weights only referenced" : "no weights in the folder"
        return "\(referenced), not open source: \(why)"
      }
      switch weights.licence?.openness ?? .none {
      case .openSource, .openData:
        return osaid.status == .notConformant
          ? "open weights, not open source: \(why)"
          : "open weights; open source not established: \(why)"
      case .restricted:
        let card = contradicted.map { " (the card says \($0); the licence text beside it is stricter)" } ?? ""
        return "weights available under restrictions\(card), neither open weights nor open source: \(why)"
      case .unknown, .none:
        return "weights available, licence not established: \(why)"
      }
    }
  }
}
