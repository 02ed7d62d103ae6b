/// Merges the fragments of several files into one portfolio and checks what needs the whole picture:
/// conflicting settings and ids defined twice.
struct PortfolioMerger {
    private var portfolio = Portfolio()
    private var settings: [String: (value: String, location: SourceLocation)] = [:]
    private var definesInitiatives = false

    mutating func add(_ fragment: PortfolioDecoder.Fragment) throws(LoadError) {
        for (key, setting) in fragment.settings.sorted(by: { $0.key < $1.key }) {
            if let earlier = settings[key], earlier.value != setting.value {
                throw LoadError("'\(key)' is \"\(setting.value)\" here but \"\(earlier.value)\" at \(earlier.location)",
                                at: setting.location)
            }
            settings[key] = setting
        }
        let part = fragment.portfolio
        portfolio.name = portfolio.name ?? part.name
        portfolio.currency = portfolio.currency ?? part.currency
        portfolio.sponsor = portfolio.sponsor ?? part.sponsor
        portfolio.language = portfolio.language ?? part.language
        portfolio.units.appendAdopting(part.units)
        portfolio.people.appendAdopting(part.people)
        portfolio.teams.appendAdopting(part.teams)
        portfolio.goals.appendAdopting(part.goals)
        portfolio.capabilities.appendAdopting(part.capabilities)
        portfolio.technologies.appendAdopting(part.technologies)
        portfolio.dataSources.appendAdopting(part.dataSources)
        portfolio.initiatives.appendAdopting(part.initiatives)
        portfolio.policy.incompatible += part.policy.incompatible
        portfolio.policy.incompatibleLocations += part.policy.incompatibleLocations
        portfolio.policy.exclusiveCategories += part.policy.exclusiveCategories
        portfolio.policy.failOn = portfolio.policy.failOn ?? part.policy.failOn
        portfolio.policy.severities += part.policy.severities
        portfolio.policy.exceptions += part.policy.exceptions
        portfolio.policy.singlePointOfFailure = portfolio.policy.singlePointOfFailure ?? part.policy.singlePointOfFailure
        portfolio.rules += part.rules
        definesInitiatives = definesInitiatives || fragment.definesInitiatives
    }

    func finish(paths: [String]) throws(LoadError) -> Portfolio {
        guard definesInitiatives else {
            throw LoadError("no file defines 'initiatives', the one key a portfolio needs", file: paths.joined(separator: ", "))
        }
        var firstDefinition: [String: (kind: String, location: SourceLocation)] = [:]
        // Room for every id at once: growing a dictionary of a million ids rehashes all of them.
        firstDefinition.reserveCapacity(portfolio.units.count + portfolio.people.count + portfolio.teams.count + portfolio.goals.count
            + portfolio.capabilities.count + portfolio.technologies.count + portfolio.dataSources.count + portfolio.initiatives.count)
        /// `entry(i)` reads the i-th entity's id and place in place; passing whole entities would copy them.
        func register(_ count: Int, _ kind: String, _ entry: (Int) -> (id: String, location: SourceLocation)) throws(LoadError) {
            for index in 0..<count {
                let (entityID, here) = entry(index)
                if let earlier = firstDefinition[entityID] {
                    throw LoadError("duplicate id '\(entityID)': this \(kind) has the id of the \(earlier.kind) defined at \(earlier.location); ids are unique across the portfolio",
                                    at: here)
                }
                firstDefinition[entityID] = (kind, here)
            }
        }
        let portfolio = self.portfolio
        try register(portfolio.units.count, "business unit") { (portfolio.units[$0].id, portfolio.units[$0].location) }
        try register(portfolio.people.count, "person") { (portfolio.people[$0].id, portfolio.people[$0].location) }
        try register(portfolio.teams.count, "team") { (portfolio.teams[$0].id, portfolio.teams[$0].location) }
        try register(portfolio.goals.count, "goal") { (portfolio.goals[$0].id, portfolio.goals[$0].location) }
        try register(portfolio.capabilities.count, "capability") { (portfolio.capabilities[$0].id, portfolio.capabilities[$0].location) }
        try register(portfolio.technologies.count, "technology") { (portfolio.technologies[$0].id, portfolio.technologies[$0].location) }
        try register(portfolio.dataSources.count, "data source") { (portfolio.dataSources[$0].id, portfolio.dataSources[$0].location) }
        try register(portfolio.initiatives.count, "initiative") { (portfolio.initiatives[$0].id, portfolio.initiatives[$0].location) }
        var ruleLocations: [String: SourceLocation] = [:]
        for rule in portfolio.rules {
            if let earlier = ruleLocations[rule.id] {
                throw LoadError("duplicate rule id '\(rule.id)', first defined at \(earlier)", at: rule.location)
            }
            ruleLocations[rule.id] = rule.location
        }
        return portfolio
    }
}
