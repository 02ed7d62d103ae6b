import Foundation
import InterlockCore
/// One text in every board language. Its initialiser takes both, so a text without its French
/// (or its English) does not compile: the catalog cannot miss a language.
public struct LocalizedText: Hashable, Sendable {
    /// The English text.
    public let english: String
    /// The French text, typeset (see `FrenchText`).
    public let french: String

    /// Creates a text from its English and French.
    public init(en: String, fr: FrenchText) {
        english = en
        french = fr.text
    }

    /// The text in `language`.
    public subscript(language: BoardLanguage) -> String {
        switch language {
        case .en: english
        case .fr: french
        }
    }
}

/// French as the catalog writes it: plain spaces before `:`, `;`, `?`, `!`, `%` and inside
/// guillemets in the source, turned into the no-break spaces French typography wants (U+00A0
/// before `:` and inside « », U+202F before `;`, `?`, `!` and `%`), so no line starts with a
/// colon. Only the catalog's own words are typeset; interpolated values (names from the
/// portfolio, figures already formatted) are kept as they are.
public struct FrenchText: ExpressibleByStringInterpolation, Sendable {
    /// The typeset text.
    public private(set) var text: String

    /// A literal, typeset.
    public init(stringLiteral value: String) { text = Self.typeset(value) }

    /// An interpolated literal: literal parts typeset, values as they are.
    public init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    /// Two pieces of French, one after the other.
    public static func + (lhs: FrenchText, rhs: FrenchText) -> FrenchText {
        var joined = lhs
        joined.text += rhs.text
        return joined
    }

    /// Collects the parts of an interpolated literal.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        /// Reserves room for the literal.
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

        /// A literal part of the catalog's text, typeset.
        public mutating func appendLiteral(_ literal: String) { text += FrenchText.typeset(literal) }

        /// A value, kept as it is.
        public mutating func appendInterpolation(_ value: String) { text += value }

        /// A count, written as it is (digit grouping is the caller's, through `Phrasing.number`).
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
    }

    static func typeset(_ text: String) -> String {
        var result = text
        for (plain, typeset) in [(" :", "\u{A0}:"), (" ;", "\u{202F};"), (" ?", "\u{202F}?"), (" !", "\u{202F}!"), (" %", "\u{202F}%"),
                                 ("« ", "«\u{A0}"), (" »", "\u{A0}»")] {
            result = result.replacingOccurrences(of: plain, with: typeset)
        }
        return result
    }
}
