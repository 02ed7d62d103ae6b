import CGraphviz

/// Creates the cgraph objects of a ``GraphPlan`` inside an open root graph.
///
/// Only ``Graphviz`` uses it, under its lock; the root graph owns everything created here, so
/// closing the root frees it all.
struct CGraphBuilder {
    /// The open root graph.
    let root: UnsafeMutablePointer<Agraph_t>

    /// Declares the attributes, then creates clusters, nodes and edges and sets their values.
    ///
    /// Attributes are declared with an empty default before any object exists: a default
    /// given to `agattr` or `agsafeset` applies to every object of that kind, which would leak
    /// one node's label or colour onto all the others.
    func build(_ plan: GraphPlan) throws(GraphvizError) {
        let graphSymbols = try declare(
            kind: AGRAPH, defaults: [], names: plan.graphAttributes.map(\.name) + plan.clusters.flatMap { $0.attributes.map(\.name) })
        let nodeSymbols = try declare(kind: AGNODE, defaults: plan.nodeDefaults, names: plan.nodes.flatMap { $0.attributes.map(\.name) })
        let edgeSymbols = try declare(kind: AGEDGE, defaults: plan.edgeDefaults, names: plan.edges.flatMap { $0.attributes.map(\.name) })

        try set(plan.graphAttributes, on: UnsafeMutableRawPointer(root), symbols: graphSymbols)
        try create(plan, graphSymbols: graphSymbols, nodeSymbols: nodeSymbols, edgeSymbols: edgeSymbols)
    }

    /// Adds the clusters, nodes and edges of `plan` to a root that already holds a graph,
    /// leaving the root's attributes and every default as they are (a legend laid out apart
    /// joins its drawing this way). Names must not clash with the objects already there.
    func add(_ plan: GraphPlan) throws(GraphvizError) {
        try create(
            plan, graphSymbols: try existingOrNew(kind: AGRAPH, names: plan.clusters.flatMap { $0.attributes.map(\.name) }),
            nodeSymbols: try existingOrNew(kind: AGNODE, names: plan.nodes.flatMap { $0.attributes.map(\.name) }),
            edgeSymbols: try existingOrNew(kind: AGEDGE, names: plan.edges.flatMap { $0.attributes.map(\.name) }))
    }

    /// Creates the clusters, nodes and edges of `plan` with the declared symbols.
    private func create(
        _ plan: GraphPlan, graphSymbols: [String: UnsafeMutablePointer<Agsym_t>], nodeSymbols: [String: UnsafeMutablePointer<Agsym_t>],
        edgeSymbols: [String: UnsafeMutablePointer<Agsym_t>]
    ) throws(GraphvizError) {
        var clusters: [UnsafeMutablePointer<Agraph_t>] = []
        clusters.reserveCapacity(plan.clusters.count)
        for cluster in plan.clusters {
            let parent = cluster.parent.map { clusters[$0] } ?? root
            clusters.append(
                try create("cluster \(cluster.name)", cluster.attributes, graphSymbols) {
                    withMutableCString(cluster.name) { agsubg(parent, $0, 1) }
                })
        }

        var nodes: [UnsafeMutablePointer<Agnode_t>] = []
        nodes.reserveCapacity(plan.nodes.count)
        for node in plan.nodes {
            let graph = node.cluster.map { clusters[$0] } ?? root
            nodes.append(
                try create("node \(node.name)", node.attributes, nodeSymbols) {
                    withMutableCString(node.name) { agnode(graph, $0, 1) }
                })
        }

        for edge in plan.edges {
            let ends = "\(plan.nodes[edge.tail].name) -> \(plan.nodes[edge.head].name)"
            _ = try create("edge \(ends)", edge.attributes, edgeSymbols) {
                agedge(root, nodes[edge.tail], nodes[edge.head], nil, 1)
            }
        }
    }

    /// Creates one object with `make` and sets its attributes.
    private func create<Object>(
        _ description: String, _ attributes: [GraphPlan.Attribute], _ symbols: [String: UnsafeMutablePointer<Agsym_t>],
        _ make: () -> UnsafeMutablePointer<Object>?
    ) throws(GraphvizError) -> UnsafeMutablePointer<Object> {
        guard let object = make() else {
            throw .graphviz(stage: "graph creation", messages: ["cannot create \(description)"])
        }
        try set(attributes, on: UnsafeMutableRawPointer(object), symbols: symbols)
        return object
    }

    /// The symbols of `names` for `kind`: the declared ones as they are (declaring again would
    /// reset their default for every object), the others declared with an empty default.
    private func existingOrNew(kind: Int32, names: [String]) throws(GraphvizError) -> [String: UnsafeMutablePointer<Agsym_t>] {
        var symbols: [String: UnsafeMutablePointer<Agsym_t>] = [:]
        var missing: [String] = []
        for name in names where symbols[name] == nil {
            if let symbol = withMutableCString(name, { agattr(root, kind, $0, nil) }) {
                symbols[name] = symbol
            } else {
                missing.append(name)
            }
        }
        return symbols.merging(try declare(kind: kind, defaults: [], names: missing)) { existing, _ in existing }
    }

    /// Declares each distinct name once for `kind`: with its default from `defaults`, else empty.
    private func declare(
        kind: Int32, defaults: [GraphPlan.Attribute], names: [String]
    ) throws(GraphvizError) -> [String: UnsafeMutablePointer<Agsym_t>] {
        var symbols: [String: UnsafeMutablePointer<Agsym_t>] = [:]
        var pending: [(String, String)] = defaults.compactMap { attribute in
            guard case .plain(let value) = attribute.value else { return nil }
            return (attribute.name, value)
        }
        pending += names.map { ($0, "") }
        for (name, value) in pending where symbols[name] == nil {
            let symbol = withMutableCString(name) { name in withMutableCString(value) { agattr(root, kind, name, $0) } }
            guard let symbol else {
                throw .graphviz(stage: "graph creation", messages: ["cannot declare attribute \(name)"])
            }
            symbols[name] = symbol
        }
        return symbols
    }

    /// Sets attribute values on one object; HTML bodies go through `agstrdup_html` so that
    /// Graphviz parses them as HTML-like labels.
    private func set(
        _ attributes: [GraphPlan.Attribute], on object: UnsafeMutableRawPointer, symbols: [String: UnsafeMutablePointer<Agsym_t>]
    ) throws(GraphvizError) {
        for attribute in attributes {
            guard let symbol = symbols[attribute.name] else {
                throw .graphviz(stage: "graph creation", messages: ["undeclared attribute \(attribute.name)"])
            }
            let status: Int32
            switch attribute.value {
            case .plain(let text):
                status = withMutableCString(text) { agxset(object, symbol, $0) }
            case .html(let body):
                guard let html = withMutableCString(body, { agstrdup_html(root, $0) }) else {
                    throw .graphviz(stage: "graph creation", messages: ["cannot store an HTML label"])
                }
                defer { agstrfree(root, html) }
                status = agxset(object, symbol, html)
            }
            guard status == 0 else {
                throw .graphviz(stage: "graph creation", messages: ["cannot set attribute \(attribute.name)"])
            }
        }
    }
}
