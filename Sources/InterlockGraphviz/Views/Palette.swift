import InterlockAnalysis
import InterlockCore

/// Shapes and colours shared by every view, so a board learns them once.
enum Palette {
    /// Red of errors, cycles and incompatibilities.
    static let red = Color(rgb: 0xC62828)
    /// Outline of nodes without findings and colour of ordinary edges.
    static let neutral = Color(rgb: 0x555555)
    /// Colour of secondary edges (uses, reads, writes).
    static let muted = Color(rgb: 0x8A8A8A)
    /// Colour of delivery edges (initiative to capability).
    static let green = Color(rgb: 0x2E7D32)
    /// Background of clusters.
    static let clusterFill = Color(rgb: 0xF5F5F5)
    /// Today's line on a time axis.
    static let todayBlue = Color(rgb: 0x1F5FA8)

    /// Shape by kind: initiative box, technology component, data source cylinder,
    /// capability tab, goal note, unit ellipse, person and team double octagon.
    static func shape(for kind: NodeKind) -> NodeShape {
        switch kind {
        case .initiative: .box
        case .technology: .component
        case .dataSource: .cylinder
        case .capability: .tab
        case .goal: .note
        case .unit: .ellipse
        case .person, .team: .doubleoctagon
        }
    }

    /// Fill by worst severity; white without findings.
    static func fill(for severity: Severity?) -> Color {
        switch severity {
        case .error: Color(rgb: 0xF8D7DA)
        case .warning: Color(rgb: 0xFFF3CD)
        case .info: Color(rgb: 0xDCEEFB)
        case nil: .white
        }
    }

    /// Outline by worst severity; grey without findings.
    static func line(for severity: Severity?) -> Color {
        switch severity {
        case .error: red
        case .warning: Color(rgb: 0xB7791F)
        case .info: Color(rgb: 0x2B6CB0)
        case nil: neutral
        }
    }
}
