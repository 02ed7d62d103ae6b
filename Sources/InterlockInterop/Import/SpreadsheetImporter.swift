import Foundation
import InterlockCore

/// Reads CSV files and XLSX workbooks through a `SpreadsheetMapping` (given, built in for
/// LeanIX and Ardoq, or the default: sheets named like kinds, headers named like fields).
enum SpreadsheetImporter {
    static func importFiles(_ paths: [String], format: ImportFormat, options: ImportOptions) throws(ImportError) -> ImportedPortfolio {
        let mapping = options.mapping ?? (format == .leanix ? .leanIX : format == .ardoq ? .ardoq : SpreadsheetMapping())
        let delimiter = mapping.delimiter?.first ?? ","
        var tables: [SpreadsheetTable] = []
        var date1904 = false
        for path in paths {
            if format == .csv || path.lowercased().hasSuffix(".csv") {
                tables.append(try CSVReader.read(path, delimiter: delimiter, limits: options.limits))
            } else {
                let workbook = try XLSXReader.read(path, limits: options.limits)
                tables += workbook.tables
                date1904 = date1904 || workbook.date1904
            }
        }
        var reader = SheetReader(mapping: mapping, overrides: options.overrides, date1904: date1904, single: tables.count == 1)
        for table in tables where reader.relations(for: table) == nil { try reader.readEntities(table) }
        for table in tables {
            if let relations = reader.relations(for: table) { try reader.readRelations(table, relations) }
        }
        let assembler = PortfolioAssembler(source: paths.joined(separator: ", "), listSeparator: mapping.listSeparator ?? ";",
                                           initiativeCandidates: ["Application", "Project", "Initiative"])
        return try assembler.assemble(reader.records, name: nil, sources: paths, format: format, ignored: reader.ignored,
                                      unresolved: reader.unresolved)
    }
}

/// Turns tables into records under one mapping.
private struct SheetReader {
    let mapping: SpreadsheetMapping
    let overrides: [String: ImportKind]
    let date1904: Bool
    let single: Bool
    var records: [ImportRecord] = []
    var ignored: [String: Int] = [:]
    var unresolved: [String] = []
    private var byKey: [String: Int] = [:]

    init(mapping: SpreadsheetMapping, overrides: [String: ImportKind], date1904: Bool, single: Bool) {
        self.mapping = mapping
        self.overrides = overrides
        self.date1904 = date1904
        self.single = single
    }

    func relations(for table: SpreadsheetTable) -> SpreadsheetMapping.Relations? {
        mapping.relations?.first { $0.sheet.caseInsensitiveCompare(table.name) == .orderedSame }
    }

    private func sheetMapping(for table: SpreadsheetTable) -> SpreadsheetMapping.Sheet? {
        let sheets = mapping.sheets ?? []
        return sheets.first { $0.sheet?.caseInsensitiveCompare(table.name) == .orderedSame } ?? sheets.first { $0.sheet == nil }
    }

    /// The header texts of the first row.
    private func headers(_ table: SpreadsheetTable) -> [String] {
        table.rows.first?.cells.map { cell in
            if case .text(let text) = cell { return text.trimmingCharacters(in: .whitespaces) }
            if case .number(let number) = cell { return SpreadsheetCell.text(of: number) }
            return ""
        } ?? []
    }

