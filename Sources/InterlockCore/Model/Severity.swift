/// How urgent a finding is. Ordered: `info < warning < error`.
public enum Severity: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// Worth knowing; no action required.
    case info
    /// Should be addressed; does not fail a check by default.
    case warning
    /// Must be addressed; fails `interlock check` by default.
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// `info < warning < error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
