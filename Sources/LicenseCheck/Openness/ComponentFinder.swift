import Foundation

/// Names a release's components from file paths and from the model card: which files are weights,
/// tokenizer, training or inference code, data, reports; which card sections describe the training data,
/// the evaluation or sample outputs; which URLs and front-matter keys name a paper or datasets.
///
/// Only names and card text are looked at (weights are never read, except the header of a safetensors file).
/// The rules are path words, not guesses about content, so a report lists the evidence for each.
enum ComponentFinder {
  /// A component seen at one place.
  struct Sighting {
    let kind: ReleaseComponentKind
    let evidence: ComponentEvidence
  }

  // MARK: Files

  /// Weight file extensions (lower case).
  static let weightExtensions: Set<String> = [
    "safetensors", "gguf", "ggml", "pt", "pth", "ckpt", "onnx", "h5", "msgpack", "tflite", "bin", "mlmodel", "npz",
  ]
  /// Source code extensions (lower case) for code components.
  static let codeExtensions: Set<String> = [
    "py", "ipynb", "sh", "bash", "c", "cc", "cpp", "cu", "h", "hpp", "rs", "go", "jl", "js", "ts", "swift", "java",
    "scala", "lua", "r", "kt", "cs", "m", "mm", "zig",
  ]
  /// Data file extensions (lower case).
  static let dataExtensions: Set<String> = [
    "jsonl", "json", "csv", "tsv", "parquet", "arrow", "txt", "zst", "gz", "tar", "tfrecord", "npy",
  ]
  /// Document extensions (lower case).
  static let documentExtensions: Set<String> = ["md", "pdf", "tex", "html", "htm", "rst", "txt"]

