import Foundation
import InterlockCore

/// Archi's "Export Model to CSV": `elements.csv` (`ID`, `Type`, `Name`, `Documentation`, the
/// model itself first with type `ArchimateModel`), `relations.csv` (`ID`, `Type` such as
/// `ServingRelationship`, `Name`, `Documentation`, `Source`, `Target`) and `properties.csv`
/// (`ID`, `Key`, `Value`), each with an optional prefix (`acme-elements.csv`), separated by commas,
/// semicolons or tabs as Archi offers. Read into the same elements and relationships as the
/// exchange format, so both give one portfolio (docs/interop.md).
enum ArchiCSV {
    /// The three files Archi writes, by the end of their names.
    private enum Part: String, CaseIterable {
        case elements = "elements.csv", relations = "relations.csv", properties = "properties.csv"
    }

    /// Reads the model of `paths` (any of the three files; the others with the same prefix are
    /// read too when they exist) into `collector`, and gives the model's name.
    static func read(_ paths: [String], into collector: inout RecordCollector, options: ImportOptions) throws(ImportError) -> String? {
        var prefixes: [String] = []
        for path in paths {
            guard let part = Part.allCases.first(where: { path.lowercased().hasSuffix($0.rawValue) }) else {
                throw ImportError("\(path): not a file of Archi's CSV export (expected a name ending in elements.csv, relations.csv or properties.csv)")
            }
            let prefix = String(path.dropLast(part.rawValue.count))
            if !prefixes.contains(prefix) { prefixes.append(prefix) }
        }
        var modelName: String?
        for prefix in prefixes {
            guard FileManager.default.fileExists(atPath: prefix + Part.elements.rawValue) else {
                throw ImportError("\(prefix + Part.elements.rawValue): no such file; Archi's CSV export starts with its elements")
            }
            let properties = try table(prefix + Part.properties.rawValue, columns: ["ID", "Key", "Value"], options: options, required: false)
            var propertiesByID: [String: [(name: String, value: String, origin: String)]] = [:]
            for row in properties {
                propertiesByID[row.cells[0], default: []].append((row.cells[1], row.cells[2], row.origin))
            }
            for row in try table(prefix + Part.elements.rawValue, columns: ["ID", "Type", "Name", "Documentation"], options: options, required: true) {
                let (id, type, name) = (row.cells[0], row.cells[1], row.cells[2])
                if type == "ArchimateModel" {
                    modelName = modelName ?? (name.isEmpty ? nil : name)
                    continue
                }
                collector.add(ArchiMateElement(
                    identifier: id, type: ArchiMateImporter.normalised(type), name: name, documentation: row.cells[3],
                    properties: propertiesByID[id] ?? [], location: row.location), overrides: options.overrides)
            }
            let relationsPath = prefix + Part.relations.rawValue
            for row in try table(relationsPath, columns: ["ID", "Type", "Name", "Documentation", "Source", "Target"], options: options, required: false) {
                let type = row.cells[1].hasSuffix("Relationship") ? String(row.cells[1].dropLast("Relationship".count)) : row.cells[1]
                let version = propertiesByID[row.cells[0]]?.first { $0.name == "version" }?.value
                collector.add(ArchiMateRelationship(
                    identifier: row.cells[0], type: ArchiMateImporter.normalised(type), source: row.cells[4], target: row.cells[5],
                    accessType: nil, version: version, origin: "\(row.origin) (\(type) \(row.cells[0]))"))
            }
        }
        return modelName
    }

    /// The rows of one file after its header, each with the cells of `columns` in that order.
    private static func table(
        _ path: String, columns: [String], options: ImportOptions, required: Bool
    ) throws(ImportError) -> [(cells: [String], location: SourceLocation, origin: String)] {
        guard required || FileManager.default.fileExists(atPath: path) else { return [] }
        let text = try PortfolioImporter.readText(path, limits: options.limits)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Character = [";", "\t"].first { firstLine.contains($0) && !firstLine.contains(",") } ?? ","
        let rows = try CSVReader.parse(text, delimiter: delimiter, file: path)
        guard let header = rows.first?.cells.map(\.plainText) else { return [] }
        var positions: [Int] = []
        for column in columns {
            guard let position = header.firstIndex(where: { $0.caseInsensitiveCompare(column) == .orderedSame }) else {
                throw ImportError("\(path), row 1: no column '\(column)'; Archi's CSV export has " + columns.joined(separator: ", "))
            }
            positions.append(position)
        }
        return rows.dropFirst().map { row in
            let cells = positions.map { row.cells.indices.contains($0) ? row.cells[$0].plainText : "" }
            return (cells, SourceLocation(file: path, line: row.number, column: 1), "\(path), row \(row.number)")
        }
    }
}
