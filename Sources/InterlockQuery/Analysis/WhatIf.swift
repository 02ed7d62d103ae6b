import Dispatch
import InterlockAnalysis
import InterlockCore
import Synchronization

/// A scenario tried on a portfolio: today's analysis, the changed copy's analysis, the
/// difference, and who loses something that the scenario removes or retires.
///
///     let today = try PortfolioAnalysis(paths: ["Samples/acme"])
///     let plan = Scenario(name: "Retire SAP ECC", changes: [.retire("sap-ecc")])
///     let result = try WhatIf(plan, on: today)
///     for dependent in result.losses.flatMap(\.dependents) { print(dependent.path) }
public struct WhatIf: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// Today's analysis.
    public let before: PortfolioAnalysis
    /// The analysis of the changed copy.
    public let after: PortfolioAnalysis
    /// Nodes, findings and budgets that differ.
    public let diff: PortfolioDiff
    /// For each removal and retirement, who loses the node.
    public let losses: [ScenarioLoss]

    /// Applies `scenario` to `before`'s portfolio and analyses the copy the same way.
    ///
    /// - Throws: `WhatIfError` for a change that does not apply, or a copy that cannot be
    ///   analysed (a custom rule that fails on it).
    public init(_ scenario: Scenario, on before: PortfolioAnalysis, today: Day = .today()) throws(WhatIfError) {
        let changed: Portfolio
        do {
            changed = try scenario.applied(to: before.portfolio)
        } catch {
            throw .change(error)
        }
        let after: PortfolioAnalysis
        do {
            after = try PortfolioAnalysis(portfolio: changed, today: today)
        } catch {
            throw .analysis(error)
        }
        self.init(scenario, before: before, after: after)
    }

    /// Applies `scenario` to `portfolio` and analyses today's portfolio and the changed copy
    /// side by side: on two cores, the two analyses' serial parts (building each graph, ordering
    /// the findings) overlap, which takes a quarter off a 100,000-initiative scenario.
    ///
    /// - Throws: `WhatIfError` for a change that does not apply, or a portfolio that cannot be
    ///   analysed (today's or the changed copy).
    public init(_ scenario: Scenario, on portfolio: Portfolio, today: Day = .today()) throws(WhatIfError) {
        let changed: Portfolio
        do {
            changed = try scenario.applied(to: portfolio)
        } catch {
            throw .change(error)
        }
        let inputs = [portfolio, changed]
        let analyses = Mutex([Result<PortfolioAnalysis, PortfolioAnalysisError>?](repeating: nil, count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = Result { () throws(PortfolioAnalysisError) in try PortfolioAnalysis(portfolio: inputs[index], today: today) }
            analyses.withLock { $0[index] = result }
        }
        let (before, after) = analyses.withLock { ($0[0], $0[1]) }
        switch (before, after) {
        case (.success(let before)?, .success(let after)?): self.init(scenario, before: before, after: after)
        case (.failure(let error)?, _): throw .today(error)
        case (_, .failure(let error)?): throw .analysis(error)
        default: preconditionFailure("concurrentPerform ran both analyses")
        }
    }

    /// The difference between two analyses and the losses of `scenario`'s removals and retirements.
    private init(_ scenario: Scenario, before: PortfolioAnalysis, after: PortfolioAnalysis) {
        self.scenario = scenario
        self.before = before
        self.after = after
        diff = PortfolioDiff(old: before.graph, oldFindings: before.findings, new: after.graph, newFindings: after.findings)
        let graph = before.graph
        losses = scenario.changes.compactMap { change in
            switch change {
            case .remove(let id), .retire(let id):
                guard let node = graph.node(withID: id) else { return nil }
                return ScenarioLoss(change: change, id: id, name: graph.name(of: node), dependents: graph.dependents(of: node))
            case .delay, .replace:
                return nil
            }
        }
    }
}

/// Why a scenario could not be tried.
public enum WhatIfError: Error, CustomStringConvertible, Sendable {
    /// A change that does not apply to the portfolio.
    case change(ScenarioError)
    /// Today's portfolio could not be analysed (a custom rule that does not parse, say).
    case today(PortfolioAnalysisError)
    /// The changed portfolio could not be analysed.
    case analysis(PortfolioAnalysisError)

    /// The reason, in one sentence.
    public var description: String {
        switch self {
        case .change(let error): "\(error)"
        case .today(let error): error.description
        case .analysis(let error): "the changed portfolio cannot be analysed: \(error)"
        }
    }
}
