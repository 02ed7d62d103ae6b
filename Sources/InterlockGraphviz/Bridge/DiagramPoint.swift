/// A point of a drawing, in points (1/72 inch), with y growing upwards as Graphviz counts it.
public struct DiagramPoint: Hashable, Sendable {
    /// Horizontal position.
    public var x: Double
    /// Vertical position, upwards.
    public var y: Double

    /// A point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The size of a node, in inches.
public struct DiagramSize: Hashable, Sendable {
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double

    /// A size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}
