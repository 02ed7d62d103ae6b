import Testing
import InterlockCore

@Suite("Days")
struct DayTests {
    @Test("Valid days parse and print back", arguments: ["2026-01-01", "2024-02-29", "2000-02-29", "9999-12-31"])
    func valid(text: String) {
        #expect(Day(text)?.description == text)
    }

    @Test("Invalid days are refused", arguments: ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-01-01", "2026/01/01", "2026-1-01", "", "0000-01-01"])
    func invalid(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func ordering() throws {
        #expect(try #require(Day("2026-01-31")) < #require(Day("2026-02-01")))
        #expect(try #require(Day("2025-12-31")) < #require(Day("2026-01-01")))
    }
}
