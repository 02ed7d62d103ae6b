import Foundation
import InterlockCore

/// What a portfolio's files look like on disk, cheaply: each file's path, inode, size and
/// modification time. Two equal signatures mean nothing was saved in between (editors that save
/// by renaming a new file over the old one change the inode, so they are seen too).
struct FileSignature: Hashable, Sendable {
    private struct Stamp: Hashable, Sendable {
        var path: String
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private var stamps: [Stamp]
    /// Why the paths could not be listed, if they could not (a folder removed, say).
    private var problem: String?

    /// The signature of the files `paths` load from, as the loader lists them.
    init(of paths: [String]) {
        stamps = []
        problem = nil
        do {
            for path in paths {
                for file in try PortfolioLoader.portfolioFiles(at: path) {
                    var status = stat()
                    guard stat(file, &status) == 0 else {
                        stamps.append(Stamp(path: file, inode: 0, size: -1, seconds: 0, nanoseconds: 0))
                        continue
                    }
                    stamps.append(Stamp(
                        path: file, inode: UInt64(status.st_ino), size: Int64(status.st_size), seconds: Int(status.st_mtim.tv_sec),
                        nanoseconds: Int(status.st_mtim.tv_nsec)))
                }
            }
        } catch {
            problem = error.description
        }
    }
}
