import InterlockCore

extension RuleID {
    /// `single-point-of-failure`.
    public static let singlePointOfFailure = RuleID("single-point-of-failure")
}

/// `single-point-of-failure`: a node (initiative, technology or data source) whose failure stops
/// many initiatives, because they depend on it through `dependsOn`, directly or not.
///
/// The blast radius of a node is the set of active initiatives with a `dependsOn` path to it (the
/// node itself left out). A node is reported when two or more active initiatives depend on it
/// directly and its blast radius reaches the threshold: at least `minimumBlastRadius` initiatives
/// and at least `minimumShare` of the portfolio's active initiatives. In a small portfolio the
/// absolute minimum gives way to a share: a node that `smallPortfolioShare` of the active
/// initiatives need (and at least 3) is reported even below `minimumBlastRadius`, so a platform
/// on which half of a 15-initiative portfolio depends is not hidden by a minimum of 10 made for
/// large ones (docs/scoring.md).
///
/// Why fan-in ≥ 2: `dependsOn` edges only leave initiatives, so a node with one direct dependent
/// `u` has the blast radius of `u` plus `u` itself; `u` dominates it and the risk is better named
/// at `u` (a chain of a million initiatives is then one finding, not a million).
///
/// How it stays near-linear on a million initiatives (see `BlastRadius`): an upper bound of every
/// blast radius comes from one pass over the condensation (strongly connected components) in
/// topological order; only nodes whose bound reaches the threshold are candidates, at most
/// `maximumCandidates` of them (largest bound first), and their exact radii come from bit-parallel
/// propagation, 64 candidates per linear pass.
public struct SinglePointOfFailure: Detector {
    /// `single-point-of-failure`.
    public let id = RuleID.singlePointOfFailure
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Single points of failure", fr: "Points de défaillance uniques"),
        whyItMatters: LocalizedText(
            en: "If this one thing fails, many initiatives stop at once.",
            fr: "Si cet élément tombe en panne, de nombreuses initiatives s'arrêtent d'un coup."),
        glossary: [
            GlossaryEntry(
                business: LocalizedText(en: "Everything that stops if it fails", fr: "Tout ce qui s'arrête en cas de panne"),
                technical: LocalizedText(en: "blast radius", fr: "rayon d'impact (blast radius)"),
                meaning: LocalizedText(
                    en: "The initiatives that depend on a thing directly or through other initiatives.",
                    fr: "Les initiatives qui dépendent d'un élément, directement ou par l'intermédiaire d'autres initiatives.")),
        ])
    /// What the detector looks for.
    public let summary = "A node whose failure stops many initiatives that depend on it, directly or not (its blast radius)."
    /// The smallest blast radius, in initiatives, that is reported.
    public var minimumBlastRadius: Int
    /// The smallest blast radius, as a share of the active initiatives, that is reported.
    public var minimumShare: Double
    /// The share of the active initiatives that is enough below `minimumBlastRadius`; nil: the
    /// minimum holds whatever the size.
    public var smallPortfolioShare: Double?
    /// The most nodes whose exact blast radius is computed; bounds the work on huge portfolios.
    public var maximumCandidates: Int

    /// The most dependents a finding lists after the node.
    public static let maximumListed = 1_000

    /// Creates the detector; the defaults report nodes that at least 10 initiatives and a tenth of
    /// the portfolio need, or, in a portfolio of fewer than 34 active initiatives, 30 % of it (3 at least).
    public init(minimumBlastRadius: Int = 10, minimumShare: Double = 0.1, smallPortfolioShare: Double? = 0.3, maximumCandidates: Int = 256) {
        self.minimumBlastRadius = minimumBlastRadius
        self.minimumShare = minimumShare
        self.smallPortfolioShare = smallPortfolioShare
        self.maximumCandidates = maximumCandidates
    }

    /// The smallest blast radius reported among `active` active initiatives.
    public func threshold(active: Int) -> Int {
        let share = { (fraction: Double) in Int((Double(active) * fraction).rounded(.up)) }
        let minimum = smallPortfolioShare.map { min(minimumBlastRadius, max(3, share($0))) } ?? minimumBlastRadius
        return max(minimum, share(minimumShare))
    }

    /// One warning per node over the threshold, listing its blast radius after it.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        let active = graph.nodes(ofKind: .initiative).filter { graph.isActiveInitiative($0) }
        let threshold = threshold(active: active.count)
        guard active.count >= threshold else { return [] }
        let radius = BlastRadius(context)
        let candidates = radius.candidates(threshold: threshold, limit: maximumCandidates)
        let counts = radius.exactCounts(of: candidates)
        return zip(candidates, counts).compactMap { node, count in
            guard count >= threshold else { return nil }
            return finding(for: node, radius: radius, activeCount: active.count, graph)
        }
    }

    private func finding(for node: Int, radius: BlastRadius, activeCount: Int, _ graph: PortfolioGraph) -> Finding {
        let directDependents = radius.directDependents(of: node)
        let isDirect = Set(directDependents)
        let indirectDependents = radius.dependents(of: node).filter { !isDirect.contains($0) }
        let affected = directDependents + indirectDependents
        let direct = graph.firstByID(directDependents, limit: Self.maximumListed)
        let listed = direct + graph.firstByID(indirectDependents, limit: Self.maximumListed - direct.count)
        let explanation = Explanation(
            node: node, direct: directDependents.count, affected: affected.count,
            percent: Int((Double(affected.count) * 100 / Double(activeCount)).rounded()), budget: graph.budget(of: affected))
        return Finding(
            rule: id, severity: .warning, nodes: ([node] + listed), in: graph, explanation: explanation,
            owners: graph.contactableOwners(of: [node]), budgetAtStake: graph.budget(of: affected))
    }

    /// A node, how many initiatives stop with it, and their budget.
    struct Explanation: FindingExplanation {
        let node: Int
        let direct: Int
        let affected: Int
        /// `affected` as a whole percentage of the active initiatives.
        let percent: Int
        let budget: Double?

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let name = graph.quoted(node, phrasing)
            let money = budget.map { graph.money($0, phrasing) }
            // The list stays readable (and findings small) on huge portfolios: the count is always exact.
            let cut = affected > SinglePointOfFailure.maximumListed
            switch phrasing.language {
            case .en:
                var message = "\(graph.kind(of: node).noun.capitalizedFirst) \(name) is a single point of failure: "
                    + "\(direct) initiatives depend on it directly and \(affected) in all (\(percent)% of the portfolio) stop if it fails"
                if let money { message += ", \(money) of budget" }
                if cut { message += "; the first \(SinglePointOfFailure.maximumListed) are listed" }
                return message + "."
            case .fr:
                var message: FrenchText = "\(phrasing.definite(graph.kind(of: node)).capitalizedFirst) \(name) est un point de défaillance unique : "
                    + "\(phrasing.count(direct, "initiative en dépend", "initiatives en dépendent")) directement et \(phrasing.number(affected)) au total "
                    + "(\(phrasing.percent(percent)) du portefeuille) s'arrêtent si elle tombe en panne"
                if let money { message = message + ", soit \(money) de budget" }
                if cut { message = message + " ; seules les \(phrasing.number(SinglePointOfFailure.maximumListed)) premières sont listées" }
                return (message + ".").text
            }
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let name = graph.quoted(node, phrasing)
            return phrasing.text(
                en: "Give \(name) a tested fallback (redundancy, failover, exit plan) and an owner who answers for its availability.",
                fr: "Prévoir pour \(name) une solution de secours éprouvée (redondance, bascule, plan de sortie) et un responsable qui réponde de sa disponibilité.")
        }
    }
}
