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
        func register(_ id: String, _ kind: String, _ location: SourceLocation) throws(LoadError) {
            if let earlier = firstDefinition[id] {
                throw LoadError("duplicate id '\(id)': this \(kind) has the id of the \(earlier.kind) defined at \(earlier.location); ids are unique across the portfolio",
                                at: location)
            }
            firstDefinition[id] = (kind, location)
        }
        for item in portfolio.units { try register(item.id, "business unit", item.location) }
        for item in portfolio.people { try register(item.id, "person", item.location) }
        for item in portfolio.teams { try register(item.id, "team", item.location) }
        for item in portfolio.goals { try register(item.id, "goal", item.location) }
        for item in portfolio.capabilities { try register(item.id, "capability", item.location) }
        for item in portfolio.technologies { try register(item.id, "technology", item.location) }
        for item in portfolio.dataSources { try register(item.id, "data source", item.location) }
        for item in portfolio.initiatives { try register(item.id, "initiative", item.location) }
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
