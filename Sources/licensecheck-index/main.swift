// licensecheck-index: builds the embedded identification data from the reference corpus.
//
//   swift run licensecheck-index [--corpus ../shared/corpus] [--licenses licenses]
//                                [--output Sources/LicenseCheck/Resources]
//   swift run -c release licensecheck-index --measure   (times the embedded index; writes nothing)
//
// Writes fingerprints.bin (derived, non-reversible trigram-hash fingerprints: no text),
// fingerprints.json (what they were built from), catalogue.json (licenses/*.json in one array) and
// catalogue.bin (the same in the binary form the library reads at start-up).
import Foundation
import LicenseCheck

struct Options {
  var corpus = "../shared/corpus"
  var licenses = "licenses"
  var output = "Sources/LicenseCheck/Resources"
  var corpusCommit: String? = "e4c1f276"
  var corpusDate: String? = "2026-07"
  var measure = false
  var scancode = true

  init(_ args: [String]) {
    var i = 0
    func value() -> String {
      i += 1
      guard i < args.count else { fail("\(args[i - 1]) needs a value") }
      return args[i]
    }
    while i < args.count {
      switch args[i] {
      case "--corpus": corpus = value()
      case "--licenses": licenses = value()
      case "--output": output = value()
      case "--corpus-commit": corpusCommit = value()
      case "--corpus-date": corpusDate = value()
      case "--measure": measure = true
      case "--no-scancode": scancode = false
      case "-h", "--help":
        print(
          "usage: licensecheck-index [--corpus DIR] [--licenses DIR] [--output DIR] [--corpus-commit C] [--corpus-date D] [--no-scancode]"
        )
        exit(0)
      default: fail("unknown argument \(args[i])")
      }
      i += 1
    }
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("licensecheck-index: \(message)\n".utf8))
  exit(2)
}

/// The attributes of the `<license …>` or `<exception …>` start tag of an SPDX XML file.
struct XMLLicenseTag {
  var id: String
  var name: String
  var isException: Bool
  var osi: Bool
  var deprecated: Bool
  var listVersionAdded: String?

  init?(bytes: [UInt8]) {
    func find(_ needle: String, from: Int) -> Int? {
      let n = Array(needle.utf8)
      guard bytes.count >= n.count else { return nil }
      var i = from
      while i <= bytes.count - n.count {
        if bytes[i] == n[0], Array(bytes[i..<i + n.count]) == n { return i }
        i += 1
      }
      return nil
    }
    let lic = find("<license ", from: 0)
    let exc = find("<exception ", from: 0)
    guard let start = [lic, exc].compactMap({ $0 }).min() else { return nil }
    isException = start == exc
    guard let end = find(">", from: start) else { return nil }
    let tag = Array(bytes[start..<end])
    func attribute(_ name: String) -> String? {
      let key = Array((name + "=").utf8)
      var i = 0
      while i + key.count < tag.count {
        let before = i == 0 ? 0x20 : tag[i - 1]
        if before <= 0x20, Array(tag[i..<i + key.count]) == key {
          let q = tag[i + key.count]
          var j = i + key.count + 1
          while j < tag.count, tag[j] != q { j += 1 }
          return XMLLicenseTag.unescape(String(decoding: tag[(i + key.count + 1)..<j], as: UTF8.self))
        }
        i += 1
      }
      return nil
    }
    guard let id = attribute("licenseId") else { return nil }
    self.id = id
    // The attribute's character references (`&#34;New&#34;`) are decoded here, once, for every output.
    name = HTMLEntities.decodeAll(attribute("name") ?? id).split(whereSeparator: {
      $0 == "\n" || $0 == "\t" || $0 == " "
    }).joined(
      separator: " ")
    osi = attribute("isOsiApproved") == "true"
    deprecated = attribute("isDeprecated") == "true" || attribute("deprecatedVersion") != nil
    listVersionAdded = attribute("listVersionAdded")
  }

  static func unescape(_ s: String) -> String {
    s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

/// The scalar fields of a ScanCode LicenseDB file's YAML header, and the text after it.
func scanCodeHeader(_ file: String) -> ([String: String], String) {
  let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
  guard lines.first == "---" else { return ([:], file) }
  var fields: [String: String] = [:]
  var k = 1
  while k < lines.count, lines[k] != "---" {
    let line = lines[k]
    if !line.hasPrefix(" "), let colon = line.firstIndex(of: ":") {
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if !value.isEmpty { fields[String(line[..<colon])] = value }
    }
    k += 1
  }
  return (fields, lines.dropFirst(k + 1).joined(separator: "\n"))
}

func versionLess(_ a: String, _ b: String) -> Bool {
  let x = a.split(separator: ".").map { Int($0) ?? 0 }
  let y = b.split(separator: ".").map { Int($0) ?? 0 }
  return x.lexicographicallyPrecedes(y)
}

func files(_ dir: String, ext: String) -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
  return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir + "/" + $0 }
}

