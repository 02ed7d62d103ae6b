import InterlockAnalysis
import InterlockCore

/// Options shared by the views.
public struct ViewOptions: Hashable, Sendable {
    /// The most nodes a view hands to Graphviz; beyond it the view keeps the part that matters
    /// most (highest risk, or closest to the focus) and says in its title what it left out.
    public var maxNodes: Int
    /// What the `focus` view centres on; required by that view, ignored by the others.
    public var focus: Focus?
    /// Which finding the `finding` view draws; required by that view, ignored by the others.
    public var finding: FindingSelector?
    /// The day drawn as today on the `roadmap` (given, so a drawing can be reproduced).
    public var today: Day?
    /// Whether the `finding` view writes the finding's message under its title. A page that
    /// prints the message beside the picture (the board report) leaves it out, and the drawing
    /// gets the room.
    public var showsFindingMessage: Bool

    /// The default node budget: a dot layout of this size still takes about a second.
    public static let defaultMaxNodes = 1_500

    /// View options.
    public init(
        maxNodes: Int = defaultMaxNodes, focus: Focus? = nil, finding: FindingSelector? = nil, today: Day? = nil, showsFindingMessage: Bool = true
    ) {
        self.maxNodes = maxNodes
        self.focus = focus
        self.finding = finding
        self.today = today
        self.showsFindingMessage = showsFindingMessage
    }
}

/// The centre and reach of the `focus` view.
public struct Focus: Hashable, Sendable {
    /// Id of the node in the centre.
    public var nodeID: String
    /// How many edges away from the centre to go.
    public var depth: Int
    /// Which way to go.
    public var direction: FocusDirection

    /// A focus.
    public init(nodeID: String, depth: Int = 2, direction: FocusDirection = .both) {
        self.nodeID = nodeID
        self.depth = depth
        self.direction = direction
    }
}

/// Which way the `focus` view follows edges.
public enum FocusDirection: String, CaseIterable, Hashable, Sendable {
    /// Upstream: what depends on, uses or reads from the centre (what breaks if it slips).
    case up
    /// Downstream: what the centre depends on, uses, reads and delivers.
    case down
    /// Both ways.
    case both
}

/// Why a view cannot be drawn for a portfolio.
public enum ViewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `focus` view was asked without a centre.
    case missingFocus
    /// The focus node does not exist.
    case unknownNode(String)
    /// The `finding` view was asked without a finding.
    case missingFinding
    /// No finding has that number or key.
    case unknownFinding(String)

    /// A sentence for the command line.
    public var description: String {
        switch self {
        case .missingFocus: "the focus view needs a node to centre on"
        case .unknownNode(let id): "no node has the id '\(id)'"
        case .missingFinding: "the finding view needs a finding: its number in the report order of `check`, or its key"
        case .unknownFinding(let selector): "no finding is '\(selector)': give its number (1 is the first `check` lists) or its key, rule|node|node… as in SARIF's interlockFinding/v1"
        }
    }
}

/// One finding, as a person names it: its number in report order (1 is the first finding `check`
/// lists, as the board report numbers them), or its stable key `rule|node|node…` (SARIF's
/// `interlockFinding/v1` fingerprint), which survives edits that renumber findings.
public enum FindingSelector: Hashable, Sendable, CustomStringConvertible {
    /// The n-th finding in report order, from 1.
    case number(Int)
    /// The finding whose rule and node ids make this key.
    case key(String)

    /// Reads `12` as a number and anything else as a key.
    public init(_ text: String) {
        if let number = Int(text) { self = .number(number) } else { self = .key(text) }
    }

    /// As written on the command line.
    public var description: String {
        switch self {
        case .number(let number): String(number)
        case .key(let key): key
        }
    }

}
