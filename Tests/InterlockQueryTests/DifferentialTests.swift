import InterlockQuery
import InterlockCore
import InterlockGenerator
import Testing

/// Pattern queries on random small graphs, compared with a brute-force matcher written here
/// from the openCypher rules (every assignment of nodes and relationships tried; relationships
/// distinct within a MATCH; an undirected self-loop matched once).
@Suite struct DifferentialTests {
    /// The core's deterministic generator with the two draws these tests use, so a failure can be replayed.
    struct Random {
        private var generator: SeededRandom
        init(state: UInt64) { generator = SeededRandom(seed: state) }
        mutating func next(_ bound: Int) -> Int { generator.int(below: bound) }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    struct NodeSpec {
        var name: String
        var label: String?
        var value: Int?
        /// `{id: 'nK'}`, which the planner turns into a lookup.
        var id: Int?
    }

    struct RelationshipSpec {
        var name: String
        var type: String?
        var direction: RelationshipPattern.Direction
        var hops: ClosedRange<Int>?
    }

    /// A chain: nodes[i] -rels[i]- nodes[i+1].
    struct PartSpec {
        var nodes: [NodeSpec]
        var relationships: [RelationshipSpec]
    }

    static func randomGraph(_ random: inout Random) -> TestGraph {
        let labels = ["A", "B", "C"]
        var nodes: [TestGraph.Node] = []
        for label in labels {
            for _ in 0..<(1 + random.next(3)) {
                nodes.append(.init(label: label, properties: ["id": .string("n\(nodes.count)"), "v": .integer(random.next(3))]))
            }
        }
        var relationships: [TestGraph.Relationship] = []
        for _ in 0..<(nodes.count + random.next(nodes.count * 2)) {
            relationships.append(.init(
                source: random.next(nodes.count), target: random.next(nodes.count), type: random.chance(60) ? "R" : "S"))
        }
        return TestGraph(nodes: nodes, relationships: relationships, relationshipTypes: ["R", "S"])
    }

    static func randomPart(_ random: inout Random, names: inout Int, reuse: String?) -> PartSpec {
        func node() -> NodeSpec {
            defer { names += 1 }
            return NodeSpec(
                name: "n\(names)", label: random.chance(30) ? ["A", "B", "C"][random.next(3)] : nil,
                value: random.chance(25) ? random.next(3) : nil, id: random.chance(15) ? random.next(6) : nil)
        }
        var part = PartSpec(nodes: [node()], relationships: [])
        if let reuse { part.nodes[0] = NodeSpec(name: reuse, label: nil, value: nil, id: nil) }
        for _ in 0..<(1 + random.next(2)) {
            let variable = random.chance(30)
            let low = random.next(2)
            part.relationships.append(RelationshipSpec(
                name: "r\(names)", type: random.chance(60) ? ["R", "S"][random.next(2)] : nil,
                direction: [.outgoing, .incoming, .either][random.next(3)],
                hops: variable ? low...(low + random.next(3)) : nil))
            part.nodes.append(node())
        }
        return part
    }

    static func cypher(_ part: PartSpec) -> String {
        func node(_ spec: NodeSpec) -> String {
            let properties = [spec.value.map { "v: \($0)" }, spec.id.map { "id: 'n\($0)'" }].compactMap { $0 }
            return "(\(spec.name)" + (spec.label.map { ":" + $0 } ?? "")
                + (properties.isEmpty ? "" : " {" + properties.joined(separator: ", ") + "}") + ")"
        }
        var text = node(part.nodes[0])
        for (relationship, next) in zip(part.relationships, part.nodes.dropFirst()) {
            var inside = relationship.name + (relationship.type.map { ":" + $0 } ?? "")
            if let hops = relationship.hops { inside += "*\(hops.lowerBound)..\(hops.upperBound)" }
            switch relationship.direction {
            case .outgoing: text += "-[\(inside)]->"
            case .incoming: text += "<-[\(inside)]-"
            case .either: text += "-[\(inside)]-"
            }
            text += node(next)
        }
        return text
    }