    mutating func readEntities(_ table: SpreadsheetTable) throws(ImportError) {
        let sheet = sheetMapping(for: table)
        let headers = headers(table)
        let sheetKind: ImportKind?
        if let word = sheet?.kind {
            guard let kind = ImportKind(word: word) else { throw ImportError("mapping: sheet \(table.name): unknown kind '\(word)'") }
            sheetKind = kind
        } else if sheet?.typeColumn == nil {
            // No mapping for this table: its name says the kind, or a lone table holds initiatives.
            sheetKind = ImportKind(word: table.name) ?? (single ? .initiative : nil)
        } else {
            sheetKind = nil
        }
        let typeColumn = sheet?.typeColumn.flatMap { name in headers.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame } }
        if let name = sheet?.typeColumn, typeColumn == nil {
            throw ImportError("\(table.file)\(table.isSheet ? ", sheet \(table.name)" : ""): no column '\(name)' (the mapping's typeColumn)")
        }
        let targets = try columnTargets(headers, sheet: sheet, table: table)
        for (number, cells) in table.rows.dropFirst() where cells.contains(where: { $0 != .empty }) {
            var sourceType = table.name
            var kind = sheetKind ?? .skip
            if let typeColumn {
                sourceType = typeColumn < cells.count ? cells[typeColumn].plainText : ""
                let word = sheet?.types?.first { $0.key.caseInsensitiveCompare(sourceType) == .orderedSame }?.value
                kind = word.flatMap(ImportKind.init(word:)) ?? .skip
            }
            kind = PortfolioImporter.kind(of: sourceType, table: [sourceType: kind], overrides: overrides)
            var record = ImportRecord(key: "", sourceType: sourceType, kind: kind, name: "",
                                      location: SourceLocation(file: table.isSheet ? "\(table.file)[\(table.name)]" : table.file,
                                                               line: number, column: 1))
            let fields = kind.fieldTypes
            for (column, target) in targets where column < cells.count && cells[column] != .empty {
                let origin = table.origin(row: number, column: column, header: headers[column])
                if target.hasPrefix("x-") {
                    record.extensions.append(ExtensionEntry(key: target, value: cells[column].plainText))
                    continue
                }
                guard let type = fields[target] else {
                    if kind != .skip { ignored["column '\(headers[column])' on a \(kind.rawValue)", default: 0] += 1 }
                    continue
                }
                var text = try cellText(cells[column], type: type, origin: origin)
                if let values = sheet?.values?[target],
                   let mapped = values.first(where: { $0.key.caseInsensitiveCompare(text) == .orderedSame })?.value {
                    text = mapped
                }
                // Two columns may fill one list (LeanIX's relToRequires and relProjectToApplication both dependsOn).
                if let earlier = record.fields[target], type.isReference || type == .texts {
                    text = earlier.text + (mapping.listSeparator ?? ";") + text
                }
                record.fields[target] = ImportValue(text, origin: origin)
            }
            let id = record.fields["id"]?.text, name = record.fields["name"]?.text
            record.key = id ?? name ?? "\(table.name) row \(number)"
            record.name = name ?? id ?? "\(table.name) row \(number)"
            if byKey[record.key] == nil { byKey[record.key] = records.count }
            if let name, byKey[name] == nil { byKey[name] = records.count }
            records.append(record)
        }
    }

    /// Column index -> field, from the mapping's `columns` or, without them, headers named like
    /// fields; other headers are kept as `x-` keys, never dropped.
    private func columnTargets(_ headers: [String], sheet: SpreadsheetMapping.Sheet?, table: SpreadsheetTable) throws(ImportError) -> [(Int, String)] {
        let known = Set(ImportKind.allCases.flatMap { $0.fieldTypes.keys })
        var targets: [(Int, String)] = []
        for (column, header) in headers.enumerated() where !header.isEmpty {
            let mapped = sheet?.columns?.first { $0.key.caseInsensitiveCompare(header) == .orderedSame }?.value
            if let mapped {
                if mapped == "skip" { continue }
                guard mapped.hasPrefix("x-") || known.contains(mapped) else {
                    throw ImportError("mapping: column '\(header)' maps to '\(mapped)', which is no field of the format; see docs/format.md")
                }
                targets.append((column, mapped))
            } else if column == sheet?.typeColumn.flatMap({ name in headers.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame } }) {
                continue
            } else if let field = known.first(where: { $0.caseInsensitiveCompare(header) == .orderedSame }) {
                targets.append((column, field))
            } else {
                let slug = ImportID.slug(header).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ":", with: "-")
                targets.append((column, "x-" + (slug.isEmpty ? "column-\(SpreadsheetTable.columnLetters(column).lowercased())" : slug)))
            }
        }
        return targets
    }

    /// A cell as the text the assembler reads: dates as `YYYY-MM-DD` (serial numbers converted,
    /// text in the mapping's date format), whole numbers without `.0`.
    private func cellText(_ cell: SpreadsheetCell, type: FieldType, origin: String) throws(ImportError) -> String {
        switch (cell, type) {
        case (.number(let serial), .date):
            guard let day = SheetDates.serial(serial, date1904: date1904) else { throw ImportError("\(origin): \(serial) is not a date") }
            return day
        case (.text(let text), .date):
            guard let format = mapping.dateFormat else { return text }
            guard let day = SheetDates.written(text.trimmingCharacters(in: .whitespaces), format: format) else {
                throw ImportError("\(origin): '\(text)' is not a date written \(format)")
            }
            return day
        default:
            return cell.plainText
        }
    }

    mutating func readRelations(_ table: SpreadsheetTable, _ relations: SpreadsheetMapping.Relations) throws(ImportError) {
        let headers = headers(table)
        func column(_ name: String) throws(ImportError) -> Int {
            guard let index = headers.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else {
                throw ImportError("\(table.file)\(table.isSheet ? ", sheet \(table.name)" : ""): no column '\(name)'")
            }
            return index
        }
        let source = try column(relations.source), target = try column(relations.target)
        let type = try relations.type.map { name throws(ImportError) in try column(name) }
        for (number, cells) in table.rows.dropFirst() where cells.contains(where: { $0 != .empty }) {
            func text(_ index: Int) -> String { index < cells.count ? cells[index].plainText : "" }
            let typeText = type.map(text) ?? ""
            let origin = table.origin(row: number, column: target, header: headers[target])
            guard let field = relations.types?.first(where: { $0.key.caseInsensitiveCompare(typeText) == .orderedSame })?.value else {
                ignored["reference type '\(typeText)'", default: 0] += 1
                continue
            }
            guard let holder = byKey[text(source)] else {
                unresolved.append("'\(text(source))' (\(table.origin(row: number, column: source, header: headers[source])))")
                continue
            }
            let access = typeText.lowercased().contains("write") ? "write" : nil
            records[holder].links.append(ImportLink(field: field, target: text(target), detail: access, origin: origin))
        }
    }

}

/// Dates as spreadsheets store them.
enum SheetDates {
    /// A spreadsheet serial date as `YYYY-MM-DD` (1900 system: day 25569 is 1970-01-01, which
    /// absorbs Excel's phantom 1900-02-29 for every date after it; 1904 system: day 24107).
    static func serial(_ serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        return Day(ordinal: Int(serial.rounded(.down)) - (date1904 ? 24107 : 25569)).description
    }

    /// A text date in `format` (`DD.MM.YYYY`, `MM/DD/YYYY`; one-digit days and months accepted) as `YYYY-MM-DD`.
    static func written(_ text: String, format: String) -> String? {
        let separators = CharacterSet.decimalDigits.inverted
        let parts = text.components(separatedBy: separators).filter { !$0.isEmpty }
        let order = format.uppercased().components(separatedBy: CharacterSet.letters.inverted).filter { !$0.isEmpty }
        guard parts.count == 3, order.count == 3 else { return nil }
        var year = 0, month = 0, day = 0
        for (token, part) in zip(order, parts) {
            guard let value = Int(part) else { return nil }
            switch token.first {
            case "Y": year = value
            case "M": month = value
            case "D": day = value
            default: return nil
            }
        }
        let written = String(format: "%04d-%02d-%02d", year, month, day)
        return Day(written) == nil ? nil : written
    }
}
