#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder paths of one walk, end to end in one byte buffer: a 100,000-folder walk then holds
/// one allocation in place of a heap string per folder (about 110 bytes each with its header,
/// malloc rounding and fragmentation).
///
/// Written only by the walking thread, before any file leaves the walk; read-only afterwards.
final class FolderArena: @unchecked Sendable {
  private var bytes: [UInt8] = []

  /// Stores a folder path; returns where it is.
  func append(_ folder: String) -> (offset: Int, count: UInt32) {
    let offset = bytes.count
    bytes.append(contentsOf: folder.utf8)
    return (offset, UInt32(bytes.count - offset))
  }

  /// Drops the buffer's growth room once the walk is over.
  func trim() { bytes = DirectoryWalker.exactCopy(bytes) }

  /// The folder path stored at `offset`.
  func string(at offset: Int, count: UInt32) -> String {
    bytes.withUnsafeBufferPointer { String(decoding: $0[offset..<(offset + Int(count))], as: UTF8.self) }
  }

  /// Calls `body` with the bytes of the folder path stored at `offset`.
  func withBytes<R>(at offset: Int, count: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offset..<(offset + Int(count))])) }
  }
}

/// A file a walk found worth a closer look.
///
/// The path is built on demand from the folder (stored once per folder in the walk's
/// ``FolderArena``) and the name (short names are stored inline): a 100,000-file walk then holds
/// no string per file or folder, and 48 bytes per file (a file named on the command line keeps its
/// path as given in place of the name).
struct WalkedFile: Sendable, Equatable {
  /// The walk's folder paths.
  private let arena: FolderArena
  /// Where the folder path starts in `arena`: the same for every file of a walked folder.
  let folderOffset: Int
  /// The last path component, or the path exactly as given for a file named on the command line.
  private let stored: String
  /// Size in bytes, from `stat`.
  let size: Int
  /// The folder path's length in bytes.
  private let folderCount: UInt32
  /// The role its name gives, or nil for a source file to sniff for SPDX tags.
  let role: FileRole?
  /// Whether `stored` is the path as given.
  private let given: Bool

  /// A file found in the folder stored at `folder` in `arena`.
  init(arena: FolderArena, folder: (offset: Int, count: UInt32), name: String, size: Int, role: FileRole?) {
    self.arena = arena
    self.folderOffset = folder.offset
    self.folderCount = folder.count
    self.stored = name
    self.size = size
    self.role = role
    self.given = false
  }

  /// A file named on the command line.
  init(arena: FolderArena, path: String, folder: String, size: Int, role: FileRole?) {
    self.arena = arena
    (self.folderOffset, self.folderCount) = arena.append(folder)
    self.stored = path
    self.size = size
    self.role = role
    self.given = true
  }

  /// The folder path.
  var folder: String { arena.string(at: folderOffset, count: folderCount) }

  /// The last path component.
  var name: String { given ? Self.lastComponent(of: stored) : stored }

  /// The path, built from the root as given.
  var path: String {
    if given { return stored }
    let folder = self.folder
    return folder.hasSuffix("/") ? folder + stored : folder + "/" + stored
  }

  /// Whether both files were found in the same walked folder (then their folder paths are equal).
  func sharesFolder(with other: WalkedFile) -> Bool {
    arena === other.arena && folderOffset == other.folderOffset
  }

  /// Orders folder paths as `String` does (`nil` when equal), comparing bytes without building
  /// strings when both are ASCII.
  func folderPrecedes(_ other: WalkedFile) -> Bool? {
    if sharesFolder(with: other) { return nil }
    // -1, 0 or 1; nil when either path is not ASCII.
    let order: Int? = arena.withBytes(at: folderOffset, count: folderCount) { a in
      other.arena.withBytes(at: other.folderOffset, count: other.folderCount) { b in
        guard a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) else { return nil }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
      }
    }
    if let order { return order == 0 ? nil : order < 0 }
    let (a, b) = (folder, other.folder)
    return a == b ? nil : a < b
  }

  static func == (a: WalkedFile, b: WalkedFile) -> Bool {
    a.folder == b.folder && a.stored == b.stored && a.size == b.size && a.role == b.role && a.given == b.given
  }

  /// The name of a path as given on the command line.
  static func lastComponent(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}

