import Foundation

/// A file a folder listing left out, and why: it is not a regular file.
public struct SkippedFile: Hashable, Sendable, CustomStringConvertible {
    /// The path as found in the folder.
    public var path: String
    /// What it is instead ("a FIFO (named pipe)", "a character device", ...).
    public var reason: String

    /// `path: skipped, not a regular file (reason)`.
    public var description: String { "\(path): skipped, not a regular file (\(reason))" }
}

/// What a path is, links followed; a link that leads nowhere or a path that cannot be examined
/// is an error rather than an absent file.
enum FileKind {
    case regular
    case folder
    case special(String)

    init(of path: String) throws(LoadError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = errno
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                throw LoadError("the symbolic link leads to nothing that can be read: \(String(cString: strerror(reason)))", file: path)
            }
            if reason == ENOENT { throw LoadError("no such file or folder", file: path) }
            throw LoadError("cannot examine the path: \(String(cString: strerror(reason)))", file: path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        default: self = .special(Self.describe(mode: status.st_mode))
        }
    }

    /// The kind of a file that is neither a regular file nor a folder, in words.
    static func describe(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "a special file"
        }
    }
}

/// A file's device and inode: the same folder reached twice through links is read once.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init(of path: String) throws(LoadError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw LoadError("cannot examine the folder: \(String(cString: strerror(errno)))", file: path)
        }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
