extension PortfolioGraph {
    /// Builds the graph of `portfolio`. O(nodes + edges).
    ///
    /// References are resolved by id; one to an unknown id, or to a node of a kind the field
    /// cannot point at, becomes a `DanglingReference` instead of an edge. A reference repeated in
    /// one field gives one edge.
    public init(_ portfolio: Portfolio) {
        var builder = GraphBuilder(portfolio)
        builder.addEdges()
        self = builder.finish()
    }
}

/// Collects nodes and edges, then lays them out as CSR arrays.
private struct GraphBuilder {
    let portfolio: Portfolio
    var nodeKinds: [NodeKind] = []
    var kindStarts: [Int] = []
    var nodeIDs: [String] = []
    var nodeIndexByID: [String: Int32] = [:]
    var sources: [Int32] = []
    var targets: [Int32] = []
    var kinds: [EdgeKind] = []
    var versionIndex: [Int32] = []
    var versions: [String] = []
    var versionLookup: [String: Int32] = [:]
    var dangling: [DanglingReference] = []
    /// Where the current node's edges start, to drop repeated references.
    var firstEdgeOfNode = 0
    /// The current node's edges once it has many (a linear scan serves the usual handful).
    var seenFromNode: Set<EdgeKey> = []

    struct EdgeKey: Hashable {
        let target: Int32
        let kind: EdgeKind
        let version: Int32
    }

    init(_ portfolio: Portfolio) {
        self.portfolio = portfolio
        let idsByKind: [[String]] = [
            portfolio.initiatives.map(\.id), portfolio.technologies.map(\.id), portfolio.dataSources.map(\.id),
            portfolio.capabilities.map(\.id), portfolio.goals.map(\.id), portfolio.units.map(\.id),
            portfolio.people.map(\.id), portfolio.teams.map(\.id),
        ]
        let total = idsByKind.reduce(0) { $0 + $1.count }
        nodeKinds.reserveCapacity(total)
        nodeIDs.reserveCapacity(total)
        nodeIndexByID.reserveCapacity(total)
        for (kind, ids) in zip(NodeKind.allCases, idsByKind) {
            kindStarts.append(nodeIDs.count)
            for id in ids {
                // The loader rejects duplicate ids; a hand-built Portfolio keeps its first definition.
                if nodeIndexByID[id] == nil { nodeIndexByID[id] = Int32(nodeIDs.count) }
                nodeIDs.append(id)
                nodeKinds.append(kind)
            }
        }
        kindStarts.append(nodeIDs.count)
    }

    mutating func addEdges() {
        var node = 0
        func next() -> Int {
            defer { node += 1 }
            startEdges()
            return node
        }
        for initiative in portfolio.initiatives { addInitiativeEdges(initiative, from: next()) }
        for technology in portfolio.technologies {
            let from = next()
            link(from, technology.owner, .ownedBy, field: "owner", to: [.person, .team])
            for other in technology.incompatibleWith {
                link(from, other, .incompatibleWith, field: "incompatibleWith", to: [.technology])
            }
        }
        for source in portfolio.dataSources {
            let from = next()
            link(from, source.owner, .ownedBy, field: "owner", to: [.person, .team])
            link(from, source.technology, .hostedOn, field: "technology", to: [.technology])
        }
        for capability in portfolio.capabilities {
            link(next(), capability.parent, .partOf, field: "parent", to: [.capability])
        }
        for _ in portfolio.goals { _ = next() }
        for unit in portfolio.units {
            let from = next()
            link(from, unit.parent, .partOf, field: "parent", to: [.unit])
            link(from, unit.head, .headedBy, field: "head", to: [.person])
        }
        for person in portfolio.people { link(next(), person.unit, .inUnit, field: "unit", to: [.unit]) }
        for team in portfolio.teams {
            let from = next()
            link(from, team.unit, .inUnit, field: "unit", to: [.unit])
            for member in team.members {
                // Membership is stored as Person → Team; a missing person is reported on the team.
                guard let person = resolve(member, field: "members", from: from, to: [.person]) else { continue }
                startEdges()
                addEdge(person, Int32(from), .memberOf, version: -1)
            }
        }
        addPolicyIncompatibilities()
        checkSponsor()
    }

    /// The portfolio's `sponsor` must be a person; anything else is a dangling reference, as an owner would be.
    private mutating func checkSponsor() {
        guard let sponsor = portfolio.sponsor else { return }
        let found = nodeIndexByID[sponsor].map { nodeKinds[Int($0)] }
        guard found != .person else { return }
        dangling.append(DanglingReference(node: nil, field: "sponsor", target: sponsor, expectedKinds: [.person], foundKind: found))
    }

    private mutating func addInitiativeEdges(_ initiative: Initiative, from node: Int) {
        for target in initiative.dependsOn {
            link(node, target, .dependsOn, field: "dependsOn", to: [.initiative, .technology, .dataSource])
        }
        for use in initiative.technologies {
            guard let target = resolve(use.technology, field: "technologies", from: node, to: [.technology]) else { continue }
            addEdge(Int32(node), target, .uses, version: use.version.map { intern($0) } ?? -1)
        }
        for use in initiative.data {
            link(node, use.source, use.access == .write ? .writes : .reads, field: "data", to: [.dataSource])
        }
        for capability in initiative.capabilities {
            link(node, capability, .delivers, field: "capabilities", to: [.capability])
        }
        for goal in initiative.goals { link(node, goal, .supports, field: "goals", to: [.goal]) }
        link(node, initiative.owner, .ownedBy, field: "owner", to: [.person, .team])
        link(node, initiative.unit, .inUnit, field: "unit", to: [.unit])
    }

