import Foundation

/// One cell as a spreadsheet stores it.
enum SpreadsheetCell: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case boolean(Bool)
}

/// One sheet of a workbook or one CSV file: rows of cells, each row with its number in the file.
extension SpreadsheetCell {
    /// The cell's text as written: whole numbers without `.0`, booleans as `true`/`false`.
    var plainText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let number): Self.text(of: number)
        case .boolean(let flag): flag ? "true" : "false"
        }
    }

    /// A number as a spreadsheet shows it: whole numbers without `.0`.
    static func text(of number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    }
}

struct SpreadsheetTable: Sendable {
    /// The file read.
    var file: String
    /// The sheet's name (XLSX), or the file's name without extension (CSV).
    var name: String
    /// True for a workbook sheet, which errors name as a sheet.
    var isSheet: Bool
    /// Rows in file order: their 1-based numbers and cells (missing cells are `.empty`).
    var rows: [(number: Int, cells: [SpreadsheetCell])]

    /// `A`, `B`, ... `Z`, `AA` for a 0-based column index.
    static func columnLetters(_ index: Int) -> String {
        var index = index + 1, letters = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters
    }

    /// `book.xlsx, sheet Projects, row 5, column D (Phase)` or `projects.csv, row 5, column D (Phase)`.
    func origin(row: Int, column: Int, header: String?) -> String {
        (isSheet ? "\(file), sheet \(name)" : file) + ", row \(row), column \(Self.columnLetters(column))"
            + (header.map { " (\($0))" } ?? "")
    }
}

/// Reads CSV as RFC 4180 describes it: quoted fields with doubled quotes, separators and line
/// breaks inside quotes, CRLF or LF, a UTF-8 byte-order mark dropped.
enum CSVReader {
    static func read(_ path: String, delimiter: Character, limits: ImportLimits) throws(ImportError) -> SpreadsheetTable {
        let text = try PortfolioImporter.readText(path, limits: limits)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try SpreadsheetTable(file: path, name: name, isSheet: false, rows: parse(text, delimiter: delimiter, file: path))
    }

    /// Rows of `text`; a quote left open is an error naming the row it opened on.
    static func parse(_ text: String, delimiter: Character, file: String) throws(ImportError) -> [(number: Int, cells: [SpreadsheetCell])] {
        var rows: [(number: Int, cells: [SpreadsheetCell])] = []
        var cells: [SpreadsheetCell] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var line = 1, rowStart = 1
        var iterator = text.makeIterator()
        var pending: Character?
        func endField() {
            cells.append(field.isEmpty && !wasQuoted ? .empty : .text(field))
            field = ""
            wasQuoted = false
        }
        func endRow() {
            endField()
            if !(cells.count == 1 && cells[0] == .empty) { rows.append((rowStart, cells)) }
            cells = []
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
                wasQuoted = true
            } else if character == delimiter {
                endField()
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                endRow()
                line += 1
                rowStart = line
            } else {
                field.append(character)
            }
        }
        if quoted { throw ImportError("\(file), row \(rowStart): a quoted field is never closed") }
        if !field.isEmpty || !cells.isEmpty || wasQuoted { endRow() }
        return rows
    }
}