/// Walks folders with `opendir`/`readdir`, following symbolic links to folders at most once each
/// (visited folders are remembered by device and inode, so link loops end).
///
/// A link to a folder outside the roots is not entered unless ``ScanOptions/followExternalLinks``
/// is set (it is reported as skipped): a downloaded folder must not lead the scan across the file
/// system. `/proc`, `/sys` and `/dev` are never entered, nor files in them read. Links to files are
/// read wherever they point (the Hugging Face cache links every file of a snapshot into `../../blobs/`).
struct DirectoryWalker {
  let options: ScanOptions
  /// Also list files that are neither licence-like nor source (weights, data, configuration), with a nil
  /// role: `openness` inventories a whole release.
  var everyFile = false

  /// The files of interest under `roots`, the problems met (unreadable folders, missing roots),
  /// and the links passed over.
  func walk(_ roots: [String]) -> (files: [WalkedFile], issues: [ScanIssue], skipped: [SkippedFile]) {
    var files: [WalkedFile] = []
    var issues: [ScanIssue] = []
    var skipped: [SkippedFile] = []
    var visited = Set<FileIdentity>()
    let arena = FolderArena()
    let realRoots = roots.compactMap(Self.realPath)
    for root in roots {
      var st = stat()
      guard stat(root, &st) == 0 else {
        issues.append(ScanIssue(path: root, message: "no such file or folder"))
        continue
      }
      if (st.st_mode & S_IFMT) == S_IFREG {
        // A file named on the command line is a licence, whatever its name.
        let name = WalkedFile.lastComponent(of: root)
        let folder = parent(of: root)
        files.append(
          WalkedFile(
            arena: arena, path: root, folder: folder, size: Int(st.st_size), role: FileRole.forName(name) ?? .licence))
        continue
      }
      guard (st.st_mode & S_IFMT) == S_IFDIR else {
        issues.append(ScanIssue(path: root, message: "not a regular file or folder"))
        continue
      }
      guard let rootReal = Self.realPath(root), !Self.isVirtual(rootReal) else {
        issues.append(ScanIssue(path: root, message: "not scanned: /proc, /sys and /dev are never scanned"))
        continue
      }
      visited.insert(FileIdentity(st))
      // Folders waiting to be walked hold their parent's paths (one object shared by all its
      // subfolders) and their own name, whose bytes sit on `names`, a byte stack used in the same
      // last-in, first-out order as `stack`: no string per waiting folder. A flat folder of 100,000
      // subfolders held 100,000 path strings here, whose freed memory the heap kept for the rest of
      // the scan (about 8 MB).
      var names: [UInt8] = []
      var stack: [PendingFolder] = []
      var current: (path: String, real: String)? = (root, rootReal)
      while true {
        let folder: String
        let folderReal: String
        if let c = current {
          (folder, folderReal) = c
          current = nil
        } else if let next = stack.popLast() {
          let name = names.withUnsafeBufferPointer {
            String(decoding: $0[next.nameStart..<(next.nameStart + Int(next.nameCount))], as: UTF8.self)
          }
          names.removeSubrange(next.nameStart...)
          folder = Self.join(next.parent.path, name)
          if let target = next.linkTarget {
            folderReal = target
          } else {
            // Under a canonical root the real path is the path: one string for both.
            folderReal = next.parent.isReal ? folder : Self.join(next.parent.real, name)
          }
        } else {
          break
        }
        guard let dir = opendir(folder) else {
          issues.append(ScanIssue(path: folder, message: "cannot open folder (errno \(errno))"))
          continue
        }
        // Subfolders as their names' places on `names` (appended as they are read) and link targets;
        // pushed in name order once the folder is read.
        let namesStart = names.count
        var subfolders: [(start: Int, count: UInt32, linkTarget: String?)] = []
        let folderIsReal = folder.utf8.elementsEqual(folderReal.utf8)
        // Stored in the arena at the folder's first file of interest.
        var stored: (offset: Int, count: UInt32)?
        while let entry = readdir(dir) {
          let name = withUnsafePointer(to: &entry.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
          }
          if name == "." || name == ".." { continue }
          let path = Self.join(folder, name)
          var info = stat()
          guard lstat(path, &info) == 0 else { continue }
          let isLink = (info.st_mode & S_IFMT) == S_IFLNK
          if isLink {
            // A dangling link is skipped; a link to a folder is followed once (see `visited`).
            guard options.followSymlinks, stat(path, &info) == 0 else { continue }
          }
          switch info.st_mode & S_IFMT {
          case S_IFDIR:
            if options.skipFolders.contains(name) { continue }
            var linkTarget: String? = nil
            if isLink {
              guard let target = Self.realPath(path) else { continue }
              // `/proc/self/root` resolves to `/`: the link as written counts too.
              if Self.isVirtual(target) || Self.linkText(path, in: folderReal).map(Self.isVirtual) == true {
                skipped.append(
                  SkippedFile(path: path, reason: "link to \(target): /proc, /sys and /dev are never scanned"))
                continue
              }
              if !options.followExternalLinks, !realRoots.contains(where: { Self.isInside(target, $0) }) {
                skipped.append(
                  SkippedFile(
                    path: path,
                    reason:
                      "link to a folder outside the scanned folders (\(target)); --follow-external-links follows it"))
                continue
              }
              linkTarget = target
            } else {
              let real = folderIsReal ? path : Self.join(folderReal, name)
              if Self.isVirtual(real) { continue }
            }
            if visited.insert(FileIdentity(info)).inserted {
              let start = names.count
              names.append(contentsOf: name.utf8)
              subfolders.append((start, UInt32(names.count - start), linkTarget))
            }
          case S_IFREG:
            if isLink, let target = Self.realPath(path),
              Self.isVirtual(target) || Self.linkText(path, in: folderReal).map(Self.isVirtual) == true
            {
              skipped.append(SkippedFile(path: path, reason: "link to \(target): /proc, /sys and /dev are never read"))
              continue
            }
            let role = FileRole.forName(name)
            if role != nil || FileRole.isSource(name) || everyFile {
              let at = stored ?? arena.append(folder)
              stored = at
              files.append(WalkedFile(arena: arena, folder: at, name: name, size: Int(info.st_size), role: role))
            }
          default:
            continue
          }
        }
        closedir(dir)
        guard !subfolders.isEmpty else { continue }
        // Depth first in name order, so the walk order does not depend on the file system. The
        // subfolders' paths share the prefix `folder/`, so names sort as their paths would.
        let read = Array(names[namesStart...])
        names.removeSubrange(namesStart...)
        read.withUnsafeBufferPointer { buf in
          subfolders.sort { a, b in
            Self.namePrecedes(
              UnsafeBufferPointer(rebasing: buf[(b.start - namesStart)..<(b.start - namesStart + Int(b.count))]),
              UnsafeBufferPointer(rebasing: buf[(a.start - namesStart)..<(a.start - namesStart + Int(a.count))]))
          }
        }
        // Pushed last name first, their bytes in the same order, so that popping one frees the end of `names`.
        let parent = PendingFolder.Parent(path: folder, real: folderReal, isReal: folderIsReal)
        stack.reserveCapacity(stack.count + subfolders.count)
        for sub in subfolders {
          let start = names.count
          names.append(contentsOf: read[(sub.start - namesStart)..<(sub.start - namesStart + Int(sub.count))])
          stack.append(
            PendingFolder(parent: parent, nameStart: start, nameCount: sub.count, linkTarget: sub.linkTarget))
        }
      }
    }
    // The list and the arena outlive the walk: copied to their exact size, without the up to half
    // of growth room doubling leaves (about 2.5 MB at 100,000 files).
    arena.trim()
    return (Self.exactCopy(files), issues, skipped)
  }

