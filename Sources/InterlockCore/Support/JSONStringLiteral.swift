/// JSON string literals, written one way everywhere Interlock writes JSON (reports, query
/// results, generated portfolios).
public enum JSONStringLiteral {
    /// Appends `value` as a JSON string literal: quotes, backslashes and every control character
    /// escaped, and U+2028/U+2029, which end lines in JavaScript, so the JSON can sit in a script.
    /// The literal is also a valid YAML double-quoted scalar.
    public static func append(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied at once: reports write a million
            // findings, and copying byte by byte was a third of writing them.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                guard mayNeedEscape(bytes[index]), let (escaped, length) = escape(at: index, in: bytes) else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: escaped)
                index += length
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// False for the bytes written as they are whatever follows them: nearly all of them, so
    /// this one test is all the common byte costs.
    @inline(__always)
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xE2
    }

    /// The escape for the character starting at `index` and how many bytes it replaces, nil when
    /// the byte is written as it is.
    private static func escape(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> ([UInt8], Int)? {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): return (Array(#"\""#.utf8), 1)
        case UInt8(ascii: "\\"): return (Array(#"\\"#.utf8), 1)
        case UInt8(ascii: "\n"): return (Array(#"\n"#.utf8), 1)
        case UInt8(ascii: "\r"): return (Array(#"\r"#.utf8), 1)
        case UInt8(ascii: "\t"): return (Array(#"\t"#.utf8), 1)
        case 0..<0x20, 0x7F: return (Array(#"\u00"#.utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)], 1)
        case 0xE2:
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return nil }
            switch bytes[index + 2] {
            case 0xA8: return (Array(#"\u2028"#.utf8), 3)
            case 0xA9: return (Array(#"\u2029"#.utf8), 3)
            default: return nil
            }
        default: return nil
        }
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
