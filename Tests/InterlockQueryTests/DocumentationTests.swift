import Foundation
import InterlockAnalysis
import InterlockCore
@testable import InterlockQuery
import Testing

/// Runs every example of docs/queries.md against Samples/acme and compares with the rows and
/// findings the document shows. `UPDATE_DOCS=1 swift test --filter DocumentationTests`
/// rewrites the shown results after a deliberate change (review the diff).
@Suite(.serialized) struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let documentURL = root.appendingPathComponent("docs/queries.md")
    static let acme = root.appendingPathComponent("Samples/acme").path

    /// A fenced block of the document: its language, its first and last content lines.
    struct Block {
        var language: String
        var lines: Range<Int>
    }

    static func blocks(in lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var open: (String, Int)?
        for (index, line) in lines.enumerated() where line.hasPrefix("```") {
            if let (language, start) = open {
                blocks.append(Block(language: language, lines: start..<index))
                open = nil
            } else {
                open = (String(line.dropFirst(3)), index + 1)
            }
        }
        return blocks
    }

    /// Pairs of (source block, result block) where a block of `source` is directly followed by one of `result`.
    static func examples(_ blocks: [Block], source: String, result: String) -> [(Block, Block)] {
        zip(blocks, blocks.dropFirst()).filter { $0.language == source && $1.language == result }
    }

    static func text(_ block: Block, _ lines: [String]) -> String {
        lines[block.lines].joined(separator: "\n")
    }

    static let graph: PortfolioGraph = {
        // A load failure shows as failing examples with the message.
        (try? PortfolioLoader.load(paths: [acme])).map(PortfolioGraph.init) ?? PortfolioGraph(Portfolio())
    }()

    /// The table a query gives on Samples/acme, or its error.
    static func table(for query: String) -> String {
        let engine = QueryEngine(portfolio: graph)
        do {
            return ResultFormatter(graph: engine.graph).table(try engine.run(query)).trimmingCharacters(in: .newlines)
        } catch {
            return error.rendered(in: query)
        }
    }

    /// The findings the rules of a YAML block give on Samples/acme, one line each.
    static func findings(for yaml: String) -> String {
        do {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-doc-\(UUID().uuidString).yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let portfolio = try PortfolioLoader.load(paths: [acme, file.path])
            let sampleRules = Set(graph.portfolio.rules.map { RuleID($0.id) })
            var lines: [String] = []
            for rule in try QueryRule.all(in: portfolio) where !sampleRules.contains(rule.id) {
                for finding in try rule.findings(on: graph) {
                    lines.append("\(finding.severity.rawValue) \(finding.rule) [\(finding.nodes.joined(separator: ", "))]: \(finding.message)")
                }
            }
            return lines.joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    @Test func examplesGiveTheRowsShown() throws {
        var lines = try String(contentsOf: Self.documentURL, encoding: .utf8).components(separatedBy: "\n")
        let blocks = Self.blocks(in: lines)
        let queries = Self.examples(blocks, source: "cypher", result: "text")
        let rules = Self.examples(blocks, source: "yaml", result: "findings")
        #expect(queries.count >= 20, "the document promises twenty questions")
        #expect(rules.count >= 5, "the document promises five rules")
        var replacements: [(Range<Int>, String)] = []
        for (source, result) in queries {
            let actual = Self.table(for: Self.text(source, lines))
            #expect(!actual.contains("error:"), "\(actual)")
            #expect(!actual.hasSuffix("(0 rows)"), "an example should show rows:\n\(Self.text(source, lines))")
            replacements.append((result.lines, actual))
        }
        for (source, result) in rules {
            let actual = Self.findings(for: Self.text(source, lines))
            #expect(!actual.isEmpty, "a rule example should find something:\n\(Self.text(source, lines))")
            replacements.append((result.lines, actual))
        }
        if ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            for (range, text) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
                lines.replaceSubrange(range, with: text.components(separatedBy: "\n"))
            }
            try lines.joined(separator: "\n").write(to: Self.documentURL, atomically: true, encoding: .utf8)
            return
        }
        for (range, expected) in replacements {
            #expect(lines[range].joined(separator: "\n") == expected, "docs/queries.md line \(range.lowerBound)")
        }
    }
}
