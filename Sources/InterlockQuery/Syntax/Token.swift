/// One lexical unit of a query, with where it starts and the text it was read from.
struct Token: Hashable, Sendable {
    /// What the token is.
    enum Kind: Hashable, Sendable {
        /// A name or keyword; `quoted` when written between backticks (then never a keyword).
        case identifier(String, quoted: Bool)
        /// An integer literal.
        case integer(Int)
        /// The digits of 9223372036854775808 (2^63, in any base): too large for an integer, but
        /// the magnitude of the smallest one; only valid right after a unary minus.
        case minimumIntegerMagnitude
        /// A floating-point literal.
        case float(Double)
        /// A string literal, escapes resolved.
        case string(String)
        /// A parameter, `$name`, without the dollar.
        case parameter(String)
        /// Punctuation or an operator: `(`, `..`, `<=`, `=~`, ...
        case symbol(String)
        /// The end of the text.
        case end
    }

    /// What the token is.
    var kind: Kind
    /// Where it starts.
    var position: QueryPosition
    /// Offset just past its last character.
    var endOffset: Int

    /// Whether the token is the unquoted keyword `word` (case-insensitive).
    func isKeyword(_ word: String) -> Bool {
        if case .identifier(let name, quoted: false) = kind {
            return name.uppercased() == word.uppercased()
        }
        return false
    }

    /// Whether the token is the symbol `text`.
    func isSymbol(_ text: String) -> Bool {
        kind == .symbol(text)
    }

    /// How the token reads in an error message.
    var quoted: String {
        switch kind {
        case .identifier(let name, let isQuoted): isQuoted ? "`\(name)`" : "'\(name)'"
        case .integer(let value): "'\(value)'"
        case .minimumIntegerMagnitude: "'9223372036854775808'"
        case .float(let value): "'\(value)'"
        case .string: "a string"
        case .parameter(let name): "'$\(name)'"
        case .symbol(let text): "'\(text)'"
        case .end: "the end of the query"
        }
    }
}
