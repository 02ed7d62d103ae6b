/// Bounds the engine applies where openCypher leaves them open.
public enum QueryLimits {
    /// The upper bound of a variable-length relationship written without one (`*`, `*2..`).
    /// Enumerating every trail is exponential in the worst case; use `shortestPath` or
    /// `interlock.blastRadius` for unbounded reachability.
    public static let defaultMaximumHops = 10
}
