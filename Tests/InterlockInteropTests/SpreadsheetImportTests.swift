import Foundation
import InterlockCore
@testable import InterlockInterop
import Testing
import ZIPFoundation

/// CSV and XLSX import: the readers on hand-made inputs, mappings, and workbooks written by openpyxl.
@Suite struct SpreadsheetImportTests {
    @Test func csvQuotesEmbeddedLineBreaksAndEmptyCells() throws {
        let rows = try CSVReader.parse("id,name,tags\r\na,\"Alpha, \"\"the first\"\"\",\"x;\ny\"\n\nb,,\"\"\n", delimiter: ",", file: "t.csv")
        #expect(rows.map(\.number) == [1, 2, 5])
        #expect(rows[1].cells == [.text("a"), .text("Alpha, \"the first\""), .text("x;\ny")])
        #expect(rows[2].cells == [.text("b"), .empty, .text("")])
        #expect(throws: ImportError("t.csv, row 2: a quoted field is never closed")) {
            try CSVReader.parse("id\n\"open\n", delimiter: ",", file: "t.csv")
        }
    }

    @Test func csvWithHeadersNamedLikeFieldsNeedsNoMapping() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let initiatives = folder.appendingPathComponent("initiatives.csv"), people = folder.appendingPathComponent("people.csv")
        // A byte-order mark, as Excel writes "CSV UTF-8".
        try Data([0xEF, 0xBB, 0xBF] + Array("id,name,status,owner,dependsOn,budget,Cost centre\nweb,Web shop,in progress,ana,erp;crm,\"1 200 000\",4711\nerp,ERP,live,,,,\n".utf8))
            .write(to: initiatives)
        try Data("id,name,active\nana,Ana,no\n".utf8).write(to: people)
        let imported = try PortfolioImporter.importFiles([initiatives.path, people.path], format: .csv)
        let web = try #require(imported.portfolio.initiatives.first)
        #expect(web.status == .inProgress)
        #expect(web.owner == "ana")
        #expect(web.budget == 1_200_000)
        #expect(web.dependsOn == ["erp", "crm"])
        #expect(web.location == SourceLocation(file: initiatives.path, line: 2, column: 1))
        #expect(imported.portfolio.people.first?.active == false)
        #expect(imported.extensions["web"] == [ExtensionEntry(key: "x-cost-centre", value: "4711")])
        #expect(imported.summary.unresolved == ["'crm' (\(initiatives.path), row 2, column E (dependsOn))"])
    }

    @Test func unreadableValueNamesFileRowAndColumn() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.csv")
        try Data("id,name,budget\na,A,lots\n".utf8).write(to: file)
        #expect(throws: ImportError("\(file.path), row 2, column C (budget): 'lots' is not a number")) {
            try PortfolioImporter.importFiles([file.path], format: .csv)
        }
    }

    /// A misspelt key in a mapping file is an error at its place, not silently ignored (#14).
    @Test func unknownMappingKeysAreLocatedErrors() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("map.yaml")
        try Data("listSeparator: \";\"\nsheets:\n  - sheet: Projects\n    kind: initiative\n    colums: {Name: name}\n".utf8).write(to: file)
        #expect(throws: ImportError("\(file.path):5:5: 'colums' is not a key of a sheet entry; expected one of columns, kind, sheet, typeColumn, types, values")) {
            try SpreadsheetMapping.load(path: file.path)
        }
        try Data("sheet: Projects\n".utf8).write(to: file)
        #expect(throws: ImportError("\(file.path):1:1: 'sheet' is not a key of a mapping; expected one of dateFormat, delimiter, listSeparator, relations, sheets")) {
            try SpreadsheetMapping.load(path: file.path)
        }
        #expect(throws: Never.self) { try SpreadsheetMapping.load(path: Fixtures.path("projects-mapping.yaml")) }
    }

    @Test func serialAndWrittenDates() {
        #expect(SheetDates.serial(46083, date1904: false) == "2026-03-02")
        #expect(SheetDates.serial(61, date1904: false) == "1900-03-01")
        #expect(SheetDates.serial(0, date1904: true) == nil)
        #expect(SheetDates.serial(44621, date1904: true) == "2026-03-02")
        #expect(SheetDates.written("2.3.2026", format: "DD.MM.YYYY") == "2026-03-02")
        #expect(SheetDates.written("03/02/2026", format: "MM/DD/YYYY") == "2026-03-02")
        #expect(SheetDates.written("31.02.2026", format: "DD.MM.YYYY") == nil)
    }

    @Test func workbookWrittenByOpenpyxl() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("plan.xlsx").path
        guard try PythonFixtures.run(["-c", "import openpyxl"]) else {
            print("SKIPPED workbookWrittenByOpenpyxl: python3 with openpyxl is not installed (pip install openpyxl)")
            return
        }
        #expect(try PythonFixtures.run([Fixtures.path("make-workbook.py"), book]))
        let mapping = try SpreadsheetMapping.load(path: Fixtures.path("projects-mapping.yaml"))
        let imported = try PortfolioImporter.importFiles([book], format: .xlsx, options: ImportOptions(mapping: mapping))
        let expected = [
            Initiative(id: "dock-app", name: "Dock app", owner: "Rui", status: .inProgress, budget: 120_000,
                       start: Day("2026-03-02"), dependsOn: ["crane-sync"], location: SourceLocation(file: "", line: 0, column: 0)),
            Initiative(id: "crane-sync", name: "Crane sync", owner: "Rui", status: .live, start: Day("2025-11-30"),
                       location: SourceLocation(file: "", line: 0, column: 0)),
            // The formula's cached value; an empty date cell leaves the date out.
            Initiative(id: "yard-ai", name: "Yard AI", owner: "nobody", status: .planned, budget: 100_000,
                       dependsOn: ["dock-app", "crane-sync"], location: SourceLocation(file: "", line: 0, column: 0)),
        ]
        #expect(imported.portfolio.withoutLocations.initiatives == expected)
        #expect(imported.portfolio.people.map(\.id) == ["Rui"])
        #expect(imported.portfolio.initiatives[2].location == SourceLocation(file: "\(book)[Projects]", line: 4, column: 1))
        #expect(imported.summary.unresolved == ["'nobody' (\(book), sheet Projects, row 4, column G (Lead))"])
    }

    @Test func errorCellAndFormulaWithoutValueAreErrorsNamingSheetRowAndColumn() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("broken.xlsx").path
        try HandMadeWorkbook.write(to: book, sheet: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>budget</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
            """)
        #expect(throws: ImportError("\(book), sheet Plan, row 2, column B: the cell holds the error #DIV/0! of the formula =1/0")) {
            try PortfolioImporter.importFiles([book], format: .xlsx)
        }
        try HandMadeWorkbook.write(to: book, sheet: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="3"><c r="C3"><f>A1</f></c></row>
            """)
        #expect(throws: ImportError("\(book), sheet Plan, row 3, column C: the formula =A1 has no computed value; open and save the workbook in a spreadsheet application")) {
            try PortfolioImporter.importFiles([book], format: .xlsx)
        }
    }

    @Test func zipBombsStopAtTheLimits() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("big.xlsx").path
        let cell = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>"
        try HandMadeWorkbook.write(to: book, sheet: cell + String(repeating: "<!-- padding -->", count: 100_000))
        var limits = ImportLimits()
        limits.maximumUncompressedSize = 1_000_000
        #expect(throws: ImportError("\(book): unpacks to more than 1000000 bytes; refused")) {
            try PortfolioImporter.importFiles([book], format: .xlsx, options: ImportOptions(limits: limits))
        }
        limits = ImportLimits()
        limits.maximumZipEntries = 2
        #expect(throws: ImportError("\(book): more than 2 parts in the workbook; refused")) {
            try PortfolioImporter.importFiles([book], format: .xlsx, options: ImportOptions(limits: limits))
        }
    }

    @Test func leanIXExportWithTheBuiltInMapping() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("leanix.csv")
        try Data("""
            id,type,name,lifecycle,relProjectToBusinessCapability,relProjectToApplication,relToRequires,description
            p1,Project,Claims portal,phaseIn,Claims handling,Policy admin,p2,New portal
            p2,Project,Identity hub,active,,,,
            a1,Application,Policy admin,,,,,
            c1,BusinessCapability,Claims handling,,,,,
            i1,Interface,Policy API,,,,,

            """.utf8).write(to: file)
        let imported = try PortfolioImporter.importFiles([file.path], format: .leanix)
        let claims = try #require(imported.portfolio.initiatives.first)
        #expect(claims.id == "p1")
        #expect(claims.status == .inProgress)
        #expect(claims.capabilities == ["c1"])
        #expect(claims.dependsOn == ["a1", "p2"])
        #expect(imported.portfolio.technologies.map(\.id) == ["a1"])
        #expect(imported.summary.skippedTypes == ["Interface": 1])
        #expect(imported.extensions["p1"] == [ExtensionEntry(key: "x-description", value: "New portal")])
    }

    @Test func ardoqSheetsAndReferences() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("Project.csv"), application = folder.appendingPathComponent("Application.csv")
        let references = folder.appendingPathComponent("References.csv")
        try Data("Name,Description\nBilling rebuild,Replace billing\n".utf8).write(to: project)
        try Data("Name,Description\nLedger,\n".utf8).write(to: application)
        try Data("Source,Target,Type\nBilling rebuild,Ledger,Depends on\nBilling rebuild,Ledger,Mentions\nGhost,Ledger,Depends on\n".utf8)
            .write(to: references)
        let imported = try PortfolioImporter.importFiles([project.path, application.path, references.path], format: .ardoq)
        #expect(imported.portfolio.initiatives.map(\.dependsOn) == [["ledger"]])
        #expect(imported.summary.ignoredRelations == ["reference type 'Mentions'": 1])
        #expect(imported.summary.unresolved == ["'Ghost' (\(references.path), row 4, column A (Source))"])
    }
}

/// Runs python3 for fixtures made by real writers.
enum PythonFixtures {
    /// True when `python3 arguments` ran and exited 0.
    static func run(_ arguments: [String]) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// The smallest workbook a spreadsheet application opens: one sheet, "Plan", with the rows given.
enum HandMadeWorkbook {
    static func write(to path: String, sheet rows: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts = [
            "xl/workbook.xml": "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>",
        ]
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
