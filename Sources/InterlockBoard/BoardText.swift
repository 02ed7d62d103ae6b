import InterlockAnalysis
import InterlockCore

/// The board page's fixed words, in every board language: headings, labels, table headers and
/// the sentences that hold no figure. One `switch` gives each phrase its English and French, so
/// a phrase without either does not compile; `allCases` lets tests check the French page holds
/// none of the English. Sentences built from figures are written where the figures are, with
/// `BoardReport.text(en:fr:)`, which takes both languages too. Finding sentences come with the
/// detectors (`FindingExplanation`), rule titles and glossary terms with their `RuleWording`.
///
/// A Swift catalog rather than Foundation's `.strings` resources: the answers are functions of
/// the figures (French counts 0 as singular, elides articles), which `.strings` cannot express
/// without `.stringsdict`, whose Linux support is partial; and a resource bundle must sit next
/// to the executable, so a copied `interlock` binary would stop at the first report.
enum BoardPhrase: CaseIterable {
    case sectionSummary, sectionVision, sectionTechnology, sectionCustomerData, sectionSharing, sectionOwners
    case sectionResilience, sectionChanges, sectionScenario, sectionTrend, sectionGlossary, sectionAppendix
    case executiveSummary, portfolioHealth, budgetAtRisk, builtMoreThanOnce, problemsFound, healthGood, healthFair, healthPoor
    case fiveDecisions, fiveDecisionsLead, budgetAtRiskByKind, initiativesColumn, budgetColumn, totalCountedOnce
    case noDecisionNeeded, decisionColumn, whoMustAct, atStake, risk, whatToDo, details, noneFound
    case error, warning, information
    case visionQuestion, goal, initiativesServingIt, nobodyWorksTowardsGoal, initiativesServingNoGoal, initiative, businessUnit
    case technologyQuestion, endOfLifeCalendar, endOfLifeLead, supportEnds, technology, status, initiativesBuildingOnIt
    case lifecycleAdopt, lifecycleTrial, lifecycleAssess, lifecycleHold, lifecycleRetired
    case customerDataQuestion, dataSource, kindOfData, writtenBy, readBy, nobody, systemOfRecord
    case personalData, confidential, internalData, publicData, notClassified
    case sharingQuestion, capability, builtBy, couldSave, whoBuildsWhat, whoBuildsWhatLead, noBusinessUnit
    case unitsPlanTogether, unitsPlanTogetherLead, noUnitTies, units, dependencies, dataPassedOn, onOtherPlatforms, ties
    case ownersQuestion, who, risks, biggestFirst, nobodyAccountable, everythingOwned, item, why, mustNameOwner
    case noSponsor, whereMoneyAtRiskSits, heatMapLead
    case resilienceQuestion, waitingOnEachOther, singlePointsOfFailure, schedulesThatDoNotFit
    case moreDiagrams, whatChanged, new, resolved, unchanged, none
    case glossaryLead, appendixPrintNote, appendixTitle, appendixLead, allFindings, noFindings
    case severity, what, involved, action, location, score, indexOfItems, kind, id, findings, unknownID

    /// The phrase in `language`.
    func text(_ language: BoardLanguage) -> String {
        let words = self.words
        return LocalizedText(en: words.en, fr: words.fr)[language]
    }

