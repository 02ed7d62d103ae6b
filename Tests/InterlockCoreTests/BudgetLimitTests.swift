import InterlockCore
import Testing

/// Issue #16, item 1: a budget beyond what money can be is a located load error, not a trap
/// later in a sum or a conversion to an integer.
@Suite struct BudgetLimitTests {
    @Test(arguments: ["1e19", "1e308", "9223372036854775807", "5e18", "1000000000000001"])
    func aBudgetBeyondMoneyIsALocatedError(_ budget: String) {
        let text = "initiatives:\n  - id: a\n    budget: \(budget)\n"
        do {
            _ = try PortfolioLoader.load(text: text, file: "p.yaml")
            Issue.record("\(budget): expected a load error")
        } catch {
            #expect(error.description.hasPrefix("p.yaml:3:5: 'budget' must be at most 1,000,000,000,000,000 (10^15)"), "\(error)")
        }
    }

    @Test func theLargestBudgetLoads() throws {
        let portfolio = try PortfolioLoader.load(text: "initiatives:\n  - {id: a, budget: 1e15}\n", file: "p.yaml")
        #expect(portfolio.initiatives.first?.budget == Initiative.maximumBudget)
    }
}
