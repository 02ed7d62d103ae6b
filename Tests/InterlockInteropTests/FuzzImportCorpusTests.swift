import Foundation
import InterlockCore
import InterlockInterop
import Testing

/// The importer fuzzers' committed corpora (`Fuzz/Corpus/archimate`, `csv`, `xlsx`, `backstage`:
/// fixtures, hostile inputs and every input a fuzzer crashed on) replayed on each test run, with the
/// fuzzers' promise: an import fails with an `ImportError` naming the file, or its YAML loads back.
@Suite struct FuzzImportCorpusTests {
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus")

    /// Each corpus folder, the format its files are read as and the name they are imported under.
    private static let formats: [(folder: String, format: ImportFormat, fileName: String)] = [
        ("archimate", .archimate, "model.xml"), ("csv", .csv, "initiatives.csv"),
        ("xlsx", .xlsx, "plan.xlsx"), ("backstage", .backstage, "catalog-info.yaml"),
    ]

    private static var inputs: [String] {
        formats.flatMap { format in
            let path = corpus.appendingPathComponent(format.folder).path
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(format.folder)/\($0)" }
        }
    }

    @Test(arguments: inputs)
    func importsLoadBackOrFailNamingTheFile(_ input: String) throws {
        let folderName = String(input.prefix { $0 != "/" })
        let format = try #require(Self.formats.first { $0.folder == folderName })
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(format.fileName).path
        try FileManager.default.copyItem(atPath: Self.corpus.appendingPathComponent(input).path, toPath: path)
        let imported: ImportedPortfolio
        do {
            imported = try PortfolioImporter.importFiles([path], format: format.format)
        } catch {
            #expect(error.description.contains(path), "\(error.description)")
            return
        }
        #expect(throws: Never.self) { try PortfolioLoader.load(text: PortfolioYAMLWriter.text(of: imported), file: "imported.yaml") }
    }

