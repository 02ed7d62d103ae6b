import InterlockAnalysis
import InterlockCore
import InterlockQuery
import InterlockReports

/// What the findings list may be narrowed to; nil lets everything through.
public struct FindingFilter: Hashable, Sendable {
    /// Only this rule's findings.
    public var rule: RuleID?
    /// Only findings of this severity.
    public var severity: Severity?
    /// Only findings that touch this business unit (a node index).
    public var unit: Int?
    /// Only findings whose owners include this person (their id).
    public var owner: String?

    /// Creates a filter.
    public init(rule: RuleID? = nil, severity: Severity? = nil, unit: Int? = nil, owner: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.unit = unit
        self.owner = owner
    }
}

extension ServedPortfolio {
    /// The page's header and filters: the portfolio, what it holds, findings by severity and
    /// rule, the units and owners findings can be narrowed to, the money at stake, and `problem`,
    /// why the files as saved now do not load (nil when they do).
    public func summary(problem: String?) -> JSONValue {
        guard case .object(var entries) = summaryPayload else { return summaryPayload }
        entries.append(("problem", problem.map(JSONValue.string) ?? .null))
        return .object(entries)
    }

    /// The summary without `problem`, made once per version (the money figures take tens of
    /// milliseconds on 10,000 initiatives, and every page asks on load and on each save).
    static func summary(of analysis: PortfolioAnalysis, generation: Int, language: BoardLanguage) -> JSONValue {
        let graph = analysis.graph
        let portfolio = graph.portfolio
        let reference = { (node: Int) in ServedPortfolio.reference(node, in: graph) }
        let counts: [(String, JSONValue)] = NodeKind.allCases.map { ($0.label, .integer(graph.nodes(ofKind: $0).count)) }
        var byRule: [RuleID: Int] = [:]
        for finding in analysis.findings { byRule[finding.rule, default: 0] += 1 }
        let rules = analysis.rules
        let owners = Set(analysis.findings.flatMap(\.owners)).sorted()
        return .object([
            ("portfolio", .string(portfolio.name ?? "Portfolio")),
            ("generation", .integer(generation)),
            ("language", .string(language.rawValue)),
            ("nodes", .object(counts)),
            ("findings", .object(Severity.allCases.sorted(by: >).map { severity in
                (severity.rawValue, .integer(analysis.findings.count { $0.severity == severity }))
            })),
            ("rules", .array(byRule.keys.sorted().map { rule in
                .object([
                    ("rule", .string(rule.rawValue)), ("title", .string(rules.wording(of: rule).title[language])),
                    ("findings", .integer(byRule[rule] ?? 0)),
                ])
            })),
            ("units", .array(graph.nodes(ofKind: .unit).map(reference))),
            ("owners", .array(owners.map { owner in graph.node(withID: owner).map(reference) ?? .object([("id", .string(owner)), ("name", .string(owner))]) })),
            ("money", JSONReporter.json(PortfolioMoney(analysis: analysis.context, findings: analysis.findings), currency: portfolio.currency)),
        ])
    }

    /// The findings `filter` lets through, in report order, from the `offset`-th, at most `limit`,
    /// with how many matched in all.
    public func findings(_ filter: FindingFilter, offset: Int, limit: Int) -> JSONValue {
        var matched = 0
        var page: [JSONValue] = []
        for (position, finding) in analysis.findings.enumerated() where matches(finding, at: position, filter) {
            if matched >= offset, page.count < limit { page.append(payload(ofFindingAt: position)) }
            matched += 1
        }
        return .object([("total", .integer(matched)), ("offset", .integer(offset)), ("findings", .array(page))])
    }

    /// The search results for `text`: a reference to each node found, with its kind.
    public func searchResults(_ text: String, limit: Int) -> JSONValue {
        .array(search(text, limit: limit).map(reference))
    }

