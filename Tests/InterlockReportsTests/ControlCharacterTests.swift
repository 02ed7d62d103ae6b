import InterlockReports
import Testing

/// Markdown cells carry no raw control character (#16 item 12).
@Suite struct ControlCharacterTests {
    @Test func markdownCellsEscapeControlCharacters() {
        #expect(MarkdownReporter.escaped("Bell\u{07} and \u{1B}[31mred") == "Bell\\\\u{7} and \\\\u{1b}\\[31mred")
    }
}
