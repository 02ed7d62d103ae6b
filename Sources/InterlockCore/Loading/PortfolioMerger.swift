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
        portfolio.units += part.units
        portfolio.people += part.people
        portfolio.teams += part.teams
        portfolio.goals += part.goals
        portfolio.capabilities += part.capabilities
        portfolio.technologies += part.technologies
        portfolio.dataSources += part.dataSources
        portfolio.initiatives += part.initiatives
        portfolio.policy.incompatible += part.policy.incompatible
        portfolio.policy.incompatibleLocations += part.policy.incompatibleLocations
        portfolio.policy.exclusiveCategories += part.policy.exclusiveCategories
        portfolio.policy.failOn = portfolio.policy.failOn ?? part.policy.failOn
        portfolio.rules += part.rules
        definesInitiatives = definesInitiatives || fragment.definesInitiatives
    }

    func finish(paths: [String]) throws(LoadError) -> Portfolio {
        guard definesInitiatives else {
            throw LoadError("no file defines 'initiatives', the one key a portfolio needs", file: paths.joined(separator: ", "))
        }
        var firstDefinition: [String: (kind: String, location: SourceLocation)] = [:]
        firstDefinition.reserveCapacity(portfolio.initiatives.count + portfolio.technologies.count)
        func register<Entity>(_ entities: [Entity], _ kind: String, _ id: KeyPath<Entity, String>,
                              _ location: KeyPath<Entity, SourceLocation>) throws(LoadError) {
            // Indexing reads fields in place; iterating would copy every entity and its arrays.
            for index in entities.indices {
                let entityID = entities[index][keyPath: id]
                let here = entities[index][keyPath: location]
                if let earlier = firstDefinition[entityID] {
                    throw LoadError("duplicate id '\(entityID)': this \(kind) has the id of the \(earlier.kind) defined at \(earlier.location); ids are unique across the portfolio",
                                    at: here)
                }
                firstDefinition[entityID] = (kind, here)
            }
        }
        try register(portfolio.units, "business unit", \.id, \.location)
        try register(portfolio.people, "person", \.id, \.location)
        try register(portfolio.teams, "team", \.id, \.location)
        try register(portfolio.goals, "goal", \.id, \.location)
        try register(portfolio.capabilities, "capability", \.id, \.location)
        try register(portfolio.technologies, "technology", \.id, \.location)
        try register(portfolio.dataSources, "data source", \.id, \.location)
        try register(portfolio.initiatives, "initiative", \.id, \.location)
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