    /// Everything the page shows about one node: its fields, unit and owner, its findings, its
    /// relations both ways, and what breaks without it (the active initiatives that need it,
    /// directly or through others, each with the way). At most `relationLimit` relations and
    /// `dependentLimit` dependents are listed; all are counted.
    public func details(of node: Int, relationLimit: Int = 300, dependentLimit: Int = 200) -> JSONValue {
        let kind = graph.kind(of: node)
        let fields: [JSONValue] = kind.fields.indices.compactMap { position in
            graph.fieldValue(at: position, of: node).map { .object([("name", .string(kind.fields[position].name)), ("value", json($0))]) }
        }
        // A hub has thousands of relations: the first `relationLimit` are listed, all are counted.
        let outgoing = graph.outgoing(node), incoming = graph.incoming(node)
        var relations: [JSONValue] = []
        for edge in outgoing.prefix(relationLimit) {
            relations.append(relation(graph.kind(ofEdge: edge), direction: "out", other: graph.target(ofEdge: edge)))
        }
        for edge in incoming.prefix(relationLimit - relations.count).map(Int.init) {
            relations.append(relation(graph.kind(ofEdge: edge), direction: "in", other: graph.source(ofEdge: edge)))
        }
        let dependents = graph.dependents(of: node)
        let location = graph.location(of: node)
        return .object([
            ("id", .string(graph.id(of: node))), ("name", .string(graph.name(of: node))), ("kind", .string(kind.label)),
            ("location", .object([("file", .string(location.file)), ("line", .integer(location.line))])),
            ("fields", .array(fields)),
            ("unit", (kind == .unit ? nil : graph.unitNode(of: node)).map(reference) ?? .null),
            ("owner", graph.ownerNode(of: node).map(reference) ?? .null),
            ("findings", .array((findingsByNode[node] ?? []).map(payload(ofFindingAt:)))),
            ("relationCount", .integer(outgoing.count + incoming.count)),
            ("relations", .array(relations)),
            ("dependents", .object([
                ("direct", .integer(dependents.count(where: \.isDirect))), ("total", .integer(dependents.count)),
                ("initiatives", .array(dependents.prefix(dependentLimit).map { dependent in
                    .object([
                        ("id", .string(dependent.initiative)), ("name", .string(dependent.name)),
                        ("path", .array(dependent.path.map(JSONValue.string))),
                    ])
                })),
            ])),
        ])
    }

    /// A node as the page links to it: id, name and kind.
    func reference(_ node: Int) -> JSONValue { Self.reference(node, in: graph) }

    private static func reference(_ node: Int, in graph: PortfolioGraph) -> JSONValue {
        .object([("id", .string(graph.id(of: node))), ("name", .string(graph.name(of: node))), ("kind", .string(graph.kind(of: node).label))])
    }

    private func matches(_ finding: Finding, at position: Int, _ filter: FindingFilter) -> Bool {
        if let rule = filter.rule, finding.rule != rule { return false }
        if let severity = filter.severity, finding.severity != severity { return false }
        if let unit = filter.unit, !findingUnits[position].contains(unit) { return false }
        if let owner = filter.owner, !finding.owners.contains(owner) { return false }
        return true
    }

    /// A finding as the contract's JSON writes it, with its number in report order (as `check`
    /// and `render --finding` count), its key, and its nodes, owners and units named.
    private func payload(ofFindingAt position: Int) -> JSONValue {
        let finding = analysis.findings[position]
        guard case .object(var entries) = JSONReporter.json(finding) else { return .null }
        entries.insert(contentsOf: [("number", .integer(position + 1)), ("key", .string(finding.fingerprint))], at: 0)
        entries.append(("title", .string(analysis.rules.wording(of: finding.rule).title[language])))
        entries.append(("nodeDetails", .array(finding.nodes(in: graph).map(reference))))
        entries.append(("ownerDetails", .array(finding.owners.map { owner in graph.node(withID: owner).map(reference) ?? .string(owner) })))
        entries.append(("units", .array(findingUnits[position].map(reference))))
        return .object(entries)
    }

    private func relation(_ kind: EdgeKind, direction: String, other: Int) -> JSONValue {
        .object([("type", .string(kind.relationshipType)), ("direction", .string(direction)), ("node", reference(other))])
    }

    private func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .text(let text): .string(text)
        case .number(let number): .amount(number)
        case .boolean(let truth): .bool(truth)
        case .list(let items): .array(items.map(JSONValue.string))
        }
    }
}
