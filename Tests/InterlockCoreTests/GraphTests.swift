import Testing
@testable import InterlockCore
import InterlockGenerator

private let here = SourceLocation(file: "test", line: 1, column: 1)

/// A portfolio of initiatives `i0...` whose dependsOn lists are `edges[n]`.
private func chainPortfolio(_ dependencies: [[Int]]) -> Portfolio {
    Portfolio(initiatives: dependencies.indices.map { index in
        Initiative(id: "i\(index)", name: "I\(index)", dependsOn: dependencies[index].map { "i\($0)" }, location: here)
    })
}

@Suite("Portfolio graph")
struct GraphTests {
    @Test func edgesFollowTheRelationshipTable() throws {
        let portfolio = try PortfolioLoader.load(text: """
        units: [{id: group}, {id: sales, parent: group}]
        people: [{id: ann, unit: sales}]
        teams: [{id: crm-team, unit: sales, members: [ann, ghost]}]
        goals: [{id: g1}]
        capabilities: [{id: crm}, {id: leads, parent: crm}]
        technologies:
          - {id: java, owner: crm-team, incompatibleWith: [dotnet]}
          - {id: dotnet}
          - {id: pg}
        dataSources: [{id: db, owner: ann, technology: pg}]
        policy: {incompatible: [[dotnet, java], [pg, dotnet], [pg, mongo]]}
        initiatives:
          - {id: a, unit: sales, owner: ann, capabilities: [leads, leads], technologies: [java@17, java@21],
             data: [{source: db, access: write}], dependsOn: [b, pg, goals-typo], goals: [g1]}
          - {id: b, owner: nobody, data: [{source: db}], dependsOn: [g1]}
        """, file: "t.yaml")
        let graph = PortfolioGraph(portfolio)
        func edges(_ id: String) -> [String] {
            guard let node = graph.node(withID: id) else { return [] }
            return graph.outgoing(node).map { edge in
                let version = graph.version(ofEdge: edge).map { "@\($0)" } ?? ""
                return "\(graph.kind(ofEdge: edge).relationshipType) \(graph.id(of: graph.target(ofEdge: edge)))\(version)"
            }
        }
        #expect(edges("a") == ["DEPENDS_ON b", "DEPENDS_ON pg", "USES java@17", "USES java@21", "WRITES db",
                               "DELIVERS leads", "SUPPORTS g1", "OWNED_BY ann", "IN_UNIT sales"])
        #expect(edges("b") == ["READS db"])
        #expect(edges("java") == ["OWNED_BY crm-team", "INCOMPATIBLE_WITH dotnet"])
        #expect(edges("pg") == ["INCOMPATIBLE_WITH dotnet"])
        #expect(edges("db") == ["OWNED_BY ann", "HOSTED_ON pg"])
        #expect(edges("leads") == ["PART_OF crm"])
        #expect(edges("sales") == ["PART_OF group"])
        #expect(edges("ann") == ["IN_UNIT sales", "MEMBER_OF crm-team"])
        #expect(edges("crm-team") == ["IN_UNIT sales"])
        #expect(graph.nodes(ofKind: .initiative) == 0..<2)
        #expect(graph.nodes(ofKind: .technology) == 2..<5)
        #expect(graph.kind(of: graph.node(withID: "crm-team") ?? -1) == .team)
        #expect(graph.danglingReferences.map { "\($0.node.map(graph.id(of:)) ?? "policy").\($0.field)=\($0.target):\($0.foundKind?.label ?? "-")" } == [
            "a.dependsOn=goals-typo:-", "b.dependsOn=g1:Goal", "b.owner=nobody:-", "crm-team.members=ghost:-", "policy.policy.incompatible=mongo:-",
        ])
        // The incoming index mirrors the outgoing one.
        for node in 0..<graph.nodeCount {
            for edge in graph.incoming(node) { #expect(graph.target(ofEdge: Int(edge)) == node) }
            for edge in graph.outgoing(node) { #expect(graph.source(ofEdge: edge) == node) }
        }
        #expect(graph.predecessors(of: graph.node(withID: "db") ?? -1, via: .reads).map(graph.id(of:)) == ["b"])
    }

    @Test func componentsMatchBruteForceReachability() {
        var random = SeededRandom(seed: 42)
        for round in 0..<300 {
            let count = 1 + random.int(below: 12)
            let edgeCount = random.int(below: count * 2 + 1)
            var dependencies = Array(repeating: [Int](), count: count)
            for _ in 0..<edgeCount { dependencies[random.int(below: count)].append(random.int(below: count)) }
            let graph = PortfolioGraph(chainPortfolio(dependencies))
            // Brute force: transitive closure by repeated BFS.
            var reaches = Array(repeating: Array(repeating: false, count: count), count: count)
            for start in 0..<count {
                var stack = dependencies[start]
                while let node = stack.popLast() {
                    if reaches[start][node] { continue }
                    reaches[start][node] = true
                    stack += dependencies[node]
                }
            }
            let components = graph.stronglyConnectedComponents(over: EdgeKindSet(.dependsOn))
            for a in 0..<count {
                for b in 0..<count where a != b {
                    let together = components.componentOf[a] == components.componentOf[b]
                    #expect(together == (reaches[a][b] && reaches[b][a]), "round \(round): \(dependencies)")
                }
            }
            // Tarjan numbers components in reverse topological order: an edge never goes to a later component.
            for (node, targets) in dependencies.enumerated() {
                for target in targets { #expect(components.componentOf[node] >= components.componentOf[target]) }
            }
            let cyclic = graph.cyclicComponents(over: EdgeKindSet(.dependsOn))
            let expectedCyclic = (0..<count).filter { reaches[$0][$0] }
            #expect(cyclic.flatMap { $0 }.sorted() == expectedCyclic, "round \(round): \(dependencies)")
            for component in cyclic {
                let cycle = graph.shortestCycle(in: component, over: EdgeKindSet(.dependsOn))
                let nodes = cycle.map { Int(graph.id(of: $0).dropFirst()) ?? -1 }
                for (index, node) in nodes.enumerated() {
                    #expect(dependencies[node].contains(nodes[(index + 1) % nodes.count]), "round \(round): \(nodes)")
                }
                #expect(Set(nodes).count == nodes.count)
                #expect(nodes.count == shortestCycleLength(in: Set(component.map { Int(graph.id(of: $0).dropFirst()) ?? -1 }), dependencies))
            }
        }
    }

    /// The length of the shortest cycle among `members`, by BFS from every member.
    private func shortestCycleLength(in members: Set<Int>, _ dependencies: [[Int]]) -> Int {
        var best = Int.max
        for start in members {
            var distance = [start: 0]
            var queue = [start]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for target in dependencies[node] where members.contains(target) {
                    if target == start { best = min(best, (distance[node] ?? 0) + 1) }
                    if distance[target] == nil {
                        distance[target] = (distance[node] ?? 0) + 1
                        queue.append(target)
                    }
                }
            }
        }
        return best
    }

    @Test func componentsAreNumberedInTheOrderTheDepthFirstSearchClosesThem() {
        // 0 <-> 1 -> 2 <-> 3, 4 -> 0, 5 -> 5, 6 alone. The search from 0 closes {2, 3} first, then
        // {0, 1}; 4, 5 and 6 follow in node order. Only DEPENDS_ON is followed: 6 uses a technology.
        var portfolio = chainPortfolio([[1], [0, 2], [3], [2], [0], [5], []])
        portfolio.technologies = [Technology(id: "t", name: "T", location: here)]
        portfolio.initiatives[6].technologies = [TechnologyUse(technology: "t")]
        portfolio.initiatives[6].dependsOn = []
        let graph = PortfolioGraph(portfolio)
        let components = graph.stronglyConnectedComponents(over: EdgeKindSet(.dependsOn))
        #expect(components.componentOf == [1, 1, 0, 0, 2, 3, 4, 5])
        #expect(components.count == 6)
        #expect(graph.cyclicComponents(over: EdgeKindSet(.dependsOn)) == [[0, 1], [2, 3], [5]])
        // Over USES too, the technology is its own component, closed before the initiative that uses it.
        let withUses = graph.stronglyConnectedComponents(over: EdgeKindSet([.dependsOn, .uses]))
        #expect(withUses.componentOf == [1, 1, 0, 0, 2, 3, 5, 4])
    }

    @Test func millionNodeChainDoesNotOverflowTheStack() {
        let count = 1_000_000
        let graph = PortfolioGraph(chainPortfolio((0..<count).map { $0 + 1 < count ? [$0 + 1] : [] }))
        let components = graph.stronglyConnectedComponents(over: EdgeKindSet(.dependsOn))
        #expect(components.count == count)
        #expect(graph.cyclicComponents(over: EdgeKindSet(.dependsOn)).isEmpty)
        #expect(graph.reachable(from: [0], over: EdgeKindSet(.dependsOn), direction: .forward).count == count - 1)
    }

    @Test func twoHundredThousandNodeCycleIsOneComponent() {
        let count = 200_000
        let graph = PortfolioGraph(chainPortfolio((0..<count).map { [($0 + 1) % count] }))
        let cyclic = graph.cyclicComponents(over: EdgeKindSet(.dependsOn))
        #expect(cyclic.count == 1)
        #expect(cyclic.first?.count == count)
        let cycle = graph.shortestCycle(in: cyclic.first ?? [], over: EdgeKindSet(.dependsOn))
        #expect(cycle.count == count)
        #expect(cycle.first.map(graph.id(of:)) == "i0")
    }

    @Test func selfDependencyIsACycleOfOne() {
        let graph = PortfolioGraph(chainPortfolio([[0], [0]]))
        #expect(graph.cyclicComponents(over: EdgeKindSet(.dependsOn)) == [[0]])
    }

    @Test func reachabilityHonoursDirectionAndDepth() {
        // 0 -> 1 -> 2 -> 3, 4 -> 2
        let graph = PortfolioGraph(chainPortfolio([[1], [2], [3], [], [2]]))
        let kinds = EdgeKindSet(.dependsOn)
        #expect(graph.reachable(from: [2], over: kinds, direction: .backward).map(\.node) == [1, 4, 0])
        #expect(graph.reachable(from: [0], over: kinds, direction: .forward, maxDepth: 2).map(\.node) == [1, 2])
        #expect(graph.reachable(from: [2], over: kinds, direction: .both, maxDepth: 1).map(\.node).sorted() == [1, 3, 4])
    }
}
