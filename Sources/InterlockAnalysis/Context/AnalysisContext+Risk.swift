import InterlockCore

extension AnalysisContext {
    /// The active initiatives a finding puts at risk: the active initiatives it names; a finding
    /// that names none (a data silo, an unowned data source or technology) carries the active
    /// initiatives that use, read, write or depend on the data sources and technologies it names.
    public func initiativesAtRisk(of finding: Finding) -> [Int] {
        let named = finding.nodes(in: graph)
        let direct = named.filter { isActiveInitiative($0) }
        guard direct.isEmpty else { return direct }
        let carried: Set<EdgeKind> = [.uses, .reads, .writes, .dependsOn]
        var users: [Int] = []
        for node in named where [.dataSource, .technology].contains(graph.kind(of: node)) {
            for edge in graph.incoming(node) where carried.contains(graph.kind(ofEdge: Int(edge))) {
                let user = graph.source(ofEdge: Int(edge))
                if isActiveInitiative(user) { users.append(user) }
            }
        }
        return users.uniqued()
    }

}

