/// JSON string literals, written one way everywhere Interlock writes JSON (reports, query
/// results, generated portfolios).
public enum JSONStringLiteral {
    /// Appends `value` as a JSON string literal: quotes, backslashes and every control character
    /// escaped, and U+2028/U+2029, which end lines in JavaScript, so the JSON can sit in a script.
    /// The literal is also a valid YAML double-quoted scalar.
    public static func append(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var utf8 = value.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                output += "\\u00".utf8
                output += [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                guard let second = utf8.next() else { output.append(byte); continue }
                guard let third = utf8.next() else { output += [byte, second]; continue }
                if second == 0x80, third == 0xA8 || third == 0xA9 {
                    output += (third == 0xA8 ? "\\u2028" : "\\u2029").utf8
                } else {
                    output += [byte, second, third]
                }
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `value` as a JSON string literal.
    public static func quoted(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