func fingerprint(path: String) -> Fingerprint {
  do {
    let doc = try DocumentReader.read(path: path)
    return Fingerprint(TokenizedText(doc.text))
  } catch {
    fail("\(error)")
  }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let fm = FileManager.default

/// Start-up and per-file identification times of the embedded index, over the corpus texts.
func measure() -> Never {
  let clock = ContinuousClock()
  let loadStart = clock.now
  let identifier = Identifier.standard
  let load = clock.now - loadStart
  // The pieces of start-up, from the resource files in the source tree, as the library reads them.
  do {
    let indexPath = options.output + "/fingerprints.bin"
    let cataloguePath = options.output + "/catalogue.bin"
    var parse = Duration.seconds(1)
    var decode = Duration.seconds(1)
    var index: FingerprintIndex?
    var entries: [CatalogueEntry] = []
    for _ in 0..<20 {
      var t = clock.now
      guard let storage = IndexStorage(mapping: indexPath) else { fail("cannot map \(indexPath)") }
      index = try FingerprintIndex(storage: storage)
      parse = min(parse, clock.now - t)
      t = clock.now
      guard let bytes = IndexStorage(mapping: cataloguePath) else { fail("cannot map \(cataloguePath)") }
      entries = try withExtendedLifetime(bytes) { try CatalogueBinary.decode(bytes.bytes) }
      decode = min(decode, clock.now - t)
    }
    let t = clock.now
    _ = Identifier(index: index!, catalogue: Catalogue(entries: entries))
    let build = clock.now - t
    print(
      "start-up pieces (best of 20): map and parse index \(parse), decode catalogue.bin \(decode), identifier \(build)"
    )
  } catch {
    fail("\(error)")
  }
  var texts: [(String, TokenizedText)] = []
  for path in files(options.corpus + "/spdx/test/simpleTestForGenerator", ext: "txt")
    + files(options.corpus + "/ai", ext: "txt") + files(options.corpus + "/ai", ext: "md")
  {
    guard let doc = try? DocumentReader.read(path: path) else { continue }
    texts.append((path, TokenizedText(doc.text)))
  }
  func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.3f ms", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
  }
  /// The same texts with every 20th word dropped: no longer exact copies, so the similarity path runs.
  func damaged(_ t: TokenizedText) -> TokenizedText {
    var out = ""
    var n = 0
    for tok in t.tokens {
      if tok.isWordLike {
        n += 1
        if n % 20 == 0 { continue }
      }
      out += t.raw(tok)
      out += " "
    }
    return TokenizedText(out)
  }
  let near = texts.map { ($0.0, damaged($0.1)) }
  for (label, set) in [("exact copies", texts), ("every 20th word dropped", near)] {
    var times: [(Duration, String)] = []
    var identified = 0
    for (path, t) in set {
      let s = clock.now
      let r = identifier.identify(t)
      times.append((clock.now - s, path))
      if r != nil {
        identified += 1
      } else {
        print("  not identified: \(URL(fileURLWithPath: path).lastPathComponent)")
      }
    }
    times.sort { $0.0 < $1.0 }
    let total = times.reduce(Duration.zero) { $0 + $1.0 }
    print(
      "identify \(set.count) texts, \(label) (tokenised beforehand): mean \(ms(total / times.count)),"
        + " median \(ms(times[times.count / 2].0)), p95 \(ms(times[times.count * 95 / 100].0)), max \(ms(times.last!.0)) (\(URL(fileURLWithPath: times.last!.1).lastPathComponent)); identified \(identified)"
    )
  }
  print("load (index + catalogue): \(ms(load))")
  let sizes = identifier.index.sizes
  print(
    "index: \(identifier.index.licenses.count) licences, \(sizes.keys) distinct trigrams, \(sizes.postings) postings")
  exit(0)
}
if options.measure { measure() }

// SPDX metadata from the XML start tags.
var tags: [String: XMLLicenseTag] = [:]
var newestAdded: String? = nil
for path in files(options.corpus + "/spdx/src", ext: "xml") + files(options.corpus + "/spdx/src/exceptions", ext: "xml")
{
  guard let data = fm.contents(atPath: path), let tag = XMLLicenseTag(bytes: [UInt8](data)) else {
    FileHandle.standardError.write(Data("licensecheck-index: no licence tag in \(path)\n".utf8))
    continue
  }
  tags[tag.id] = tag
  if let v = tag.listVersionAdded, newestAdded.map({ versionLess($0, v) }) ?? true { newestAdded = v }
}

let tagsByLowerID = Dictionary(tags.values.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })

