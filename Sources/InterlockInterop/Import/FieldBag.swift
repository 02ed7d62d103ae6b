import InterlockCore

/// One record's fields, parsed by the types of the model's field tables, with its references
/// resolved to ids: what `PortfolioAssembler` builds an entity from.
struct FieldBag {
    let record: ImportRecord
    let id: String
    private let types: [String: FieldType]
    private var texts: [String: String] = [:]
    private var numbers: [String: Double] = [:]
    private var days: [String: Day] = [:]
    private var booleans: [String: Bool] = [:]
    private var lists: [String: [String]] = [:]
    private var uses: [TechnologyUse] = []
    private var dataUses: [DataUse] = []

    init(record: ImportRecord, id: String) {
        self.record = record
        self.id = id
        types = record.kind.fieldTypes
    }

    /// Parses every field; a value that does not fit its field is an error naming its origin.
    mutating func read(separator: String, resolver: inout Resolver, summary: inout ImportSummary) throws(ImportError) {
        for name in record.fields.keys.sorted() where name != "id" {
            guard let value = record.fields[name] else { continue }
            let text = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            guard let type = types[name] else {
                throw ImportError("\(value.origin): a \(record.kind.rawValue) has no field '\(name)'; its fields: "
                                  + types.keys.sorted().joined(separator: ", "))
            }
            switch type {
            case .id, .text:
                texts[name] = text
            case .number:
                guard let number = Self.number(text) else { throw ImportError("\(value.origin): '\(text)' is not a number") }
                // The loader's bounds (docs/format.md), said here where the cell is known.
                if name == "budget", !(0...Initiative.maximumBudget).contains(number) {
                    throw ImportError("\(value.origin): a budget is between 0 and 1,000,000,000,000,000 (10^15), found '\(text)'")
                }
                numbers[name] = number
            case .date:
                guard let day = Day(text.prefix(10)), text.count == 10 || text.dropFirst(10).first == "T" || text.dropFirst(10).first == " "
                else { throw ImportError("\(value.origin): '\(text)' is not a date (expected YYYY-MM-DD)") }
                days[name] = day
            case .boolean:
                switch text.lowercased() {
                case "true", "yes", "y", "1", "x": booleans[name] = true
                case "false", "no", "n", "0": booleans[name] = false
                default: throw ImportError("\(value.origin): '\(text)' is not true or false")
                }
            case .choice(let words):
                let word = text.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
                guard words.contains(word) else {
                    throw ImportError("\(value.origin): '\(text)' is not a \(name); expected one of \(words.joined(separator: ", ")) "
                                      + "(a mapping's values: can translate it)")
                }
                texts[name] = word
            case .texts:
                lists[name, default: []] += Self.items(text, separator)
            case .reference, .references, .technologyUses, .dataUses:
                for item in Self.items(text, separator) {
                    add(ImportLink(field: name, target: item, origin: value.origin), writtenAsText: true,
                        resolver: &resolver, summary: &summary)
                }
            }
        }
        // The loader refuses such an initiative; said here, where the cell is known.
        if let start = days["start"], let end = days["end"], end < start, let origin = record.fields["end"]?.origin {
            throw ImportError("\(origin): 'end' (\(end)) is before 'start' (\(start))")
        }
    }

    /// Adds the record's relationship links.
    mutating func add(_ links: [ImportLink], resolver: inout Resolver, summary: inout ImportSummary) {
        for link in links { add(link, writtenAsText: false, resolver: &resolver, summary: &summary) }
    }