  /// The components one file is evidence of (usually one; none for files that are no component).
  /// - Parameters:
  ///   - relative: the path below the release folder, `/`-separated.
  ///   - absolute: the path to read a safetensors header from.
  static func classify(relative: String, absolute: String) -> [Sighting] {
    let parts = relative.split(separator: "/").map(String.init)
    guard let name = parts.last else { return [] }
    let lower = name.lowercased()
    let folders = parts.dropLast().map { $0.lowercased() }
    let ext = lower.lastIndex(of: ".").map { String(lower[lower.index(after: $0)...]) } ?? ""
    let stem = lower.lastIndex(of: ".").map { String(lower[..<$0]) } ?? lower
    func seen(_ kind: ReleaseComponentKind, _ detail: String? = nil) -> [Sighting] {
      [Sighting(kind: kind, evidence: ComponentEvidence(kind: .file, path: relative, detail: detail))]
    }
    // Licence files and the card itself are handled elsewhere.
    if FileRole.forName(name) != nil, !(parts.count > 1 && lower == "readme.md") { return [] }
    if lower.hasPrefix(".") { return [] }
    let inCheckpoints = folders.contains { f in
      f.hasPrefix("checkpoint") || f.hasPrefix("ckpt") || f.hasPrefix("intermediate") || f.hasPrefix("global_step")
        || (f.hasPrefix("step") && f.dropFirst(4).first.map { $0.isNumber || $0 == "-" || $0 == "_" } == true)
        || f == "revisions"
    }
    // Shard indexes (`model.safetensors.index.json`) belong to the weights.
    if lower.hasSuffix(".safetensors.index.json") || lower.hasSuffix(".bin.index.json") {
      return seen(inCheckpoints ? .intermediateParameters : .parameters, "shard index")
    }
    if lower.hasPrefix("training_args") || lower == "trainer_state.json" || lower.hasPrefix("optimizer")
      || lower.hasPrefix("scheduler") || lower.hasPrefix("rng_state") || lower.hasPrefix("hparams")
      || lower.hasPrefix("hyperparameters")
    {
      return seen(.modelMetadata)
    }
    if weightExtensions.contains(ext) {
      let detail = ext == "safetensors" ? SafetensorsHeader.describe(path: absolute) : nil
      return seen(inCheckpoints ? .intermediateParameters : .parameters, detail)
    }
    if ["config.json", "generation_config.json", "params.json", "configuration.json", "preprocessor_config.json"]
      .contains(lower)
    {
      return seen(.configuration)
    }
    if lower.hasPrefix("tokenizer") || lower.hasPrefix("tokenization_")
      || [
        "vocab.json", "vocab.txt", "merges.txt", "spiece.model", "sentencepiece.model", "sentencepiece.bpe.model",
        "special_tokens_map.json", "added_tokens.json",
      ].contains(lower)
    {
      return seen(.tokenizer)
    }
    if lower.hasPrefix("requirements") || lower.hasPrefix("environment")
      || [
        "pyproject.toml", "setup.py", "setup.cfg", "pipfile", "package.json", "cargo.toml", "go.mod", "dockerfile",
      ].contains(lower)
    {
      return seen(.supportingLibraries)
    }
    let stemWords = words(stem)
    let folderWords = folders.reversed().flatMap(words)
    if codeExtensions.contains(ext) {
      if let kind = codeKind(stemWords) ?? codeKind(folderWords) { return seen(kind) }
      return []
    }
    let all = stemWords + folderWords
    // Documents: data cards, reports and papers, cards of results and samples.
    if documentExtensions.contains(ext) {
      if stem.contains("datacard") || stem.contains("data_card") || stem.contains("datasheet")
        || stem.contains("dataset_card") || (lower == "readme.md" && all.contains(where: isDataWord))
      {
        return seen(.dataCard)
      }
      if stem.contains("paper") { return seen(.researchPaper) + seen(.technicalReport) }
      if stem.contains("report") || stem.contains("whitepaper") { return seen(.technicalReport) }
      if stem.contains("model_card") || stem.contains("modelcard") { return seen(.modelCard) }
    }
    if stemWords.contains(where: { $0.hasPrefix("result") || $0 == "scores" || $0 == "metrics" || $0 == "leaderboard" })
      || (all.contains(where: isEvalWord) && stemWords.contains("results"))
    {
      return seen(.evaluationResults)
    }
    if all.contains(where: { $0.hasPrefix("sample") || $0 == "outputs" || $0 == "generations" }) {
      return seen(.sampleOutputs)
    }
    if dataExtensions.contains(ext) || ["parquet", "arrow"].contains(ext) {
      if all.contains(where: isEvalWord) { return seen(.evaluationData) }
      if all.contains(where: isDataWord) { return seen(.datasets) }
    }
    return []
  }

  /// The code component a list of path words names, first match wins (data preparation before training,
  /// evaluation before both, since `train/eval.py` is evaluation code).
  static func codeKind(_ words: [String]) -> ReleaseComponentKind? {
    for word in words {
      if isEvalWord(word) { return .evaluationCode }
      if [
        "preprocess", "preprocessing", "prepare", "prep", "clean", "cleaning", "filter", "filtering", "dedup", "dedupe",
      ]
      .contains(word) || isDataWord(word) {
        return .dataPreprocessingCode
      }
      if word.hasPrefix("train") || word.hasPrefix("finetun") || word.hasPrefix("pretrain") || word == "sft"
        || word == "dpo" || word == "rlhf" || word == "fine"
      {
        return .trainingCode
      }
      if word.hasPrefix("model") || word == "architecture" || word == "layers" || word == "configuration" {
        return .modelArchitecture
      }
      if [
        "inference", "infer", "generate", "generation", "predict", "serve", "server", "chat", "demo", "run", "handler",
        "pipeline", "sample", "sampling", "app",
      ].contains(word) {
        return .inferenceCode
      }
    }
    return nil
  }

  /// Evaluation words. `test` is not one: `tests/` holds unit tests of code, and a `test` split is a dataset.
  static func isEvalWord(_ w: String) -> Bool {
    w.hasPrefix("eval") || w.hasPrefix("benchmark") || w == "bench" || w == "heldout"
  }

  static func isDataWord(_ w: String) -> Bool {
    w == "data" || w.hasPrefix("dataset") || w == "corpus" || w == "corpora" || w == "datasheet"
  }

