import Foundation
import FuzzSupport
import InterlockCore
import InterlockInterop

/// An importer's file: the fuzz input written where the importer reads files (it takes paths,
/// as `interlock import` does), then imported. An import either fails with an `ImportError` or
/// yields a portfolio whose YAML the normal loader accepts: the promise `interlock import`
/// checks before writing, so a file it cannot read back is a bug, not only a crash.
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int, format: ImportFormat, fileName: String) -> CInt {
    let path = FuzzImportFolder.path(fileName)
    guard FileManager.default.createFile(atPath: path, contents: Data(fuzzBytes(data, size))) else {
        fuzzFailure("cannot write \(path)")
    }
    let imported: ImportedPortfolio
    do {
        imported = try PortfolioImporter.importFiles([path], format: format)
    } catch {
        return 0
    }
    let text = PortfolioYAMLWriter.text(of: imported)
    do {
        _ = try PortfolioLoader.load(text: text, file: "imported.yaml")
    } catch {
        fuzzFailure("the imported portfolio does not load: \(error)\n\(text.prefix(2_000))")
    }
    return 0
}

/// A folder of this process's own, so that fuzzers running side by side never share a file.
private enum FuzzImportFolder {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "interlock-fuzz-import-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func path(_ fileName: String) -> String { folder + "/" + fileName }
}
