/// Reads the fields of one mapping in a portfolio file, turning every mismatch into a located `LoadError`.
///
/// Each key read is ticked off; `finish()` rejects the keys nobody read, so a typo such as
/// `dependOn` stops loading instead of silently dropping a dependency. Keys starting with `x-`
/// are extension fields and are always accepted.
struct FieldReader {
    private let entries: [DocumentEntry]
    private let file: String
    private let subject: String
    private let knownKeys: [String]
    /// Which entries were read: a bit per entry index, a set past 64 (mappings are small; this is hot on large portfolios).
    private var readMask: UInt64 = 0
    private var readBeyondMask: Set<Int> = []
    /// Where the mapping starts: the location of the entity it describes.
    let location: SourceLocation

    /// Wraps `node`, which must be a mapping describing `subject` (for example "an initiative").
    init(_ node: DocumentNode, file: String, subject: String, knownKeys: [String]) throws(LoadError) {
        self.file = file
        self.subject = subject
        self.knownKeys = knownKeys
        self.location = SourceLocation(file: file, line: node.line, column: node.column)
        guard case .mapping(let entries) = node.value else {
            throw LoadError("expected \(subject) (a mapping of keys to values), found \(node.shapeDescription)", at: location)
        }
        self.entries = entries
    }

    private mutating func entry(_ key: String) -> DocumentEntry? {
        // A key missing from the entity's field table would be read but never suggested, documented or diffed.
        assert(knownKeys.contains(key), "'\(key)' is read but not declared for \(subject)")
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        if index < 64 { readMask |= 1 << UInt64(index) } else { readBeyondMask.insert(index) }
        return entries[index]
    }

    private func wasRead(_ index: Int) -> Bool {
        index < 64 ? readMask & (1 << UInt64(index)) != 0 : readBeyondMask.contains(index)
    }

