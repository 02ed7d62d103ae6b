/// A reference to an id that no node of the expected kind has: a finding, not a loading error,
/// because real portfolios are messy.
public struct DanglingReference: Hashable, Sendable {
    /// The node whose field holds the reference; nil for `policy.incompatible`, which belongs to no node.
    public var node: Int?
    /// The field, as named in the format (`dependsOn`, `owner`, `members`...).
    public var field: String
    /// The id written.
    public var target: String
    /// The kinds the field may refer to.
    public var expectedKinds: [NodeKind]
    /// The kind of the node that has the id, when it exists but is of the wrong kind.
    public var foundKind: NodeKind?

    /// Creates a dangling reference.
    public init(node: Int?, field: String, target: String, expectedKinds: [NodeKind], foundKind: NodeKind?) {
        self.node = node
        self.field = field
        self.target = target
        self.expectedKinds = expectedKinds
        self.foundKind = foundKind
    }
}
