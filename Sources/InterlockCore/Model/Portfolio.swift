/// The severity level at or above which `interlock check` fails.
public enum FailLevel: String, CaseIterable, Hashable, Sendable {
    /// Fail on errors only (the default).
    case error
    /// Fail on warnings and errors.
    case warning
    /// Never fail on findings.
    case never
}

/// Organisation-wide technology rules (`policy:`).
public struct Policy: Hashable, Sendable {
    /// Pairs of technology ids that must not meet in one initiative or in linked initiatives.
    public var incompatible: [[String]]
    /// Categories in which the portfolio should use a single technology.
    public var exclusiveCategories: [String]
    /// The fail level `check` uses when the command line does not give one.
    public var failOn: FailLevel?
    /// Where each `policy.incompatible` pair was written, parallel to `incompatible`.
    public var incompatibleLocations: [SourceLocation]
    /// Rules given another severity, or turned off (`severity: {rule-id: info}`), in file order.
    public var severities: [RuleSeverity]
    /// Findings accepted for a while, with the reason (`exceptions:`).
    public var exceptions: [PolicyException]
    /// The single-point-of-failure detector's thresholds (`thresholds: {singlePointOfFailure: …}`).
    public var singlePointOfFailure: SinglePointThresholds?

    /// Creates a policy.
    public init(
        incompatible: [[String]] = [], exclusiveCategories: [String] = [], failOn: FailLevel? = nil,
        incompatibleLocations: [SourceLocation] = [], severities: [RuleSeverity] = [], exceptions: [PolicyException] = [],
        singlePointOfFailure: SinglePointThresholds? = nil
    ) {
        self.incompatible = incompatible
        self.exclusiveCategories = exclusiveCategories
        self.failOn = failOn
        self.incompatibleLocations = incompatibleLocations
        self.severities = severities
        self.exceptions = exceptions
        self.singlePointOfFailure = singlePointOfFailure
    }
}

/// A rule's severity as the policy sets it: another level, or off.
public struct RuleSeverity: Hashable, Sendable {
    /// The rule id, as written (checked against the rules that exist when the portfolio is analysed).
    public var rule: String
    /// The level its findings get; nil turns the rule off.
    public var severity: Severity?
    /// Where it is written.
    public var location: SourceLocation

    /// A setting.
    public init(rule: String, severity: Severity?, location: SourceLocation) {
        self.rule = rule
        self.severity = severity
        self.location = location
    }
}

/// A finding accepted until a date: the finding of `rule` whose nodes include every one of `nodes`.
public struct PolicyException: Hashable, Sendable {
    /// The rule id.
    public var rule: String
    /// Ids of the finding's nodes, enough to single it out (a single point of failure's own id,
    /// the two initiatives of a schedule conflict).
    public var nodes: [String]
    /// Why it is accepted, and by whom.
    public var reason: String
    /// The last day it holds; after it the finding is back, with a warning that the exception
    /// expired. Nil: no end (discouraged, but the policy's author decides).
    public var until: Day?
    /// Where it is written.
    public var location: SourceLocation

    /// An exception.
    public init(rule: String, nodes: [String], reason: String, until: Day?, location: SourceLocation) {
        self.rule = rule
        self.nodes = nodes
        self.reason = reason
        self.until = until
        self.location = location
    }
}

/// Thresholds of the single-point-of-failure detector set by the policy; nil keeps the default.
public struct SinglePointThresholds: Hashable, Sendable {
    /// Fewest active initiatives that must depend on a node.
    public var minimumBlastRadius: Int?
    /// Share of the active initiatives that must depend on it (0 to 1).
    public var minimumShare: Double?
    /// Share that is enough below the minimum blast radius, for small portfolios (0 to 1).
    public var smallPortfolioShare: Double?

    /// Thresholds.
    public init(minimumBlastRadius: Int? = nil, minimumShare: Double? = nil, smallPortfolioShare: Double? = nil) {
        self.minimumBlastRadius = minimumBlastRadius
        self.minimumShare = minimumShare
        self.smallPortfolioShare = smallPortfolioShare
    }
}

/// A check written as a query (`rules:`): each row it returns becomes a finding.
public struct CustomRule: Hashable, Sendable {
    /// The rule id findings carry.
    public var id: String
    /// How urgent its findings are.
    public var severity: Severity
    /// The finding message; `{column}` placeholders take the row's values.
    public var message: String
    /// What to do about a finding, in the organisation's words; `{column}` placeholders as in `message`.
    public var action: String?
    /// The openCypher query.
    public var query: String
    /// Where the rule was defined.
    public var location: SourceLocation

    /// Creates a custom rule.
    public init(id: String, severity: Severity, message: String, action: String? = nil, query: String, location: SourceLocation) {
        self.id = id
        self.severity = severity
        self.message = message
        self.action = action
        self.query = query
        self.location = location
    }
}

/// A whole portfolio as written in the files: the input of `PortfolioGraph`.
public struct Portfolio: Hashable, Sendable {
    /// The name shown in reports.
    public var name: String?
    /// The currency budgets are in.
    public var currency: String?
    /// The person answering for the portfolio as a whole: who must act when nobody else is named.
    public var sponsor: String?
    /// The language of the board-facing outputs, when the portfolio chooses one.
    public var language: BoardLanguage?
    /// Business units.
    public var units: [BusinessUnit]
    /// People.
    public var people: [Person]
    /// Teams.
    public var teams: [Team]
    /// Strategic goals.
    public var goals: [Goal]
    /// Business capabilities.
    public var capabilities: [Capability]
    /// Technologies.
    public var technologies: [Technology]
    /// Data sources.
    public var dataSources: [DataSource]
    /// Initiatives.
    public var initiatives: [Initiative]
    /// Technology policy.
    public var policy: Policy
    /// Custom query rules.
    public var rules: [CustomRule]

    /// Creates a portfolio; every part defaults to empty.
    public init(
        name: String? = nil, currency: String? = nil, units: [BusinessUnit] = [], people: [Person] = [],
        teams: [Team] = [], goals: [Goal] = [], capabilities: [Capability] = [], technologies: [Technology] = [],
        dataSources: [DataSource] = [], initiatives: [Initiative] = [], policy: Policy = Policy(),
        rules: [CustomRule] = []
    ) {
        self.name = name
        self.currency = currency
        self.units = units
        self.people = people
        self.teams = teams
        self.goals = goals
        self.capabilities = capabilities
        self.technologies = technologies
        self.dataSources = dataSources
        self.initiatives = initiatives
        self.policy = policy
        self.rules = rules
    }
}
