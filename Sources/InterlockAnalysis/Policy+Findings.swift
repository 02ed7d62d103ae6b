import InterlockCore

extension Detectors {
    /// The built-in detectors as the portfolio's policy sets them: the single point of failure
    /// with the policy's thresholds, and the check of the policy's exceptions against `today`.
    public static func builtIn(for policy: Policy, today: Day) -> [any Detector] {
        builtIn.map { detector -> any Detector in
            guard detector.id == .singlePointOfFailure, let thresholds = policy.singlePointOfFailure else { return detector }
            let standard = SinglePointOfFailure()
            return SinglePointOfFailure(
                minimumBlastRadius: thresholds.minimumBlastRadius ?? standard.minimumBlastRadius,
                minimumShare: thresholds.minimumShare ?? standard.minimumShare,
                smallPortfolioShare: thresholds.smallPortfolioShare ?? standard.smallPortfolioShare)
        } + [ExpiredPolicyException(today: today)]
    }
}

extension Policy {
    /// `findings` as the policy wants them, in report order: a finding an exception accepts (the
    /// same rule, every node the exception names among the finding's nodes, `until` today or
    /// later) is left out, so naming a single point of failure accepts it without listing its
    /// dependents; a rule set to
    /// another severity gets it, a rule set `off` is left out. An expired exception accepts
    /// nothing (``ExpiredPolicyException`` says so).
    ///
    /// - Parameter rules: the ids of the rules that exist (built-in and custom), which the
    ///   policy's settings and exceptions must name.
    /// - Throws: `LoadError` at the setting or exception that names a rule that does not exist.
    public func applied(to findings: [Finding], rules: Set<RuleID>, today: Day) throws(LoadError) -> [Finding] {
        let named = severities.map { ($0.rule, $0.location, "severity") } + exceptions.map { ($0.rule, $0.location, "exception") }
        for (rule, location, place) in named where !rules.contains(RuleID(rule)) {
            throw LoadError(
                "the policy's \(place) names the rule '\(rule)', which does not exist; the rules are: \(rules.sorted().map(\.rawValue).joined(separator: ", "))",
                at: location)
        }
        guard !severities.isEmpty || !exceptions.isEmpty else { return findings }
        let accepted = Dictionary(grouping: exceptions.filter { $0.until.map { !($0 < today) } ?? true }, by: \.rule)
            .mapValues { $0.map { Set($0.nodes) } }
        // The last setting of a rule wins, as a later file overrides an earlier one.
        let levels = Dictionary(severities.map { ($0.rule, $0.severity) }, uniquingKeysWith: { $1 })
        let kept = findings.compactMap { finding -> Finding? in
            if let named = accepted[finding.rule.rawValue], named.contains(where: { $0.isSubset(of: finding.nodes) }) { return nil }
            guard let setting = levels[finding.rule.rawValue] else { return finding }
            guard let level = setting else { return nil }
            var changed = finding
            changed.severity = level
            return changed
        }
        return levels.isEmpty ? kept : kept.sortedForReport()
    }
}
