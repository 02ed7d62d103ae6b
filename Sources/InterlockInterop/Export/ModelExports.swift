import InterlockCore

/// One entity of the portfolio with its kind and field values, read through the field tables,
/// for the exports that write the model rather than the graph.
struct ExportedEntity {
    var kind: ImportKind
    var id: String
    var name: String
    /// Field name -> value, table order, absent values left out.
    var values: [(name: String, value: FieldValue)]

    /// The value of `name`.
    func value(_ name: String) -> FieldValue? { values.first { $0.name == name }?.value }

    /// A value as one text: lists joined by `;`.
    static func text(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
        case .boolean(let flag): flag ? "true" : "false"
        case .list(let items): items.joined(separator: ";")
        }
    }

    /// Every entity, in the format's section order.
    static func all(_ portfolio: Portfolio) -> [ExportedEntity] {
        func read<Entity>(_ entities: [Entity], _ fields: EntityFields<Entity>, _ kind: ImportKind) -> [ExportedEntity] {
            entities.map { entity in
                var values: [(String, FieldValue)] = []
                for field in fields.fields {
                    guard let value = field.value(entity) else { continue }
                    if case .list(let items) = value, items.isEmpty { continue }
                    values.append((field.name, value))
                }
                let id = values.first { $0.0 == "id" }.map { text($0.1) } ?? ""
                let name = values.first { $0.0 == "name" }.map { text($0.1) } ?? id
                return ExportedEntity(kind: kind, id: id, name: name, values: values.filter { $0.0 != "id" && $0.0 != "name" })
            }
        }
        return read(portfolio.units, BusinessUnit.fields, .unit) + read(portfolio.people, Person.fields, .person)
            + read(portfolio.teams, Team.fields, .team) + read(portfolio.goals, Goal.fields, .goal)
            + read(portfolio.capabilities, Capability.fields, .capability) + read(portfolio.technologies, Technology.fields, .technology)
            + read(portfolio.dataSources, DataSource.fields, .dataSource) + read(portfolio.initiatives, Initiative.fields, .initiative)
    }
}

/// The portfolio as an ArchiMate 3.1 Open Exchange model that the import reads back to the
/// same portfolio: kinds by the import's table (units as business actors with the property
/// `interlock.kind`), references as relationships (dependsOn as Serving, capabilities and
/// technologies as Realization with the version as a property, goals as Influence, data as
/// Access, owners and units as Assignment, parents as Composition, members as Aggregation),
/// every other field as a property named like the field. `incompatibleWith` has no
/// relationship and is written as a property.
public enum ArchiMateExport {
    /// The element type of each kind.
    static let types: [ImportKind: String] = [
        .initiative: "WorkPackage", .technology: "ApplicationComponent", .dataSource: "DataObject", .capability: "Capability",
        .goal: "Goal", .person: "BusinessActor", .team: "BusinessRole", .unit: "BusinessActor",
    ]

