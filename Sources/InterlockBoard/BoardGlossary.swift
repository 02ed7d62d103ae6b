import InterlockAnalysis

/// The report's glossary: business words paired with the technical terms of the portfolio files.
/// Terms a rule's findings use come with the rule (`RuleWording.glossary`); these are the ones
/// every page uses.
enum BoardGlossary {
    /// The general entries first, the terms of the given rules' wordings next (each once, in
    /// order), then the entries about reading the report itself.
    static func entries(for wordings: [RuleWording]) -> [GlossaryEntry] {
        portfolioTerms + wordings.flatMap(\.glossary).uniqued() + reportTerms
    }

    /// What a portfolio is made of.
    private static let portfolioTerms: [GlossaryEntry] = [
        GlossaryEntry(
            business: "Project, programme or product", technical: "initiative",
            meaning: "Something the organisation spends budget on to deliver a result; it has an owner, a business unit, dates and a status (idea, planned, in progress, live, retired)."),
        GlossaryEntry(
            business: "What the business can do", technical: "capability",
            meaning: "An ability such as \"online ordering\" or \"payroll\", independent of who builds it; two initiatives delivering one capability are a duplicate."),
        GlossaryEntry(
            business: "Strategic goal", technical: "goal",
            meaning: "Part of the vision initiatives should serve."),
        GlossaryEntry(
            business: "Business unit", technical: "unit",
            meaning: "A part of the organisation that runs initiatives and answers for their budget."),
        GlossaryEntry(
            business: "System or store of business data", technical: "data source",
            meaning: "A database or service holding data such as customer records; its domain (customer, product...) says what data it holds."),
        GlossaryEntry(
            business: "Tools and platforms", technical: "technology, stack",
            meaning: "Products, platforms and languages initiatives are built on; an initiative's stack is the set it uses."),
        GlossaryEntry(
            business: "Needs, cannot work without", technical: "dependency (dependsOn)",
            meaning: "Initiative A depends on B when A cannot be delivered or run without B."),
    ]

    /// Who answers for what, and how the report counts.
    private static let reportTerms: [GlossaryEntry] = [
        GlossaryEntry(
            business: "Accountable person", technical: "owner",
            meaning: "The active person or team who answers for an initiative, data source or technology."),
        GlossaryEntry(
            business: "Problem found", technical: "finding, rule",
            meaning: "One risk found by one check (rule); errors must be addressed, warnings should be, information is worth knowing."),
        GlossaryEntry(
            business: "Risk score, health", technical: "score",
            meaning: "Points for how serious, how costly and how far-reaching a finding is; health is 100 minus the average risk of the initiatives; the appendix explains the points."),
    ]
}
