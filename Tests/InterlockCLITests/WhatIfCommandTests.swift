import Foundation
import Testing

/// `interlock whatif` from the command line.
@Suite("interlock whatif")
struct WhatIfCommandTests {
    @Test func removingTheIdentityPlatformListsWhoLosesItAndTheFindingsThatChange() throws {
        let result = try CommandRunner.run(["whatif", "Samples/acme", "--remove", "entra-id", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let losses = try #require(document["losses"] as? [[String: Any]])
        let dependents = try #require(losses.first?["dependents"] as? [[String: Any]])
        #expect(dependents.count == 29)
        #expect(dependents.filter { $0["direct"] as? Bool == true }.count == 24)
        #expect(dependents.last?["path"] as? [String] == ["sales-forecasting", "data-platform", "entra-id"])
        let diff = try #require(document["diff"] as? [String: Any])
        let resolved = try #require((diff["findings"] as? [String: Any])?["resolved"] as? [[String: Any]])
        #expect(resolved.map { $0["rule"] as? String } == ["single-point-of-failure"])
    }

    @Test(arguments: [
        (["--delay", "s4hana-migration:90"], "--delay takes ID:DAYSd"),
        (["--replace", "oracle-db"], "--replace takes OLD:NEW"),
        ([], "Give at least one change"),
        (["--retire", "no-such-thing"], "--retire no-such-thing: no initiative or technology has the id 'no-such-thing'"),
    ])
    func badChangesAreRefusedWithExitCode2(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(["whatif", "Samples/acme"] + arguments)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }
}
