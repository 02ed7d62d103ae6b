/// Splits query text into tokens, skipping white space and `//` or `/* */` comments.
///
/// - Complexity: O(n) in the length of the text.
struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Symbols of two characters, tried before single characters.
    private static let pairs: Set<String> = ["<>", "!=", "<=", ">=", "=~", "..", "->", "<-"]
    /// Symbols of one character.
    private static let singles: Set<Character> = [
        "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", ";", "=", "<", ">", "+", "-", "*", "/", "%", "^",
    ]

    /// Creates a lexer over `text`.
    init(_ text: String) {
        characters = Array(text)
    }

    /// All the tokens of the text, ending with `.end`.
    static func tokenize(_ text: String) throws(QueryError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: QueryPosition { QueryPosition(offset: index, line: line, column: column) }

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < characters.count ? characters[index + ahead] : nil
    }

    private mutating func advance() {
        if characters[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    /// Reads the next token.
    mutating func next() throws(QueryError) -> Token {
        try skipTrivia()
        let start = position
        guard let character = peek() else { return Token(kind: .end, position: start, endOffset: index) }
        let kind: Token.Kind
        if character.isNumber, character.isASCII {
            kind = try number(start: start)
        } else if character == ".", let digit = peek(1), digit.isNumber, digit.isASCII {
            // `.5` is a float; `..` (a range) never reaches here, its second character is a dot.
            kind = try number(start: start)
        } else if character == "'" || character == "\"" {
            kind = try string(start: start)
        } else if character == "`" {
            kind = .identifier(try quotedName(start: start), quoted: true)
        } else if character == "$" {
            advance()
            guard let first = peek(), first.isIdentifierStart || first.isNumber || first == "`" else {
                throw QueryError(.syntax, "expected a parameter name after '$'", at: start)
            }
            kind = .parameter(first == "`" ? try quotedName(start: position) : name())
        } else if character.isIdentifierStart {
            kind = .identifier(name(), quoted: false)
        } else if let second = peek(1), Self.pairs.contains(String([character, second])) {
            advance()
            advance()
            kind = .symbol(String([character, second]))
        } else if Self.singles.contains(character) {
            advance()
            kind = .symbol(String(character))
        } else {
            throw QueryError(.syntax, "unexpected character '\(character)'", at: start)
        }
        return Token(kind: kind, position: start, endOffset: index)
    }

    private mutating func skipTrivia() throws(QueryError) {
        while let character = peek() {
            if character.isWhitespace {
                advance()
            } else if character == "/", peek(1) == "/" {
                while let next = peek(), next != "\n" { advance() }
            } else if character == "/", peek(1) == "*" {
                let start = position
                advance()
                advance()
                while !(peek() == "*" && peek(1) == "/") {
                    guard peek() != nil else { throw QueryError(.syntax, "unterminated comment", at: start) }
                    advance()
                }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    private mutating func name() -> String {
        var text = ""
        while let character = peek(), character.isIdentifierStart || character.isNumber {
            text.append(character)
            advance()
        }
        return text
    }

    private mutating func quotedName(start: QueryPosition) throws(QueryError) -> String {
        advance()
        var text = ""
        while true {
            guard let character = peek() else { throw QueryError(.syntax, "unterminated `quoted name`", at: start) }
            advance()
            if character == "`" {
                // A doubled backtick stands for one backtick inside the name.
                guard peek() == "`" else { return text }
                advance()
            }
            text.append(character)
        }
    }

    private mutating func number(start: QueryPosition) throws(QueryError) -> Token.Kind {
        var text = ""
        if peek() == "0", let marker = peek(1), let radix = ["x": 16, "X": 16, "o": 8, "O": 8][marker] {
            advance()
            advance()
            while let character = peek(), character.isHexDigit, character.hexDigitValue.map({ $0 < radix }) == true {
                text.append(character)
                advance()
            }
            try rejectLetter(start: start)
            return try integer(text, radix: radix, start: start)
        }
        var isFloat = false
        digits(into: &text)
        // "1..3" is a range, not the float "1." followed by ".3".
        if peek() == ".", let after = peek(1), after.isNumber, after.isASCII {
            isFloat = true
            text.append(".")
            advance()
            digits(into: &text)
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let hasSign = sign == "+" || sign == "-"
            if let digit = peek(hasSign ? 2 : 1), digit.isNumber, digit.isASCII {
                isFloat = true
                text.append("e")
                advance()
                if hasSign, let sign {
                    text.append(sign)
                    advance()
                }
                digits(into: &text)
            }
        }
        try rejectLetter(start: start)
        if isFloat {
            // Swift reads "1e999" as infinity: openCypher makes a literal out of range an error.
            guard let value = Double(text), value.isFinite else {
                throw QueryError(.syntax, "the float '\(text)' is out of range", at: start)
            }
            return .float(value)
        }
        // openCypher 9 read `017` as octal, later versions as an error: either way not 17.
        if text.count > 1, text.hasPrefix("0") {
            throw QueryError(
                .syntax, "'\(text)' has a leading zero: write 0o\(text.drop(while: { $0 == "0" })) for octal, or drop the zero",
                at: start)
        }
        return try integer(text, radix: 10, start: start)
    }

    private func rejectLetter(start: QueryPosition) throws(QueryError) {
        if let after = peek(), after.isIdentifierStart || after.isNumber {
            throw QueryError(.syntax, "invalid number: '\(after)' follows the digits", at: start)
        }
    }

    /// An integer token; 2^63 is kept apart, as it is valid after a minus sign.
    private func integer(_ digits: String, radix: Int, start: QueryPosition) throws(QueryError) -> Token.Kind {
        guard !digits.isEmpty else { throw QueryError(.syntax, "expected digits after the base prefix", at: start) }
        if let value = Int(digits, radix: radix) { return .integer(value) }
        if UInt64(digits, radix: radix) == UInt64(Int.max) + 1 { return .minimumIntegerMagnitude }
        throw QueryError(.syntax, "integer '\(digits)' is too large", at: start)
    }

    private mutating func digits(into text: inout String) {
        while let character = peek(), character.isNumber, character.isASCII {
            text.append(character)
            advance()
        }
    }

    private mutating func string(start: QueryPosition) throws(QueryError) -> Token.Kind {
        let quote = characters[index]
        advance()
        var text = ""
        while true {
            guard let character = peek() else { throw QueryError(.syntax, "unterminated string", at: start) }
            let escapePosition = position
            advance()
            if character == quote { return .string(text) }
            guard character == "\\" else {
                text.append(character)
                continue
            }
            guard let escaped = peek() else { throw QueryError(.syntax, "unterminated string", at: start) }
            advance()
            switch escaped {
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            case "b": text.append("\u{8}")
            case "f": text.append("\u{C}")
            case "\\", "'", "\"": text.append(escaped)
            case "u": text.append(try unicodeEscape(at: escapePosition))
            default: throw QueryError(.syntax, "unknown escape '\\\(escaped)' in string", at: escapePosition)
            }
        }
    }

    private mutating func unicodeEscape(at start: QueryPosition) throws(QueryError) -> Character {
        var hex = ""
        for _ in 0..<4 {
            guard let digit = peek(), digit.isHexDigit else {
                throw QueryError(.syntax, "expected four hexadecimal digits after '\\u'", at: start)
            }
            hex.append(digit)
            advance()
        }
        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
            throw QueryError(.syntax, "invalid unicode escape '\\u\(hex)'", at: start)
        }
        return Character(scalar)
    }
}

extension Character {
    /// Letters and underscore start a name; digits may follow.
    fileprivate var isIdentifierStart: Bool { isLetter || self == "_" }
}