  /// Lower-case words of a path part, split at anything but ASCII letters and digits.
  static func words(_ s: String) -> [String] {
    s.lowercased().split(whereSeparator: { c in !(c.isASCII && (c.isLetter || c.isNumber)) }).map(String.init)
  }

  // MARK: Model card

  /// Heading words that mark the card's training-data information.
  static let dataHeadings = [
    "training data", "data sources", "dataset", "training corpus", "pretraining data", "pre-training data",
    "data collection", "filtering", "preprocessing", "data processing", "data mixture", "data composition",
  ]
  static let evaluationHeadings = ["evaluation", "results", "benchmark", "performance"]
  static let sampleHeadings = ["sample output", "example output", "samples", "example generations"]
  static let checkpointHeadings = ["intermediate checkpoint", "checkpoints"]

  /// What a model card shows: sections (line and heading), paper and dataset links, and front-matter keys.
  /// - Parameters:
  ///   - document: the card, read with its front matter.
  ///   - path: the card's path relative to the release folder (`README.md`).
  /// - Complexity: O(card bytes).
  static func card(_ document: Document, path: String) -> [Sighting] {
    var out: [Sighting] = []
    let lines = splitLines(document.originalBytes)
    var inFence = false
    var inFrontMatter = lines.first.map { trimmed($0) == "---" } ?? false
    var frontMatterLines: [String: Int] = [:]
    for (i, raw) in lines.enumerated() {
      let lineNumber = i + 1
      let line = trimmed(raw)
      if inFrontMatter {
        if i > 0, line == "---" {
          inFrontMatter = false
        } else if let colon = line.firstIndex(of: ":"), raw.first.map({ $0 != " " && $0 != "\t" }) == true {
          frontMatterLines[String(line[..<colon])] = lineNumber
        }
        continue
      }
      if line.hasPrefix("```") || line.hasPrefix("~~~") {
        inFence.toggle()
        continue
      }
      if inFence { continue }
      if line.hasPrefix("#") {
        let heading = String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        let lower = heading.lowercased()
        let evidence = ComponentEvidence(kind: .cardSection, path: path, line: lineNumber, detail: "## " + heading)
        if dataHeadings.contains(where: lower.contains) {
          out.append(Sighting(kind: .trainingDataInformation, evidence: evidence))
        } else if sampleHeadings.contains(where: lower.contains) {
          out.append(Sighting(kind: .sampleOutputs, evidence: evidence))
        } else if checkpointHeadings.contains(where: lower.contains) {
          // The section names checkpoints; the checkpoints are elsewhere.
          out.append(
            Sighting(
              kind: .intermediateParameters,
              evidence: ComponentEvidence(kind: .link, path: path, line: lineNumber, detail: "section ## " + heading)))
        } else if evaluationHeadings.contains(where: lower.contains) {
          out.append(Sighting(kind: .evaluationResults, evidence: evidence))
        }
        continue
      }
      out += links(in: line, path: path, line: lineNumber)
    }
    for key in ["datasets"] {
      guard case .list(let items)? = document.metadata[key] else {
        if let value = document.metadataString(key) {
          out.append(
            Sighting(
              kind: .datasets,
              evidence: ComponentEvidence(
                kind: .frontMatter, path: path, line: frontMatterLines[key], detail: "\(key): \(value)")))
        }
        continue
      }
      let names = items.compactMap(\.stringValue)
      guard !names.isEmpty else { continue }
      let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
      out.append(
        Sighting(
          kind: .datasets,
          evidence: ComponentEvidence(
            kind: .frontMatter, path: path, line: frontMatterLines[key], detail: "\(key): \(shown)")
        ))
    }
    return out
  }

