import Foundation
import Testing
@testable import InterlockCore

/// Loads YAML text as a portfolio file named `file`.
private func load(_ text: String, file: String = "p.yaml") throws(LoadError) -> Portfolio {
    try PortfolioLoader.load(text: text, file: file)
}

/// The error loading `text` gives, or nil when it loads.
private func loadError(_ text: String, file: String = "p.yaml") -> LoadError? {
    do {
        _ = try load(text, file: file)
        return nil
    } catch {
        return error
    }
}

@Suite("Loading portfolios")
struct LoadingTests {
    @Test func yamlAndJSONGiveTheSamePortfolio() throws {
        let yaml = """
        portfolio: Acme
        currency: EUR
        technologies:
          - {id: java, name: Java, lifecycle: adopt, endOfLife: 2030-01-31}
        dataSources:
          - {id: crm-db, name: CRM DB, domain: customer, classification: pii, systemOfRecord: true}
        initiatives:
          - id: crm
            name: CRM revamp
            status: in-progress
            budget: 1_200_000
            start: 2026-01-01
            end: 2026-12-31
            technologies: [java@17.0.2]
            data: [{source: crm-db, access: write}]
            tags: [gdpr]
        """
        let json = """
        {"portfolio": "Acme", "currency": "EUR",
         "technologies": [{"id": "java", "name": "Java", "lifecycle": "adopt", "endOfLife": "2030-01-31"}],
         "dataSources": [{"id": "crm-db", "name": "CRM DB", "domain": "customer", "classification": "pii", "systemOfRecord": true}],
         "initiatives": [{"id": "crm", "name": "CRM revamp", "status": "in-progress", "budget": 1200000,
           "start": "2026-01-01", "end": "2026-12-31", "technologies": ["java@17.0.2"],
           "data": [{"source": "crm-db", "access": "write"}], "tags": ["gdpr"]}]}
        """
        let fromYAML = try load(yaml)
        let fromJSON = try load(json, file: "p.json")
        let initiative = try #require(fromYAML.initiatives.first)
        #expect(initiative.status == .inProgress)
        #expect(initiative.budget == 1_200_000)
        #expect(initiative.start == Day("2026-01-01"))
        #expect(initiative.technologies == [TechnologyUse(technology: "java", version: "17.0.2")])
        #expect(initiative.technologies[0].majorVersion == "17")
        #expect(initiative.data == [DataUse(source: "crm-db", access: .write)])
        #expect(initiative.location == SourceLocation(file: "p.yaml", line: 8, column: 5))
        #expect(fromJSON.initiatives.first?.location.file == "p.json")
        // Same content once locations are set aside.
        var withoutLocations = fromJSON
        withoutLocations.initiatives[0].location = initiative.location
        withoutLocations.technologies[0].location = fromYAML.technologies[0].location
        withoutLocations.dataSources[0].location = fromYAML.dataSources[0].location
        #expect(withoutLocations == fromYAML)
        #expect(fromYAML.dataSources[0].systemOfRecord)
        #expect(fromYAML.technologies[0].endOfLife == Day("2030-01-31"))
    }

    @Test func defaultsApply() throws {
        let portfolio = try load("initiatives: [{id: x}]\npeople: [{id: p}]\ndataSources: [{id: d}]\n")
        #expect(portfolio.initiatives[0].name == "x")
        #expect(portfolio.initiatives[0].status == .planned)
        #expect(portfolio.people[0].active)
        #expect(!portfolio.dataSources[0].systemOfRecord)
    }

