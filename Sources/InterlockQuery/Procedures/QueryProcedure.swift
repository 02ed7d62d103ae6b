/// A procedure callable with `CALL name(arguments) YIELD fields`.
public struct QueryProcedure: Sendable {
    /// The dotted name, such as `interlock.findings`; matched case-insensitively.
    public var name: String
    /// The names of the arguments, in order.
    public var arguments: [String]
    /// The names of the fields each output row carries, in order.
    public var outputs: [String]
    /// Produces the output rows (each with one value per output field) from the argument values.
    public var body: @Sendable ([QueryValue]) throws(QueryError) -> [[QueryValue]]

    /// Creates a procedure.
    public init(
        name: String, arguments: [String], outputs: [String],
        body: @escaping @Sendable ([QueryValue]) throws(QueryError) -> [[QueryValue]]
    ) {
        self.name = name
        self.arguments = arguments
        self.outputs = outputs
        self.body = body
    }
}
