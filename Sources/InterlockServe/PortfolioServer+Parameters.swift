import Hummingbird
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz

extension PortfolioServer {
    /// The findings filter named by `rule`, `severity`, `unit` and `owner`.
    static func findingFilter(_ parameters: Parameters, in served: ServedPortfolio) throws(ServeError) -> FindingFilter {
        var filter = FindingFilter()
        if let rule = nonEmpty(parameters, "rule") {
            let known = Set(served.analysis.detectors.map(\.id)).union(served.analysis.findings.map(\.rule))
            guard known.contains(RuleID(rule)) else {
                throw .badParameter("rule '\(rule)' is not a rule of this portfolio; known: \(known.map(\.rawValue).sorted().joined(separator: ", ")).")
            }
            filter.rule = RuleID(rule)
        }
        if let severity = nonEmpty(parameters, "severity") {
            guard let value = Severity(rawValue: severity) else {
                throw .badParameter("severity must be \(Severity.allCases.map(\.rawValue).joined(separator: ", ")), not '\(severity)'.")
            }
            filter.severity = value
        }
        if let unit = nonEmpty(parameters, "unit") {
            guard let node = served.graph.node(withID: unit), served.graph.kind(of: node) == .unit else {
                throw .badParameter("unit '\(unit)' is not a business unit of this portfolio.")
            }
            filter.unit = node
        }
        filter.owner = nonEmpty(parameters, "owner")
        return filter
    }

    /// `offset` and `limit`, checked: whole numbers, offset 0 or more, limit 1 to ``maximumPageSize``.
    static func page(_ parameters: Parameters, defaultLimit: Int = 100) throws(ServeError) -> (offset: Int, limit: Int) {
        let offset = try wholeNumber(parameters, "offset", default: 0, in: 0...Int.max)
        let limit = try wholeNumber(parameters, "limit", default: defaultLimit, in: 1...maximumPageSize)
        return (offset, limit)
    }

    /// The node whose id is the path parameter `id` (percent-encoded in the path).
    static func node(_ encoded: String?, in served: ServedPortfolio) throws(ServeError) -> Int {
        guard let encoded, let id = encoded.removingPercentEncoding, !id.isEmpty else {
            throw .badParameter("The node id in the address is not valid percent-encoded text.")
        }
        guard let node = served.graph.node(withID: id) else {
            throw ServeError(status: 404, code: "unknown-node", "No node has the id '\(id)'.")
        }
        return node
    }

    /// The drawing `view`, `node`, `depth`, `direction` and `format` ask for.
    static func drawingRequest(_ parameters: Parameters, in served: ServedPortfolio) throws(ServeError) -> DrawingRequest {
        if let format = parameters.get("format"), format != "svg" { throw .badParameter("format must be svg, not '\(format)'.") }
        let offered = [DiagramView.focus] + DrawingRequest.pageViews
        guard let name = parameters.get("view"), let view = DiagramView(rawValue: name), offered.contains(view) else {
            throw .badParameter("view must be one of \(offered.map(\.rawValue).joined(separator: ", ")).")
        }
        guard view == .focus else {
            if parameters.get("node") != nil { throw .badParameter("node only applies to view=focus.") }
            return DrawingRequest(view: view)
        }
        guard let id = parameters.get("node"), !id.isEmpty else { throw .badParameter("view=focus needs node=ID.") }
        guard served.graph.node(withID: id) != nil else { throw ServeError(status: 404, code: "unknown-node", "No node has the id '\(id)'.") }
        let depth = try wholeNumber(parameters, "depth", default: 1, in: 0...DrawingRequest.deepestFocus)
        let direction = try parameters.get("direction").map { (text) throws(ServeError) in
            guard let direction = FocusDirection(rawValue: text) else {
                throw .badParameter("direction must be \(FocusDirection.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'.")
            }
            return direction
        } ?? .both
        return DrawingRequest(view: .focus, focus: Focus(nodeID: id, depth: depth, direction: direction))
    }

    private static func nonEmpty(_ parameters: Parameters, _ name: String) -> String? {
        parameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func wholeNumber(_ parameters: Parameters, _ name: String, default value: Int, in range: ClosedRange<Int>) throws(ServeError) -> Int {
        guard let text = parameters.get(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            let bounds = range.upperBound == Int.max ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
            throw .badParameter("\(name) must be a whole number \(bounds), not '\(text.prefix(40))'.")
        }
        return number
    }
}
