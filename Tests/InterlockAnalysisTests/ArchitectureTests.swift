import Foundation
import Testing
@testable import InterlockAnalysis
import InterlockCore

/// The rules the codebase keeps so that a detector is one file and shared facts are computed once.
@Suite("Architecture")
struct ArchitectureTests {
    private static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardizedFileURL

    /// Every Swift file under `Sources/` with its path relative to it.
    private static func sourceFiles() throws -> [(path: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [(path: String, text: String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let path = String(url.standardizedFileURL.path.dropFirst(sources.path.count + 1))
            files.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test("no rule id is written as a string literal outside InterlockAnalysis")
    func ruleIDsAreTyped() throws {
        let files = try Self.sourceFiles().filter { !$0.path.hasPrefix("InterlockAnalysis/") }
        #expect(files.count > 50, "the sources were not found")
        var literals: [String] = []
        for file in files {
            for detector in Detectors.builtIn where file.text.contains("\"\(detector.id.rawValue)\"") {
                literals.append("\(file.path): \"\(detector.id.rawValue)\"")
            }
        }
        #expect(literals.isEmpty, "use the RuleID constants instead: \(literals)")
    }

    @Test("each built-in rule id is declared once, in its detector's file")
    func ruleIDsAreDeclaredWithTheirDetector() throws {
        let files = try Self.sourceFiles()
        for detector in Detectors.builtIn {
            let declaring = files.filter { $0.text.contains("RuleID(\"\(detector.id.rawValue)\")") }.map(\.path)
            #expect(declaring.count == 1 && declaring[0].hasPrefix("InterlockAnalysis/Detectors/"), "\(detector.id): \(declaring)")
        }
    }

    @Test("every detector supplies its board wording, in every language", arguments: BoardLanguage.allCases)
    func everyDetectorIsWorded(language: BoardLanguage) {
        var titles: Set<String> = []
        for detector in Detectors.builtIn {
            let wording = detector.wording
            let (title, why) = (wording.title[language], wording.whyItMatters[language])
            #expect(!title.isEmpty && !title.contains("-"), "\(detector.id): title \"\(title)\"")
            #expect(titles.insert(title).inserted, "\(detector.id): title \"\(title)\" is taken")
            #expect(why.count > 20 && why.hasSuffix("."), "\(detector.id): \(why)")
            #expect(!detector.summary.isEmpty)
            #expect(RuleCatalog().wording(of: detector.id) == wording)
            for entry in wording.glossary {
                let texts = [entry.business[language], entry.technical[language], entry.meaning[language]]
                #expect(texts.allSatisfy { !$0.isEmpty })
            }
            if language == .fr {
                #expect(title != wording.title.english || title == "Vision", "\(detector.id): French title left in English")
                #expect(why != wording.whyItMatters.english, "\(detector.id): French reason left in English")
            }
        }
        // Terms the findings use, such as blast radius, come with their rule.
        #expect(SinglePointOfFailure().wording.glossary.map(\.technical.english) == ["blast radius"])
        // A custom rule's title is the organisation's own, in every language.
        #expect(RuleCatalog().wording(of: "large-initiative-team-owned").title[language] == "Large initiative team owned")
    }

    @Test("the dependency SCCs are computed once per analysis, however many readers")
    func sharedFactsAreComputedOnce() throws {
        let acme = Self.sources.appendingPathComponent("../Samples/acme").standardizedFileURL.path
        let context = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(paths: [acme])))
        #expect(context.dependencyComponentComputations == 0, "nothing is computed before it is needed")
        let findings = Analyzer(context: context).findings
        #expect(findings.contains { $0.rule == .dependencyCycle } && findings.contains { $0.rule == .scheduleConflict }
                && findings.contains { $0.rule == .singlePointOfFailure }, "the three readers of the SCCs ran")
        _ = context.dependencyCycles
        #expect(context.dependencyComponentComputations == 1)
        // Nothing outside the context computes them on its own.
        let bypassing = try Self.sourceFiles().filter { file in
            !file.path.hasPrefix("InterlockCore/") && file.path != "InterlockAnalysis/Context/AnalysisContext.swift"
                && (file.text.contains("stronglyConnectedComponents(over:") || file.text.contains("cyclicComponents("))
        }
        #expect(bypassing.map(\.path) == [])
    }

    @Test("findings carry the node numbers of their graph, and fall back to ids for another graph")
    func findingsCarryNodeNumbers() throws {
        let graph = PortfolioGraph(try PortfolioLoader.load(text: "initiatives: [{id: a, dependsOn: [b]}, {id: b, dependsOn: [a]}]", file: "t.yaml"))
        let cycle = try #require(Analyzer.analyze(graph, only: [.dependencyCycle]).first)
        #expect(cycle.nodes == ["a", "b"] && cycle.nodeIndexes == [0, 1])
        let other = PortfolioGraph(try PortfolioLoader.load(text: "initiatives: [{id: z}, {id: b}, {id: a}]", file: "t.yaml"))
        #expect(cycle.nodes(in: other) == [2, 1])
        #expect(cycle == Finding(rule: .dependencyCycle, severity: cycle.severity, nodes: ["a", "b"], message: cycle.message,
                                 action: cycle.action, owners: cycle.owners, budgetAtStake: cycle.budgetAtStake))
    }
}
