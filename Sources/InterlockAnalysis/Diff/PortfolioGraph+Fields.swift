import InterlockCore

extension PortfolioGraph {
    /// The fields of a node's entity as written in the format (`name`, `owner`, `budget`...),
    /// each as display text, absent fields left out; lists are joined with ", ". Locations are not
    /// fields: moving a definition to another file changes nothing.
    public func fields(of node: Int) -> [(field: String, value: String)] {
        let index = entityIndex(of: node)
        let raw: [(String, String?)]
        switch kind(of: node) {
        case .initiative:
            let item = portfolio.initiatives[index]
            raw = [
                ("name", item.name), ("unit", item.unit), ("owner", item.owner), ("status", item.status.rawValue),
                ("budget", item.budget.map(Self.number)), ("start", item.start?.description), ("end", item.end?.description),
                ("capabilities", Self.list(item.capabilities)),
                ("technologies", Self.list(item.technologies.map { $0.technology + ($0.version.map { "@" + $0 } ?? "") })),
                ("data", Self.list(item.data.map { "\($0.source) (\($0.access.rawValue))" })),
                ("dependsOn", Self.list(item.dependsOn)), ("goals", Self.list(item.goals)), ("tags", Self.list(item.tags)),
            ]
        case .technology:
            let item = portfolio.technologies[index]
            raw = [
                ("name", item.name), ("category", item.category), ("vendor", item.vendor), ("lifecycle", item.lifecycle?.rawValue),
                ("endOfLife", item.endOfLife?.description), ("owner", item.owner), ("incompatibleWith", Self.list(item.incompatibleWith)),
            ]
        case .dataSource:
            let item = portfolio.dataSources[index]
            raw = [
                ("name", item.name), ("domain", item.domain), ("classification", item.classification?.rawValue),
                ("owner", item.owner), ("technology", item.technology), ("systemOfRecord", String(item.systemOfRecord)),
            ]
        case .capability:
            raw = [("name", portfolio.capabilities[index].name), ("parent", portfolio.capabilities[index].parent)]
        case .goal:
            raw = [("name", portfolio.goals[index].name), ("description", portfolio.goals[index].description)]
        case .unit:
            raw = [("name", portfolio.units[index].name), ("parent", portfolio.units[index].parent)]
        case .person:
            let item = portfolio.people[index]
            raw = [("name", item.name), ("unit", item.unit), ("active", String(item.active))]
        case .team:
            let item = portfolio.teams[index]
            raw = [("name", item.name), ("unit", item.unit), ("members", Self.list(item.members))]
        }
        return raw.compactMap { field, value in value.map { (field, $0) } }
    }

    private static func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ", ") }

    /// A budget as written: whole amounts without a fraction.
    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
