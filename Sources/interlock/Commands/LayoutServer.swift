import ArgumentParser
import Foundation
import InterlockGraphviz

/// `interlock _layout` (hidden): lays out one diagram for another `interlock` process, request
/// on standard input, result on standard output (`Graphviz.serveLayout`).
///
/// `render` and `report` lay out through it (``isolateLayouts()``) so that a Graphviz crash
/// during a layout ends this short-lived process, not the command, which then falls back.
struct LayoutServer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_layout", abstract: "Lay out one diagram for another interlock process (internal).", shouldDisplay: false)

    func run() throws {
        let request = FileHandle.standardInput.readDataToEndOfFile()
        try FileHandle.standardOutput.write(contentsOf: Graphviz.shared.serveLayout(request))
    }

    /// Makes every layout of this process run in `interlock _layout`, started from this very
    /// executable; without a readable `/proc/self/exe`, layouts stay in this process.
    static func isolateLayouts() {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return }
        Graphviz.shared.layOutInSubprocesses(executable: URL(fileURLWithPath: path), arguments: [configuration.commandName ?? "_layout"])
    }
}