    /// The model's XML.
    public static func text(of portfolio: Portfolio) -> String {
        let entities = ExportedEntity.all(portfolio)
        var identifiers: [String: String] = [:]
        for (index, entity) in entities.enumerated() { identifiers[entity.id] = "e\(index)" }
        var properties: [String] = ["id", "interlock.kind", "version"]
        func definition(_ name: String) -> String {
            if let index = properties.firstIndex(of: name) { return "p\(index)" }
            properties.append(name)
            return "p\(properties.count - 1)"
        }
        func property(_ name: String, _ value: String) -> String {
            "<property propertyDefinitionRef=\"\(definition(name))\"><value xml:lang=\"en\">\(GraphProperties.xmlEscaped(value))</value></property>"
        }
        var elements = "", relationships = ""
        var relationshipCount = 0
        // A reference to an id the portfolio does not define has no element to point at: it is
        // written as a property, which the import reads back as the same dangling reference.
        var dangling: [(String, String)] = []
        func relate(_ type: String, _ source: String, _ target: String, attributes: String = "", properties: String = "",
                    field: String = "") {
            guard let from = identifiers[source], let to = identifiers[target] else {
                dangling.append((field, identifiers[source] == nil ? source : target))
                return
            }
            relationships += "    <relationship identifier=\"r\(relationshipCount)\" source=\"\(from)\" target=\"\(to)\" xsi:type=\"\(type)\"\(attributes)"
            relationships += properties.isEmpty ? "/>\n" : "><properties>\(properties)</properties></relationship>\n"
            relationshipCount += 1
        }
        for entity in entities {
            var props = property("id", entity.id)
            if entity.kind == .unit { props += property("interlock.kind", "unit") }
            dangling = []
            for (name, value) in entity.values {
                switch name {
                case "dependsOn": value.items.forEach { relate("Serving", $0, entity.id, field: name) }
                case "capabilities": value.items.forEach { relate("Realization", entity.id, $0, field: name) }
                case "goals": value.items.forEach { relate("Influence", entity.id, $0, field: name) }
                case "technologies":
                    for use in value.items {
                        let parts = use.split(separator: "@", maxSplits: 1).map(String.init)
                        guard identifiers[parts[0]] != nil else { dangling.append((name, use)); continue }
                        relate("Realization", entity.id, parts[0], properties: parts.count > 1 ? property("version", parts[1]) : "")
                    }
                case "data":
                    for use in value.items {
                        let write = use.hasSuffix("(write)")
                        let source = String(use.dropLast(write ? 8 : 7))
                        guard identifiers[source] != nil else { dangling.append((name, use)); continue }
                        relate("Access", entity.id, source, attributes: " accessType=\"\(write ? "Write" : "Read")\"")
                    }
                case "owner", "unit": value.items.forEach { relate("Assignment", $0, entity.id, field: name) }
                case "parent": value.items.forEach { relate("Composition", $0, entity.id, field: name) }
                case "members": value.items.forEach { relate("Aggregation", entity.id, $0, field: name) }
                case "technology": value.items.forEach { relate("Serving", $0, entity.id, field: name) }
                default: props += property(name, ExportedEntity.text(value))
                }
            }
            for field in dangling.map(\.0).uniqued() {
                props += property(field, dangling.filter { $0.0 == field }.map(\.1).joined(separator: ";"))
            }
            elements += "    <element identifier=\"\(identifiers[entity.id] ?? "")\" xsi:type=\"\(types[entity.kind] ?? "Grouping")\">"
            elements += "<name xml:lang=\"en\">\(GraphProperties.xmlEscaped(entity.name))</name><properties>\(props)</properties></element>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"model\">\n"
        out += "  <name xml:lang=\"en\">\(GraphProperties.xmlEscaped(portfolio.name ?? "Portfolio"))</name>\n"
        out += "  <elements>\n\(elements)  </elements>\n"
        if !relationships.isEmpty { out += "  <relationships>\n\(relationships)  </relationships>\n" }
        out += "  <propertyDefinitions>\n"
        for (index, name) in properties.enumerated() {
            out += "    <propertyDefinition identifier=\"p\(index)\" type=\"string\"><name xml:lang=\"en\">\(GraphProperties.xmlEscaped(name))</name></propertyDefinition>\n"
        }
        out += "  </propertyDefinitions>\n</model>\n"
        return out
    }
}

/// The portfolio as Backstage catalog entities the import reads back to the same portfolio:
/// initiatives as Components (lifecycle from status), technologies as APIs, data sources as
/// Resources, capabilities as Domains, goals as Domains and units as Groups (with the
/// annotation `interlock.dev/kind`), people as Users, teams as Groups. Owners, dependencies,
/// parents and memberships are entity references; every other field is an annotation
/// `interlock.dev/FIELD`, and the id `interlock.dev/id` when it is no valid entity name.
public enum BackstageExport {
    /// The catalog kind of each kind.
    static let kinds: [ImportKind: String] = [
        .initiative: "Component", .technology: "API", .dataSource: "Resource", .capability: "Domain", .goal: "Domain",
        .person: "User", .team: "Group", .unit: "Group",
    ]