    @Test("Structural faults name file, line and column", arguments: [
        ("initiatives:\n  - id: a\n    name: [x\n", "p.yaml:4:1: invalid YAML"),
        ("initiatives:\n  - name: A\n", "p.yaml:2:5: an initiative needs 'id'"),
        ("initiatives:\n  - id: a\n    budget: lots\n", "p.yaml:3:13: expected a number for 'budget', found \"lots\""),
        ("initiatives:\n  - id: a\n    dependOn: [b]\n", "p.yaml:3:5: unknown key 'dependOn' in an initiative; did you mean 'dependsOn'?"),
        ("initiatives:\n  - id: a\n    status: done\n", "p.yaml:3:13: expected one of idea, planned, in-progress, live, retired for 'status', found \"done\""),
        ("initiatives:\n  - id: a\n    start: 2026-02-30\n", "p.yaml:3:12: expected a date YYYY-MM-DD for 'start', found \"2026-02-30\""),
        ("initiatives:\n  - id: a\n    capabilities: crm\n", "p.yaml:3:19: expected a list for 'capabilities', found a single value \"crm\""),
        ("initiatives:\n  - id: a\n  - id: a\n", "p.yaml:3:5: duplicate id 'a': this initiative has the id of the initiative defined at p.yaml:2:5"),
        ("goals: [{id: g}]\ninitiatives: [{id: g}]\n", "p.yaml:2:15: duplicate id 'g': this initiative has the id of the goal defined at p.yaml:1:9"),
        ("initiatives: []\ninitiatives: []\n", "p.yaml:1:1: duplicate key \"initiatives\" in the mapping"),
        ("initiatives:\n  - id: a\n    technologies: [java@]\n", "p.yaml:3:20: expected a technology id optionally followed by @version"),
        ("initiatives:\n  - id: a\n    start: 2026-05-01\n    end: 2026-01-01\n", "p.yaml:2:5: 'end' (2026-01-01) is before 'start' (2026-05-01)"),
        ("units: []\n", "p.yaml: no file defines 'initiatives'"),
        ("policy: {incompatible: [[a, b, c]]}\ninitiatives: []\n", "p.yaml:1:25: expected a pair of technology ids"),
        ("- just\n- a list\n", "p.yaml:1:1: expected a portfolio (a mapping of keys to values), found a list"),
    ])
    func structuralFaults(text: String, expected: String) {
        let error = loadError(text)
        #expect(error?.description.hasPrefix(expected) == true, "got \(String(describing: error))")
    }

    @Test("JSON faults name line and column", arguments: [
        ("{\"initiatives\": [}", "p.json:1:18: invalid JSON: expected a value"),
        ("{\"initiatives\": []}\n{}", "p.json:2:1: invalid JSON: expected the end of the document"),
        ("{\"initiatives\": [], \"initiatives\": []}", "p.json:1:21: invalid JSON: duplicate key \"initiatives\""),
        ("{\"initiatives\": [{\"id\": \"a\nb\"}]}", "p.json:1:27: invalid JSON: control character in a string"),
        ("{\"initiatives\": [{\"id\": 01}]}", "p.json:1:27: invalid JSON: numbers must not start with 0"),
        ("{\n  \"initiatives\": [{\"id\": \"a\", \"budget\": \"x\"}]\n}", "p.json:2:41: expected a number for 'budget'"),
    ])
    func jsonFaults(text: String, expected: String) {
        let error = loadError(text, file: "p.json")
        #expect(error?.description.hasPrefix(expected) == true, "got \(String(describing: error))")
    }

    /// Initiatives on lines 2 to `count + 1` of a JSON file, streamed item by item to the decoder.
    private func manyInitiatives(_ count: Int, faultyDecodingAt faultyItem: Int?, syntaxErrorAtEnd: Bool) -> String {
        let items = (0..<count).map { item in
            item == faultyItem ? #"{"id": "i\#(item)", "colour": "red"}"# : #"{"id": "i\#(item)", "budget": \#(item)}"#
        }
        return "{\"initiatives\": [\n" + items.joined(separator: ",\n") + (syntaxErrorAtEnd ? ",\n}" : "\n]}")
    }

    /// Loads JSON `text` as `p.json`, its long lists parsed in `parts` parts however short they are.
    private func loadInParts(_ text: String, parts: Int) throws(LoadError) -> Portfolio {
        var decoder = PortfolioDecoder(file: "p.json")
        var parser = JSONDocumentParser(bytes: Array(text.utf8), file: "p.json", partedListBytes: 0, listParts: parts)
        try parser.parse(into: &decoder)
        var merger = PortfolioMerger()
        try merger.add(decoder.fragment)
        return try merger.finish(paths: ["p.json"])
    }

