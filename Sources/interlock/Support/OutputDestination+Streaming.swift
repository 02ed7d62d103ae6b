import Foundation

extension OutputDestination {
    /// Streams a large result through `body`: straight to standard output or a device, or into a
    /// temporary sibling of the file that is renamed over it once `body` succeeds, so a failed run
    /// never leaves half a file and the result never has to fit in memory. A write error (a full
    /// disk, a closed pipe) is a clear message and exit code 2.
    func stream<Result>(_ body: (FileHandle) throws -> Result) throws -> Result {
        switch try target() {
        case .standardOutput:
            do {
                return try body(FileHandle.standardOutput)
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure.badInput("cannot write to standard output: \(writeFailure(error))")
            }
        case .special(let device):
            guard let handle = FileHandle(forWritingAtPath: device) else {
                throw CommandFailure.badInput("cannot write \(path ?? device): cannot open it for writing")
            }
            defer { try? handle.close() }
            do {
                return try body(handle)
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure.badInput("cannot write \(path ?? device): \(writeFailure(error))")
            }
        case .file(let file):
            return try streamReplacing(file, body)
        }
    }

    /// Writes into a temporary sibling of `file` and renames it over `file`. An existing file
    /// keeps its mode (and its owner, where the system allows) and must be writable in place: a
    /// read-only file is refused rather than replaced by whoever may write to its folder.
    func streamReplacing<Result>(_ file: String, _ body: (FileHandle) throws -> Result) throws -> Result {
        let destination = URL(fileURLWithPath: file)
        var existing = stat()
        let exists = stat(file, &existing) == 0
        // Root passes access(2) for any file, so a file with no write permission at all is refused too.
        if exists, access(file, W_OK) != 0 || existing.st_mode & 0o222 == 0 {
            throw CommandFailure.badInput(
                "cannot write \(path ?? file): the file is read-only (mode \(String(existing.st_mode & 0o7777, radix: 8))); "
                    + "make it writable or choose another file")
        }
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
        return try TemporaryFileCleanup.removing(temporary.path) {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: temporary)
            else {
                throw CommandFailure.badInput("cannot write \(path ?? file): cannot create \(temporary.path)")
            }
            do {
                if exists {
                    fchmod(handle.fileDescriptor, existing.st_mode & 0o7777)
                    // Fails unless run by root or the owner: the file then belongs to whoever wrote it.
                    fchown(handle.fileDescriptor, existing.st_uid, existing.st_gid)
                }
                let result = try body(handle)
                try handle.close()
                guard rename(temporary.path, destination.path) == 0 else {
                    throw CommandFailure.badInput("cannot write \(path ?? file): \(String(cString: strerror(errno)))")
                }
                return result
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(at: temporary)
                if error is CommandFailure { throw error }
                throw CommandFailure.badInput("cannot write \(path ?? file): \(writeFailure(error))")
            }
        }
    }
}

/// What went wrong in a write, in the system's words ("No space left on device", "File too
/// large"): Foundation wraps the POSIX error in a Cocoa one that reads "NSCocoaErrorDomain error 512".
func writeFailure(_ error: any Error) -> String {
    let cocoa = error as NSError
    let underlying = (cocoa.userInfo[NSUnderlyingErrorKey] as? NSError) ?? cocoa
    guard underlying.domain == NSPOSIXErrorDomain else { return error.localizedDescription }
    return String(cString: strerror(Int32(underlying.code)))
}
