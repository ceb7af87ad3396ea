#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file a walk found worth a closer look.
struct WalkedFile: Sendable, Equatable {
  /// The path, built from the root as given.
  let path: String
  /// The folder path.
  let folder: String
  /// The last path component.
  let name: String
  /// Size in bytes, from `stat`.
  let size: Int
  /// The role its name gives, or nil for a source file to sniff for SPDX tags.
  let role: FileRole?
}

/// Walks folders with `opendir`/`readdir`, following symbolic links to folders at most once each
/// (visited folders are remembered by device and inode, so link loops end).
struct DirectoryWalker {
  let options: ScanOptions

  /// The files of interest under `roots`, and the problems met (unreadable folders, missing roots).
  func walk(_ roots: [String]) -> (files: [WalkedFile], issues: [ScanIssue]) {
    var files: [WalkedFile] = []
    var issues: [ScanIssue] = []
    var visited = Set<FileIdentity>()
    for root in roots {
      var st = stat()
      guard stat(root, &st) == 0 else {
        issues.append(ScanIssue(path: root, message: "no such file or folder"))
        continue
      }
      if (st.st_mode & S_IFMT) == S_IFREG {
        // A file named on the command line is a licence, whatever its name.
        let name = root.split(separator: "/").last.map(String.init) ?? root
        let folder = parent(of: root)
        files.append(
          WalkedFile(
            path: root, folder: folder, name: name, size: Int(st.st_size), role: FileRole.forName(name) ?? .licence))
        continue
      }
      guard (st.st_mode & S_IFMT) == S_IFDIR else {
        issues.append(ScanIssue(path: root, message: "not a regular file or folder"))
        continue
      }
      visited.insert(FileIdentity(st))
      var stack = [root]
      while let folder = stack.popLast() {
        guard let dir = opendir(folder) else {
          issues.append(ScanIssue(path: folder, message: "cannot open folder (errno \(errno))"))
          continue
        }
        var subfolders: [String] = []
        while let entry = readdir(dir) {
          let name = withUnsafePointer(to: &entry.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
          }
          if name == "." || name == ".." { continue }
          let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
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
            if visited.insert(FileIdentity(info)).inserted { subfolders.append(path) }
          case S_IFREG:
            let role = FileRole.forName(name)
            if role != nil || FileRole.isSource(name) {
              files.append(WalkedFile(path: path, folder: folder, name: name, size: Int(info.st_size), role: role))
            }
          default:
            continue
          }
        }
        closedir(dir)
        // Depth first in name order, so the walk order does not depend on the file system.
        stack.append(contentsOf: subfolders.sorted(by: >))
      }
    }
    return (files, issues)
  }

  private func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
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
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
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
