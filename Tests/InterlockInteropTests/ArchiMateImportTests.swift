import Foundation
import InterlockCore
@testable import InterlockInterop
import Testing

/// The ArchiMate Open Exchange importer on hand-written models.
@Suite struct ArchiMateImportTests {
    let harbour3 = Fixtures.path("harbour-3.1.xml")
    let harbour21 = Fixtures.path("harbour-2.1.xml")

    @Test func mapsElementsRelationshipsAndPropertiesByTheDocumentedTable() throws {
        let imported = try PortfolioImporter.importFiles([harbour3], format: .archimate)
        let portfolio = imported.portfolio
        #expect(portfolio.name == "Harbour Authority")
        #expect(portfolio.initiatives.map(\.id) == ["berth-booking-portal", "customs-data-exchange"])
        let berth = try #require(portfolio.initiatives.first)
        #expect(berth.status == .inProgress)
        #expect(berth.budget == 450_000)
        #expect(berth.start == Day("2026-02-01"))
        #expect(berth.owner == "ana-costa")
        #expect(berth.capabilities == ["berth-management"])
        #expect(berth.dependsOn == ["harbour-crm", "customs-data-exchange"])
        #expect(berth.goals == ["faster-turnaround"])
        #expect(berth.data == [DataUse(source: "vessel-register", access: .read)])
        #expect(berth.location == SourceLocation(file: harbour3, line: 8, column: 1))
        // Access without accessType is the exchange format's default, Write.
        #expect(portfolio.initiatives[1].data == [DataUse(source: "vessel-register", access: .write)])
        #expect(portfolio.technologies.map(\.id) == ["harbour-crm", "gis-service"])
        #expect(portfolio.capabilities.map(\.parent) == ["port-operations", nil])
        #expect(portfolio.goals.first?.description == "Ships leave the port within 24 hours.")
        #expect(portfolio.people.map(\.id) == ["ana-costa"])
        #expect(imported.extensions["berth-booking-portal"] == [
            ExtensionEntry(key: "x-jira-key", value: "HB-12"), ExtensionEntry(key: "x-archimate-id", value: "id-wp-berth"),
        ])
        #expect(imported.unmapped == [UnmappedElement(key: "id-process-pilot", type: "BusinessProcess", name: "Pilotage & towing")])
        #expect(imported.summary.skippedTypes == ["BusinessProcess": 1])
        #expect(imported.summary.ignoredRelations == [
            "Association with an unmapped end": 1, "Serving from TechnologyService to ApplicationComponent": 1,
        ])
        #expect(imported.summary.unresolved == ["'id-wp-missing' (\(harbour3):57 (Triggering id-r11))"])
    }

    @Test func version21GivesTheSamePortfolioAs3() throws {
        let three = try PortfolioImporter.importFiles([harbour3], format: .archimate)
        let two = try PortfolioImporter.importFiles([harbour21], format: .archimate)
        #expect(two.portfolio.withoutLocations == three.portfolio.withoutLocations)
        #expect(two.extensions == three.extensions)
        #expect(two.summary.mappedTypes == three.summary.mappedTypes)
    }

    @Test func writtenYAMLLoadsAsTheSamePortfolio() throws {
        let imported = try PortfolioImporter.importFiles([harbour3], format: .archimate)
        let text = PortfolioYAMLWriter.text(of: imported, header: ["from a test"])
        #expect(text.hasPrefix("# from a test\nportfolio: \"Harbour Authority\"\n"))
        let loaded = try PortfolioLoader.load(text: text, file: "imported.yaml")
        #expect(loaded.withoutLocations == imported.portfolio.withoutLocations)
    }

    /// Archi's "Export Model to CSV" (#14): the harbour model as Archi writes it (the access type,
    /// which the CSV does not carry, left out) gives the portfolio of the exchange file.
    @Test func archiCSVGivesTheSamePortfolioAsTheExchangeFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elements = """
            "ID","Type","Name","Documentation","Specialization"
            "id-model","ArchimateModel","Harbour Authority","",""
            "id-wp-berth","WorkPackage","Berth booking portal","",""
            "id-wp-customs","WorkPackage","Customs data exchange","",""
            "id-app-crm","ApplicationComponent","Harbour CRM","",""
            "id-svc-gis","TechnologyService","GIS service","",""
            "id-data-vessels","DataObject","Vessel register","",""
            "id-cap-booking","Capability","Berth management","",""
            "id-cap-ops","Capability","Port operations","",""
            "id-goal-turnaround","Goal","Faster turnaround","Ships leave the port within 24 hours.",""
            "id-actor-ana","BusinessActor","Ana Costa","",""
            "id-process-pilot","BusinessProcess","Pilotage & towing","",""

            """
        let relations = """
            "ID";"Type";"Name";"Documentation";"Source";"Target";"Specialization"
            "id-r1";"ServingRelationship";"";"";"id-app-crm";"id-wp-berth";""
            "id-r2";"FlowRelationship";"";"";"id-wp-customs";"id-wp-berth";""
            "id-r3";"RealizationRelationship";"";"";"id-wp-berth";"id-cap-booking";""
            "id-r5";"AccessRelationship";"";"";"id-wp-customs";"id-data-vessels";""
            "id-r6";"CompositionRelationship";"";"";"id-cap-ops";"id-cap-booking";""
            "id-r7";"AssignmentRelationship";"";"";"id-actor-ana";"id-wp-berth";""
            "id-r8";"InfluenceRelationship";"";"";"id-wp-berth";"id-goal-turnaround";""
            "id-r9";"ServingRelationship";"";"";"id-svc-gis";"id-app-crm";""

            """
        let properties = """
            "ID","Key","Value"
            "id-wp-berth","Status","In Progress"
            "id-wp-berth","budget","450000"
            "id-wp-berth","start","2026-02-01"
            "id-wp-berth","Jira key","HB-12"

            """
        try Data(elements.utf8).write(to: folder.appendingPathComponent("harbour-elements.csv"))
        try Data(relations.utf8).write(to: folder.appendingPathComponent("harbour-relations.csv"))
        try Data(properties.utf8).write(to: folder.appendingPathComponent("harbour-properties.csv"))
        // The elements file alone brings its relations and properties with it.
        let fromCSV = try PortfolioImporter.importFiles([folder.appendingPathComponent("harbour-elements.csv").path], format: .archimate)
        let portfolio = fromCSV.portfolio
        #expect(portfolio.name == "Harbour Authority")
        #expect(portfolio.initiatives.map(\.id) == ["berth-booking-portal", "customs-data-exchange"])
        let berth = try #require(portfolio.initiatives.first)
        #expect(berth.status == .inProgress && berth.budget == 450_000 && berth.start == Day("2026-02-01"))
        #expect(berth.owner == "ana-costa" && berth.capabilities == ["berth-management"] && berth.goals == ["faster-turnaround"])
        #expect(berth.dependsOn == ["harbour-crm", "customs-data-exchange"])
        #expect(berth.location == SourceLocation(file: folder.appendingPathComponent("harbour-elements.csv").path, line: 3, column: 1))
        #expect(portfolio.initiatives[1].data == [DataUse(source: "vessel-register", access: .write)])
        #expect(portfolio.capabilities.map(\.parent) == ["port-operations", nil])
        #expect(portfolio.goals.first?.description == "Ships leave the port within 24 hours.")
        #expect(fromCSV.extensions["berth-booking-portal"]?.first == ExtensionEntry(key: "x-jira-key", value: "HB-12"))
        let fromXML = try PortfolioImporter.importFiles([harbour3], format: .archimate).portfolio
        #expect(portfolio.technologies.map(\.id) == fromXML.technologies.map(\.id))
        #expect(portfolio.people.map(\.id) == fromXML.people.map(\.id))

        #expect(throws: ImportError("\(folder.path)/model.csv: not a file of Archi's CSV export (expected a name ending in elements.csv, relations.csv or properties.csv)")) {
            try PortfolioImporter.importFiles([folder.appendingPathComponent("model.csv").path], format: .archimate)
        }
        try Data("\"ID\",\"Kind\"\n".utf8).write(to: folder.appendingPathComponent("harbour-elements.csv"))
        #expect(throws: ImportError("\(folder.path)/harbour-elements.csv, row 1: no column 'Type'; Archi's CSV export has ID, Type, Name, Documentation")) {
            try PortfolioImporter.importFiles([folder.appendingPathComponent("harbour-elements.csv").path], format: .archimate)
        }
    }

    @Test func overridesMapOtherTypes() throws {
        let imported = try PortfolioImporter.importFiles(
            [harbour3], format: .archimate,
            options: ImportOptions(overrides: try ImportOptions.overrides(["applicationcomponent=initiative", "BusinessProcess=capability"])))
        #expect(imported.portfolio.initiatives.map(\.id) == ["berth-booking-portal", "customs-data-exchange", "harbour-crm"])
        #expect(imported.portfolio.capabilities.map(\.id) == ["berth-management", "port-operations", "pilotage-towing"])
        // The GIS service serves the CRM, now an initiative: a dependency.
        #expect(imported.portfolio.initiatives[2].dependsOn == ["gis-service"])
        #expect(imported.unmapped.isEmpty)
    }

    @Test func badOverrideIsAnError() {
        #expect(throws: ImportError.self) { try ImportOptions.overrides(["ApplicationComponent"]) }
        #expect(throws: ImportError.self) { try ImportOptions.overrides(["ApplicationComponent=project"]) }
    }

    @Test func modelWithoutInitiativeSaysWhatItHoldsAndSuggestsAnOverride() throws {
        let imported = #expect(throws: ImportError.self) {
            try PortfolioImporter.importFiles([harbour3], format: .archimate, options: ImportOptions(overrides: ["WorkPackage": .skip]))
        }
        #expect(imported?.message == "\(harbour3) yields no initiative under the mapping in force. It holds: Capability 2, "
                + "WorkPackage 2, ApplicationComponent 1, BusinessActor 1, BusinessProcess 1, DataObject 1, Goal 1, "
                + "TechnologyService 1. If those are what the board should check, run again with "
                + "--as ApplicationComponent=initiative (--as TYPE=KIND maps any type; see docs/interop.md).")
    }

    @Test func doctypeWithEntitiesIsRefusedBeforeParsing() {
        let error = #expect(throws: ImportError.self) {
            try PortfolioImporter.importFiles([Fixtures.path("entity-bomb.xml")], format: .archimate)
        }
        #expect(error?.message == "\(Fixtures.path("entity-bomb.xml")):2: refused: the DOCTYPE declares entities, which are "
                + "never expanded (they can read local files or exhaust memory); remove the DOCTYPE")
    }

    @Test func externalDTDAndUTF16AreRefused() {
        let external = Data("<?xml version=\"1.0\"?>\n<!DOCTYPE model SYSTEM \"http://example.org/a.dtd\">\n<model/>".utf8)
        #expect(throws: ImportError.self) { try SafeXML.parse(external, file: "a.xml") }
        let billion = Data("<!DOCTYPE m [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]><m>&b;</m>".utf8)
        #expect(throws: ImportError.self) { try SafeXML.parse(billion, file: "b.xml") }
        let utf16 = Data([0xFF, 0xFE, 0x3C, 0x00])
        #expect(throws: ImportError.self) { try SafeXML.parse(utf16, file: "c.xml") }
        // A DOCTYPE-looking text after the root element is content, not a declaration.
        let root = try? SafeXML.parse(Data("<m><![CDATA[<!DOCTYPE x [<!ENTITY y \"z\">]>]]></m>".utf8), file: "d.xml")
        #expect(root?.text == "<!DOCTYPE x [<!ENTITY y \"z\">]>")
    }

    @Test func notArchiMateIsAnErrorNamingTheFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.xml").path
        try Data("<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:x\"/>".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ImportError.self) { try PortfolioImporter.importFiles([path], format: .archimate) }
        #expect(error?.message.hasPrefix("\(path):2: not an ArchiMate Open Exchange model") == true)
        let broken = folder.appendingPathComponent("broken.xml").path
        try Data("<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"><elements>".utf8).write(to: URL(fileURLWithPath: broken))
        let parseError = #expect(throws: ImportError.self) { try PortfolioImporter.importFiles([broken], format: .archimate) }
        #expect(parseError?.message.hasPrefix("\(broken):1:") == true)
    }
}