  /// The elements in a buffer of (about) their count; the array itself when it has little room spare.
  static func exactCopy<T>(_ list: [T]) -> [T] {
    guard list.capacity - list.count > Swift.max(64, list.count / 16) else { return list }
    var copy: [T] = []
    copy.reserveCapacity(list.count)
    copy.append(contentsOf: list)
    return copy
  }

  /// Whether name `a` sorts before `b` as `String` orders them: by bytes when both are ASCII (the
  /// same order), else as strings.
  static func namePrecedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) {
      for (x, y) in zip(a, b) where x != y { return x < y }
      return a.count < b.count
    }
    return String(decoding: a, as: UTF8.self) < String(decoding: b, as: UTF8.self)
  }

  /// `folder/name` (one slash) in a string of exactly its size: a subfolder's path is kept by every
  /// file found in it, and `+` would leave it with room to grow (about 30 bytes per folder of a
  /// 100,000-folder walk).
  static func join(_ folder: String, _ name: String) -> String {
    var folder = folder
    var name = name
    return folder.withUTF8 { f in
      name.withUTF8 { m in
        let slash = f.last != UInt8(ascii: "/")
        return String(unsafeUninitializedCapacity: f.count + (slash ? 1 : 0) + m.count) { out in
          var i = f.count
          _ = UnsafeMutableBufferPointer(rebasing: out[0..<i]).initialize(from: f)
          if slash {
            out[i] = UInt8(ascii: "/")
            i += 1
          }
          _ = UnsafeMutableBufferPointer(rebasing: out[i..<(i + m.count)]).initialize(from: m)
          return i + m.count
        }
      }
    }
  }

  /// The canonical absolute path (links resolved), or nil when it cannot be resolved.
  static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// The target of a link as written, made absolute against the link's folder and normalised
  /// lexically (`..` removed without following links).
  static func linkText(_ path: String, in folder: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4097)
    let n = readlink(path, &buffer, 4096)
    guard n > 0 else { return nil }
    let text = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var parts: [Substring] = []
    for part in ((text.hasPrefix("/") ? "" : folder + "/") + text).split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == ".." {
        _ = parts.popLast()
      } else {
        parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Whether `path` is `folder` or inside it (both canonical).
  static func isInside(_ path: String, _ folder: String) -> Bool {
    if folder == "/" { return true }
    return path == folder || path.hasPrefix(folder + "/")
  }

  /// Kernel file systems: reading them can hang, never end, or reveal the machine's secrets.
  static func isVirtual(_ real: String) -> Bool {
    ["/proc", "/sys", "/dev"].contains { isInside(real, $0) }
  }

  private func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}

