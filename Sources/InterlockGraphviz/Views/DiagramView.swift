import InterlockAnalysis
import InterlockCore

/// The diagrams Interlock draws for board meetings (DESIGN.md, "Diagrams").
public enum DiagramView: String, CaseIterable, Hashable, Sendable {
    /// Initiatives clustered by business unit, with the technologies and data they share.
    case overview
    /// Only what findings touch, with one hop of context.
    case risks
    /// The neighbourhood of one node, upstream and downstream.
    case focus
    /// Business units as nodes, edges weighted by cross-unit dependencies and shared data.
    case units
    /// The capability map with the initiatives that deliver each capability.
    case capabilities
    /// One finding, small, with one hop of context.
    case finding
    /// Initiatives on a time axis, one lane per business unit.
    case roadmap
    /// The capability map as nested boxes coloured by how many initiatives build each.
    case landscape

    /// Builds the diagram of this view: a pure function of the context (graph, shared facts and
    /// findings) and the options, with no Graphviz call.
    ///
    /// - Throws: ``ViewError`` when the options do not fit the portfolio (an unknown focus node).
    public func diagram(in context: ViewContext, options: ViewOptions = ViewOptions()) throws(ViewError) -> Diagram {
        switch self {
        case .overview: return OverviewView().diagram(in: context, options: options)
        case .risks: return RisksView().diagram(in: context, options: options)
        case .focus: return try FocusView().diagram(in: context, options: options)
        case .units: return UnitsView().diagram(in: context, options: options)
        case .capabilities: return CapabilitiesView().diagram(in: context, options: options)
        case .finding: return try FindingView().diagram(in: context, options: options)
        case .roadmap: return RoadmapView().diagram(in: context, options: options)
        case .landscape: return LandscapeView().diagram(in: context, options: options)
        }
    }
}
