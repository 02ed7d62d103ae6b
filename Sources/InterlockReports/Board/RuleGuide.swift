import InterlockAnalysis

/// Business words for rule ids and for the technical terms a report uses, so a board member can
/// read every page without knowing the portfolio format.
enum RuleGuide {
    /// A short title in business language for a rule id; a custom rule's id is turned into words
    /// (`large-initiative-team-owned` → "Large initiative team owned").
    static func title(of rule: String) -> String {
        switch rule {
        case "dependency-cycle": "Initiatives waiting on each other"
        case "duplicated-capability": "The same thing built twice"
        case "incompatible-stack": "Technologies that clash"
        case "obsolete-technology": "Outdated technology"
        case "version-conflict": "Mismatched versions"
        case "unowned-initiative": "Initiatives nobody owns"
        case "unowned-data-source": "Data nobody owns"
        case "unowned-technology": "Technology nobody owns"
        case "dangling-reference": "Broken references in the records"
        case "data-silo": "Data kept in silos"
        case "single-point-of-failure": "Single points of failure"
        case "unaligned-initiative": "Initiatives serving no goal"
        case "schedule-conflict": "Schedules that do not fit"
        default: rule.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ").capitalizedFirst
        }
    }

    /// Why a rule matters, in one sentence for the board.
    static func whyItMatters(_ rule: String) -> String {
        switch rule {
        case "dependency-cycle": "None of these initiatives can finish first, so all of them slip together."
        case "duplicated-capability": "Paying twice for one capability, and ending with two systems to run and reconcile."
        case "incompatible-stack": "Systems that must work together are built on technologies that do not, so integration costs and delays follow."
        case "obsolete-technology": "Building on technology that is losing support means paying again soon, or running unsupported."
        case "version-conflict": "Linked systems on different versions break at upgrades and interfaces."
        case "unowned-initiative": "Money is spent without anybody accountable for the result."
        case "unowned-data-source": "Nobody answers for the quality of this data or for who may use it."
        case "unowned-technology": "Nobody answers for licences, upgrades and support of this technology."
        case "dangling-reference": "The records point at things that do not exist, so the picture is incomplete."
        case "data-silo": "The same business data lives in several places that never talk to each other: several versions of the truth."
        case "single-point-of-failure": "If this one thing fails, many initiatives stop at once."
        case "unaligned-initiative": "Budget goes to work that serves none of the organisation's goals."
        case "schedule-conflict": "An initiative is planned to start before something it needs is delivered."
        default: "A rule defined by the organisation itself."
        }
    }

    /// Pairs of business words and the technical terms of the portfolio files and reports.
    static let glossary: [(business: String, technical: String, meaning: String)] = [
        ("Project, programme or product", "initiative",
         "Something the organisation spends budget on to deliver a result; it has an owner, a business unit, dates and a status (idea, planned, in progress, live, retired)."),
        ("What the business can do", "capability",
         "An ability such as \"online ordering\" or \"payroll\", independent of who builds it; two initiatives delivering one capability are a duplicate."),
        ("Strategic goal", "goal", "Part of the vision initiatives should serve."),
        ("Business unit", "unit", "A part of the organisation that runs initiatives and answers for their budget."),
        ("System or store of business data", "data source",
         "A database or service holding data such as customer records; its domain (customer, product...) says what data it holds."),
        ("Tools and platforms", "technology, stack",
         "Products, platforms and languages initiatives are built on; an initiative's stack is the set it uses."),
        ("Needs, cannot work without", "dependency (dependsOn)",
         "Initiative A depends on B when A cannot be delivered or run without B."),
        ("Everything that stops if it fails", "blast radius",
         "The initiatives that depend on a thing directly or through other initiatives."),
        ("Initiatives waiting on each other", "cycle, strongly connected component (SCC)",
         "A loop of dependencies (A needs B, B needs C, C needs A); the SCC is the whole knot of such initiatives."),
        ("Accountable person", "owner",
         "The active person or team who answers for an initiative, data source or technology."),
        ("Problem found", "finding, rule",
         "One risk found by one check (rule); errors must be addressed, warnings should be, information is worth knowing."),
        ("Risk score, health", "score",
         "Points for how serious, how costly and how far-reaching a finding is; health is 100 minus the average risk of the initiatives (docs/scoring.md)."),
    ]
}
