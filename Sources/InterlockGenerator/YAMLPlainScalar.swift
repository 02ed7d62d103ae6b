import InterlockCore
/// Which strings YAML reads back unchanged as plain (unquoted) scalars.
enum YAMLPlainScalar {
    /// Words YAML 1.1 resolvers turn into booleans or null.
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]

    /// True for a letter followed by letters, digits, spaces and `-_./`, not ending in a space and
    /// not a reserved word: such text cannot be read as a number, date, boolean, null or syntax.
    static func isSafe(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, isLetter(first), utf8.last != UInt8(ascii: " ") else { return false }
        for byte in utf8 where !(isLetter(byte) || isDigit(byte) || " -_./".utf8.contains(byte)) {
            return false
        }
        return utf8.count > 5 || !reservedWords.contains(text.lowercased())
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
