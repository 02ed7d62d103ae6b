import InterlockCore
import Testing

/// Types as docs/format.md and the JSON Schema give them, nothing looser (#16 item 13).
@Suite struct StrictTypeTests {
    private func error(_ text: String, file: String = "p.yaml") -> String? {
        do {
            _ = try PortfolioLoader.load(text: text, file: file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        (#"{"initiatives": [{"id": "a", "budget": "100"}]}"#, "p.json",
         #"p.json:1:40: expected a number for 'budget', found the quoted text "100" (write the number without quotes)"#),
        ("initiatives: [{id: a, budget: 0x10}]", "p.yaml", #"p.yaml:1:31: expected a number for 'budget', found "0x10""#),
        ("initiatives: [{id: a, budget: _1__2_}]", "p.yaml", #"p.yaml:1:31: expected a number for 'budget', found "_1__2_""#),
        ("initiatives: [{id: a, budget: 1__2}]", "p.yaml", #"p.yaml:1:31: expected a number for 'budget', found "1__2""#),
        ("initiatives: [{id: a, budget: inf}]", "p.yaml", #"p.yaml:1:31: expected a number for 'budget', found "inf""#),
        (#"{"initiatives": [], "people": [{"id": "p", "name": "P", "active": "false"}]}"#, "p.json",
         #"p.json:1:67: expected true or false for 'active', found the quoted text "false" (write it without quotes)"#),
        ("initiatives: []\npeople: [{id: p, name: P, active: TRUE}]", "p.yaml", #"p.yaml:2:35: expected true or false for 'active', found "TRUE""#),
        ("initiatives: []\ndataSources: [{id: d, name: D, systemOfRecord: \"true\"}]", "p.yaml",
         #"p.yaml:2:48: expected true or false for 'systemOfRecord', found the quoted text "true" (write it without quotes)"#),
    ])
    func looseValuesAreLocatedErrors(text: String, file: String, expected: String) {
        #expect(error(text, file: file) == expected)
    }

    @Test func documentedNumbersStillRead() throws {
        let portfolio = try PortfolioLoader.load(text: """
            initiatives: [{id: a, budget: 1_200_000}, {id: b, budget: 2.5e3}, {id: c, budget: 0.5}, {id: d, budget: 7}]
            people: [{id: p, name: P, active: false}]
            """, file: "p.yaml")
        #expect(portfolio.initiatives.map(\.budget) == [1_200_000, 2_500, 0.5, 7])
        #expect(portfolio.people.map(\.active) == [false])
    }

    /// Decided: ids compare as Unicode text, so two spellings of the same characters (é as one
    /// code point, or e and a combining accent) are one id, as docs/format.md says.
    @Test func canonicallyEquivalentIdsAreOneId() {
        let text = "initiatives:\n  - {id: \"caf\u{E9}\"}\n  - {id: \"cafe\u{301}\"}\n"
        #expect(error(text)?.hasPrefix("p.yaml:3:5: duplicate id") == true, "\(String(describing: error(text)))")
    }
}