/// A folder on the walk's stack: the paths of the folder holding it, shared with its siblings, and
/// where its name is on the walk's byte stack of names.
struct PendingFolder {
  /// The paths of a walked folder, kept while any of its subfolders waits.
  final class Parent {
    let path: String
    let real: String
    /// Whether `path` is its own real path (then so are its subfolders' paths).
    let isReal: Bool

    init(path: String, real: String, isReal: Bool) {
      self.path = path
      self.real = real
      self.isReal = isReal
    }
  }

  let parent: Parent
  let nameStart: Int
  let nameCount: UInt32
  /// The real path of a linked folder (nil for a plain one, whose real path follows from its parent's).
  let linkTarget: String?
}

/// A file's device and inode: the same folder reached twice through links has the same identity.
struct FileIdentity: Hashable {
  let device: UInt64
  let inode: UInt64

  init(_ st: stat) {
    device = UInt64(st.st_dev)
    inode = UInt64(st.st_ino)
  }
}

/// The first bytes of a file, read without reading the rest.
enum FileHead {
  /// Up to `count` bytes from the start of `path`, or nil when it cannot be opened.
  static func read(_ path: String, count: Int) -> [UInt8]? {
    // Non-blocking open and a regular-file check: the file may have been swapped for a FIFO
    // since the walk saw it.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    var buffer = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = buffer.withUnsafeMutableBytes { raw in
        Glibc.read(fd, raw.baseAddress! + filled, count - filled)
      }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      filled += n
    }
    return Array(buffer[0..<filled])
  }

  /// Binary data: a NUL byte (unless the file starts with a UTF-16 byte-order mark).
  static func looksBinary(_ head: [UInt8]) -> Bool {
    if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
      return false
    }
    return head.contains(0)
  }
}
