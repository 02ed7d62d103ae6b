import Foundation

/// `+ - * / % ^` with openCypher's typing: integers stay integers (overflow is an error),
/// a float operand makes a float, `+` also joins strings and lists, null gives null.
enum Arithmetic {
    static func apply(
        _ op: Expression.BinaryOperator, _ a: QueryValue, _ b: QueryValue, at position: QueryPosition
    ) throws(QueryError) -> QueryValue {
        switch (a, b) {
        case (.null, _), (_, .null):
            return .null
        case (.integer(let x), .integer(let y)):
            return try integer(op, x, y, at: position)
        case (.integer, .float), (.float, .integer), (.float, .float):
            return .float(floating(op, a.number ?? 0, b.number ?? 0))
        default:
            guard op == .add else { throw mismatch(op, a, b, at: position) }
            return try concatenation(a, b, at: position)
        }
    }

    private static func integer(
        _ op: Expression.BinaryOperator, _ x: Int, _ y: Int, at position: QueryPosition
    ) throws(QueryError) -> QueryValue {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide, .modulo:
            guard y != 0 else { throw QueryError(.runtime, "division by zero", at: position) }
            result = op == .divide ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y)
        default:
            return .float(pow(Double(x), Double(y)))
        }
        guard !result.overflow else { throw QueryError(.runtime, "integer overflow", at: position) }
        return .integer(result.partialValue)
    }

    private static func floating(_ op: Expression.BinaryOperator, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        case .modulo: fmod(x, y)
        default: pow(x, y)
        }
    }

    /// `+` on strings (numbers and booleans are written out) and lists (elements appended).
    private static func concatenation(_ a: QueryValue, _ b: QueryValue, at position: QueryPosition) throws(QueryError) -> QueryValue {
        switch (a, b) {
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.list(let x), _): return .list(x + [b])
        case (_, .list(let y)): return .list([a] + y)
        case (.string(let x), _):
            guard let y = scalarText(b) else { throw mismatch(.add, a, b, at: position) }
            return .string(x + y)
        case (_, .string(let y)):
            guard let x = scalarText(a) else { throw mismatch(.add, a, b, at: position) }
            return .string(x + y)
        default:
            throw mismatch(.add, a, b, at: position)
        }
    }

    private static func scalarText(_ value: QueryValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer, .float, .boolean: value.literalText
        default: nil
        }
    }

    private static func mismatch(
        _ op: Expression.BinaryOperator, _ a: QueryValue, _ b: QueryValue, at position: QueryPosition
    ) -> QueryError {
        QueryError(.runtime, "cannot apply '\(op.rawValue)' to \(a.typeName) and \(b.typeName)", at: position)
    }
}
