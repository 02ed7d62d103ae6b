import Foundation
import Testing

/// Every money figure on the board page can be checked against `check --format json` (#10 item
/// 2): the JSON's `money` object holds them, the page states each one, and they add up.
@Suite("Board money from check --format json")
struct MoneyFiguresTests {
    @Test(arguments: [(150, 1), (400, 2), (400, 7)])
    func thePageStatesTheFiguresOfTheJSON(_ initiatives: Int, _ seed: Int) throws {
        let folder = try CommandRunner.temporaryFolder("interlock-money")
        defer { try? FileManager.default.removeItem(at: folder) }
        let portfolio = folder.appendingPathComponent("portfolio.json").path
        let generated = try CommandRunner.run(["generate", "--initiatives", "\(initiatives)", "--seed", "\(seed)", "-o", portfolio])
        #expect(generated.status == 0, "\(generated.standardError)")
        try expectPageStatesJSON(portfolio, in: folder)
    }

    @Test func theSampleToo() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-money")
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectPageStatesJSON("Samples/acme", in: folder)
    }

    private func expectPageStatesJSON(_ portfolio: String, in folder: URL) throws {
        let check = try CommandRunner.run(["check", portfolio, "--format", "json", "--fail-on", "never"])
        #expect(check.status == 0, "\(check.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
        let money = try #require(json["money"] as? [String: Any])
        let atRisk = try #require(money["budgetAtRisk"] as? [String: Any])
        let duplicated = try #require(money["duplicated"] as? [String: Any])
        let currency = money["currency"] as? String
        let figure = { (value: Any?) throws -> Double in try #require((value as? NSNumber)?.doubleValue) }

        let active = try figure(money["activeBudget"]), errors = try figure(atRisk["errors"])
        let warningsOnly = try figure(atRisk["warningsOnly"]), overlap = try figure(atRisk["overlap"])
        let duplicatedBudget = try figure(duplicated["budget"]), savings = try figure(duplicated["savings"])
        let byRule = try #require(atRisk["byRule"] as? [[String: Any]]).map { try figure($0["budget"]) }
        // They add up: each initiative counted once, the kinds' overlap stated, savings within.
        #expect(errors <= active && errors + warningsOnly <= active)
        #expect(savings <= duplicatedBudget && duplicatedBudget <= active)
        #expect(abs(byRule.reduce(0, +) - overlap - errors) < 0.5)

        let page = folder.appendingPathComponent("board.html").path
        let report = try CommandRunner.run(["report", portfolio, "--lang", "en", "-o", page])
        #expect(report.status == 0, "\(report.standardError)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        var stated = [active, errors, duplicatedBudget, savings] + byRule
        if warningsOnly > 0 { stated.append(warningsOnly) }
        if overlap > 0 { stated.append(overlap) }
        for amount in stated {
            #expect(html.contains(Self.written(amount, currency: currency)), "the page does not state \(Self.written(amount, currency: currency))")
        }
    }

    /// An amount as the English page writes it: "EUR 1,280,000".
    private static func written(_ amount: Double, currency: String?) -> String {
        let digits = String(Int(amount.rounded()))
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (currency.map { $0 + " " } ?? "") + String(grouped.reversed())
    }
}
