import InterlockCore
import Testing

/// YAML faults read `file:L:C: message`, in the loader's words, with no control character or
/// libyaml internal quoted back (#16 items 12 and 14).
@Suite struct YAMLMessageTests {
    private func message(_ text: String) -> String? {
        do {
            _ = try PortfolioLoader.load(text: text, file: "p.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aControlCharacterIsNamedNotEchoed() {
        let text = "initiatives:\n  - id: a\n    name: \"x\u{1B}]0;pwned\u{07}\"\n"
        #expect(message(text) == "p.yaml:3:13: invalid YAML: control characters are not allowed (found U+001B)")
    }

    @Test func aSecondDocumentIsSaidPlainly() {
        #expect(message("initiatives: []\n---\ninitiatives: []\n")
            == "p.yaml:2:1: a second YAML document starts here; a portfolio file holds one document (split it into files)")
    }

    @Test func libyamlsNestingLimitIsOurs() {
        let text = "initiatives: " + String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000) + "\n"
        let text2 = message(text)
        #expect(text2?.hasPrefix("p.yaml:1:") == true && text2?.hasSuffix(": nesting deeper than 64 levels; a portfolio needs far fewer") == true,
                "\(String(describing: text2))")
        #expect(text2?.contains("yaml_set_max_nest_level") == false)
    }

    @Test func aSyntaxErrorNamesWhatWasBeingRead() {
        #expect(message("initiatives:\n  - id: a\n    name: [x\n")
            == "p.yaml:4:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 11)")
    }

    @Test func controlCharactersAreMadeVisible() {
        #expect("a\u{1B}[2Jb\u{07}\r\nc\td\u{7F}\u{9B}".escapingControlCharacters()
            == "a\\u{1b}[2Jb\\u{7}\\u{d} c\\u{9}d\\u{7f}\\u{9b}")
        #expect("line\n\tnext\u{1B}".escapingControlCharacters(keepingLineBreaks: true) == "line\n\tnext\\u{1b}")
        #expect("plain é".escapingControlCharacters() == "plain é")
    }
}
