/// Turns one parsed file into the part of a portfolio it defines.
///
/// Field names, types and allowed values follow `docs/format.md`; the keys each entity accepts
/// are its `fields` table (`Initiative.fields`), which a debug build holds every read to.
/// Everything unexpected is a located `LoadError`. References are not checked here: an unknown
/// id becomes a finding later.
///
/// The decoder takes the top level one key at a time and long lists one item at a time
/// (`TopLevelSink`), so the JSON parser can hand over a million initiatives without ever
/// holding their whole document tree.
struct PortfolioDecoder: TopLevelSink {
    let file: String
    /// What the file defined so far.
    private(set) var fragment = Fragment()

    /// What one file contributes, with the places of its top-level settings for merge conflicts.
    struct Fragment {
        var portfolio = Portfolio()
        var definesInitiatives = false
        var settings: [String: (value: String, location: SourceLocation)] = [:]
    }

    /// A `--rules` file: any key but `rules` (and `x-` keys) is an error.
    private let rulesOnly: Bool

    init(file: String, rulesOnly: Bool = false) {
        self.file = file
        self.rulesOnly = rulesOnly
    }

    private static let listKeys: Set<String> = [
        "units", "people", "teams", "goals", "capabilities", "technologies", "dataSources", "initiatives", "rules",
    ]

    private static let topLevelKeys = [
        "portfolio", "currency", "sponsor", "language", "units", "people", "teams", "goals", "capabilities", "technologies",
        "dataSources", "initiatives", "policy", "rules",
    ]

    /// Decodes a whole parsed document, whose top level must be a mapping.
    mutating func decode(_ root: DocumentNode) throws(LoadError) {
        guard case .mapping(let entries) = root.value else {
            throw LoadError("expected a portfolio (a mapping of keys to values), found \(root.shapeDescription)",
                            at: SourceLocation(file: file, line: root.line, column: root.column))
        }
        for entry in entries { try add(entry) }
    }

    /// In a rules file only `rules` streams: other lists go whole to `add`, which refuses them.
    func streamsItems(of key: String) -> Bool { Self.listKeys.contains(key) && (!rulesOnly || key == "rules") }

    mutating func beginList(_ key: String) {
        if key == "initiatives" { fragment.definesInitiatives = true }
    }

    mutating func add(_ entry: DocumentEntry) throws(LoadError) {
        let keyLocation = SourceLocation(file: file, line: entry.keyLine, column: entry.keyColumn)
        if rulesOnly, entry.key != "rules", !entry.key.hasPrefix("x-") {
            throw LoadError("a rules file holds only 'rules:'; '\(entry.key.prefix(40))' belongs in the portfolio", at: keyLocation)
        }
        if Self.listKeys.contains(entry.key) {
            beginList(entry.key)
            let value = entry.value
            if case .scalar(let scalar) = value.value, scalar.isNull { return }
            guard case .sequence(let items) = value.value else {
                throw LoadError("expected a list for '\(entry.key)', found \(value.shapeDescription)",
                                at: SourceLocation(file: file, line: value.line, column: value.column))
            }
            for item in items { try addListItem(item, of: entry.key) }
            return
        }
        switch entry.key {
        case "portfolio", "currency", "sponsor", "language":
            if case .scalar(let scalar) = entry.value.value, scalar.isNull { return }
            let value = try FieldReader.text(of: entry.value, key: entry.key, file: file)
            fragment.settings[entry.key] = (value, keyLocation)
            switch entry.key {
            case "currency":
                guard Self.isCurrencyCode(value) else {
                    throw LoadError("expected a three-letter ISO 4217 code such as EUR for 'currency', found \"\(value.prefix(40))\"",
                                    at: keyLocation)
                }
                fragment.portfolio.currency = value
            case "language":
                guard let language = BoardLanguage(rawValue: value) else {
                    let allowed = BoardLanguage.allCases.map(\.rawValue).joined(separator: ", ")
                    throw LoadError("expected one of \(allowed) for 'language', found \"\(value.prefix(40))\"", at: keyLocation)
                }
                fragment.portfolio.language = language
            case "sponsor": fragment.portfolio.sponsor = value
            default: fragment.portfolio.name = value
            }
        case "policy":
            if case .scalar(let scalar) = entry.value.value, scalar.isNull { return }
            fragment.portfolio.policy = try decodePolicy(entry.value, settings: &fragment.settings)
        default:
            guard !entry.key.hasPrefix("x-") else { return }
            throw FieldReader.unknownKey(entry.key, in: "a portfolio", knownKeys: Self.topLevelKeys, at: keyLocation)
        }
    }

