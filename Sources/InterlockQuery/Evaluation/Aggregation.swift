/// The aggregate calls found while compiling the items of an aggregating projection. Each
/// call gets a slot after the group's representative row, where its result is read.
final class AggregateRegistry {
    /// One aggregate call: what it computes and over which argument.
    struct Call {
        /// The aggregating function.
        var function: AggregateFunction
        /// `count(DISTINCT x)` and the like.
        var distinct: Bool
        /// The argument; nil for `count(*)`.
        var argument: Evaluator?
        /// The argument's name when it is a bare variable, as in `count(i)`.
        var argumentVariable: String?
        /// The argument as Cypher text when it is a variable or a property of one: calls over
        /// the same such argument (`sum(i.budget)`, `min(i.budget)`) read it once per row.
        /// Nil for other arguments, which may differ from one evaluation to the next (`rand()`).
        var argumentText: String?
        /// The argument's variable and key when it is a property of a variable (`i.budget`).
        var argumentProperty: (variable: String, key: String)? = nil
        /// Where the call is, for error messages.
        var position: QueryPosition
        /// The second argument of `percentileCont` and `percentileDisc`.
        var percentile: Evaluator? = nil
    }

    /// The slot of the first aggregate result: the representative row's length.
    let baseSlot: Int
    /// The calls in the order they were found.
    private(set) var calls: [Call] = []

    init(baseSlot: Int) {
        self.baseSlot = baseSlot
    }

    /// Registers a call and gives the slot of its result.
    func register(_ call: Call) -> Int {
        calls.append(call)
        return baseSlot + calls.count - 1
    }
}

/// The aggregating functions.
enum AggregateFunction: String, CaseIterable {
    case count, collect, sum, avg, min, max, stDev, stDevP, percentileCont, percentileDisc

    /// Looks a function up by name, case-insensitively.
    init?(named name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = match
    }

    /// Whether the function keeps every value until the end (held against the limits).
    var keepsValues: Bool {
        switch self {
        case .collect, .stDev, .stDevP, .percentileCont, .percentileDisc: true
        default: false
        }
    }

    /// How many arguments the function takes.
    var arity: Int { self == .percentileCont || self == .percentileDisc ? 2 : 1 }
}

extension ExpressionCompiler {
    /// Compiles an aggregate call into a read of the slot where its result will be.
    func compileAggregate(_ expression: Expression) throws(QueryError) -> Evaluator {
        guard let aggregates else {
            throw QueryError(
                .semantic, "aggregate functions are only allowed in the items of WITH and RETURN",
                at: expression.position)
        }
        let call: AggregateRegistry.Call
        switch expression.kind {
        case .function(let name, let distinct, let arguments):
            guard let function = AggregateFunction(named: name), arguments.count == function.arity else {
                let expected = AggregateFunction(named: name)?.arity == 2 ? "two arguments" : "one argument"
                throw QueryError(.semantic, "\(name)() takes \(expected)", at: expression.position)
            }
            if let nested = arguments.first(where: \.containsAggregate) {
                throw QueryError(.semantic, "aggregate functions cannot be nested", at: nested.position)
            }
            // The argument sees the rows before grouping.
            var inner = self
            inner.aggregates = nil
            var variable: String?
            var text: String?
            var property: (variable: String, key: String)?
            switch arguments[0].kind {
            case .variable(let name):
                (variable, text) = (name, arguments[0].cypher)
            case .property(let base, let key):
                if case .variable(let name) = base.kind { (text, property) = (arguments[0].cypher, (name, key)) }
            default:
                break
            }
            call = .init(
                function: function, distinct: distinct, argument: try inner.compile(arguments[0]), argumentVariable: variable,
                argumentText: text, argumentProperty: property, position: expression.position,
                percentile: arguments.count > 1 ? try inner.compile(arguments[1]) : nil)
        default:
            call = .init(
                function: .count, distinct: false, argument: nil, argumentVariable: nil, argumentText: nil, position: expression.position)
        }
        let slot = aggregates.register(call)
        return { row in row[slot] }
    }
}

/// The running state of one aggregate call over one group.
struct Accumulator {
    private let function: AggregateFunction
    private let position: QueryPosition
    private var seen: Set<QueryValue>?
    /// The nodes DISTINCT has seen, by index (a node equals no other value): hashing an
    /// integer rather than the value was most of `count(DISTINCT u)`.
    private var seenNodes: Set<Int> = []
    private var count = 0
    private var integerSum = 0
    private var floatSum = 0.0
    private var sawFloat = false
    private var values: [QueryValue] = []
    /// How many values `collect()` has kept so far.
    var collected: Int { values.count + numbers.count }
    private var extreme: QueryValue = .null
    /// The numbers `stDev` and the percentiles work on.
    private var numbers: [Double] = []
    private var percentile: Double?