    /// Found by FuzzCSV (Fuzz/Corpus/csv/crash-control-character-id.csv): the importers took an id
    /// with control characters as it was, and wrote a portfolio the loader refuses. Such a text is
    /// made into an id like any other that cannot be one.
    @Test func anIDWithControlCharactersIsMadeIntoAnID() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("initiatives.csv")
        try Data("id,name\n\u{2}\u{0}ERP,ERP\n".utf8).write(to: path)
        let imported = try PortfolioImporter.importFiles([path.path], format: .csv)
        #expect(imported.portfolio.initiatives.map(\.id) == ["erp"])
        #expect(throws: Never.self) { try PortfolioLoader.load(text: PortfolioYAMLWriter.text(of: imported), file: "imported.yaml") }
    }

    /// Found by FuzzCSV (Fuzz/Corpus/csv/crash-bom-inside-id.csv): a byte-order mark inside an id
    /// was kept, and YAML drops it, so two ids met as one in the written file. Ids are made
    /// without invisible characters, so the clash is found where the cells are known.
    @Test func anInvisibleCharacterInAnIDIsLeftOut() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("initiatives.csv")
        try Data("id,name\n\u{FEFF}web,A\nerp\u{200B},B\n".utf8).write(to: path)
        #expect(try PortfolioImporter.importFiles([path.path], format: .csv).portfolio.initiatives.map(\.id) == ["web", "erp"])
        try Data("id,name\n\u{FEFF}web,A\nweb,B\n".utf8).write(to: path)
        #expect(throws: ImportError("\(path.path), row 3, column A (id): id 'web' is given twice (first at \(path.path), row 2, column A (id))")) {
            try PortfolioImporter.importFiles([path.path], format: .csv)
        }
    }

    /// Found by FuzzArchiMate (Fuzz/Corpus/archimate/crash-processing-instruction.xml): a processing
    /// instruction without data (or a damaged declaration, crash-damaged-declaration.xml) made
    /// Foundation's XMLParser read a null pointer. They are left out, the declaration too.
    @Test func aProcessingInstructionIsLeftOut() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.xml")
        var model = try String(contentsOfFile: Self.corpus.appendingPathComponent("archimate/harbour-3.1.xml").path, encoding: .utf8)
        let root = try #require(model.range(of: "<model"))
        model.insert(contentsOf: "<?x?>\n<?xml?>\n<?xml-stylesheet href=\"a.xsl\"?>\n", at: root.lowerBound)
        try model.write(to: path, atomically: true, encoding: .utf8)
        #expect(try PortfolioImporter.importFiles([path.path], format: .archimate).portfolio.initiatives.count > 0)
    }

    /// A malformed model is said in words, not as Foundation's "operation could not be completed".
    @Test func malformedXMLIsSaidInWords() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.xml")
        try Data("<model>\n<a></b>\n</model>\n".utf8).write(to: path)
        #expect(throws: ImportError("\(path.path):4:1: an end tag does not match the element it closes")) {
            try PortfolioImporter.importFiles([path.path], format: .archimate)
        }
    }

    /// Found by FuzzCSV (Fuzz/Corpus/csv/crash-noncharacter.csv): U+FFFF in a cell reached the
    /// YAML as it was, which YAML refuses; it is written as an escape.
    @Test func aNoncharacterIsWrittenAsAnEscape() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("initiatives.csv")
        try Data("id,name\nweb,Web\u{FFFF}shop \u{85}\u{9F}\n".utf8).write(to: path)
        let imported = try PortfolioImporter.importFiles([path.path], format: .csv)
        let text = PortfolioYAMLWriter.text(of: imported)
        #expect(text.contains("Web\\uFFFFshop \u{85}\\u009F"))
        #expect(throws: Never.self) { try PortfolioLoader.load(text: text, file: "imported.yaml") }
    }

    /// Found by FuzzArchiMate: a byte that is not UTF-8 inside a comment made Foundation's
    /// XMLParser trap. Refused before parsing, naming the line.
    @Test func xmlThatIsNotUTF8IsRefusedWithItsLine() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.xml")
        try Data(Array("<?xml version=\"1.0\"?>\n<model>\n<!-- caf".utf8) + [0x93] + Array("e -->\n</model>\n".utf8)).write(to: path)
        #expect(throws: ImportError("\(path.path):3: the XML is not valid UTF-8; only UTF-8 is read (save the file as UTF-8)")) {
            try PortfolioImporter.importFiles([path.path], format: .archimate)
        }
    }

    /// Found by FuzzXLSX (Fuzz/Corpus/xlsx/crash-seek-past-end.xlsx): a damaged zip whose directory
    /// points past the end trapped ZIPFoundation's in-memory archive; read from the file, it is an error.
    @Test func aDamagedWorkbookIsAnErrorNotATrap() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.xlsx").path
        try FileManager.default.copyItem(atPath: Self.corpus.appendingPathComponent("xlsx/crash-seek-past-end.xlsx").path, toPath: path)
        #expect(throws: ImportError.self) { try PortfolioImporter.importFiles([path], format: .xlsx) }
    }

    /// Found by FuzzXLSX (Fuzz/Corpus/xlsx/timeout-truncated-deflate.xlsx): a part whose deflate
    /// stream is cut short made ZIPFoundation's inflate loop wait for input for ever.
    @Test func aCutShortPartIsAnErrorNotAHang() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.xlsx").path
        try FileManager.default.copyItem(atPath: Self.corpus.appendingPathComponent("xlsx/timeout-truncated-deflate.xlsx").path, toPath: path)
        #expect(throws: ImportError("\(path): the part xl/workbook.xml cannot be unpacked (the part xl/workbook.xml is larger than its directory says)")) {
            try PortfolioImporter.importFiles([path], format: .xlsx)
        }
        // A hand-made workbook whose directory gives the sheet half its packed size: the stream ends early.
        try HandMadeWorkbook.write(to: path, sheet: String(repeating: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>", count: 50))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let sheet = Array("xl/worksheets/sheet1.xml".utf8)
        let entry = try #require((0..<(bytes.count - 46)).first { offset in
            bytes[offset..<offset + 4] == [0x50, 0x4B, 0x01, 0x02] && bytes[(offset + 46)...].starts(with: sheet)
        })
        let packed = Int(bytes[entry + 20]) | Int(bytes[entry + 21]) << 8
        bytes[entry + 20] = UInt8((packed / 2) & 0xFF)
        bytes[entry + 21] = UInt8((packed / 2) >> 8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // Cut short, or damaged or too long where the padding after it is read as deflate data: an error either way.
        let error = try #require(throws: ImportError.self) { try PortfolioImporter.importFiles([path], format: .xlsx) }
        #expect(error.description.hasPrefix("\(path): the part xl/worksheets/sheet1.xml cannot be unpacked (the part xl/worksheets/sheet1.xml "),
                "\(error.description)")
    }

    /// Found by FuzzCSV (Fuzz/Corpus/csv/crash-end-before-start.csv): an end before the start was
    /// imported, and the written portfolio did not load. Now refused at the cell.
    @Test func anEndBeforeTheStartIsRefusedAtItsCell() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("initiatives.csv").path
        try Data("id,start,end\na,2027-01-01,2026-12-31\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ImportError("\(path), row 2, column C (end): 'end' (2026-12-31) is before 'start' (2027-01-01)")) {
            try PortfolioImporter.importFiles([path], format: .csv)
        }
    }

    /// The seeds must exercise both outcomes, or the replay proves little.
    @Test func theCorpusHoldsImportsThatSucceed() throws {
        let harbour = Self.corpus.appendingPathComponent("archimate/harbour-3.1.xml").path
        #expect(try PortfolioImporter.importFiles([harbour], format: .archimate).portfolio.initiatives.count > 0)
    }
}