    private func locationOf(_ node: DocumentNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    /// Where `key` is written, or the mapping's own place when it is absent.
    func location(ofKey key: String) -> SourceLocation {
        guard let entry = entries.first(where: { $0.key == key }) else { return location }
        return SourceLocation(file: file, line: entry.keyLine, column: entry.keyColumn)
    }

    /// The raw value node of `key`, or nil when absent or null.
    mutating func node(_ key: String) -> DocumentNode? {
        guard let value = entry(key)?.value else { return nil }
        if case .scalar(let scalar) = value.value, scalar.isNull { return nil }
        return value
    }

    /// A single value read as text, or nil when absent.
    mutating func text(_ key: String) throws(LoadError) -> String? {
        guard let value = node(key) else { return nil }
        return try Self.text(of: value, key: key, file: file)
    }

    /// A required single value read as text.
    mutating func requiredText(_ key: String) throws(LoadError) -> String {
        guard let value = try text(key) else { throw LoadError("\(subject) needs '\(key)'", at: location) }
        return value
    }

    /// A required id: non-empty text without white space, control characters or `@`.
    mutating func id() throws(LoadError) -> String {
        let value = try requiredText("id")
        guard value.isPortfolioID else {
            throw LoadError("'id' must be non-empty text without white space, control characters or '@', found \"\(value.prefix(40))\"",
                            at: location(ofKey: "id"))
        }
        return value
    }

    /// A list of single values read as text; absent means empty.
    mutating func textList(_ key: String) throws(LoadError) -> [String] {
        var values: [String] = []
        for item in try list(key) { values.append(try Self.text(of: item, key: key, file: file)) }
        return values
    }

    /// The items of a list; absent means empty.
    mutating func list(_ key: String) throws(LoadError) -> [DocumentNode] {
        guard let value = node(key) else { return [] }
        guard case .sequence(let items) = value.value else {
            throw LoadError("expected a list for '\(key)', found \(value.shapeDescription)", at: locationOf(value))
        }
        return items
    }

    /// A number, or nil when absent: written plainly (not quoted), in decimal, with `_` allowed
    /// only between digits (`1_200_000`); `"100"`, `0x10`, `_1__2_`, `inf` and `nan` are refused.
    mutating func number(_ key: String) throws(LoadError) -> Double? {
        guard let value = node(key) else { return nil }
        let text = try Self.text(of: value, key: key, file: file)
        if case .scalar(let scalar) = value.value, scalar.isQuoted {
            throw LoadError("expected a number for '\(key)', found the quoted text \"\(text.prefix(40))\" (write the number without quotes)",
                            at: locationOf(value))
        }
        // Budgets are nearly always whole amounts: integer parsing first is several times faster.
        guard let number = Int(text).map(Double.init) ?? (Self.isDecimal(text) ? Double(text.replacingUnderscores) : nil), number.isFinite else {
            throw LoadError("expected a number for '\(key)', found \"\(text.prefix(40))\"", at: locationOf(value))
        }
        return number
    }

    /// A decimal number as the format writes it: an optional sign, digits (with `_` only between
    /// two digits), an optional fraction and an optional exponent. `Double` alone would also take
    /// hexadecimal (`0x10`), `inf` and `nan`.
    private static func isDecimal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits(underscores: Bool) -> Bool {
            var count = 0
            while let byte = bytes.first {
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    count += 1
                } else if underscores, byte == UInt8(ascii: "_"), count > 0, let next = bytes.dropFirst().first,
                          next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") {
                    // An underscore between two digits.
                } else {
                    break
                }
                bytes.removeFirst()
            }
            return count > 0
        }
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
        guard digits(underscores: true) else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            guard digits(underscores: false) else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes.removeFirst()
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
            guard digits(underscores: false) else { return false }
        }
        return bytes.isEmpty
    }

    /// `true` or `false` written plainly, or nil when absent; `TRUE`, `yes` and the quoted text
    /// `"false"` are refused, as the format says.
    mutating func bool(_ key: String) throws(LoadError) -> Bool? {
        guard let value = node(key) else { return nil }
        let text = try Self.text(of: value, key: key, file: file)
        if case .scalar(let scalar) = value.value, scalar.isQuoted {
            throw LoadError("expected true or false for '\(key)', found the quoted text \"\(text.prefix(40))\" (write it without quotes)",
                            at: locationOf(value))
        }
        switch text {
        case "true": return true
        case "false": return false
        case let other: throw LoadError("expected true or false for '\(key)', found \"\(other.prefix(40))\"", at: locationOf(value))
        }
    }

    /// A `YYYY-MM-DD` day, or nil when absent.
    mutating func day(_ key: String) throws(LoadError) -> Day? {
        guard let value = node(key) else { return nil }
        let text = try Self.text(of: value, key: key, file: file)
        guard let day = Day(text) else {
            throw LoadError("expected a date YYYY-MM-DD for '\(key)', found \"\(text.prefix(40))\"", at: locationOf(value))
        }
        return day
    }

    /// One of an enumeration's raw values, or nil when absent.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, of type: Choice.Type) throws(LoadError) -> Choice?
    where Choice.RawValue == String {
        guard let value = node(key) else { return nil }
        let text = try Self.text(of: value, key: key, file: file)
        guard let choice = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw LoadError("expected one of \(allowed) for '\(key)', found \"\(text.prefix(40))\"", at: locationOf(value))
        }
        return choice
    }

    /// Rejects keys that were not read, suggesting the nearest known key.
    func finish() throws(LoadError) {
        for (index, entry) in entries.enumerated() where !wasRead(index) && !entry.key.hasPrefix("x-") {
            throw Self.unknownKey(entry.key, in: subject, knownKeys: knownKeys,
                                  at: SourceLocation(file: file, line: entry.keyLine, column: entry.keyColumn))
        }
    }

    /// The error for a key nobody expects, suggesting the nearest known key.
    static func unknownKey(_ key: String, in subject: String, knownKeys: [String], at location: SourceLocation) -> LoadError {
        var message = "unknown key '\(key)' in \(subject)"
        if let suggestion = knownKeys.min(by: { editDistance($0, key) < editDistance($1, key) }),
           editDistance(suggestion, key) <= 3 {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of: \(knownKeys.joined(separator: ", ")) (or an x- extension key)"
        }
        return LoadError(message, at: location)
    }

    /// The text of a scalar node, or an error naming the key when it is a list or mapping.
    static func text(of node: DocumentNode, key: String, file: String) throws(LoadError) -> String {
        guard case .scalar(let scalar) = node.value, !scalar.isNull else {
            throw LoadError("expected a single value for '\(key)', found \(node.shapeDescription)",
                            at: SourceLocation(file: file, line: node.line, column: node.column))
        }
        return scalar.text
    }
}

/// Levenshtein distance, for "did you mean" suggestions on short keys.
private func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.lowercased().unicodeScalars), b = Array(rhs.lowercased().unicodeScalars)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    /// YAML allows `1_200_000`; so do budgets here.
    fileprivate var replacingUnderscores: String { contains("_") ? String(filter { $0 != "_" }) : self }
}