    /// `policy.incompatible` pairs become INCOMPATIBLE_WITH edges unless `incompatibleWith` already joins them.
    private mutating func addPolicyIncompatibilities() {
        var joined = Set<[Int32]>()
        for edge in kinds.indices where kinds[edge] == .incompatibleWith {
            joined.insert([min(sources[edge], targets[edge]), max(sources[edge], targets[edge])])
        }
        for pair in portfolio.policy.incompatible where pair.count == 2 {
            let ends = pair.map { id -> Int32? in
                if let node = nodeIndexByID[id], nodeKinds[Int(node)] == .technology { return node }
                dangling.append(DanglingReference(node: nil, field: "policy.incompatible", target: id, expectedKinds: [.technology],
                                                  foundKind: nodeIndexByID[id].map { nodeKinds[Int($0)] }))
                return nil
            }
            guard let first = ends[0], let second = ends[1] else { continue }
            let key = [min(first, second), max(first, second)]
            guard !joined.contains(key) else { continue }
            joined.insert(key)
            startEdges()
            addEdge(first, second, .incompatibleWith, version: -1)
        }
    }

    private mutating func link(_ node: Int, _ id: String?, _ kind: EdgeKind, field: String, to expected: [NodeKind]) {
        guard let id, let target = resolve(id, field: field, from: node, to: expected) else { return }
        addEdge(Int32(node), target, kind, version: -1)
    }

    private mutating func resolve(_ id: String, field: String, from node: Int, to expected: [NodeKind]) -> Int32? {
        if let target = nodeIndexByID[id], expected.contains(nodeKinds[Int(target)]) { return target }
        dangling.append(DanglingReference(node: node, field: field, target: id, expectedKinds: expected,
                                          foundKind: nodeIndexByID[id].map { nodeKinds[Int($0)] }))
        return nil
    }

    private mutating func intern(_ version: String) -> Int32 {
        if let index = versionLookup[version] { return index }
        let index = Int32(versions.count)
        versions.append(version)
        versionLookup[version] = index
        return index
    }

    /// Starts a new group of edges within which repeats are dropped.
    private mutating func startEdges() {
        firstEdgeOfNode = targets.count
        if !seenFromNode.isEmpty { seenFromNode.removeAll(keepingCapacity: true) }
    }

    private mutating func addEdge(_ source: Int32, _ target: Int32, _ kind: EdgeKind, version: Int32) {
        let groupSize = targets.count - firstEdgeOfNode
        if groupSize < 32 {
            let repeated = (firstEdgeOfNode..<targets.count).contains {
                targets[$0] == target && kinds[$0] == kind && versionIndex[$0] == version
            }
            guard !repeated else { return }
        } else {
            if groupSize == 32 {
                for edge in firstEdgeOfNode..<targets.count {
                    seenFromNode.insert(EdgeKey(target: targets[edge], kind: kinds[edge], version: versionIndex[edge]))
                }
            }
            guard seenFromNode.insert(EdgeKey(target: target, kind: kind, version: version)).inserted else { return }
        }
        sources.append(source)
        targets.append(target)
        kinds.append(kind)
        versionIndex.append(version)
    }

    /// Sorts edges by source (stable counting sort) and builds both CSR indexes.
    func finish() -> PortfolioGraph {
        let nodeCount = nodeIDs.count
        let edgeCount = targets.count
        let outOffsets = prefixSums(counting: sources, nodeCount: nodeCount)
        var cursor = outOffsets
        var order = [Int32](repeating: 0, count: edgeCount)
        for edge in 0..<edgeCount {
            let source = Int(sources[edge])
            order[Int(cursor[source])] = Int32(edge)
            cursor[source] += 1
        }
        let sortedSources = order.map { sources[Int($0)] }
        let sortedTargets = order.map { targets[Int($0)] }
        let inOffsets = prefixSums(counting: sortedTargets, nodeCount: nodeCount)
        cursor = inOffsets
        let sortedKinds = order.map { kinds[Int($0)] }
        var inEdges = [Int32](repeating: 0, count: edgeCount)
        var inSources = [Int32](repeating: 0, count: edgeCount)
        var inKinds = [EdgeKind](repeating: .dependsOn, count: edgeCount)
        for edge in 0..<edgeCount {
            let target = Int(sortedTargets[edge])
            let slot = Int(cursor[target])
            inEdges[slot] = Int32(edge)
            inSources[slot] = sortedSources[edge]
            inKinds[slot] = sortedKinds[edge]
            cursor[target] += 1
        }
        return PortfolioGraph(storage: PortfolioGraph.Storage(
            portfolio: portfolio, danglingReferences: dangling, nodeKinds: nodeKinds, kindStarts: kindStarts,
            nodeIDs: nodeIDs, nodeIndexByID: nodeIndexByID, edgeSources: sortedSources, edgeTargets: sortedTargets,
            edgeKinds: sortedKinds, edgeVersionIndex: order.map { versionIndex[Int($0)] },
            versions: versions, outOffsets: outOffsets, inOffsets: inOffsets, inEdges: inEdges,
            inSources: inSources, inKinds: inKinds))
    }

    private func prefixSums(counting endpoints: [Int32], nodeCount: Int) -> [Int32] {
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for endpoint in endpoints { offsets[Int(endpoint) + 1] += 1 }
        for index in 0..<nodeCount { offsets[index + 1] += offsets[index] }
        return offsets
    }
}
