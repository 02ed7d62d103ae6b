/// Bounds on what one run of a query may take: time, the size of any one value it builds, and
/// the values it holds at once. A query past one of them stops with a `.limit` (or `.timeout`)
/// error naming the limit and the option that raises it, rather than exhausting the machine.
public struct QueryLimits: Sendable, Hashable {
    /// The longest a run may take; nil for no limit. Checked between units of work, including
    /// inside long loops of one expression (chains, comprehensions, list predicates).
    public var timeout: Duration?
    /// The most elements a list, entries a map or UTF-8 bytes a string built by the query may have.
    public var maximumValueSize: Int
    /// The most values held at once by the stages that keep rows (ORDER BY, DISTINCT,
    /// aggregation and `collect()`, UNION, a result that is not streamed). Each row counts its
    /// cells and the elements of the lists and maps in them, and one per 16 bytes of its strings:
    /// roughly 50 bytes of memory each.
    public var maximumHeldValues: Int
    /// How a user raises each limit, quoted in the error (an option of the command that ran the query).
    public var raisedBy: Options

    /// The options that raise the limits, as the user types them.
    public struct Options: Sendable, Hashable {
        /// Raises `timeout`.
        public var timeout: String
        /// Raises `maximumValueSize`.
        public var valueSize: String
        /// Raises `maximumHeldValues`.
        public var heldValues: String

        /// Names the options.
        public init(timeout: String, valueSize: String, heldValues: String) {
            self.timeout = timeout
            self.valueSize = valueSize
            self.heldValues = heldValues
        }
    }

    /// Creates limits; the defaults are those of `interlock query`.
    public init(
        timeout: Duration? = .seconds(60), maximumValueSize: Int = 10_000_000, maximumHeldValues: Int = 20_000_000,
        raisedBy: Options = Options(timeout: "--timeout", valueSize: "--max-value-size", heldValues: "--max-held")
    ) {
        self.timeout = timeout
        self.maximumValueSize = maximumValueSize
        self.maximumHeldValues = maximumHeldValues
        self.raisedBy = raisedBy
    }

    /// The limits of `interlock query` and of a library call that names none.
    public static let query = QueryLimits()

    /// The upper bound of a variable-length relationship written without one (`*`, `*2..`).
    /// Enumerating every trail is exponential in the worst case; use `shortestPath` or
    /// `interlock.blastRadius` for unbounded reachability.
    public static let defaultMaximumHops = 10

    /// How deeply a query may nest parentheses, lists, maps, calls, `NOT`, signs, `CASE`,
    /// comprehensions and suffixes (`.key`, `[i]`): the parser, the compiler and the evaluator
    /// recurse once per level, and a custom rule runs on a thread with a small stack. Long
    /// flat chains (`a + b + ...`, `x AND y AND ...`) do not nest and are not bounded by it.
    public static let maximumNesting = 100

    /// How many clauses one part of a query, parts joined by UNION, patterns in one MATCH or
    /// relationships in one pattern may have: running a query recurses once for each.
    public static let maximumParts = 500
}

/// What one run has used of its limits. One budget serves one run, on one thread.
final class QueryBudget {
    let limits: QueryLimits
    private var held = 0

    init(limits: QueryLimits) {
        self.limits = limits
    }

    /// Counts a row kept by a buffering stage.
    func hold(_ row: Row) throws(QueryError) {
        var weight = row.count
        for value in row { weight += value.shallowSize / (value.isString ? 16 : 1) }
        try hold(weight)
    }

    /// Counts `count` values kept (elements collected by `collect()`).
    func hold(_ count: Int) throws(QueryError) {
        held += count
        guard held <= limits.maximumHeldValues else {
            throw QueryError(
                .limit,
                "the query holds more than \(limits.maximumHeldValues) values at once (rows kept by ORDER BY, "
                    + "DISTINCT, aggregation or collect()); raise the limit with \(limits.raisedBy.heldValues)")
        }
    }

    /// The value, or a `.limit` error when it is larger than any value may be.
    func checked(_ value: QueryValue, at position: QueryPosition) throws(QueryError) -> QueryValue {
        try checkSize(value.shallowSize, at: position)
        return value
    }

    /// A `.limit` error when a value of `size` elements or bytes would be too large.
    func checkSize(_ size: Int, at position: QueryPosition) throws(QueryError) {
        guard size <= limits.maximumValueSize else {
            throw QueryError(
                .limit,
                "this would build a value of more than \(limits.maximumValueSize) elements or bytes; "
                    + "raise the limit with \(limits.raisedBy.valueSize)", at: position)
        }
    }
}

extension QueryValue {
    /// Elements of a list or a map, UTF-8 bytes of a string, 0 for anything else: what the
    /// size limit bounds, cheap to read.
    var shallowSize: Int {
        switch self {
        case .list(let elements): elements.count
        case .map(let entries): entries.count
        case .string(let text): text.utf8.count
        default: 0
        }
    }

    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