    init(_ call: AggregateRegistry.Call) {
        function = call.function
        position = call.position
        seen = call.distinct ? [] : nil
    }

    /// Adds one row's argument value (`.boolean(true)` stands for the row in `count(*)`).
    mutating func add(_ value: QueryValue) throws(QueryError) {
        if value.isNull { return }
        if seen != nil {
            if case .node(let node) = value {
                guard seenNodes.insert(node).inserted else { return }
            } else if seen?.insert(value).inserted == false {
                return
            }
        }
        count += 1
        switch function {
        case .count: break
        case .collect: values.append(value)
        case .sum, .avg: try addNumber(value)
        case .min: if extreme.isNull || value.sortsBefore(extreme) { extreme = value }
        case .max: if extreme.isNull || extreme.sortsBefore(value) { extreme = value }
        case .stDev, .stDevP, .percentileCont, .percentileDisc:
            guard let number = value.number else {
                throw QueryError(.runtime, "\(function.rawValue)() expects numbers but got \(value.typeName)", at: position)
            }
            // percentileDisc gives one of the values: an integer unless some value was a float.
            if case .float = value { sawFloat = true }
            numbers.append(number)
        }
    }

    /// Sets the percentile of `percentileCont` and `percentileDisc`: a number from 0 to 1,
    /// the same on every row.
    mutating func setPercentile(_ value: QueryValue) throws(QueryError) {
        guard let fraction = value.number, (0...1).contains(fraction) else {
            throw QueryError(
                .runtime, "\(function.rawValue)() expects a percentile between 0.0 and 1.0 but got \(value.literalText)",
                at: position)
        }
        percentile = fraction
    }

    /// Adds `rows` rows with the same argument value at once: only for a non-DISTINCT
    /// count, the one aggregate a counted MATCH feeds (`Match.liveVariablesForCounting`).
    mutating func add(_ value: QueryValue, rows: Int) throws(QueryError) {
        assert(function == .count && seen == nil, "only a plain count adds several rows at once")
        if value.isNull { return }
        let (total, overflow) = count.addingReportingOverflow(rows)
        guard !overflow else { throw QueryError(.runtime, "count() overflows a 64-bit integer", at: position) }
        count = total
    }

    private mutating func addNumber(_ value: QueryValue) throws(QueryError) {
        switch value {
        case .integer(let number):
            let (sum, overflow) = integerSum.addingReportingOverflow(number)
            if overflow || sawFloat {
                // Past Int.max the sum goes on in floating point, from the integer sum so far.
                if !sawFloat { floatSum = Double(integerSum) }
                sawFloat = true
                floatSum += Double(number)
            } else {
                integerSum = sum
            }
        case .float(let number):
            if !sawFloat {
                sawFloat = true
                floatSum = Double(integerSum)
            }
            floatSum += number
        default:
            throw QueryError(.runtime, "\(function.rawValue)() expects numbers but got \(value.typeName)", at: position)
        }
    }

    /// The aggregate's value for the group.
    var result: QueryValue {
        switch function {
        case .count: .integer(count)
        case .collect: .list(values)
        case .sum: sawFloat ? .float(floatSum) : .integer(integerSum)
        case .avg: count == 0 ? .null : .float((sawFloat ? floatSum : Double(integerSum)) / Double(count))
        case .min, .max: extreme
        case .stDev, .stDevP: standardDeviation
        case .percentileCont, .percentileDisc: percentileValue
        }
    }

    /// The sample (`stDev`) or population (`stDevP`) standard deviation; 0 for fewer than two
    /// values, as Neo4j gives.
    private var standardDeviation: QueryValue {
        let divisor = Double(function == .stDev ? numbers.count - 1 : numbers.count)
        guard numbers.count > 1, divisor > 0 else { return .float(0) }
        let mean = numbers.reduce(0, +) / Double(numbers.count)
        let squares = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return .float((squares / divisor).squareRoot())
    }

    /// `percentileCont` interpolates between the two nearest values; `percentileDisc` takes
    /// the nearest value at or above the rank, keeping its type.
    private var percentileValue: QueryValue {
        guard !numbers.isEmpty, let percentile else { return .null }
        let sorted = numbers.sorted()
        if function == .percentileDisc {
            let rank = max(0, Int((percentile * Double(sorted.count)).rounded(.up)) - 1)
            let chosen = sorted[min(rank, sorted.count - 1)]
            return sawFloat ? .float(chosen) : .integer(Int(chosen))
        }
        let position = percentile * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        let weight = position - Double(lower)
        return .float(sorted[lower] + (sorted[upper] - sorted[lower]) * weight)
    }
}