    /// Adds one reference. Written in a cell or property, `java@17` and `customer-db (write)`
    /// carry their version or access in the text.
    private mutating func add(_ link: ImportLink, writtenAsText: Bool, resolver: inout Resolver, summary: inout ImportSummary) {
        guard let type = types[link.field], type.isReference else {
            summary.ignoredRelations["\(link.field) of a \(record.kind.rawValue)", default: 0] += 1
            return
        }
        var target = link.target, detail = link.detail
        if writtenAsText, type == .technologyUses, let at = target.firstIndex(of: "@") {
            detail = String(target[target.index(after: at)...])
            target = String(target[..<at])
        }
        if writtenAsText, type == .dataUses, target.hasSuffix(")"), let open = target.lastIndex(of: "(") {
            detail = String(target[target.index(after: open)..<target.index(before: target.endIndex)]).lowercased()
            target = target[..<open].trimmingCharacters(in: .whitespaces)
        }
        let resolved: String
        switch resolver.resolve(target, origin: link.origin) {
        case .record(let id, let kind):
            let allowed = link.field == "parent" ? [record.kind] : (PortfolioAssemblerKinds.targets[link.field] ?? [])
            guard allowed.contains(kind) else {
                summary.ignoredRelations["\(link.field) from a \(record.kind.rawValue) to a \(kind.rawValue)", default: 0] += 1
                return
            }
            resolved = id
        case .skipped(let type):
            summary.ignoredRelations["\(link.field) to a skipped \(type)", default: 0] += 1
            return
        case .unresolved(let id):
            resolved = id
        }
        switch type {
        case .technologyUses:
            uses.append(TechnologyUse(technology: resolved, version: detail.flatMap { $0.isEmpty ? nil : ImportID.make($0, fallback: $0) }))
        case .dataUses:
            dataUses.append(DataUse(source: resolved, access: detail.flatMap(DataAccess.init(rawValue:)) ?? .read))
        case .reference:
            if lists[link.field] == nil { lists[link.field] = [resolved] }
        default:
            lists[link.field, default: []].append(resolved)
        }
    }

    private func text(_ name: String) -> String? { texts[name] }
    private func reference(_ name: String) -> String? { lists[name]?.first }
    private func references(_ name: String) -> [String] { (lists[name] ?? []).uniqued() }

    /// Adds the entity to `portfolio`.
    func build(into portfolio: inout Portfolio) {
        let name = texts["name"] ?? (record.name.isEmpty ? id : record.name)
        let location = record.location
        switch record.kind {
        case .initiative:
            portfolio.initiatives.append(Initiative(
                id: id, name: name, unit: reference("unit"), owner: reference("owner"),
                status: texts["status"].flatMap(InitiativeStatus.init(rawValue:)) ?? .planned, budget: numbers["budget"],
                start: days["start"], end: days["end"], capabilities: references("capabilities"), technologies: uses.uniqued(),
                data: dataUses.uniqued(), dependsOn: references("dependsOn"), goals: references("goals"),
                tags: references("tags"), location: location))
        case .technology:
            portfolio.technologies.append(Technology(
                id: id, name: name, category: text("category"), vendor: text("vendor"),
                lifecycle: texts["lifecycle"].flatMap(Lifecycle.init(rawValue:)), endOfLife: days["endOfLife"],
                owner: reference("owner"), incompatibleWith: references("incompatibleWith"), location: location))
        case .dataSource:
            portfolio.dataSources.append(DataSource(
                id: id, name: name, domain: text("domain"),
                classification: texts["classification"].flatMap(DataClassification.init(rawValue:)), owner: reference("owner"),
                technology: reference("technology"), systemOfRecord: booleans["systemOfRecord"] ?? false, location: location))
        case .capability:
            portfolio.capabilities.append(Capability(id: id, name: name, parent: reference("parent"), location: location))
        case .goal:
            portfolio.goals.append(Goal(id: id, name: name, description: text("description"), location: location))
        case .person:
            portfolio.people.append(Person(id: id, name: name, unit: reference("unit"), role: text("role"),
                                           active: booleans["active"] ?? true, location: location))
        case .team:
            portfolio.teams.append(Team(id: id, name: name, unit: reference("unit"), members: references("members"),
                                        location: location))
        case .unit:
            portfolio.units.append(BusinessUnit(
                id: id, name: name, parent: reference("parent"), head: reference("head"), location: location))
        case .skip:
            break
        }
    }

    /// Splits a list written as one text; blank items are dropped.
    static func items(_ text: String, _ separator: String) -> [String] {
        text.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A number as spreadsheets write it: `1200000`, `1 200 000`, `1_200_000`, `1200000.50`.
    static func number(_ text: String) -> Double? {
        let digits = text.filter { $0 != "_" && $0 != " " && $0 != "\u{00A0}" && $0 != "'" }
        guard let value = Double(digits), value.isFinite else { return nil }
        return value
    }
}

/// Which kinds each reference field may name (`parent` names the record's own kind).
enum PortfolioAssemblerKinds {
    static let targets: [String: Set<ImportKind>] = [
        "owner": [.person, .team], "unit": [.unit], "members": [.person], "capabilities": [.capability],
        "technologies": [.technology], "data": [.dataSource], "dependsOn": [.initiative, .technology, .dataSource],
        "goals": [.goal], "technology": [.technology], "incompatibleWith": [.technology], "head": [.person],
    ]
}
