import InterlockAnalysis

/// The report's glossary: business words paired with the technical terms of the portfolio files,
/// in every board language. Terms a rule's findings use come with the rule
/// (`RuleWording.glossary`); these are the ones every page uses.
enum BoardGlossary {
    /// The general entries first, the terms of the given rules' wordings next (each once, in
    /// order), then the entries about reading the report itself.
    static func entries(for wordings: [RuleWording]) -> [GlossaryEntry] {
        portfolioTerms + wordings.flatMap(\.glossary).uniqued() + reportTerms
    }

    private static func entry(_ business: LocalizedText, _ technical: LocalizedText, _ meaning: LocalizedText) -> GlossaryEntry {
        GlossaryEntry(business: business, technical: technical, meaning: meaning)
    }

    /// What a portfolio is made of.
    private static let portfolioTerms: [GlossaryEntry] = [
        entry(
            LocalizedText(en: "Project, programme or product", fr: "Projet, programme ou produit"),
            LocalizedText(en: "initiative", fr: "initiative"),
            LocalizedText(
                en: "Something the organisation spends budget on to deliver a result; it has an owner, a business unit, dates and a status (idea, planned, in progress, live, retired).",
                fr: "Ce à quoi l'organisation consacre du budget pour obtenir un résultat ; elle a un responsable, une unité métier, des dates et un statut (idée, prévue, en cours, en service, retirée).")),
        entry(
            LocalizedText(en: "What the business can do", fr: "Ce que l'entreprise sait faire"),
            LocalizedText(en: "capability", fr: "capacité (capability)"),
            LocalizedText(
                en: "An ability such as \"online ordering\" or \"payroll\", independent of who builds it; two initiatives delivering one capability are a duplicate.",
                fr: "Une aptitude comme « la commande en ligne » ou « la paie », quel que soit qui la construit ; deux initiatives qui fournissent la même capacité font doublon.")),
        entry(
            LocalizedText(en: "Strategic goal", fr: "Objectif stratégique"),
            LocalizedText(en: "goal", fr: "objectif (goal)"),
            LocalizedText(en: "Part of the vision initiatives should serve.", fr: "Un élément de la vision que les initiatives doivent servir.")),
        entry(
            LocalizedText(en: "Business unit", fr: "Unité métier"),
            LocalizedText(en: "unit", fr: "unité (unit)"),
            LocalizedText(
                en: "A part of the organisation that runs initiatives and answers for their budget.",
                fr: "Une partie de l'organisation qui mène des initiatives et répond de leur budget.")),
        entry(
            LocalizedText(en: "System or store of business data", fr: "Système ou base de données métier"),
            LocalizedText(en: "data source", fr: "source de données (data source)"),
            LocalizedText(
                en: "A database or service holding data such as customer records; its domain (customer, product...) says what data it holds.",
                fr: "Une base ou un service qui détient des données, par exemple les fiches clients ; son domaine (client, produit…) dit de quelles données il s'agit.")),
        entry(
            LocalizedText(en: "Tools and platforms", fr: "Outils et plateformes"),
            LocalizedText(en: "technology, stack", fr: "technologie, socle technique (stack)"),
            LocalizedText(
                en: "Products, platforms and languages initiatives are built on; an initiative's stack is the set it uses.",
                fr: "Les produits, plateformes et langages sur lesquels reposent les initiatives ; le socle technique d'une initiative est l'ensemble de ceux qu'elle utilise.")),
        entry(
            LocalizedText(en: "Needs, cannot work without", fr: "A besoin de, ne peut fonctionner sans"),
            LocalizedText(en: "dependency (dependsOn)", fr: "dépendance (dependsOn)"),
            LocalizedText(
                en: "Initiative A depends on B when A cannot be delivered or run without B.",
                fr: "L'initiative A dépend de B quand A ne peut être livrée ni fonctionner sans B.")),
    ]

    /// Who answers for what, and how the report counts.
    private static let reportTerms: [GlossaryEntry] = [
        entry(
            LocalizedText(en: "Accountable person", fr: "Responsable"),
            LocalizedText(en: "owner", fr: "responsable (owner)"),
            LocalizedText(
                en: "The active person or team who answers for an initiative, data source or technology.",
                fr: "La personne ou l'équipe en activité qui répond d'une initiative, d'une source de données ou d'une technologie.")),
        entry(
            LocalizedText(en: "Problem found", fr: "Problème relevé"),
            LocalizedText(en: "finding, rule", fr: "constat, règle (finding, rule)"),
            LocalizedText(
                en: "One risk found by one check (rule); errors must be addressed, warnings should be, information is worth knowing.",
                fr: "Un risque relevé par un contrôle (une règle) ; les problèmes graves doivent être traités, les avertissements devraient l'être, les informations sont bonnes à savoir.")),
        entry(
            LocalizedText(en: "Risk score, health", fr: "Score de risque, santé"),
            LocalizedText(en: "score", fr: "score"),
            LocalizedText(
                en: "Points for how serious, how costly and how far-reaching a finding is; health is 100 minus the average risk of the initiatives; the appendix explains the points.",
                fr: "Des points selon la gravité, le coût et la portée d'un constat ; la santé vaut 100 moins le risque moyen des initiatives ; l'annexe détaille le calcul.")),
    ]
}