// The catalogue.
var entries: [CatalogueEntry] = []
let decoder = JSONDecoder()
for path in files(options.licenses, ext: "json") {
  do {
    let entry = try decoder.decode(CatalogueEntry.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    let expected = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    if entry.id != expected { fail("\(path): id \(entry.id) does not match the file name") }
    entries.append(entry)
  } catch {
    fail("\(path): \(error)")
  }
}
entries.sort { $0.id < $1.id }

var builder = FingerprintIndexBuilder()
var spdxCount = 0
let spdxTestDir = options.corpus + "/spdx/test/simpleTestForGenerator"
for path in files(spdxTestDir, ext: "txt") {
  // Deprecated ids' texts are named `depreciate_<id>.txt` (sic), sometimes with the id's case changed.
  var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
  if name.hasPrefix("depreciate_") { name.removeFirst("depreciate_".count) }
  let tag = tags[name] ?? tagsByLowerID[name.lowercased()]
  let id = tag?.id ?? name
  if tag == nil { FileHandle.standardError.write(Data("licensecheck-index: no XML for \(name)\n".utf8)) }
  var flags: IndexedLicense.Flags = []
  if tag?.osi == true { flags.insert(.osiApproved) }
  if tag?.deprecated == true { flags.insert(.deprecated) }
  if tag?.isException == true { flags.insert(.exception) }
  builder.add(id: id, name: tag?.name ?? id, flags: flags, fingerprint: fingerprint(path: path))
  spdxCount += 1
}
// ScanCode LicenseDB texts: each under its SPDX id when ScanCode gives one the index has, else as
// `LicenseRef-scancode-<key>`; only texts that differ from every text already indexed are added.
var scancodeCount = 0
let spdxIDs = Set(tags.keys)
// Which ids each normalised text is already indexed under: a ScanCode text identical to one of them
// is added only under a new id (then it is an alternative of the same text, and its key resolves).
var idsOfText: [UInt64: Set<String>] = [:]
let scancodeDir = options.corpus + "/scancode/licenses"
if options.scancode {
  for path in files(spdxTestDir, ext: "txt") {
    var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    if name.hasPrefix("depreciate_") { name.removeFirst("depreciate_".count) }
    let id = (tags[name] ?? tagsByLowerID[name.lowercased()])?.id ?? name
    idsOfText[fingerprint(path: path).exactHash, default: []].insert(id)
  }
  for path in files(scancodeDir, ext: "LICENSE") {
    guard let data = fm.contents(atPath: path) else { continue }
    let (header, body) = scanCodeHeader(String(decoding: data, as: UTF8.self))
    guard let key = header["key"], body.utf8.contains(where: { $0 > 0x20 }) else { continue }
    let fp = Fingerprint(TokenizedText(body))
    guard fp.wordCount >= 3 else { continue }
    var id = "LicenseRef-scancode-" + key
    if let s = header["spdx_license_key"], spdxIDs.contains(s) { id = s }
    guard idsOfText[fp.exactHash, default: []].insert(id).inserted else { continue }
    var flags: IndexedLicense.Flags = [.scancode]
    if header["is_exception"] == "yes" { flags.insert(.exception) }
    if header["is_deprecated"] == "yes" { flags.insert(.deprecated) }
    if let tag = tags[id] {
      if tag.osi { flags.insert(.osiApproved) }
      if tag.deprecated { flags.insert(.deprecated) }
    }
    builder.add(
      id: id, name: header["name"] ?? header["short_name"] ?? id, flags: flags, fingerprint: fp, minimumModulus: 4)
    scancodeCount += 1
  }
}

var catalogueCount = 0
for entry in entries {
  for rel in entry.corpusTexts ?? [] {
    builder.add(
      id: entry.id, name: entry.name, flags: .catalogue, fingerprint: fingerprint(path: options.corpus + "/" + rel))
    catalogueCount += 1
  }
}
if spdxCount == 0 { fail("no SPDX texts under \(options.corpus)/spdx/test/simpleTestForGenerator") }

let bin = builder.build()
let manifest = FingerprintManifest(
  spdxCorpusCommit: options.corpusCommit, spdxCorpusDate: options.corpusDate,
  spdxListVersionAtLeast: newestAdded, spdxCount: spdxCount, catalogueCount: catalogueCount,
  ngramLength: Fingerprint.ngramLength, generator: "licensecheck-index \(licenseCheckVersion)")
var manifestOut = manifest
manifestOut.scancodeCount = scancodeCount
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
do {
  try fm.createDirectory(atPath: options.output, withIntermediateDirectories: true)
  try Data(bin).write(to: URL(fileURLWithPath: options.output + "/fingerprints.bin"))
  try (encoder.encode(manifestOut) + Data("\n".utf8)).write(
    to: URL(fileURLWithPath: options.output + "/fingerprints.json"))
  try (encoder.encode(entries) + Data("\n".utf8)).write(to: URL(fileURLWithPath: options.output + "/catalogue.json"))
  try Data(CatalogueBinary.encode(entries)).write(to: URL(fileURLWithPath: options.output + "/catalogue.bin"))
} catch {
  fail("writing \(options.output): \(error)")
}
print(
  "licensecheck-index: \(spdxCount) SPDX texts, \(scancodeCount) ScanCode texts, \(catalogueCount) catalogue texts, \(entries.count) catalogue entries;"
    + " fingerprints.bin \(bin.count) bytes")
