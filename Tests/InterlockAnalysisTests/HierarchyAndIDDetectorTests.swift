import InterlockAnalysis
import InterlockCore
import Testing

/// `parent-cycle` and `invisible-id-character` (#16 item 13).
@Suite struct HierarchyAndIDDetectorTests {
    @Test func loopsOfParentsAreErrors() throws {
        let found = try findings(of: ParentCycle(), in: """
            units: [{id: u2, name: U2, parent: u3}, {id: u1, name: U1, parent: u2}, {id: u3, name: U3, parent: u1}, {id: u4, name: U4, parent: u1}]
            capabilities: [{id: c, name: C, parent: c}, {id: d, name: D, parent: c}, {id: e, name: E}]
            initiatives: []
            """)
        #expect(found.map(\.nodes) == [["c"], ["u1", "u2", "u3"]])
        #expect(found.map(\.severity) == [.error, .error])
        #expect(found.map(\.message) == [
            #"Capability "C" is its own parent."#,
            #"Business unit "U1" is part of "U2", which is part of "U3", which is part of "U1": the hierarchy loops and has no top."#,
        ])
    }

    @Test func aLongChainOfParentsIsNoLoopAndNeedsNoRecursion() throws {
        let units = (0..<100_000).map { "  - {id: u\($0), name: U\($0)\($0 > 0 ? ", parent: u\($0 - 1)" : "")}" }
        let found = try findings(of: ParentCycle(), in: "units:\n" + units.joined(separator: "\n") + "\ninitiatives: []\n")
        #expect(found.isEmpty)
    }

    @Test func invisibleCharactersInIdsAreWarnings() throws {
        let found = try findings(of: InvisibleIDCharacter(), in: """
            initiatives:
              - {id: "a\\u200Bb"}
              - {id: "ab"}
              - {id: "x\\u202Ey"}
              - {id: "caf\\u00E9"}
            """)
        #expect(found.map(\.nodes) == [["a\u{200B}b"], ["x\u{202E}y"]])
        #expect(found.map(\.severity) == [.warning, .warning])
        #expect(found.first?.message == "The id \"a\u{200B}b\" holds invisible characters (U+200B): it reads as \"ab\" but is another id.")
    }
}