    @Test("a long JSON list, in one go or in parts on several threads: every item, and the first fault in the file is the one reported",
          arguments: [1, 2, 3, 7])
    func longJSONListsAndTheirFirstFault(parts: Int) throws {
        func loadError(_ text: String) -> LoadError? {
            do {
                _ = try loadInParts(text, parts: parts)
                return nil
            } catch {
                return error
            }
        }
        let text = manyInitiatives(5_000, faultyDecodingAt: nil, syntaxErrorAtEnd: false)
        let portfolio = try loadInParts(text, parts: parts)
        #expect(portfolio == (try load(text, file: "p.json")))
        #expect(portfolio.initiatives.map(\.id) == (0..<5_000).map { "i\($0)" })
        #expect(portfolio.initiatives.map(\.location.line) == Array(2...5_001))
        // A decoding fault early, a syntax fault at the end: the decoding fault comes first.
        let early = loadError(manyInitiatives(5_000, faultyDecodingAt: 1_500, syntaxErrorAtEnd: true))
        #expect(early?.description.hasPrefix("p.json:1502:") == true, "got \(String(describing: early))")
        #expect(early?.message.contains("unknown key 'colour'") == true, "got \(String(describing: early))")
        // In the last item, just before the syntax fault.
        let late = loadError(manyInitiatives(5_000, faultyDecodingAt: 4_999, syntaxErrorAtEnd: true))
        #expect(late?.description.hasPrefix("p.json:5001:") == true, "got \(String(describing: late))")
        // The syntax fault alone, then one in the first part with a decoding fault in the last.
        let syntax = loadError(manyInitiatives(5_000, faultyDecodingAt: nil, syntaxErrorAtEnd: true))
        #expect(syntax?.description.hasPrefix("p.json:5002:1: invalid JSON") == true, "got \(String(describing: syntax))")
        let brokenEarly = manyInitiatives(5_000, faultyDecodingAt: 4_990, syntaxErrorAtEnd: false)
            .replacingOccurrences(of: #""budget": 10}"#, with: #""budget": 10 "x"}"#)
        let first = loadError(brokenEarly)
        #expect(first?.description.hasPrefix("p.json:12:") == true && first?.message.contains("expected ',' or '}'") == true,
                "got \(String(describing: first))")
    }

    @Test("cutting a list in parts is not fooled by brackets, commas and escaped quotes in strings or nested lists")
    func listPartsFollowStringsAndNesting() throws {
        let names = [#"a, \"b\", [c]"#, #"}{]["#, #"\\"#, #",,,"#, #"line\nbreak"#]
        let items = (0..<600).map { item in
            #"{"id": "i\#(item)", "name": "\#(names[item % names.count])", "tags": ["[x", "y,]", "z"], "x-extra": {"k": [1, {"q": "]"}, [[["{"]]]]}}"#
        }
        let text = "{\"portfolio\": \"P\", \"initiatives\": [" + items.joined(separator: ",\n  ") + "\n], \"units\": []}"
        let sequential = try load(text, file: "p.json")
        for parts in [2, 5, 13] {
            #expect(try loadInParts(text, parts: parts) == sequential)
        }
        #expect(sequential.initiatives.count == 600)
    }

    @Test func jsonEscapesDecode() throws {
        let portfolio = try load(#"{"initiatives": [{"id": "a", "name": "Caf\u00e9 \"Q\" \ud83d\ude80\n"}]}"#, file: "p.json")
        #expect(portfolio.initiatives[0].name == "Café \"Q\" 🚀\n")
    }

    @Test func aliasBombIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "initiatives: []\n"
        let error = loadError(text)
        #expect(error?.message.contains("alias bomb") == true, "got \(String(describing: error))")
    }

    @Test func deepNestingIsRefused() {
        let yaml = "initiatives: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        #expect(loadError(yaml)?.message.contains("nesting deeper than 64") == true)
        let json = "{\"initiatives\": " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}"
        #expect(loadError(json, file: "p.json")?.message.contains("nesting deeper than 64") == true)
        // Beyond libyaml's own limit the parser stops before Yams recurses.
        let deepYAML = "initiatives: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
        #expect(loadError(deepYAML) != nil)
    }

