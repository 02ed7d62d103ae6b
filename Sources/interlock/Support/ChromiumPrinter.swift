import Foundation

/// Prints an HTML page to PDF with headless Chromium, when the machine has it: the board report
/// is laid out for A4 landscape by its own print stylesheet, so a browser prints it as designed.
enum ChromiumPrinter {
    /// The names Chromium is installed under.
    private static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The Chromium on the `PATH`, if any.
    static func find() -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in candidates {
            for folder in folders {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    /// Prints `html` to the PDF file `path`, written atomically: to a temporary sibling, renamed
    /// over `path` once Chromium succeeded.
    static func print(html: String, to path: String) throws {
        guard let chromium = find() else {
            throw CommandFailure.badInput(
                "cannot write \(path): no Chromium to print with; install it (Debian: apt-get install chromium) or open the HTML page in a browser and print it to PDF, A4 landscape")
        }
        let destination = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("board.html"), printed = folder.appendingPathComponent("board.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw CommandFailure.badInput("cannot write \(path): \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = chromium
        // As root Chromium needs --no-sandbox; the page loads nothing, so no network is needed.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--no-pdf-header-footer", "--print-to-pdf=\(printed.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CommandFailure.badInput("cannot write \(path): Chromium did not start (\(error.localizedDescription))")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let size = try? FileManager.default.attributesOfItem(atPath: printed.path)[.size] as? Int, size > 0 else {
            throw CommandFailure.badInput("cannot write \(path): Chromium could not print the page (exit \(process.terminationStatus))")
        }
        let staged = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
        do {
            try? FileManager.default.removeItem(at: staged)
            try FileManager.default.copyItem(at: printed, to: staged)
            guard rename(staged.path, destination.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: staged)
            throw CommandFailure.badInput("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
