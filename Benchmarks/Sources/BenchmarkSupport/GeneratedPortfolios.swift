import Foundation
import InterlockCore
import InterlockGenerator

/// Generated portfolios on disk, made once and reused by every benchmark and run.
///
/// Files live in `$INTERLOCK_BENCH_DATA`, else in `interlock-bench-data` under the temporary
/// directory, named by size, seed and format (`portfolio-100000-seed1.json`). A missing file is
/// generated with `PortfolioGenerator` (the same bytes `interlock generate` writes) into a
/// temporary name and renamed, so concurrent or interrupted runs never see half a file.
public enum GeneratedPortfolios {
    /// The seed every benchmark uses, so all of them measure the same portfolios.
    public static let seed: UInt64 = 1

    /// The folder holding the generated files.
    public static var folder: URL {
        if let path = ProcessInfo.processInfo.environment["INTERLOCK_BENCH_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("interlock-bench-data")
    }

    /// The path of the portfolio of `initiatives` in `format`, generated first when missing.
    public static func path(initiatives: Int, format: PortfolioGenerator.Format) throws -> String {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("portfolio-\(initiatives)-seed\(seed).\(format.rawValue)")
        if manager.fileExists(atPath: file.path) { return file.path }
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        guard manager.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        _ = try PortfolioGenerator(initiatives: initiatives, seed: seed).write(format, to: handle)
        try handle.close()
        _ = try manager.replaceItemAt(file, withItemAt: temporary)
        return file.path
    }

    /// The loaded portfolio of `initiatives` (from its JSON file, the faster format to read).
    public static func portfolio(initiatives: Int) throws -> Portfolio {
        try PortfolioLoader.load(paths: [path(initiatives: initiatives, format: .json)])
    }

    /// The graph of the portfolio of `initiatives`.
    public static func graph(initiatives: Int) throws -> PortfolioGraph {
        PortfolioGraph(try portfolio(initiatives: initiatives))
    }
}
