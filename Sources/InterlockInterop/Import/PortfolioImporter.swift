import Foundation
import InterlockCore

/// The formats `interlock import` and `--from` read.
public enum ImportFormat: String, CaseIterable, Hashable, Sendable {
    /// ArchiMate Open Exchange Format, 3.0/3.1 or 2.1 (`.xml`).
    case archimate
    /// CSV files, one per kind or one of initiatives, mapped by `--mapping` or by their headers.
    case csv
    /// An Excel workbook, one sheet per kind or one of initiatives, mapped by `--mapping` or by its headers.
    case xlsx
    /// SAP LeanIX's Excel (or CSV) export, with the built-in mapping.
    case leanix
    /// Ardoq's Excel export (one sheet per component type, a references sheet), with the built-in mapping.
    case ardoq
    /// Backstage catalog files (`catalog-info.yaml`, several documents each).
    case backstage
}

/// How to read an import.
public struct ImportOptions: Sendable {
    /// Source types mapped to other kinds than the format's table (`--as ApplicationComponent=initiative`).
    public var overrides: [String: ImportKind]
    /// The spreadsheet mapping (`--mapping`); nil: the format's built-in one, or headers named like fields.
    public var mapping: SpreadsheetMapping?
    /// Size bounds for untrusted files.
    public var limits: ImportLimits

    /// Creates options.
    public init(overrides: [String: ImportKind] = [:], mapping: SpreadsheetMapping? = nil, limits: ImportLimits = ImportLimits()) {
        self.overrides = overrides
        self.mapping = mapping
        self.limits = limits
    }

    /// Parses `--as TYPE=KIND` texts.
    public static func overrides(_ texts: [String]) throws(ImportError) -> [String: ImportKind] {
        var overrides: [String: ImportKind] = [:]
        for text in texts {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let kind = ImportKind(word: parts[1]) else {
                throw ImportError("--as \(text): expected TYPE=KIND, KIND one of "
                                  + ImportKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            overrides[parts[0]] = kind
        }
        return overrides
    }
}

/// Bounds on what an untrusted file may make the importer read.
public struct ImportLimits: Hashable, Sendable {
    /// The largest file read (as the loader: 1 GiB).
    public var maximumFileSize: Int = 1 << 30
    /// The most entries an XLSX (zip) may hold.
    public var maximumZipEntries: Int = 10_000
    /// The most bytes an XLSX may unpack to, all entries together: a zip bomb stops here.
    public var maximumUncompressedSize: Int = 1 << 30

    /// The default limits.
    public init() {}
}

/// Reads portfolios held in other tools' formats.
///
///     let imported = try PortfolioImporter.importFiles(["model.xml"], format: .archimate)
///     let analysis = try PortfolioAnalysis(portfolio: imported.portfolio)
///     let yaml = PortfolioYAMLWriter.text(of: imported)
public enum PortfolioImporter {
    /// Imports `paths`, read as `format`.
    /// - Throws: `ImportError` naming the file and place of anything unreadable, or the import
    ///   yielding no initiative.
    public static func importFiles(
        _ paths: [String], format: ImportFormat, options: ImportOptions = ImportOptions()
    ) throws(ImportError) -> ImportedPortfolio {
        guard !paths.isEmpty else { throw ImportError("no file to import") }
        switch format {
        case .archimate:
            return try ArchiMateImporter.importFiles(paths, options: options)
        case .csv, .xlsx, .leanix, .ardoq:
            return try SpreadsheetImporter.importFiles(paths, format: format, options: options)
        case .backstage:
            return try BackstageImporter.importFiles(paths, options: options)
        }
    }

    /// Reads a whole file, bounded by `limits`.
    static func read(_ path: String, limits: ImportLimits) throws(ImportError) -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else { throw ImportError("\(path): no such file") }
        if attributes[.type] as? FileAttributeType == .typeDirectory { throw ImportError("\(path): is a folder; give a file") }
        if let size = attributes[.size] as? Int, size > limits.maximumFileSize {
            throw ImportError("\(path): \(size) bytes, more than the \(limits.maximumFileSize) an import reads")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ImportError("\(path): cannot be read (\(error.localizedDescription))")
        }
    }

    /// Reads a whole file as UTF-8 text (a byte-order mark dropped).
    static func readText(_ path: String, limits: ImportLimits) throws(ImportError) -> String {
        var data = try read(path, limits: limits)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError("\(path): is not UTF-8 text (save it as UTF-8)")
        }
        return text
    }

    /// The kind of `type` under `table` and the user's overrides (which win; an override
    /// matches the type case-insensitively).
    static func kind(of type: String, table: [String: ImportKind], overrides: [String: ImportKind]) -> ImportKind {
        if let kind = overrides[type] { return kind }
        if let kind = overrides.first(where: { $0.key.caseInsensitiveCompare(type) == .orderedSame })?.value { return kind }
        return table[type] ?? .skip
    }
}
