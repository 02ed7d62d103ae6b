import Foundation
import Testing
import InterlockAnalysis
import InterlockCore
@testable import InterlockBoard

@Suite("Board report in English and French")
struct BoardLanguageTests {
    private let french = Phrasing.board(.fr)
    private let english = Phrasing.board(.en)

    @Test func moneyNumbersAndDaysFollowTheLanguage() throws {
        #expect(french.money(1_280_000, currency: "EUR") == "1\u{202F}280\u{202F}000\u{A0}€")
        #expect(french.money(-950, currency: nil) == "-950")
        #expect(french.money(12_500, currency: "CHF") == "12\u{202F}500\u{A0}CHF")
        #expect(english.money(1_280_000, currency: "EUR") == "EUR 1,280,000")
        #expect(french.number(1_234) == "1\u{202F}234" && english.number(1_234) == "1,234")
        #expect(french.abbreviatedMoney(1_250_000) == "1,3\u{A0}M" && english.abbreviatedMoney(1_250_000) == "1.3M")
        #expect(french.percent(42) == "42\u{202F}%")
        let day = try #require(Day("2026-11-30"))
        #expect(french.day(day) == "30 novembre 2026")
        #expect(english.day(day) == "30 November 2026")
        #expect(french.day(try #require(Day("2027-05-01"))) == "1er mai 2027")
        #expect(Phrasing.findings.day(day) == "2026-11-30", "the findings' contract keeps ISO days")
        #expect(french.list(["A", "B", "C"]) == "A, B et C")
        #expect(french.count(0, "initiative", "initiatives") == "0 initiative", "French counts zero as singular")
        #expect(english.count(0, "initiative", "initiatives") == "0 initiatives")
        #expect(french.quoted("CRM") == "«\u{A0}CRM\u{A0}»")
        #expect(("Qui ? Ceci : cela ; 5 %" as FrenchText).text == "Qui\u{202F}? Ceci\u{A0}: cela\u{202F}; 5\u{202F}%")
    }

    /// Every phrase of the catalog has both languages, and French is not English left in place
    /// (a few words are the same in both).
    @Test func everyPhraseHasBothLanguages() {
        let same: Set<String> = ["Vision", "Initiatives", "Budget", "Action", "Score", "Initiative", "standard"]
        for phrase in BoardPhrase.allCases {
            let (en, fr) = (phrase.text(.en), phrase.text(.fr))
            #expect(!en.isEmpty && !fr.isEmpty, "\(phrase)")
            #expect(en != fr || same.contains(en), "\(phrase): French left in English: \(en)")
        }
    }

    /// The English sentences of the catalog, rule wordings and findings of the sample: none may
    /// be left in the French page, and no French phrase in the English one.
    @Test func frenchPageHoldsNoEnglishSentenceAndViceVersa() throws {
        let tests = HTMLReporterTests()
        let frenchBoard = try tests.acmeBoard(language: .fr)
        let englishBoard = try tests.acmeBoard()
        let frenchHTML = HTMLReporter.render(frenchBoard)
        let frenchPage = try tests.inspect(frenchHTML).text
        let englishPage = try tests.inspect(HTMLReporter.render(englishBoard)).text
        #expect(frenchHTML.contains("<html lang=\"fr\">"))
        let sentence = { (text: String) in text.split(separator: " ").count > 3 }
        // The inspected text has every run of white space, no-break spaces included, as one space.
        let flat = { (text: String) in text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") }
        let wordings = RuleCatalog().wording(of:)
        let rules = Detectors.builtIn.map { wordings($0.id) }
        var englishTexts = BoardPhrase.allCases.map { $0.text(.en) } + rules.map(\.whyItMatters.english)
        englishTexts += rules.flatMap(\.glossary).flatMap { [$0.business.english, $0.meaning.english] }
        englishTexts += englishBoard.findings.flatMap { [englishBoard.message(of: $0), englishBoard.action(of: $0)] }
        for text in englishTexts where sentence(text) {
            #expect(!frenchPage.contains(text), "English left in the French page: \(text)")
        }
        let frenchTexts = BoardPhrase.allCases.map { $0.text(.fr) } + rules.map(\.whyItMatters.french)
            + frenchBoard.findings.map { frenchBoard.message(of: $0) }
        for text in frenchTexts where sentence(text) {
            #expect(!englishPage.contains(flat(text)), "French in the English page: \(text)")
        }
        for expected in ["Acme Group\u{A0}: rapport au conseil", "22 novembre 2026", "1\u{202F}280\u{202F}000\u{A0}€", "Synthèse pour le conseil"] {
            #expect(frenchHTML.contains(expected), "missing \(expected)")
        }
    }

    /// The check's English is the findings' contract: the board's explanation in
    /// `Phrasing.findings` gives back every message and action as `check` prints them.
    @Test func explanationsGiveBackTheCheckWords() throws {
        let board = try HTMLReporterTests().acmeBoard()
        for finding in board.findings {
            #expect(finding.explanation != nil, "\(finding.rule) has no explanation")
            #expect(finding.message(.findings, in: board.graph) == finding.message)
            #expect(finding.action(.findings, in: board.graph) == finding.action)
        }
    }
}
