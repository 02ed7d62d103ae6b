import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    // MARK: - Changes since the baseline

    static func changes(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .unwrap(report.baseline) { comparison in
            let position = Dictionary(report.findings.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            func list(_ findings: [Finding], linked: Bool) -> Node<HTML.BodyContext> {
                findings.isEmpty ? .p(.plain(report.say(.none))) : .ul(.forEach(findings) { finding in
                    .li(
                        severityBadge(finding.severity, report), .text(" "),
                        .strong(.plain(shortName(finding, report))), .text(" "),
                        .if(linked, .unwrap(position[finding]) { findingLink(report, $0, report.say(.details)) })
                    )
                })
            }
            return .section(
                .id("changes"),
                .class("page-break"),
                .h2(.plain(report.say(.whatChanged))),
                .p(.class("answer"), .plain(report.text(
                    en: "\(report.number(comparison.new.count)) new, \(report.number(comparison.resolved.count)) resolved and \(report.number(comparison.persisting.count)) unchanged findings compared with the baseline.",
                    fr: "Par rapport à la version de référence : \(report.phrasing.count(comparison.new.count, "constat nouveau", "constats nouveaux")), \(report.phrasing.count(comparison.resolved.count, "résolu", "résolus")) et \(report.phrasing.count(comparison.persisting.count, "inchangé", "inchangés"))."))),
                .div(
                    .class("changes"),
                    .div(.h3(.plain(report.say(.new))), list(comparison.new, linked: true)),
                    .div(.h3(.plain(report.say(.resolved))), list(comparison.resolved, linked: false)),
                    .div(.h3(.plain(report.say(.unchanged))), list(comparison.persisting.map(\.new), linked: true))
                )
            )
        }
    }

    // MARK: - Glossary

    static func glossary(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .section(
            .id("glossary"),
            .h2(.plain(report.say(.sectionGlossary))),
            .p(.class("lead"), .plain(report.say(.glossaryLead))),
            .dl(
                .class("glossary"),
                .forEach(BoardGlossary.entries(for: report.ruleOrder.map { report.rules.wording(of: $0) })) { entry in
                    .group(.dt(.plain(entry.business[report.language])), .dd(.code(.plain(entry.technical[report.language]))),
                           .dd(.plain(entry.meaning[report.language])))
                }
            )
        )
    }

    // MARK: - The architects' appendix

    /// `appendix`: what the technical team needs and the board does not: every finding with its
    /// rule id, score and file location, the index of named items, how scores are made, and the
    /// fingerprint of the input files.
    static func appendix(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let counts = Dictionary(grouping: report.findings, by: \.rule).mapValues(\.count)
        return .section(
            .id("appendix"),
            .class("page-break appendix"),
            .p(.class("print-only"), .plain(report.say(.appendixPrintNote))),
            .h2(.plain(report.say(.appendixTitle))),
            .p(.class("lead"), .plain(report.say(.appendixLead))),
            .p(.plain(report.text(en: "Input: SHA-256 ", fr: "Fichiers d'entrée : SHA-256 ")), .code(.plain(report.inputHash)),
               .plain(report.text(en: " of the portfolio files, in load order.", fr: " des fichiers du portefeuille, dans l'ordre de chargement."))),
            .p(.plain(report.text(
                en: "Scores: up to 100 points per finding, 40 for an error, 20 for a warning or 5 for information, plus up to 40 for the share of the budget at stake and up to 20 for the share of initiatives reached; health is 100 minus the average risk of the active initiatives. The board's ranking adds \(Int(BoardReport.concernPoints)) points to loops, single points of failure, technology clashes and serious problems with personal data (docs/scoring.md).",
                fr: "Scores : jusqu'à 100 points par constat, soit 40 pour un problème grave, 20 pour un avertissement ou 5 pour une information, plus jusqu'à 40 selon la part du budget en jeu et jusqu'à 20 selon la part des initiatives touchées ; la santé vaut 100 moins le risque moyen des initiatives actives. Le classement présenté au conseil ajoute \(Int(BoardReport.concernPoints)) points aux boucles, aux points de défaillance uniques, aux incompatibilités technologiques et aux problèmes graves touchant des données personnelles (docs/scoring.md)."))),
            .h3(.id("findings"), .plain(report.say(.allFindings))),
            .if(report.findings.isEmpty, .p(.plain(report.say(.noFindings)))),
            .forEach(report.ruleOrder) { rule in
                .group(
                    .h4(.id("rule-" + Markup.node(rule.rawValue)), .plain(report.title(of: rule)), .text(" "), .code(.plain(rule.rawValue))),
                    .unwrap(report.shownByRule[rule]) { shown in
                        .if(shown.count < counts[rule] ?? 0, .p(.plain(report.text(
                            en: "Showing the \(report.number(shown.count)) highest-scoring of \(report.number(counts[rule] ?? 0)) findings; interlock check --format json lists them all.",
                            fr: "Seuls les \(report.number(shown.count)) constats au score le plus élevé sur \(report.number(counts[rule] ?? 0)) sont affichés ; interlock check --format json les liste tous."))))
                    },
                    findingTable(report, report.shownByRule[rule] ?? [])
                )
            },
            nodeIndex(report)
        )
    }

    private static func findingTable(_ report: BoardReport, _ indices: [Int]) -> Node<HTML.BodyContext> {
        .table(
            .thead(.tr(.th("#"), .th(.plain(report.say(.severity))), .th(.plain(report.say(.what))), .th(.plain(report.say(.involved))),
                       .th(.plain(report.say(.action))), .th(.plain(report.say(.location))), .th(.class("num"), .plain(report.say(.atStake))),
                       .th(.class("num"), .plain(report.say(.score))))),
            .tbody(.forEach(indices) { index in
                let finding = report.findings[index]
                return .tr(
                    .id(Markup.finding(index)),
                    .td(.class("num"), .text("\(index + 1)")),
                    .td(severityBadge(finding.severity, report)),
                    .td(.plain(report.message(of: finding))),
                    .td(involved(finding, report)),
                    .td(.plain(report.action(of: finding))),
                    .td(.code(.plain(finding.nodes(in: report.graph).first.map { report.graph.location(of: $0).description } ?? "–"))),
                    .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–")),
                    .td(.class("num score"), .text("\(Int(report.scores.findingScores[index].rounded()))"))
                )
            })
        )
    }

    /// The nodes a finding names, each linking to its entry in the index; long lists are cut.
    private static func involved(_ finding: Finding, _ report: BoardReport) -> Node<HTML.BodyContext> {
        let shown = finding.nodes.prefix(BoardReport.involvedShown)
        return .group(
            .forEach(Array(shown.enumerated())) { position, id in
                .group(.text(position == 0 ? "" : ", "), .a(.href(Markup.href(Markup.node(id))), .plain(report.name(of: id))))
            },
            .if(finding.nodes.count > shown.count, .plain(report.andMore(finding.nodes.count - shown.count)))
        )
    }

    /// Every item a finding names, with links to those findings: the target of the diagrams' nodes.
    private static func nodeIndex(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .div(
            .class("screen-only"),
            .h3(.id("index"), .plain(report.say(.indexOfItems))),
            .table(
                .thead(.tr(.th(.plain(report.say(.item))), .th(.plain(report.say(.kind))), .th(.plain(report.say(.id))), .th(.plain(report.say(.findings))))),
                .tbody(.forEach(report.findingsByNode()) { entry in
                    let kind = report.graph.node(withID: entry.id).map { report.phrasing.noun(report.graph.kind(of: $0)) } ?? report.say(.unknownID)
                    return .tr(
                        .id(Markup.node(entry.id)),
                        .td(.plain(report.name(of: entry.id))),
                        .td(.plain(kind)),
                        .td(.code(.plain(entry.id))),
                        .td(.forEach(Array(entry.findings.enumerated())) { position, index in
                            .group(.text(position == 0 ? "" : ", "), findingLink(report, index, "#\(index + 1)"))
                        })
                    )
                })
            )
        )
    }
}