    /// Every match, as rows of node ids then relationship id lists, by trying everything.
    static func bruteForce(_ parts: [PartSpec], in graph: TestGraph) -> [[QueryValue]] {
        var results: [[QueryValue]] = []
        var nodes: [String: Int] = [:]
        var relationships: [String: [Int]] = [:]
        let allNodes = parts.flatMap(\.nodes).map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let allRelationships = parts.flatMap(\.relationships).map(\.name)

        func fits(_ spec: NodeSpec, _ node: Int) -> Bool {
            if let label = spec.label, graph.nodes[node].label != label { return false }
            if let value = spec.value, graph.nodes[node].properties["v"] != .integer(value) { return false }
            if let id = spec.id, graph.nodes[node].properties["id"] != .string("n\(id)") { return false }
            return true
        }
        func bind(_ spec: NodeSpec, _ node: Int, then: () -> Void) {
            guard fits(spec, node) else { return }
            if let bound = nodes[spec.name] {
                if bound == node { then() }
                return
            }
            nodes[spec.name] = node
            then()
            nodes[spec.name] = nil
        }
        /// Steps from `node` over one relationship allowed by `spec`: (relationship, next node).
        func steps(from node: Int, _ spec: RelationshipSpec) -> [(Int, Int)] {
            var found: [(Int, Int)] = []
            for (index, relationship) in graph.relationships.enumerated() {
                if let type = spec.type, relationship.type != type { continue }
                let forward = relationship.source == node, backward = relationship.target == node
                switch spec.direction {
                case .outgoing: if forward { found.append((index, relationship.target)) }
                case .incoming: if backward { found.append((index, relationship.source)) }
                case .either:
                    if forward { found.append((index, relationship.target)) }
                    if backward && !forward { found.append((index, relationship.source)) }
                }
            }
            return found
        }
        func used() -> [Int] { relationships.values.flatMap { $0 } }
        /// Walks `count` relationships from `node`, none used before, then calls `then(end, walked)`.
        func walk(_ node: Int, _ spec: RelationshipSpec, _ count: Int, _ walked: [Int], then: (Int, [Int]) -> Void) {
            if count == 0 { return then(node, walked) }
            for (relationship, next) in steps(from: node, spec)
            where !walked.contains(relationship) && !used().contains(relationship) {
                walk(next, spec, count - 1, walked + [relationship], then: then)
            }
        }
        func match(part index: Int, position: Int) {
            guard index < parts.count else {
                results.append(allNodes.map { .integer(nodes[$0] ?? -1) }
                    + allRelationships.map { .list((relationships[$0] ?? []).map(QueryValue.integer)) })
                return
            }
            let part = parts[index]
            if position == 0 {
                for node in 0..<graph.nodeCount {
                    bind(part.nodes[0], node) { match(part: index, position: 1) }
                }
                return
            }
            guard position <= part.relationships.count else { return match(part: index + 1, position: 0) }
            let spec = part.relationships[position - 1]
            guard let from = nodes[part.nodes[position - 1].name] else { return }
            for count in spec.hops ?? 1...1 {
                walk(from, spec, count, []) { end, walked in
                    relationships[spec.name] = walked
                    bind(part.nodes[position], end) { match(part: index, position: position + 1) }
                    relationships[spec.name] = nil
                }
            }
        }
        match(part: 0, position: 0)
        return results
    }

    @Test(arguments: 0..<300)
    func patternMatchesAgreeWithBruteForce(seed: Int) throws {
        var random = Random(state: UInt64(seed) &* 7919)
        let graph = Self.randomGraph(&random)
        var names = 0
        var parts = [Self.randomPart(&random, names: &names, reuse: nil)]
        if random.chance(35) {
            // A second part sharing a node with the first, or not.
            let shared = random.chance(70) ? parts[0].nodes[random.next(parts[0].nodes.count)].name : nil
            parts.append(Self.randomPart(&random, names: &names, reuse: shared))
        }
        let nodeNames = parts.flatMap(\.nodes).map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let relationshipSpecs = parts.flatMap(\.relationships)
        let columns = nodeNames.map { "id(\($0))" } + relationshipSpecs.map { spec in
            spec.hops == nil ? "[id(\(spec.name))]" : "[r IN \(spec.name) | id(r)]"
        }
        let query = "MATCH " + parts.map(Self.cypher).joined(separator: ", ") + " RETURN " + columns.joined(separator: ", ")
        let actual = try QueryEngine(graph: graph).run(query).rows
        let expected = Self.bruteForce(parts, in: graph)
        let order: ([QueryValue], [QueryValue]) -> Bool = { $0.lexicographicallyPrecedes($1) { $0.sortsBefore($1) } }
        #expect(actual.sorted(by: order) == expected.sorted(by: order), "\(query)")
    }
}