    // Long, but flat: each line one phrase, English beside French.
    private var words: (en: String, fr: FrenchText) {
        switch self {
        case .sectionSummary: ("Summary", "Synthèse")
        case .sectionVision: ("Vision", "Vision")
        case .sectionTechnology: ("Technology", "Technologies")
        case .sectionCustomerData: ("Customer data", "Données clients")
        case .sectionSharing: ("Sharing", "Mutualisation")
        case .sectionOwners: ("Owners", "Responsables")
        case .sectionResilience: ("Resilience", "Résilience")
        case .sectionChanges: ("Since last time", "Depuis la dernière fois")
        case .sectionScenario: ("What if", "Et si")
        case .sectionTrend: ("Health over time", "La santé dans le temps")
        case .sectionGlossary: ("Glossary", "Glossaire")
        case .sectionAppendix: ("Appendix", "Annexe")
        case .executiveSummary: ("Executive summary", "Synthèse pour le conseil")
        case .portfolioHealth: ("Portfolio health", "Santé du portefeuille")
        case .budgetAtRisk: ("Budget at risk", "Budget exposé")
        case .builtMoreThanOnce: ("Built more than once", "Construit plusieurs fois")
        case .problemsFound: ("Problems found", "Problèmes relevés")
        case .healthGood: ("Good", "Bonne")
        case .healthFair: ("Needs attention", "À surveiller")
        case .healthPoor: ("Poor", "Mauvaise")
        case .fiveDecisions: ("Five decisions for the board", "Cinq décisions pour le conseil")
        case .fiveDecisionsLead:
            ("The five biggest risks and what to decide about each. Risks are ranked by severity, money and reach; a loop of initiatives, a single point of failure, a technology clash or a serious problem with personal data comes before any other risk of the same size.",
             "Les cinq risques les plus importants, et ce qu'il faut décider pour chacun. Les risques sont classés par gravité, montant et portée ; à taille égale, une boucle d'initiatives, un point de défaillance unique, une incompatibilité technologique ou un problème grave touchant des données personnelles passe avant tout autre risque.")
        case .budgetAtRiskByKind: ("Budget at risk, by kind of problem", "Budget exposé, par type de problème")
        case .initiativesColumn: ("Initiatives", "Initiatives")
        case .budgetColumn: ("Budget", "Budget")
        case .totalCountedOnce: ("Total, each initiative counted once", "Total, chaque initiative comptée une seule fois")
        case .noDecisionNeeded: ("No decision needed: no risk found.", "Aucune décision à prendre : aucun risque relevé.")
        case .decisionColumn: ("Decision", "Décision")
        case .whoMustAct: ("Who must act", "Qui doit agir")
        case .atStake: ("At stake", "En jeu")
        case .risk: ("Risk", "Risque")
        case .whatToDo: ("What to do", "Que faire")
        case .details: ("Details", "Détails")
        case .noneFound: ("None found.", "Aucun.")
        case .error: ("Error", "Grave")
        case .warning: ("Warning", "Attention")
        case .information: ("Information", "Pour information")
        case .visionQuestion: ("How does each initiative serve our vision?", "Comment chaque initiative sert-elle notre vision ?")
        case .goal: ("Goal", "Objectif")
        case .initiativesServingIt: ("Initiatives serving it", "Initiatives qui y contribuent")
        case .nobodyWorksTowardsGoal: ("None: nobody works towards this goal.", "Aucune : personne ne travaille à cet objectif.")
        case .initiativesServingNoGoal: ("Initiatives serving no goal", "Initiatives qui ne servent aucun objectif")
        case .initiative: ("Initiative", "Initiative")
        case .businessUnit: ("Business unit", "Unité métier")
        case .technologyQuestion: ("Must these tools work together, and can they?", "Ces outils doivent-ils fonctionner ensemble, et le peuvent-ils ?")
        case .endOfLifeCalendar: ("End-of-life calendar", "Calendrier des fins de vie")
        case .endOfLifeLead:
            ("Technologies whose support ends, or that the organisation has put on hold or retired, and the initiatives still building on them.",
             "Les technologies dont le support prend fin, ou que l'organisation a gelées ou retirées, et les initiatives qui reposent encore sur elles.")
        case .supportEnds: ("Support ends", "Fin du support")
        case .technology: ("Technology", "Technologie")
        case .status: ("Status", "Statut")
        case .initiativesBuildingOnIt: ("Initiatives building on it", "Initiatives qui en dépendent")
        case .lifecycleAdopt: ("standard", "standard")
        case .lifecycleTrial: ("on trial", "à l'essai")
        case .lifecycleAssess: ("being assessed", "en cours d'évaluation")
        case .lifecycleHold: ("on hold: no new use", "gelée : aucun nouvel usage")
        case .lifecycleRetired: ("retired", "retirée")
        case .customerDataQuestion: ("How will customer data be integrated?", "Comment les données clients seront-elles intégrées ?")
        case .dataSource: ("Data source", "Source de données")
        case .kindOfData: ("Kind of data", "Nature des données")
        case .writtenBy: ("Written by", "Alimentée par")
        case .readBy: ("Read by", "Lue par")
        case .nobody: ("nobody", "personne")
        case .systemOfRecord: ("system of record", "source de référence")
        case .personalData: ("personal data", "données personnelles")
        case .confidential: ("confidential", "confidentielles")
        case .internalData: ("internal", "internes")
        case .publicData: ("public", "publiques")
        case .notClassified: ("not classified", "non classées")
        case .sharingQuestion: ("Can we share or coordinate resources?", "Pouvons-nous mutualiser ou coordonner nos moyens ?")
        case .capability: ("Capability", "Capacité")
        case .builtBy: ("Built by (business unit)", "Construite par (unité métier)")
        case .couldSave: ("Could save", "Économie possible")
        case .whoBuildsWhat: ("Who builds what", "Qui construit quoi")
        case .whoBuildsWhatLead:
            ("Active initiatives per capability and business unit. A row with more than one is built more than once; across columns, by units that may not know it.",
             "Initiatives actives par capacité et par unité métier. Une ligne qui en compte plus d'une est construite plusieurs fois ; sur plusieurs colonnes, par des unités qui l'ignorent peut-être.")
        case .noBusinessUnit: ("No business unit", "Sans unité métier")
        case .unitsPlanTogether: ("Which units must plan together", "Quelles unités doivent planifier ensemble")
        case .unitsPlanTogetherLead:
            ("Pairs of business units whose initiatives depend on each other, pass data from one to the other, or build on a platform or data source the other unit runs.",
             "Les paires d'unités métier dont les initiatives dépendent les unes des autres, se transmettent des données, ou reposent sur une plateforme ou une source de données que l'autre unité exploite.")
        case .noUnitTies:
            ("No initiative depends on, or passes data to, another unit's initiative.",
             "Aucune initiative ne dépend d'une initiative d'une autre unité, ni ne lui transmet de données.")
        case .units: ("Units", "Unités")
        case .dependencies: ("Dependencies", "Dépendances")
        case .dataPassedOn: ("Data passed on", "Données transmises")
        case .onOtherPlatforms: ("On the other's platforms", "Sur les plateformes de l'autre")
        case .ties: ("Ties", "Liens")
        case .ownersQuestion: ("Who owns it?", "Qui en est responsable ?")
        case .who: ("Who", "Qui")
        case .risks: ("Risks", "Risques")
        case .biggestFirst: ("Biggest first", "Les plus importants d'abord")
        case .nobodyAccountable: ("Nobody accountable", "Sans responsable")
        case .everythingOwned: ("Everything has an active owner.", "Tout a un responsable en activité.")
        case .item: ("Item", "Élément")
        case .why: ("Why", "Pourquoi")
        case .mustNameOwner: ("Must name an owner", "Doit désigner un responsable")
        case .noSponsor: ("Nobody: the portfolio names no sponsor", "Personne : le portefeuille ne désigne aucun commanditaire")
        case .whereMoneyAtRiskSits: ("Where the money at risk sits", "Où se trouve le budget exposé")
        case .heatMapLead:
            ("Budget at risk per business unit and kind of problem, each initiative counted once per cell. Darker is more money.",
             "Budget exposé par unité métier et par type de problème, chaque initiative comptée une fois par case. Plus la case est foncée, plus le montant est élevé.")
        case .resilienceQuestion: ("What breaks if something slips or fails?", "Que se passe-t-il si quelque chose dérape ou tombe en panne ?")
        case .waitingOnEachOther: ("Initiatives waiting on each other", "Initiatives qui s'attendent mutuellement")
        case .singlePointsOfFailure: ("Single points of failure", "Points de défaillance uniques")
        case .schedulesThatDoNotFit: ("Schedules that do not fit", "Calendriers incompatibles")
        case .moreDiagrams: ("More diagrams", "Autres schémas")
        case .whatChanged: ("What changed since last time", "Ce qui a changé depuis la dernière fois")
        case .new: ("New", "Nouveaux")
        case .resolved: ("Resolved", "Résolus")
        case .unchanged: ("Unchanged", "Inchangés")
        case .none: ("None.", "Aucun.")
        case .glossaryLead:
            ("The business words used in this report and the technical terms the portfolio files and the technical team use.",
             "Les mots métier employés dans ce rapport, et les termes techniques qu'emploient les fichiers du portefeuille et l'équipe technique.")
        case .appendixPrintNote:
            ("The appendix for the technical team (every finding with its rule id, score and location, and the index of named items) is in the HTML page.",
             "L'annexe destinée à l'équipe technique (chaque constat avec sa règle, son score et son emplacement, et l'index des éléments cités) figure dans la page HTML.")
        case .appendixTitle: ("Appendix for the architects", "Annexe pour les architectes")
        case .appendixLead:
            ("Every finding with its rule id, score and where its first item is defined; the index of named items; and the input this page was made from.",
             "Chaque constat avec l'identifiant de sa règle, son score et l'endroit où son premier élément est défini ; l'index des éléments cités ; et les fichiers dont cette page est issue.")
        case .allFindings: ("All findings, by kind", "Tous les constats, par type")
        case .noFindings: ("No findings: every check passed.", "Aucun constat : tous les contrôles sont passés.")
        case .severity: ("Severity", "Gravité")
        case .what: ("What", "Constat")
        case .involved: ("Involved", "Éléments concernés")
        case .action: ("Action", "Action")
        case .location: ("Where", "Emplacement")
        case .score: ("Score", "Score")
        case .indexOfItems: ("Index of named items", "Index des éléments cités")
        case .kind: ("Kind", "Type")
        case .id: ("Id", "Identifiant")
        case .findings: ("Findings", "Constats")
        case .unknownID: ("unknown id", "identifiant inconnu")
        }
    }
}

extension BoardReport {
    /// A fixed phrase of the page in the report's language.
    func say(_ phrase: BoardPhrase) -> String { phrase.text(language) }

    /// " and 4 more" / " et 4 autres", after a cut list.
    func andMore(_ count: Int) -> String { text(en: " and \(number(count)) more", fr: " et \(number(count)) autres") }

    /// A sentence in the report's language; both are required, only the one shown is built.
    func text(en english: @autoclosure () -> String, fr french: @autoclosure () -> FrenchText) -> String {
        phrasing.text(en: english(), fr: french())
    }
}
