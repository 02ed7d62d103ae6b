import FuzzSupport
import InterlockCore
import InterlockQuery

/// A portfolio with a dependency cycle, shared technologies, data and budgets: enough for
/// patterns, variable-length paths and aggregates to find something.
private let graph: PortfolioQueryGraph = {
    let text = """
        currency: EUR
        units: [{id: sales, name: Sales}, {id: ops, name: Ops, parent: sales}]
        people: [{id: ann, name: Ann, unit: sales}, {id: bob, name: Bob, active: false}]
        capabilities: [{id: crm, name: CRM}]
        technologies: [{id: java, name: Java, incompatibleWith: [dotnet]}, {id: dotnet, name: .NET, lifecycle: hold}]
        dataSources: [{id: db, name: Customers, domain: customer, classification: pii}]
        initiatives:
          - {id: a, name: A, unit: sales, owner: ann, budget: 100, dependsOn: [b], technologies: [java@17], capabilities: [crm], data: [{source: db, access: write}], start: 2026-01-01, end: 2026-06-30}
          - {id: b, name: B, unit: ops, owner: bob, budget: 200, dependsOn: [c], technologies: [dotnet], capabilities: [crm], tags: [gdpr]}
          - {id: c, name: C, status: live, dependsOn: [a, db], technologies: [java@21], data: [{source: db, access: read}]}
        """
    do {
        return PortfolioQueryGraph(PortfolioGraph(try PortfolioLoader.load(text: text, file: "fuzz.yaml")))
    } catch {
        fuzzFailure("the query fuzzer's portfolio does not load: \(error)")
    }
}()

private let engine = QueryEngine(graph: graph)
/// Small bounds: a query past them is refused with an error, which is a correct answer.
private let limits = QueryLimits(timeout: .milliseconds(200), maximumValueSize: 100_000, maximumHeldValues: 100_000)

/// Query text through the lexer, the parser (nesting limit), the semantic checker and a run
/// bounded in time and size; a `QueryError` is a correct answer, a trap or a hang is a bug.
func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    guard let query = try? QueryEngine<PortfolioQueryGraph>.prepare(text) else { return 0 }
    _ = try? engine.run(query, limits: limits)
    return 0
}
