import Foundation

extension OutputDestination {
    /// Streams a large result through `body`: straight to standard output, or into a temporary
    /// sibling of the file that is renamed over it once `body` succeeds, so a failed run never
    /// leaves half a file and the result never has to fit in memory.
    func stream<Result>(_ body: (FileHandle) throws -> Result) throws -> Result {
        guard let path else {
            do {
                return try body(FileHandle.standardOutput)
            } catch {
                throw CommandFailure.badInput("cannot write to standard output: \(error.localizedDescription)")
            }
        }
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary)
        else {
            throw CommandFailure.badInput("cannot write \(path): cannot create \(temporary.path)")
        }
        do {
            let result = try body(handle)
            try handle.close()
            guard rename(temporary.path, destination.path) == 0 else {
                throw CommandFailure.badInput("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            return result
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            if error is CommandFailure { throw error }
            throw CommandFailure.badInput("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