    mutating func addListItem(_ node: DocumentNode, of key: String) throws(LoadError) {
        switch key {
        case "units": fragment.portfolio.units.append(try decodeUnit(node))
        case "people": fragment.portfolio.people.append(try decodePerson(node))
        case "teams": fragment.portfolio.teams.append(try decodeTeam(node))
        case "goals": fragment.portfolio.goals.append(try decodeGoal(node))
        case "capabilities": fragment.portfolio.capabilities.append(try decodeCapability(node))
        case "technologies": fragment.portfolio.technologies.append(try decodeTechnology(node))
        case "dataSources": fragment.portfolio.dataSources.append(try decodeDataSource(node))
        case "initiatives": fragment.portfolio.initiatives.append(try decodeInitiative(node))
        default: fragment.portfolio.rules.append(try decodeRule(node))
        }
    }

    func makeListPartSink() -> PortfolioDecoder { PortfolioDecoder(file: file) }

    mutating func appendItems(of key: String, from part: PortfolioDecoder) {
        let items = part.fragment.portfolio
        switch key {
        case "units": fragment.portfolio.units.appendAdopting(items.units)
        case "people": fragment.portfolio.people.appendAdopting(items.people)
        case "teams": fragment.portfolio.teams.appendAdopting(items.teams)
        case "goals": fragment.portfolio.goals.appendAdopting(items.goals)
        case "capabilities": fragment.portfolio.capabilities.appendAdopting(items.capabilities)
        case "technologies": fragment.portfolio.technologies.appendAdopting(items.technologies)
        case "dataSources": fragment.portfolio.dataSources.appendAdopting(items.dataSources)
        case "initiatives": fragment.portfolio.initiatives.appendAdopting(items.initiatives)
        default: fragment.portfolio.rules.appendAdopting(items.rules)
        }
    }

