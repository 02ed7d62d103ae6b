import InterlockCore
@testable import InterlockInterop
import Testing

/// The Backstage catalog importer on a hand-written catalog.
@Suite struct BackstageImportTests {
    let catalog = Fixtures.path("catalog-info.yaml")

    @Test func mapsKindsReferencesAndLifecycles() throws {
        let imported = try PortfolioImporter.importFiles([catalog], format: .backstage)
        let portfolio = imported.portfolio
        #expect(portfolio.initiatives.map(\.id) == ["payments", "checkout", "legacy-billing"])
        let payments = portfolio.initiatives[0], checkout = portfolio.initiatives[1], legacy = portfolio.initiatives[2]
        #expect(payments.name == "Payments platform")
        #expect(payments.capabilities == ["finance"])
        // A system cannot work without its components.
        #expect(payments.dependsOn == ["checkout"])
        #expect(checkout.status == .live)
        #expect(checkout.owner == "team-pay")
        #expect(checkout.dependsOn == ["ledger-db", "component:default/fraud-check", "fx-rates"])
        #expect(checkout.tags == ["pci"])
        #expect(checkout.location == SourceLocation(file: catalog, line: 11, column: 1))
        #expect(legacy.status == .live && legacy.tags == ["deprecated"])
        // Two users called guest in two namespaces are two people.
        #expect(portfolio.people.map(\.id) == ["user:default/guest", "user:development/guest"])
        #expect(legacy.owner == "user:development/guest")
        #expect(portfolio.dataSources.map(\.owner) == ["user:default/guest"])
        #expect(portfolio.teams.map(\.members) == [["user:default/guest"]])
        #expect(portfolio.technologies.map(\.id) == ["fx-rates"])
        #expect(imported.summary.skippedTypes == ["Location": 1])
        #expect(imported.summary.ignoredRelations == ["spec.owner of a Domain": 1, "spec.providesApis of a Component": 1])
        #expect(imported.summary.unresolved == ["'component:default/fraud-check' (\(catalog):21 (spec.dependsOn))"])
    }

    @Test func unresolvedReferencesBecomeDanglingReferences() throws {
        let imported = try PortfolioImporter.importFiles([catalog], format: .backstage)
        let graph = PortfolioGraph(imported.portfolio)
        #expect(graph.danglingReferences.map(\.target) == ["component:default/fraud-check"])
    }

    @Test func refsTakeDefaultKindAndTheEntitysNamespace() {
        #expect(BackstageRefs.ref("guest", kind: "user", namespace: "ops") == "user:ops/guest")
        #expect(BackstageRefs.ref("Group:hr/people", kind: "user", namespace: "ops") == "group:hr/people")
    }
}
