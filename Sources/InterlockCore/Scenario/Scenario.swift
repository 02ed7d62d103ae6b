/// A plan to try on a portfolio before deciding it: retire, remove, delay or replace things.
/// It changes a copy of the portfolio in memory; `interlock whatif` compares the copy's
/// analysis with today's.
public struct Scenario: Hashable, Sendable {
    /// One change of a scenario.
    public enum Change: Hashable, Sendable {
        /// An initiative's status becomes retired, or a technology's lifecycle.
        case retire(String)
        /// The node is gone, and every reference an initiative makes to it.
        case remove(String)
        /// An initiative's start and end move by this many days (negative: earlier).
        case delay(String, days: Int)
        /// Every use of the first technology becomes a use of the second (without a version).
        case replace(String, with: String)
    }

    /// A name for reports ("Retire SAP ECC in Q3").
    public var name: String
    /// The changes, applied in order.
    public var changes: [Change]

    /// A scenario.
    public init(name: String, changes: [Change]) {
        self.name = name
        self.changes = changes
    }

    /// `portfolio` with every change applied.
    ///
    /// - Throws: `ScenarioError` naming the change whose id is not in the portfolio, or not of a
    ///   kind the change applies to.
    public func applied(to portfolio: Portfolio) throws(ScenarioError) -> Portfolio {
        var copy = portfolio
        for change in changes {
            try apply(change, to: &copy)
        }
        return copy
    }

    private func apply(_ change: Change, to portfolio: inout Portfolio) throws(ScenarioError) {
        switch change {
        case .retire(let id):
            if let index = portfolio.initiatives.firstIndex(where: { $0.id == id }) {
                portfolio.initiatives[index].status = .retired
            } else if let index = portfolio.technologies.firstIndex(where: { $0.id == id }) {
                portfolio.technologies[index].lifecycle = .retired
            } else {
                throw ScenarioError(change: change, reason: "no initiative or technology has the id '\(id)'")
            }
        case .remove(let id):
            guard Self.remove(id, from: &portfolio) else {
                throw ScenarioError(change: change, reason: "no initiative, technology, data source or capability has the id '\(id)'")
            }
        case .delay(let id, let days):
            guard let index = portfolio.initiatives.firstIndex(where: { $0.id == id }) else {
                throw ScenarioError(change: change, reason: "no initiative has the id '\(id)'")
            }
            guard portfolio.initiatives[index].start != nil || portfolio.initiatives[index].end != nil else {
                throw ScenarioError(change: change, reason: "the initiative '\(id)' has no dates to move")
            }
            portfolio.initiatives[index].start = portfolio.initiatives[index].start.map { Day(ordinal: $0.ordinal + days) }
            portfolio.initiatives[index].end = portfolio.initiatives[index].end.map { Day(ordinal: $0.ordinal + days) }
        case .replace(let old, let new):
            guard portfolio.technologies.contains(where: { $0.id == old }) else {
                throw ScenarioError(change: change, reason: "no technology has the id '\(old)'")
            }
            guard portfolio.technologies.contains(where: { $0.id == new }) else {
                throw ScenarioError(change: change, reason: "no technology has the id '\(new)'; add it to the portfolio first")
            }
            for initiative in portfolio.initiatives.indices {
                var uses: [TechnologyUse] = []
                for use in portfolio.initiatives[initiative].technologies {
                    let replaced = use.technology == old ? TechnologyUse(technology: new, version: nil) : use
                    if !uses.contains(where: { $0.technology == replaced.technology && $0.version == replaced.version }) { uses.append(replaced) }
                }
                portfolio.initiatives[initiative].technologies = uses
            }
        }
    }

    /// Removes the node `id` and the references initiatives make to it; false when no
    /// initiative, technology, data source or capability has that id.
    private static func remove(_ id: String, from portfolio: inout Portfolio) -> Bool {
        let before = portfolio.initiatives.count + portfolio.technologies.count + portfolio.dataSources.count + portfolio.capabilities.count
        portfolio.initiatives.removeAll { $0.id == id }
        portfolio.technologies.removeAll { $0.id == id }
        portfolio.dataSources.removeAll { $0.id == id }
        portfolio.capabilities.removeAll { $0.id == id }
        guard portfolio.initiatives.count + portfolio.technologies.count + portfolio.dataSources.count + portfolio.capabilities.count < before else {
            return false
        }
        for index in portfolio.initiatives.indices {
            portfolio.initiatives[index].dependsOn.removeAll { $0 == id }
            portfolio.initiatives[index].technologies.removeAll { $0.technology == id }
            portfolio.initiatives[index].data.removeAll { $0.source == id }
            portfolio.initiatives[index].capabilities.removeAll { $0 == id }
        }
        for index in portfolio.dataSources.indices where portfolio.dataSources[index].technology == id {
            portfolio.dataSources[index].technology = nil
        }
        portfolio.policy.incompatible.removeAll { $0.contains(id) }
        return true
    }
}

/// A scenario's change that cannot apply to the portfolio.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The change.
    public var change: Scenario.Change
    /// Why it cannot apply.
    public var reason: String

    /// An error.
    public init(change: Scenario.Change, reason: String) {
        self.change = change
        self.reason = reason
    }

    /// "--delay a:90d: no initiative has the id 'a'".
    public var description: String { "\(change): \(reason)" }
}

extension Scenario.Change: CustomStringConvertible {
    /// The change as the command line writes it (`--delay crm:90d`).
    public var description: String {
        switch self {
        case .retire(let id): "--retire \(id)"
        case .remove(let id): "--remove \(id)"
        case .delay(let id, let days): "--delay \(id):\(days)d"
        case .replace(let old, let new): "--replace \(old):\(new)"
        }
    }
}