    private static func isCurrencyCode(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    private func decodeUnit(_ node: DocumentNode) throws(LoadError) -> BusinessUnit {
        var reader = try FieldReader(node, file: file, subject: "a business unit", knownKeys: BusinessUnit.fields.names)
        let id = try reader.id()
        let unit = BusinessUnit(id: id, name: try reader.text("name") ?? id, parent: try reader.text("parent"),
                                head: try reader.text("head"), location: reader.location)
        try reader.finish()
        return unit
    }

    private func decodePerson(_ node: DocumentNode) throws(LoadError) -> Person {
        var reader = try FieldReader(node, file: file, subject: "a person", knownKeys: Person.fields.names)
        let id = try reader.id()
        let person = Person(id: id, name: try reader.text("name") ?? id, unit: try reader.text("unit"), role: try reader.text("role"),
                            active: try reader.bool("active") ?? true, location: reader.location)
        try reader.finish()
        return person
    }

    private func decodeTeam(_ node: DocumentNode) throws(LoadError) -> Team {
        var reader = try FieldReader(node, file: file, subject: "a team", knownKeys: Team.fields.names)
        let id = try reader.id()
        let team = Team(id: id, name: try reader.text("name") ?? id, unit: try reader.text("unit"),
                        members: try reader.textList("members"), location: reader.location)
        try reader.finish()
        return team
    }

    private func decodeGoal(_ node: DocumentNode) throws(LoadError) -> Goal {
        var reader = try FieldReader(node, file: file, subject: "a goal", knownKeys: Goal.fields.names)
        let id = try reader.id()
        let goal = Goal(id: id, name: try reader.text("name") ?? id, description: try reader.text("description"),
                        location: reader.location)
        try reader.finish()
        return goal
    }

    private func decodeCapability(_ node: DocumentNode) throws(LoadError) -> Capability {
        var reader = try FieldReader(node, file: file, subject: "a capability", knownKeys: Capability.fields.names)
        let id = try reader.id()
        let capability = Capability(id: id, name: try reader.text("name") ?? id, parent: try reader.text("parent"),
                                    location: reader.location)
        try reader.finish()
        return capability
    }

    private func decodeTechnology(_ node: DocumentNode) throws(LoadError) -> Technology {
        var reader = try FieldReader(node, file: file, subject: "a technology", knownKeys: Technology.fields.names)
        let id = try reader.id()
        let technology = Technology(
            id: id, name: try reader.text("name") ?? id, category: try reader.text("category"),
            vendor: try reader.text("vendor"), lifecycle: try reader.choice("lifecycle", of: Lifecycle.self),
            endOfLife: try reader.day("endOfLife"), owner: try reader.text("owner"),
            incompatibleWith: try reader.textList("incompatibleWith"), location: reader.location)
        try reader.finish()
        return technology
    }

    private func decodeDataSource(_ node: DocumentNode) throws(LoadError) -> DataSource {
        var reader = try FieldReader(node, file: file, subject: "a data source", knownKeys: DataSource.fields.names)
        let id = try reader.id()
        let source = DataSource(
            id: id, name: try reader.text("name") ?? id, domain: try reader.text("domain"),
            classification: try reader.choice("classification", of: DataClassification.self),
            owner: try reader.text("owner"), technology: try reader.text("technology"),
            systemOfRecord: try reader.bool("systemOfRecord") ?? false, location: reader.location)
        try reader.finish()
        return source
    }

    private func decodeInitiative(_ node: DocumentNode) throws(LoadError) -> Initiative {
        var reader = try FieldReader(node, file: file, subject: "an initiative", knownKeys: Initiative.fields.names)
        let id = try reader.id()
        var initiative = Initiative(
            id: id, name: try reader.text("name") ?? id, unit: try reader.text("unit"), owner: try reader.text("owner"),
            status: try reader.choice("status", of: InitiativeStatus.self) ?? .planned,
            budget: try reader.number("budget"), start: try reader.day("start"), end: try reader.day("end"),
            capabilities: try reader.textList("capabilities"), dependsOn: try reader.textList("dependsOn"),
            goals: try reader.textList("goals"), tags: try reader.textList("tags"), location: reader.location)
        if let budget = initiative.budget, budget < 0 {
            throw LoadError("'budget' must not be negative, found \(budget)", at: reader.location)
        }
        if let budget = initiative.budget, budget > Initiative.maximumBudget {
            throw LoadError(
                "'budget' must be at most 1,000,000,000,000,000 (10^15), found \(budget)",
                at: reader.location(ofKey: "budget"))
        }
        if let start = initiative.start, let end = initiative.end, end < start {
            throw LoadError("'end' (\(end)) is before 'start' (\(start))", at: reader.location)
        }
        for item in try reader.list("technologies") {
            initiative.technologies.append(try decodeTechnologyUse(item))
        }
        for item in try reader.list("data") {
            initiative.data.append(try decodeDataUse(item))
        }
        try reader.finish()
        return initiative
    }

    private func decodeTechnologyUse(_ node: DocumentNode) throws(LoadError) -> TechnologyUse {
        let text = try FieldReader.text(of: node, key: "technologies", file: file)
        // Searching the bytes: a Character search walks grapheme clusters, several times slower.
        guard let at = text.utf8.firstIndex(of: UInt8(ascii: "@")) else { return TechnologyUse(technology: text) }
        let version = String(text[text.index(after: at)...])
        let technology = String(text[..<at])
        guard !technology.isEmpty, !version.isEmpty else {
            throw LoadError("expected a technology id optionally followed by @version (java@17), found \"\(text.prefix(40))\"",
                            at: SourceLocation(file: file, line: node.line, column: node.column))
        }
        return TechnologyUse(technology: technology, version: version)
    }

    private func decodeDataUse(_ node: DocumentNode) throws(LoadError) -> DataUse {
        var reader = try FieldReader(node, file: file, subject: "a data use ({source, access})", knownKeys: ["source", "access"])
        let use = DataUse(source: try reader.requiredText("source"),
                          access: try reader.choice("access", of: DataAccess.self) ?? .read)
        try reader.finish()
        return use
    }

    private func decodePolicy(
        _ node: DocumentNode, settings: inout [String: (value: String, location: SourceLocation)]
    ) throws(LoadError) -> Policy {
        var reader = try FieldReader(
            node, file: file, subject: "the policy", knownKeys: ["incompatible", "exclusiveCategories", "failOn", "severity", "exceptions", "thresholds"])
        var policy = Policy()
        for pair in try reader.list("incompatible") {
            let location = SourceLocation(file: file, line: pair.line, column: pair.column)
            guard case .sequence(let items) = pair.value, items.count == 2 else {
                throw LoadError("expected a pair of technology ids such as [oracle, postgres] in 'incompatible', found \(pair.shapeDescription)",
                                at: location)
            }
            policy.incompatible.append([
                try FieldReader.text(of: items[0], key: "incompatible", file: file),
                try FieldReader.text(of: items[1], key: "incompatible", file: file),
            ])
            policy.incompatibleLocations.append(location)
        }
        policy.exclusiveCategories = try reader.textList("exclusiveCategories")
        policy.failOn = try reader.choice("failOn", of: FailLevel.self)
        if let failOn = policy.failOn { settings["policy.failOn"] = (failOn.rawValue, reader.location(ofKey: "failOn")) }
        if let severities = reader.node("severity") {
            policy.severities = try decodeSeverities(severities)
        }
        policy.exceptions = try reader.list("exceptions").map { item throws(LoadError) in try decodeException(item) }
        if let thresholds = reader.node("thresholds") {
            var thresholdReader = try FieldReader(thresholds, file: file, subject: "the thresholds", knownKeys: ["singlePointOfFailure"])
            if let single = thresholdReader.node("singlePointOfFailure") {
                policy.singlePointOfFailure = try decodeSinglePointThresholds(single)
            }
            try thresholdReader.finish()
        }
        try reader.finish()
        return policy
    }

    /// `severity: {rule-id: error|warning|info|off}`.
    private func decodeSeverities(_ node: DocumentNode) throws(LoadError) -> [RuleSeverity] {
        guard case .mapping(let entries) = node.value else {
            throw LoadError("expected 'severity' to map rule ids to error, warning, info or off, found \(node.shapeDescription)",
                            at: SourceLocation(file: file, line: node.line, column: node.column))
        }
        var settings: [RuleSeverity] = []
        for entry in entries {
            let location = SourceLocation(file: file, line: entry.keyLine, column: entry.keyColumn)
            let level = try FieldReader.text(of: entry.value, key: entry.key, file: file)
            guard level == "off" || Severity(rawValue: level) != nil else {
                throw LoadError("expected error, warning, info or off for the rule '\(entry.key)', found \"\(level.prefix(40))\"", at: location)
            }
            settings.append(RuleSeverity(rule: entry.key, severity: Severity(rawValue: level), location: location))
        }
        return settings
    }

    /// One of `exceptions:`: `{rule, nodes, reason, until}`.
    private func decodeException(_ node: DocumentNode) throws(LoadError) -> PolicyException {
        var reader = try FieldReader(node, file: file, subject: "an exception", knownKeys: ["rule", "nodes", "reason", "until"])
        let rule = try reader.requiredText("rule")
        let nodes = try reader.textList("nodes")
        guard !nodes.isEmpty else { throw LoadError("an exception needs 'nodes': the ids of the finding it accepts", at: reader.location) }
        let exception = PolicyException(
            rule: rule, nodes: nodes, reason: try reader.requiredText("reason"), until: try reader.day("until"), location: reader.location)
        try reader.finish()
        return exception
    }

    /// `thresholds: {singlePointOfFailure: {minimumBlastRadius, minimumShare, smallPortfolioShare}}`.
    private func decodeSinglePointThresholds(_ node: DocumentNode) throws(LoadError) -> SinglePointThresholds {
        var reader = try FieldReader(
            node, file: file, subject: "the single-point-of-failure thresholds", knownKeys: ["minimumBlastRadius", "minimumShare", "smallPortfolioShare"])
        var thresholds = SinglePointThresholds()
        if let radius = try reader.number("minimumBlastRadius") {
            guard radius >= 1, radius <= 1_000_000, radius == radius.rounded() else {
                throw LoadError("expected a whole number of initiatives from 1 for 'minimumBlastRadius', found \(radius)", at: reader.location(ofKey: "minimumBlastRadius"))
            }
            thresholds.minimumBlastRadius = Int(radius)
        }
        for key in ["minimumShare", "smallPortfolioShare"] {
            guard let share = try reader.number(key) else { continue }
            guard share > 0, share <= 1 else {
                throw LoadError("expected a share above 0 and at most 1 for '\(key)', found \(share)", at: reader.location(ofKey: key))
            }
            if key == "minimumShare" { thresholds.minimumShare = share } else { thresholds.smallPortfolioShare = share }
        }
        try reader.finish()
        return thresholds
    }

    private func decodeRule(_ node: DocumentNode) throws(LoadError) -> CustomRule {
        var reader = try FieldReader(node, file: file, subject: "a rule", knownKeys: ["id", "severity", "message", "action", "query"])
        let id = try reader.id()
        guard let severity = try reader.choice("severity", of: Severity.self) else {
            throw LoadError("a rule needs 'severity'", at: reader.location)
        }
        let rule = CustomRule(id: id, severity: severity, message: try reader.requiredText("message"), action: try reader.text("action"),
                              query: try reader.requiredText("query"), location: reader.location)
        try reader.finish()
        return rule
    }
}
