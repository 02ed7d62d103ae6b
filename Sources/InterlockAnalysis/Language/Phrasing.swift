import Foundation
import InterlockCore

/// How words and figures are written for a reader: the language, and whether days are spelled
/// out. Formatting is done by hand, never through the machine's locale, so the same input gives
/// the same bytes on every machine.
public struct Phrasing: Hashable, Sendable {
    /// The language sentences are written in.
    public let language: BoardLanguage
    /// Days as "30 November 2026" (the board) rather than `2026-11-30` (the findings' contract).
    public let spellsOutDays: Bool

    /// The findings' own words, as `check` and every machine-readable output print them: English,
    /// days `YYYY-MM-DD`. A contract: changing what it writes changes `check --format json`.
    public static let findings = Phrasing(language: .en, spellsOutDays: false)

    /// The board's words in `language`, days spelled out.
    public static func board(_ language: BoardLanguage) -> Phrasing { Phrasing(language: language, spellsOutDays: true) }

    /// Creates a phrasing.
    public init(language: BoardLanguage, spellsOutDays: Bool) {
        self.language = language
        self.spellsOutDays = spellsOutDays
    }

    // MARK: - Figures

    /// A whole amount of money: "EUR 1,280,000" in English; "1 280 000 €" in French, digits
    /// grouped by a narrow no-break space (U+202F) and the symbol after a no-break space (U+00A0),
    /// as French typography (and CLDR's `fr`) writes them.
    public func money(_ amount: Double, currency: String?) -> String {
        switch language {
        case .en:
            return Money.format(amount, currency: currency)
        case .fr:
            let number = Money.format(amount, currency: nil).replacingOccurrences(of: ",", with: Self.frenchGroupSeparator)
            return currency.map { number + "\u{A0}" + Self.frenchCurrencySymbol($0) } ?? number
        }
    }

    /// A short amount for tight cells: "1.2M" in English, "1,2 M" in French.
    public func abbreviatedMoney(_ amount: Double) -> String {
        let short = Money.abbreviated(amount, currency: nil)
        switch language {
        case .en: return short
        case .fr:
            let decimal = short.replacingOccurrences(of: ".", with: ",")
            guard let unit = decimal.last, unit == "M" || unit == "k" else { return decimal }
            return decimal.dropLast() + "\u{A0}" + String(unit)
        }
    }

    /// A short amount with its currency for diagrams: "EUR 1.2M" in English (as `Money`
    /// abbreviates), "1,2 M€" in French.
    public func abbreviatedMoney(_ amount: Double, currency: String?) -> String {
        switch language {
        case .en: return Money.abbreviated(amount, currency: currency)
        case .fr: return abbreviatedMoney(amount) + (currency.map { Self.frenchCurrencySymbol($0) } ?? "")
        }
    }

    /// A count with its digits grouped: "1,280" in English, "1 280" in French.
    public func number(_ value: Int) -> String { money(Double(value), currency: nil) }

    /// A share in whole percent: "42 %" in English (as the page always wrote it), "42 %" with a
    /// narrow no-break space in French.
    public func percent(_ value: Int) -> String {
        switch language {
        case .en: "\(value) %"
        case .fr: "\(value)\u{202F}%"
        }
    }

    /// A day: `2026-11-30` for the findings' contract, else "30 November 2026" or
    /// "30 novembre 2026" ("1er mai 2026": French writes the first of the month as an ordinal).
    public func day(_ day: Day) -> String {
        guard spellsOutDays, (1...12).contains(day.month) else { return day.description }
        switch language {
        case .en: return "\(day.day) \(Self.englishMonths[day.month - 1]) \(day.year)"
        case .fr: return "\(day.day == 1 ? "1er" : String(day.day)) \(Self.frenchMonths[day.month - 1]) \(day.year)"
        }
    }

    // MARK: - Words

    /// The text in the phrasing's language; only that one is built. Both are required, so a
    /// sentence cannot miss a language.
    public func text(en english: @autoclosure () -> String, fr french: @autoclosure () -> FrenchText) -> String {
        switch language {
        case .en: english()
        case .fr: french().text
        }
    }

    /// "A, B and C" / "A, B et C".
    public func list(_ items: [String]) -> String {
        switch language {
        case .en: Wording.list(items)
        case .fr: Self.joined(items, last: " et ")
        }
    }

    /// "A, B or C" / "A, B ou C".
    public func alternatives(_ items: [String]) -> String {
        switch language {
        case .en: Wording.alternatives(items)
        case .fr: Self.joined(items, last: " ou ")
        }
    }

    /// A name in quotation marks: "CRM revamp" / « CRM revamp », with no-break spaces inside the
    /// guillemets so they never end up alone on a line.
    public func quoted(_ name: String) -> String {
        switch language {
        case .en: "\"\(name)\""
        case .fr: "«\u{A0}\(name)\u{A0}»"
        }
    }

    /// The word for `count` things with the count in front: "1 initiative", "3 initiatives".
    /// French takes the singular for 0 and 1 ("0 initiative"), English only for 1.
    public func count(_ count: Int, _ one: String, _ other: String) -> String {
        "\(number(count)) \(plural(count, one, other))"
    }

    /// The singular or plural form for `count`, by the language's rule (see `count`).
    public func plural(_ count: Int, _ one: String, _ other: String) -> String {
        switch language {
        case .en: count == 1 ? one : other
        case .fr: count <= 1 ? one : other
        }
    }

    /// The lower-case name of a kind of node: "data source" / "source de données".
    public func noun(_ kind: NodeKind) -> String {
        switch language {
        case .en: return kind.noun
        case .fr:
            switch kind {
            case .initiative: return "initiative"
            case .technology: return "technologie"
            case .dataSource: return "source de données"
            case .capability: return "capacité"
            case .goal: return "objectif"
            case .unit: return "unité métier"
            case .person: return "personne"
            case .team: return "équipe"
            }
        }
    }

    /// The kind's noun with its definite article: "the data source", "la source de données", "l'initiative".
    public func definite(_ kind: NodeKind) -> String {
        switch language {
        case .en: return "the " + kind.noun
        case .fr:
            let noun = noun(kind)
            return Self.startsWithVowel(noun) ? "l'" + noun : (kind == .goal ? "le " : "la ") + noun
        }
    }

    /// The kind's noun with its indefinite article: "an initiative", "une source de données", "un objectif".
    public func indefinite(_ kind: NodeKind) -> String {
        switch language {
        case .en: Wording.withArticle(kind.noun)
        case .fr: (kind == .goal ? "un " : "une ") + noun(kind)
        }
    }

    // MARK: - Tables

    private static func startsWithVowel(_ word: String) -> Bool { word.first.map { "aeéiouy".contains($0) } ?? false }

    /// French digit grouping: the narrow no-break space.
    static let frenchGroupSeparator = "\u{202F}"

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// The symbol French writes after an amount for the currencies it has one for, else the code.
    private static func frenchCurrencySymbol(_ code: String) -> String {
        switch code.uppercased() {
        case "EUR": "€"
        case "GBP": "£"
        case "USD": "$\u{A0}US"
        default: code
        }
    }

    private static func joined(_ items: [String], last: String) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + last + items[items.count - 1]
    }
}