/// Reads the sheets of an XLSX workbook (a zip of XML parts) without running anything in it:
/// shared strings, inline strings, numbers, booleans and the cached values of formulas. Dates
/// stay serial numbers here; the mapping knows which columns are dates. The zip is bounded
/// (entry count, unpacked size) so that a zip bomb stops early.
enum XLSXReader {
    static func read(_ path: String, limits: ImportLimits) throws(ImportError) -> (tables: [SpreadsheetTable], date1904: Bool) {
        let data = try PortfolioImporter.read(path, limits: limits)
        var zip: WorkbookZip
        do {
            zip = try WorkbookZip(data, path: path, limits: limits)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError("\(path): not an XLSX workbook (\((error as? WorkbookZip.Damaged)?.reason ?? "it is not a zip archive"))")
        }
        func part(_ name: String) throws(ImportError) -> Data? {
            do {
                return try zip.part(name)
            } catch is WorkbookZip.Bomb {
                throw ImportError("\(path): unpacks to more than \(limits.maximumUncompressedSize) bytes; refused")
            } catch {
                throw ImportError("\(path): the part \(name) cannot be unpacked (\((error as? WorkbookZip.Damaged)?.reason ?? "\(error)"))")
            }
        }
        guard let workbookData = try part("xl/workbook.xml") else { throw ImportError("\(path): not an XLSX workbook (no xl/workbook.xml)") }
        let workbook = try SafeXML.parse(workbookData, file: "\(path) (xl/workbook.xml)")
        let date1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attributes["date1904"] ?? "")
        var targets: [String: String] = [:]
        if let relsData = try part("xl/_rels/workbook.xml.rels") {
            for relationship in try SafeXML.parse(relsData, file: "\(path) (workbook relationships)").children("Relationship") {
                if let id = relationship.attributes["Id"], let target = relationship.attributes["Target"] { targets[id] = target }
            }
        }
        var shared: [String] = []
        if let stringsData = try part("xl/sharedStrings.xml") {
            // Rich text keeps its runs' texts in <r><t>; phonetic hints (<rPh>) are not the cell's text.
            shared = try SafeXML.parse(stringsData, file: "\(path) (xl/sharedStrings.xml)").children("si").map { item in
                item.child("t")?.text ?? item.children("r").map { $0.child("t")?.text ?? "" }.joined()
            }
        }
        var tables: [SpreadsheetTable] = []
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            let name = sheet.attributes["name"] ?? "Sheet\(tables.count + 1)"
            guard let relation = sheet.attribute("id"), let target = targets[relation] else { continue }
            let partName = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let sheetData = try part(partName) else { throw ImportError("\(path): sheet \(name) has no part \(partName)") }
            let table = SpreadsheetTable(file: path, name: name, isSheet: true, rows: [])
            tables.append(try rows(of: SafeXML.parse(sheetData, file: "\(path) (sheet \(name))"), table: table, shared: shared))
        }
        return (tables, date1904)
    }

    /// The sheet's rows; an error cell, a shared string out of range or a number that is not
    /// one is an error naming the sheet, row and column.
    private static func rows(of sheet: XMLElementNode, table: SpreadsheetTable, shared: [String]) throws(ImportError) -> SpreadsheetTable {
        var table = table
        var nextRow = 1
        for row in sheet.child("sheetData")?.children("row") ?? [] {
            let number = row.attributes["r"].flatMap { Int($0) } ?? nextRow
            nextRow = number + 1
            var cells: [SpreadsheetCell] = []
            for cell in row.children("c") {
                let column = cell.attributes["r"].flatMap(columnIndex) ?? cells.count
                var origin: String { table.origin(row: number, column: column, header: nil) }
                let value = cell.child("v")?.text
                let content: SpreadsheetCell
                switch cell.attributes["t"] ?? "n" {
                case "s":
                    guard let index = value.flatMap({ Int($0) }), shared.indices.contains(index) else {
                        throw ImportError("\(origin): the shared string \(value ?? "(none)") does not exist")
                    }
                    content = .text(shared[index])
                case "inlineStr":
                    let inline = cell.child("is")
                    content = .text(inline?.child("t")?.text ?? inline?.children("r").map { $0.child("t")?.text ?? "" }.joined() ?? "")
                case "str":
                    content = value.map(SpreadsheetCell.text) ?? .empty
                case "b":
                    content = .boolean(value == "1")
                case "e":
                    throw ImportError("\(origin): the cell holds the error \(value ?? "?")\(cell.child("f").map { " of the formula =\($0.text)" } ?? "")")
                default:
                    guard let value, !value.isEmpty else {
                        if let formula = cell.child("f") {
                            throw ImportError("\(origin): the formula =\(formula.text) has no computed value; open and save the workbook in a spreadsheet application")
                        }
                        content = .empty
                        break
                    }
                    guard let number = Double(value) else { throw ImportError("\(origin): '\(value)' is not a number") }
                    content = .number(number)
                }
                if column >= cells.count { cells += Array(repeating: .empty, count: column - cells.count + 1) }
                cells[column] = content
            }
            table.rows.append((number, cells))
        }
        return table
    }

    /// The 0-based column of a cell reference (`C12` -> 2).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
