import ArgumentParser
import InterlockQuery

/// The bounds of each custom rule's run, as options of the commands that run rules.
struct RuleLimitOptions: ParsableArguments {
    @Option(name: .customLong("rule-timeout"), help: ArgumentHelp(
        "Stop a custom rule's query after this many seconds (the rule then reports one error finding).", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: .customLong("rule-max-findings"), help: ArgumentHelp(
        "The most findings one custom rule may report.", valueName: "n"))
    var maximumFindings = QueryRule.Limits.standard.maximumFindings

    @Option(name: .customLong("rule-max-value-size"), help: ArgumentHelp(
        "The most elements a list, or UTF-8 bytes a string, built by a custom rule may have.", valueName: "n"))
    var maximumValueSize = QueryRule.Limits.standard.query.maximumValueSize

    @Option(name: .customLong("rule-max-held"), help: ArgumentHelp(
        "The most values a custom rule may hold at once (rows kept by ORDER BY, DISTINCT, aggregation, collect()).",
        valueName: "n"))
    var maximumHeldValues = QueryRule.Limits.standard.query.maximumHeldValues

    func validate() throws {
        // `Duration` from a Double traps past Int64 nanoseconds: refuse `inf` and `1e300` here.
        guard timeout > 0, timeout <= 604_800 else {
            throw ValidationError("--rule-timeout must be a number of seconds above 0 and at most 604800 (a week).")
        }
        guard maximumFindings > 0, maximumValueSize > 0, maximumHeldValues > 0 else {
            throw ValidationError("--rule-max-findings, --rule-max-value-size and --rule-max-held must be positive numbers.")
        }
    }

    /// The limits the options describe.
    var limits: QueryRule.Limits {
        var limits = QueryRule.Limits.standard
        limits.query.timeout = .milliseconds(Int((timeout * 1000).rounded(.up)))
        limits.query.maximumValueSize = maximumValueSize
        limits.query.maximumHeldValues = maximumHeldValues
        limits.maximumFindings = maximumFindings
        return limits
    }
}
