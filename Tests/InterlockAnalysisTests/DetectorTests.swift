import Testing
import InterlockAnalysis
import InterlockCore

@Suite("Detectors")
struct DetectorTests {
    @Test func dependencyCycles() throws {
        let yaml = """
        currency: EUR
        people: [{id: ann}, {id: bob, active: false}]
        initiatives:
          - {id: app, name: Tracking app, owner: ann, budget: 100, dependsOn: [platform]}
          - {id: platform, name: Platform, owner: bob, budget: 200, dependsOn: [scheduler]}
          - {id: scheduler, name: Scheduler, budget: 50, dependsOn: [app, platform]}
          - {id: self, name: Narcissus, dependsOn: [self]}
          - {id: dag-a, dependsOn: [dag-b]}
          - {id: dag-b, dependsOn: [dag-c]}
          - {id: dag-c}
        """
        let found = try findings(of: DependencyCycle(), in: yaml)
        #expect(found.map(Summary.init) == [
            Summary(.error, ["platform", "scheduler", "app"]),
            Summary(.error, ["self"]),
        ])
        // platform <-> scheduler is a 2-cycle, shorter than the 3-cycle through app.
        let knot = try #require(found.first)
        #expect(knot.message == "2 initiatives depend on each other in a loop, so none can be delivered first: Platform → Scheduler → Platform (1 more initiatives are caught in the same knot).")
        #expect(knot.budgetAtStake == 350)
        #expect(knot.owners == ["ann"])
        #expect(found[1].message == "Initiative \"Narcissus\" depends on itself, so it can never be declared ready.")
    }

    @Test func cycleOrderFollowsTheCycle() throws {
        let yaml = """
        initiatives:
          - {id: c, dependsOn: [a]}
          - {id: a, dependsOn: [b]}
          - {id: b, dependsOn: [c]}
        """
        #expect(try summaries(of: DependencyCycle(), in: yaml) == [Summary(.error, ["a", "b", "c"])])
    }

    @Test func duplicatedCapabilities() throws {
        let yaml = """
        currency: EUR
        units: [{id: sales}, {id: service}]
        people: [{id: ann}]
        capabilities: [{id: chatbot, name: Chatbot}, {id: crm}, {id: billing}, {id: hr}]
        initiatives:
          - {id: bot-sales, unit: sales, owner: ann, capabilities: [chatbot], budget: 400000, start: 2026-01-01, end: 2026-09-30}
          - {id: bot-service, unit: service, capabilities: [chatbot], budget: 250000, start: 2026-06-01, end: 2026-12-31}
          - {id: crm-1, unit: sales, capabilities: [crm], start: 2026-01-01, end: 2026-03-31}
          - {id: crm-2, unit: sales, capabilities: [crm], start: 2026-01-01, end: 2026-03-31}
          - {id: bill-1, unit: sales, capabilities: [billing], start: 2026-01-01, end: 2026-03-31}
          - {id: bill-2, unit: service, capabilities: [billing], start: 2026-04-01, end: 2026-06-30}
          - {id: hr-new, capabilities: [hr]}
          - {id: hr-old, capabilities: [hr], status: retired}
        """
        let found = try findings(of: DuplicatedCapability(), in: yaml)
        #expect(found.map(Summary.init) == [
            Summary(.error, ["chatbot", "bot-sales", "bot-service"]),
            Summary(.warning, ["billing", "bill-1", "bill-2"]),
            Summary(.warning, ["crm", "crm-1", "crm-2"]),
        ])
        let chatbot = try #require(found.first)
        #expect(chatbot.budgetAtStake == 650_000)
        #expect(chatbot.message == "Capability \"Chatbot\" is being built 2 times: \"bot-sales\" and \"bot-service\" in 2 business units (\"sales\" and \"service\"), at the same time; together EUR 650,000.")
        #expect(chatbot.action == "Pick one initiative to deliver \"Chatbot\" for everyone and merge or stop the others; consolidating could save up to EUR 250,000.")
        #expect(chatbot.owners == ["ann"])
    }

    @Test func incompatibleStacks() throws {
        let yaml = """
        technologies:
          - {id: oracle, incompatibleWith: [postgres]}
          - {id: postgres}
          - {id: sqlserver}
          - {id: salesforce, category: crm-platform}
          - {id: dynamics, category: crm-platform}
          - {id: java}
        policy:
          incompatible: [[sqlserver, oracle]]
          exclusiveCategories: [crm-platform]
        dataSources: [{id: ledger}, {id: quiet}]
        initiatives:
          - {id: mixed, technologies: [oracle, postgres, java]}
          - {id: front, technologies: [salesforce], dependsOn: [back]}
          - {id: back, technologies: [dynamics]}
          - {id: writer, technologies: [sqlserver], data: [{source: ledger, access: write}]}
          - {id: reader, technologies: [oracle], data: [{source: ledger, access: read}]}
          - {id: clean-1, technologies: [java], dependsOn: [clean-2]}
          - {id: clean-2, technologies: [postgres]}
          - {id: old, status: retired, technologies: [oracle, postgres]}
          - {id: via-dependency, dependsOn: [oracle, postgres]}
        """
        let found = try findings(of: IncompatibleStack(), in: yaml)
        #expect(found.map(Summary.init) == [
            Summary(.error, ["front", "back", "salesforce", "dynamics"]),
            Summary(.error, ["ledger", "sqlserver", "oracle", "writer", "reader"]),
            Summary(.error, ["mixed", "oracle", "postgres"]),
            Summary(.error, ["via-dependency", "oracle", "postgres"]),
            Summary(.warning, ["salesforce", "dynamics"]),
        ])
        #expect(found[0].message == "\"front\" runs on \"salesforce\" but depends on \"back\", which runs on \"dynamics\"; the two are both crm-platform, a category the policy allows only once.")
        #expect(found[1].message == "\"writer\" writes \"ledger\" with \"sqlserver\" while \"reader\" reads it with \"oracle\"; the two are declared incompatible.")
        #expect(found[4].message == "The policy allows one crm-platform technology, but the portfolio uses 2: \"salesforce\" (1 initiative) and \"dynamics\" (1 initiative).")
    }

    @Test func obsoleteTechnologies() throws {
        let yaml = """
        technologies:
          - {id: angular, lifecycle: retired}
          - {id: ecc, lifecycle: hold, endOfLife: 2027-12-31}
          - {id: sharepoint, endOfLife: 2026-07-14}
          - {id: java, lifecycle: adopt, endOfLife: 2030-01-01}
          - {id: flash, lifecycle: hold}
        initiatives:
          - {id: portal, status: live, technologies: [angular]}
          - {id: tax, status: planned, end: 2028-03-31, technologies: [ecc]}
          - {id: files, status: in-progress, end: 2027-04-30, technologies: [sharepoint, java]}
          - {id: ends-before, status: planned, end: 2026-06-30, technologies: [sharepoint]}
          - {id: just-an-idea, status: idea, technologies: [angular]}
          - {id: gone, status: retired, technologies: [angular]}
          - {id: hold-only, technologies: [flash]}
        """
        let found = try findings(of: ObsoleteTechnology(), in: yaml)
        #expect(found.map(Summary.init) == [
            Summary(.error, ["files", "sharepoint"]),
            Summary(.error, ["portal", "angular"]),
            Summary(.error, ["tax", "ecc"]),
            Summary(.warning, ["hold-only", "flash"]),
        ])
        #expect(found[2].message == "Initiative \"tax\" builds on \"ecc\", which is on hold for new work and loses support on 2027-12-31, before the initiative ends on 2028-03-31.")
    }

    @Test func versionConflicts() throws {
        let yaml = """
        technologies: [{id: java, name: Java}, {id: node}]
        dataSources: [{id: billing-db}, {id: events}]
        initiatives:
          - {id: einvoice, technologies: [java@17], dependsOn: [billing], data: [{source: billing-db}]}
          - {id: billing, technologies: [java@11.0.2], data: [{source: billing-db, access: write}]}
          - {id: same, technologies: [java@17.1], dependsOn: [einvoice]}
          - {id: producer, technologies: [node@20], data: [{source: events, access: write}]}
          - {id: consumer-a, technologies: [node@18], data: [{source: events}]}
          - {id: consumer-b, technologies: [node@20.3], data: [{source: events}]}
          - {id: unversioned, technologies: [java], dependsOn: [billing]}
        """
        let found = try findings(of: VersionConflict(), in: yaml)
        #expect(found.map(Summary.init) == [
            Summary(.warning, ["einvoice", "billing", "java"]),
            Summary(.warning, ["events", "node", "consumer-a", "producer", "consumer-b"]),
        ])
        #expect(found[0].message == "\"einvoice\" uses Java version 17 but depends on \"billing\", which uses version 11.")
        #expect(found[1].message == "Initiatives exchanging data through \"events\" use 2 major versions of node: version 18 in \"consumer-a\" and version 20 in \"producer\" and \"consumer-b\".")
    }

    @Test func unownedThings() throws {
        let yaml = """
        people: [{id: ann}, {id: bob, name: Bob, active: false}, {id: cy, active: false}]
        teams: [{id: platform}, {id: ghosts, members: [cy]}]
        technologies:
          - {id: t-none}
          - {id: t-ok, owner: platform}
          - {id: t-retired, lifecycle: retired}
          - {id: t-left, owner: bob}
        dataSources: [{id: d-none}, {id: d-unknown, owner: nobody}, {id: d-ok, owner: ann}]
        initiatives:
          - {id: i-none, budget: 10}
          - {id: i-unknown, owner: nobody}
          - {id: i-left, owner: bob}
          - {id: i-ghosts, owner: ghosts}
          - {id: i-ok, owner: ann}
          - {id: i-team, owner: platform}
          - {id: i-retired, status: retired}
        """
        let initiatives = try findings(of: UnownedInitiative(), in: yaml)
        #expect(initiatives.map(Summary.init) == [
            Summary(.error, ["i-ghosts"]), Summary(.error, ["i-left"]), Summary(.error, ["i-none"]), Summary(.error, ["i-unknown"]),
        ])
        #expect(initiatives.map(\.message) == [
            "Initiative \"i-ghosts\" has nobody accountable: its owning team \"ghosts\" has no active member left.",
            "Initiative \"i-left\" has nobody accountable: its owner \"Bob\" has left the organisation.",
            "Initiative \"i-none\" has nobody accountable: no owner is named.",
            "Initiative \"i-unknown\" has nobody accountable: its owner \"nobody\" is not a known person or team.",
        ])
        #expect(initiatives[2].budgetAtStake == 10)
        #expect(try summaries(of: UnownedDataSource(), in: yaml) == [Summary(.warning, ["d-none"]), Summary(.warning, ["d-unknown"])])
        #expect(try summaries(of: UnownedTechnology(), in: yaml) == [Summary(.warning, ["t-left"]), Summary(.warning, ["t-none"])])
    }

    @Test func danglingReferences() throws {
        let yaml = """
        people: [{id: ann, unit: nowhere}]
        teams: [{id: t, members: [ann, zed]}]
        goals: [{id: growth}]
        capabilities: [{id: crm, parent: sales-caps}]
        policy: {incompatible: [[crm, java]]}
        initiatives:
          - {id: a, owner: ghost, dependsOn: [growth, b, missing], capabilities: [crm, crn], goals: [growth]}
          - {id: b, data: [{source: nope}], technologies: [java@17]}
        """
        let found = try findings(of: DanglingReferences(), in: yaml)
        // Report order: by node id (none first), then by message.
        #expect(found.map(\.message) == [
            "The policy refers to \"crm\" in 'policy.incompatible', which is a capability, not a technology.",
            "The policy refers to \"java\" in 'policy.incompatible', but no technology has that id.",
            "The initiative \"a\" refers to \"crn\" in 'capabilities', but no capability has that id.",
            "The initiative \"a\" refers to \"growth\" in 'dependsOn', which is a goal, not an initiative, technology or data source.",
            "The initiative \"a\" refers to \"missing\" in 'dependsOn', but no initiative, technology or data source has that id.",
            "The person \"ann\" refers to \"nowhere\" in 'unit', but no business unit has that id.",
            "The initiative \"b\" refers to \"java\" in 'technologies', but no technology has that id.",
            "The initiative \"b\" refers to \"nope\" in 'data', but no data source has that id.",
            "The capability \"crm\" refers to \"sales-caps\" in 'parent', but no capability has that id.",
            "The team \"t\" refers to \"zed\" in 'members', but no person has that id.",
        ])
        #expect(found.count == 10)
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func cleanPortfolioHasNoFindings() throws {
        let yaml = """
        people: [{id: ann}]
        units: [{id: sales}]
        goals: [{id: growth}]
        capabilities: [{id: crm}]
        technologies: [{id: java, owner: ann, lifecycle: adopt}]
        dataSources: [{id: db, owner: ann}]
        initiatives:
          - {id: a, owner: ann, unit: sales, capabilities: [crm], technologies: [java@17], goals: [growth], dependsOn: [b],
             data: [{source: db, access: write}]}
          - {id: b, owner: ann, unit: sales, technologies: [java@17], goals: [growth], data: [{source: db}]}
        """
        let graph = PortfolioGraph(try PortfolioLoader.load(text: yaml, file: "clean.yaml"))
        #expect(Analyzer.analyze(graph).isEmpty)
    }
}
