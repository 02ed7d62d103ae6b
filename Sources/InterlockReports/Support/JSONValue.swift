import InterlockCore

/// A JSON value whose objects keep their keys in the order written, so every JSON output of
/// Interlock is byte-identical for the same input and reads in a sensible order.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction; non-finite values are written as `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object with ordered keys.
    case object([(String, JSONValue)])

    /// Equality with objects compared key by key, in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: return false
        }
    }

    /// Hashes consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .integer(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let entries):
            for (key, value) in entries {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// A number, written as an integer when it is whole (budgets are usually whole amounts).
    public static func amount(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        if value.rounded() == value, abs(value) < 1e15 { return .integer(Int(value)) }
        return .number(value)
    }

    /// The JSON text, indented by two spaces per level, ending without a newline.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes: what large outputs (a million findings) are written from,
    /// built byte by byte because appending to a String scalar by scalar is several times slower.
    public func serializedBytes(pretty: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: pretty ? 0 : nil)
        return output
    }

    /// Appends the JSON text, as if nested `indent` spaces deep (nil: compact), for writers
    /// that stream a large document piece by piece.
    func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .integer(let value): output += String(value).utf8
        case .number(let value): output += (value.isFinite ? "\(value)" : "null").utf8
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: values.count, indent: indent, to: &output) { index, output, inner in
                values[index].write(to: &output, indent: inner)
            }
        case .object(let entries):
            writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: entries.count, indent: indent, to: &output) { index, output, inner in
                JSONValue.writeString(entries[index].0, to: &output)
                output += inner == nil ? [UInt8(ascii: ":")] : [UInt8(ascii: ":"), UInt8(ascii: " ")]
                entries[index].1.write(to: &output, indent: inner)
            }
        }
    }

    private func writeContainer(
        open: UInt8, close: UInt8, count: Int, indent: Int?, to output: inout [UInt8],
        element: (Int, inout [UInt8], Int?) -> Void
    ) {
        output.append(open)
        guard count > 0 else { output.append(close); return }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if let inner {
                output.append(UInt8(ascii: "\n"))
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: inner))
            }
            element(index, &output, inner)
        }
        if let indent {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        }
        output.append(close)
    }

    /// Appends a JSON string literal (see `JSONStringLiteral`).
    static func writeString(_ value: String, to output: inout [UInt8]) {
        JSONStringLiteral.append(value, to: &output)
    }
}