    /// The catalog, one document per entity.
    public static func text(of portfolio: Portfolio) -> String {
        let entities = ExportedEntity.all(portfolio)
        var names: [String: String] = [:], kindOf: [String: ImportKind] = [:]
        var used = Set<String>()
        for entity in entities {
            var name = String(entity.id.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" }.prefix(63))
            var suffix = 2
            while used.contains("\(kinds[entity.kind] ?? ""):\(name)") { name = "\(name.prefix(60))-\(suffix)"; suffix += 1 }
            used.insert("\(kinds[entity.kind] ?? ""):\(name)")
            names[entity.id] = name
            kindOf[entity.id] = entity.kind
        }
        func ref(_ id: String) -> String {
            guard let kind = kindOf[id], let name = names[id] else { return id }
            return "\(kinds[kind]?.lowercased() ?? "component"):default/\(name)"
        }
        let q = PortfolioYAMLWriter.quoted
        // Each person's teams, gathered once: asking every team per person is quadratic.
        var teamsOf: [String: [String]] = [:]
        for team in portfolio.teams {
            for member in team.members.uniqued() { teamsOf[member, default: []].append(team.id) }
        }
        var out = ""
        for entity in entities {
            var annotations: [(String, String)] = []
            var spec: [String] = []
            if names[entity.id] != entity.id { annotations.append(("id", entity.id)) }
            if entity.kind == .goal || entity.kind == .unit { annotations.append(("kind", entity.kind.rawValue)) }
            for (field, value) in entity.values {
                switch field {
                // A reference to an id the portfolio does not define stays an annotation, which
                // the import reads back as the same dangling reference.
                case "owner" where kindOf[value.items.first ?? ""] != nil: spec.append("owner: \(q(ref(value.items.first ?? "")))")
                case "parent" where entity.kind == .unit && kindOf[value.items.first ?? ""] != nil:
                    spec.append("parent: \(q(ref(value.items.first ?? "")))")
                case "dependsOn":
                    let known = value.items.filter { kindOf[$0] != nil }, unknown = value.items.filter { kindOf[$0] == nil }
                    if !known.isEmpty { spec.append("dependsOn: [\(known.map { q(ref($0)) }.joined(separator: ", "))]") }
                    if !unknown.isEmpty { annotations.append((field, unknown.joined(separator: ";"))) }
                case "status":
                    let status = ExportedEntity.text(value)
                    spec.append("lifecycle: \(status == "live" ? "production" : status == "retired" ? "deprecated" : "experimental")")
                    annotations.append((field, status))
                case "tags": continue
                default: annotations.append((field, ExportedEntity.text(value)))
                }
            }
            if entity.kind == .person {
                spec.append("memberOf: [\((teamsOf[entity.id] ?? []).map { q(ref($0)) }.joined(separator: ", "))]")
            }
            if entity.kind == .team || entity.kind == .unit {
                spec.append("type: \(entity.kind == .unit ? "business-unit" : "team")")
                spec.append("children: []")
            }
            if entity.kind == .initiative { spec.append("type: service") }
            if entity.kind == .technology { spec += ["type: other", "lifecycle: production", "definition: \"n/a\""] }
            if entity.kind == .dataSource { spec.append("type: database") }
            out += "---\napiVersion: backstage.io/v1alpha1\nkind: \(kinds[entity.kind] ?? "Component")\nmetadata:\n"
            out += "  name: \(q(names[entity.id] ?? entity.id))\n  title: \(q(entity.name))\n"
            if case .list(let tags)? = entity.value("tags") { out += "  tags: [\(tags.map(q).joined(separator: ", "))]\n" }
            if !annotations.isEmpty {
                out += "  annotations:\n" + annotations.map { "    interlock.dev/\($0.0): \(q($0.1))\n" }.joined()
            }
            out += "spec:\n" + spec.map { "  \($0)\n" }.joined()
        }
        return out
    }
}

extension FieldValue {
    /// The ids of a reference field (one for a single reference).
    var items: [String] {
        switch self {
        case .text(let text): [text]
        case .list(let items): items
        case .number, .boolean: []
        }
    }
}