  /// Paper, dataset and code links on one card line.
  static func links(in line: String, path: String, line number: Int) -> [Sighting] {
    var out: [Sighting] = []
    let lower = line.lowercased()
    func add(_ kind: ReleaseComponentKind, _ url: String) {
      out.append(Sighting(kind: kind, evidence: ComponentEvidence(kind: .link, path: path, line: number, detail: url)))
    }
    if let url = url(in: line, containing: "arxiv.org/") ?? url(in: line, containing: "doi.org/10.") {
      add(.researchPaper, url)
      add(.technicalReport, url)
    } else if let r = lower.range(of: "arxiv:") {
      // `arXiv:2403.13784` written without a URL.
      let id = line[r.upperBound...].prefix { $0.isNumber || $0 == "." }
      if id.count >= 9 {
        add(.researchPaper, "arXiv:" + id)
        add(.technicalReport, "arXiv:" + id)
      }
    }
    if let url = url(in: line, containing: "huggingface.co/datasets/") { add(.datasets, url) }
    if let url = url(in: line, containing: "github.com/") ?? url(in: line, containing: "gitlab.com/") {
      // A code repository: which code it is comes from the words of the line.
      let kinds = Set(
        words(line).compactMap { w -> ReleaseComponentKind? in
          if isEvalWord(w) { return .evaluationCode }
          if w.hasPrefix("train") || w.hasPrefix("finetun") || w.hasPrefix("pretrain") { return .trainingCode }
          if w == "inference" || w == "generate" || w == "serving" { return .inferenceCode }
          return nil
        })
      for kind in ReleaseComponentKind.allCases where kinds.contains(kind) { add(kind, url) }
    }
    return out
  }

  /// The first URL on a line that contains `needle`, trimmed of Markdown punctuation around it.
  static func url(in line: String, containing needle: String) -> String? {
    guard let r = line.range(of: needle, options: .caseInsensitive) else { return nil }
    var start = r.lowerBound
    while start > line.startIndex {
      let before = line[line.index(before: start)]
      if before == " " || before == "(" || before == "<" || before == "[" || before == "\"" || before == "'" { break }
      start = line.index(before: start)
    }
    var end = r.upperBound
    while end < line.endIndex {
      let c = line[end]
      if c == " " || c == ")" || c == ">" || c == "]" || c == "\"" || c == "'" { break }
      end = line.index(after: end)
    }
    var url = String(line[start..<end])
    while let last = url.last, last == "." || last == "," || last == ";" { url.removeLast() }
    return url
  }

  static func splitLines(_ bytes: [UInt8]) -> [String] {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
  }

  static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// The header of a safetensors file: an 8-byte little-endian length, then that many bytes of JSON naming
/// the tensors. Read to say what a weights file holds without reading the weights.
enum SafetensorsHeader {
  /// Longest header parsed (larger ones are reported by size only).
  static let maxHeaderBytes = 16 << 20

  /// `safetensors header, 3 tensors`, `not a valid safetensors file`, or nil when it cannot be read.
  static func describe(path: String) -> String? {
    guard let head = FileHead.read(path, count: 8), head.count == 8 else { return "not a valid safetensors file" }
    var length: UInt64 = 0
    for (i, b) in head.enumerated() { length |= UInt64(b) << (8 * UInt64(i)) }
    let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
    // A header longer than the file (or than any real one) is not a safetensors file.
    guard length > 1, length <= UInt64(max(0, size - 8)) else { return "not a valid safetensors file" }
    let headerLength = Int(length)
    guard headerLength <= maxHeaderBytes, let bytes = FileHead.read(path, count: 8 + headerLength),
      bytes.count == 8 + headerLength
    else {
      return headerLength > maxHeaderBytes
        ? "safetensors header of \(headerLength) bytes" : "not a valid safetensors file"
    }
    // A real header nests three levels; deep nesting is refused before the JSON parser sees it.
    var depth = 0
    for b in bytes[8...] {
      if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") { depth += 1 }
      if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") { depth -= 1 }
      if depth > 16 { return "not a valid safetensors file" }
    }
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(bytes[8...]), options: []) as? [String: Any]
    else { return "not a valid safetensors file" }
    let tensors = object.keys.filter { $0 != "__metadata__" }.count
    return "safetensors header, \(Plural.count(tensors, "tensor"))"
  }
}
