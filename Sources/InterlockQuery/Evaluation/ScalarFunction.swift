import Foundation
import InterlockCore

/// The scalar functions. Unless stated, a null argument gives null.
enum ScalarFunction: String, CaseIterable {
    // Graph elements.
    case labels, type, id, keys, properties, startNode, endNode, nodes, relationships, length
    // Lists and strings.
    case size, head, last, tail, reverse, range
    case toLower, toUpper, trim, lTrim, rTrim, replace, split, substring, left, right
    case isEmpty
    // Conversions; the `OrNull` forms give null instead of a type error.
    case toString, toInteger, toFloat, toBoolean, date
    case toStringOrNull, toIntegerOrNull, toFloatOrNull, toBooleanOrNull
    // Numbers.
    case abs, ceil, floor, round, sign, sqrt
    case log, log10, exp, sin, cos, tan, cot, asin, acos, atan, atan2, degrees, radians, haversin, isNaN
    // Constants and random numbers: no argument.
    case e, pi, rand

    /// Looks a function up by name, case-insensitively.
    init?(named name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = match
    }

    /// How many arguments the function takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .range, .substring: 2...3
        case .replace: 3...3
        case .split, .left, .right, .atan2: 2...2
        case .e, .pi, .rand: 0...0
        default: 1...1
        }
    }

    /// Applies the function to evaluated arguments.
    /// `budget` bounds what `range` and `replace` may build before they build it.
    func apply(
        _ arguments: [QueryValue], graph: some QueryableGraph, budget: QueryBudget, at position: QueryPosition
    ) throws(QueryError) -> QueryValue {
        switch self {
        case .e: return .float(M_E)
        case .pi: return .float(Double.pi)
        case .rand: return .float(Double.random(in: 0..<1))
        default: break
        }
        let value = arguments[0]
        if value.isNull { return .null }
        func fail(_ expected: String) -> QueryError {
            QueryError(.runtime, "\(rawValue)() expects \(expected) but got \(value.typeName)", at: position)
        }
        switch self {
        case .labels, .type, .id, .keys, .properties, .startNode, .endNode, .nodes, .relationships, .length:
            guard let result = graphFunction(value, graph: graph) else { throw fail(expectedGraphArgument) }
            return result
        case .size:
            switch value {
            case .list(let elements): return .integer(elements.count)
            case .string(let text): return .integer(text.count)
            default: throw fail("a List or a String")
            }
        case .head, .last, .tail:
            guard case .list(let elements) = value else { throw fail("a List") }
            switch self {
            case .head: return elements.first ?? .null
            case .last: return elements.last ?? .null
            default: return .list(Array(elements.dropFirst()))
            }
        case .reverse:
            switch value {
            case .list(let elements): return .list(elements.reversed())
            case .string(let text): return .string(String(text.reversed()))
            default: throw fail("a List or a String")
            }
        case .range:
            return try Self.range(arguments, budget: budget, at: position)
        case .toLower, .toUpper, .trim, .lTrim, .rTrim, .replace, .split, .substring, .left, .right:
            guard case .string(let text) = value else { throw fail("a String") }
            return try stringFunction(text, Array(arguments.dropFirst()), budget: budget, at: position)
        case .toString:
            switch value {
            case .string, .integer, .float, .boolean: return .string(value.plainText)
            default: throw fail("a String, a number or a Boolean")
            }
        case .toInteger:
            guard value.isScalar else { throw fail("a String, a number or a Boolean") }
            return Self.integer(from: value)
        case .toFloat:
            guard value.isScalar, value != .boolean(true), value != .boolean(false) else { throw fail("a String or a number") }
            return Self.float(from: value)
        case .toIntegerOrNull: return value.isScalar ? Self.integer(from: value) : .null
        case .toFloatOrNull: return value.isScalar ? Self.float(from: value) : .null
        case .toStringOrNull: return value.isScalar ? .string(value.plainText) : .null
        case .toBooleanOrNull:
            switch value {
            case .boolean: return value
            case .string(let text): return ["true": true, "false": false][text.lowercased()] ?? .null
            case .integer(let number): return .boolean(number != 0)
            default: return .null
            }
        case .isEmpty:
            switch value {
            case .list(let elements): return .boolean(elements.isEmpty)
            case .string(let text): return .boolean(text.isEmpty)
            case .map(let entries): return .boolean(entries.isEmpty)
            default: throw fail("a List, a String or a Map")
            }
        case .toBoolean:
            switch value {
            case .boolean: return value
            case .string(let text): return ["true": true, "false": false][text.lowercased()] ?? .null
            case .integer(let number): return .boolean(number != 0)
            default: throw fail("a String, an Integer or a Boolean")
            }
        case .date:
            guard case .string(let text) = value else { throw fail("a String") }
            guard let day = Day(text) else {
                throw QueryError(.runtime, "date() expects YYYY-MM-DD but got '\(text)'", at: position)
            }
            return .string(day.description)
        case .abs, .ceil, .floor, .round, .sign, .sqrt:
            guard let number = value.number else { throw fail("a number") }
            if self == .abs, value == .integer(.min) {
                // Its magnitude is no integer: an error, as `-x` and `x * -1` give.
                throw QueryError(.runtime, "integer overflow", at: position)
            }
            return numberFunction(value, number)
        case .atan2:
            guard let y = value.number else { throw fail("numbers") }
            guard let x = arguments[1].number else {
                if arguments[1].isNull { return .null }
                throw QueryError(.runtime, "atan2() expects numbers but got \(arguments[1].typeName)", at: position)
            }
            return .float(Foundation.atan2(y, x))
        case .isNaN:
            guard let number = value.number else { throw fail("a number") }
            return .boolean(number.isNaN)
        case .log, .log10, .exp, .sin, .cos, .tan, .cot, .asin, .acos, .atan, .degrees, .radians, .haversin:
            guard let number = value.number else { throw fail("a number") }
            return .float(transcendental(number))
        case .e, .pi, .rand:
            return .null
        }
    }

    /// The float functions of one number (NaN outside their domain, as in Java's Math).
    private func transcendental(_ x: Double) -> Double {
        switch self {
        case .log: Foundation.log(x)
        case .log10: Foundation.log10(x)
        case .exp: Foundation.exp(x)
        case .sin: Foundation.sin(x)
        case .cos: Foundation.cos(x)
        case .tan: Foundation.tan(x)
        case .cot: 1 / Foundation.tan(x)
        case .asin: Foundation.asin(x)
        case .acos: Foundation.acos(x)
        case .atan: Foundation.atan(x)
        case .degrees: x * 180 / Double.pi
        case .radians: x * Double.pi / 180
        default: (1 - Foundation.cos(x)) / 2
        }
    }

    private var expectedGraphArgument: String {
        switch self {
        case .labels: "a Node"
        case .type, .startNode, .endNode: "a Relationship"
        case .nodes, .relationships: "a Path"
        case .length: "a Path, a List or a String"
        default: "a Node, a Relationship or a Map"
        }
    }

    /// Functions over graph elements; nil when the argument has the wrong type.
    private func graphFunction(_ value: QueryValue, graph: some QueryableGraph) -> QueryValue? {
        switch (self, value) {
        case (.labels, .node(let node)): return .list([.string(graph.label(ofNode: node))])
        case (.type, .relationship(let relationship)): return .string(graph.type(ofRelationship: relationship))
        case (.id, .node(let element)), (.id, .relationship(let element)): return .integer(element)
        case (.keys, .node(let node)): return .list(graph.propertyKeys(ofNode: node).map(QueryValue.string))
        case (.keys, .relationship(let relationship)):
            return .list(graph.propertyKeys(ofRelationship: relationship).map(QueryValue.string))
        case (.keys, .map(let entries)): return .list(entries.keys.sorted().map(QueryValue.string))
        case (.properties, .node(let node)): return .map(graph.properties(ofNode: node))
        case (.properties, .relationship(let relationship)): return .map(graph.properties(ofRelationship: relationship))
        case (.properties, .map): return value
        case (.startNode, .relationship(let relationship)): return .node(graph.source(ofRelationship: relationship))
        case (.endNode, .relationship(let relationship)): return .node(graph.target(ofRelationship: relationship))
        case (.nodes, .path(let path)): return .list(path.nodes.map(QueryValue.node))
        case (.relationships, .path(let path)): return .list(path.relationships.map(QueryValue.relationship))
        case (.length, .path(let path)): return .integer(path.relationships.count)
        case (.length, .list(let elements)): return .integer(elements.count)
        case (.length, .string(let text)): return .integer(text.count)
        default: return nil
        }
    }

    private func stringFunction(
        _ text: String, _ extra: [QueryValue], budget: QueryBudget, at position: QueryPosition
    ) throws(QueryError) -> QueryValue {
        if extra.contains(where: \.isNull) { return .null }
        func string(_ index: Int) throws(QueryError) -> String {
            guard case .string(let value) = extra[index] else {
                throw QueryError(.runtime, "\(rawValue)() expects String arguments", at: position)
            }
            return value
        }
        func integer(_ index: Int) throws(QueryError) -> Int {
            guard case .integer(let value) = extra[index], value >= 0 else {
                throw QueryError(.runtime, "\(rawValue)() expects non-negative Integer arguments", at: position)
            }
            return value
        }
        switch self {
        case .toLower: return .string(text.lowercased())
        case .toUpper: return .string(text.uppercased())
        case .trim: return .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
        case .lTrim: return .string(String(text.drop(while: \.isWhitespace)))
        case .rTrim: return .string(String(text.reversed().drop(while: \.isWhitespace).reversed()))
        case .replace:
            let search = try string(0), replacement = try string(1)
            if search.isEmpty { return .string(text) }
            return .string(try Self.replacing(search, with: replacement, in: text, budget: budget, at: position))
        case .split:
            let separator = try string(0)
            if separator.isEmpty { return .list(text.map { .string(String($0)) }) }
            return .list(text.components(separatedBy: separator).map(QueryValue.string))
        case .left: return .string(String(text.prefix(try integer(0))))
        case .right: return .string(String(text.suffix(try integer(0))))
        default:
            let start = try integer(0)
            let length = extra.count > 1 ? try integer(1) : text.count
            return .string(String(text.dropFirst(start).prefix(length)))
        }
    }

    private func numberFunction(_ value: QueryValue, _ number: Double) -> QueryValue {
        switch (self, value) {
        case (.abs, .integer(let integer)): .integer(Swift.abs(integer))
        case (.abs, _): .float(Swift.abs(number))
        case (.sign, _): .integer(number > 0 ? 1 : number < 0 ? -1 : 0)
        case (.ceil, _): .float(number.rounded(.up))
        case (.floor, _): .float(number.rounded(.down))
        case (.round, _): .float(number.rounded(.toNearestOrAwayFromZero))
        default: .float(number.squareRoot())
        }
    }

    /// `replace` over UTF-8 bytes, in one pass that stops as soon as the result would pass the
    /// size limit (a replacement longer than what it replaces multiplies the size of a text).
    /// Comparing bytes is comparing scalars: a match of valid UTF-8 starts and ends on scalar
    /// boundaries.
    private static func replacing(
        _ search: String, with replacement: String, in text: String, budget: QueryBudget, at position: QueryPosition
    ) throws(QueryError) -> String {
        let source = Array(text.utf8), needle = Array(search.utf8), insert = Array(replacement.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == needle[0], index + needle.count <= source.count,
               source[index..<(index + needle.count)].elementsEqual(needle) {
                output += insert
                index += needle.count
            } else {
                output.append(source[index])
                index += 1
            }
            if output.count > budget.limits.maximumValueSize { try budget.checkSize(output.count, at: position) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `range(start, end[, step])`: the integers from start to end inclusive.
    private static func range(
        _ arguments: [QueryValue], budget: QueryBudget, at position: QueryPosition
    ) throws(QueryError) -> QueryValue {
        var bounds: [Int] = []
        for argument in arguments {
            guard case .integer(let value) = argument else {
                throw QueryError(.runtime, "range() expects Integer arguments", at: position)
            }
            bounds.append(value)
        }
        let step = bounds.count > 2 ? bounds[2] : 1
        guard step != 0 else { throw QueryError(.runtime, "range() step must not be zero", at: position) }
        let (low, high) = step > 0 ? (bounds[0], bounds[1]) : (bounds[1], bounds[0])
        guard low <= high else { return .list([]) }
        // The distance as an unsigned number: `range(-9223372036854775807, 9223372036854775807)`
        // must not trap.
        let steps = UInt(bitPattern: high &- low) / step.magnitude
        try budget.checkSize(steps >= UInt(Int.max) ? Int.max : Int(steps) + 1, at: position)
        return .list(Array(stride(from: bounds[0], through: bounds[1], by: step)).map(QueryValue.integer))
    }

    /// `toInteger`: floats truncate, strings parse (as a float when they have a fraction), else null.
    static func integer(from value: QueryValue) -> QueryValue {
        switch value {
        case .integer: return value
        case .float(let number): return number.isFinite && Swift.abs(number) < 9.2e18 ? .integer(Int(number)) : .null
        case .boolean(let truth): return .integer(truth ? 1 : 0)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let integer = Int(trimmed) { return .integer(integer) }
            return Double(trimmed).map { integer(from: .float($0)) } ?? .null
        default: return .null
        }
    }

    /// `toFloat`: integers widen, strings parse, else null.
    static func float(from value: QueryValue) -> QueryValue {
        switch value {
        case .float: value
        case .integer(let number): .float(Double(number))
        case .string(let text): Double(text.trimmingCharacters(in: .whitespaces)).map(QueryValue.float) ?? .null
        default: .null
        }
    }
}