    @Test func invalidUTF8IsLocated() throws {
        let folder = try temporaryFolder()
        let path = folder + "/bad.yaml"
        var bytes = Array("initiatives:\n  - id: a\n    name: ".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: LoadError("the file is not valid UTF-8", at: SourceLocation(file: path, line: 3, column: 1))) {
            try PortfolioLoader.load(paths: [path])
        }
    }

    @Test("JSON files are checked for UTF-8 byte by byte", arguments: [
        ([0xC0, 0x80], false), ([0xED, 0xA0, 0x80], false), ([0xF4, 0x90, 0x80, 0x80], false), ([0xE2, 0x82], false),
        ([0xC3, 0xA9], true), ([0xE2, 0x82, 0xAC], true), ([0xF0, 0x9F, 0x9A, 0x80], true),
    ] as [([UInt8], Bool)])
    func jsonUTF8(name: [UInt8], valid: Bool) throws {
        let path = try temporaryFolder() + "/p.json"
        let bytes = Array("{\"initiatives\": [\n{\"id\": \"a\", \"name\": \"".utf8) + name + Array("\"}]}".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        if valid {
            #expect(try PortfolioLoader.load(paths: [path]).initiatives[0].name == String(decoding: name, as: UTF8.self))
        } else {
            #expect(throws: LoadError("the file is not valid UTF-8", at: SourceLocation(file: path, line: 2, column: 1))) {
                try PortfolioLoader.load(paths: [path])
            }
        }
    }

    @Test func jsonTopLevelMustBeAnObject() {
        #expect(loadError("[1, 2]", file: "p.json")?.description == "p.json:1:1: expected a portfolio (a mapping of keys to values), found a list")
    }

    @Test func foldersAreMergedInPathOrder() throws {
        let folder = try temporaryFolder()
        try "portfolio: Acme\nunits: [{id: sales}]\n".write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try #"{"initiatives": [{"id": "b", "unit": "sales"}]}"#.write(toFile: folder + "/sub/b.json", atomically: true, encoding: .utf8)
        try "initiatives: [{id: c}]\n".write(toFile: folder + "/c.yml", atomically: true, encoding: .utf8)
        try "not: read\n".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        try "broken: [\n".write(toFile: folder + "/.hidden.yaml", atomically: true, encoding: .utf8)
        let portfolio = try PortfolioLoader.load(paths: [folder])
        #expect(portfolio.name == "Acme")
        #expect(portfolio.initiatives.map(\.id) == ["c", "b"])
        #expect(portfolio.initiatives[1].location.file == folder + "/sub/b.json")
    }

    @Test func mergeConflictsNameBothPlaces() throws {
        let folder = try temporaryFolder()
        try "portfolio: Acme\ninitiatives: [{id: a}]\n".write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        try "portfolio: Other\ninitiatives: [{id: a}]\n".write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        #expect(throws: LoadError("'portfolio' is \"Other\" here but \"Acme\" at \(folder)/a.yaml:1:1", at: SourceLocation(file: folder + "/b.yaml", line: 1, column: 1))) {
            try PortfolioLoader.load(paths: [folder])
        }
        try "portfolio: Acme\ninitiatives: [{id: a}]\n".write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        #expect(throws: LoadError("duplicate id 'a': this initiative has the id of the initiative defined at \(folder)/a.yaml:2:15; ids are unique across the portfolio",
                                  at: SourceLocation(file: folder + "/b.yaml", line: 2, column: 15))) {
            try PortfolioLoader.load(paths: [folder])
        }
    }

    @Test func missingPathsAreReported() {
        #expect(throws: LoadError("no such file or folder", file: "/nonexistent/p.yaml")) {
            try PortfolioLoader.load(paths: ["/nonexistent/p.yaml"])
        }
    }

    @Test func extensionKeysAreAccepted() throws {
        let portfolio = try load("x-owner-team: pmo\ninitiatives: [{id: a, x-cost-center: 42}]\n")
        #expect(portfolio.initiatives.map(\.id) == ["a"])
    }
}

/// A fresh empty folder under the system's temporary folder.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "interlock-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
