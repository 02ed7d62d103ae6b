import Foundation
import InterlockCore
@testable import InterlockInterop

/// Fixture files and helpers shared by the interop tests.
enum Fixtures {
    /// The folder of hand-written fixtures.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The path of fixture `name`.
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Portfolio {
    /// The portfolio with every location set to one value, to compare what two sources say.
    var withoutLocations: Portfolio {
        let here = SourceLocation(file: "", line: 0, column: 0)
        var copy = self
        copy.units = units.map { var entity = $0; entity.location = here; return entity }
        copy.people = people.map { var entity = $0; entity.location = here; return entity }
        copy.teams = teams.map { var entity = $0; entity.location = here; return entity }
        copy.goals = goals.map { var entity = $0; entity.location = here; return entity }
        copy.capabilities = capabilities.map { var entity = $0; entity.location = here; return entity }
        copy.technologies = technologies.map { var entity = $0; entity.location = here; return entity }
        copy.dataSources = dataSources.map { var entity = $0; entity.location = here; return entity }
        copy.initiatives = initiatives.map { var entity = $0; entity.location = here; return entity }
        return copy
    }
}

/// The first entity that differs between two portfolios, as text for an expectation's message.
func firstDifference(_ left: Portfolio, _ right: Portfolio) -> String {
    func compare<Entity: Equatable>(_ name: String, _ a: [Entity], _ b: [Entity]) -> String? {
        if a.count != b.count { return "\(name): \(a.count) vs \(b.count)" }
        return zip(a, b).first { $0 != $1 }.map { "\(name): \($0.0) vs \($0.1)" }
    }
    return compare("units", left.units, right.units) ?? compare("people", left.people, right.people)
        ?? compare("teams", left.teams, right.teams) ?? compare("goals", left.goals, right.goals)
        ?? compare("capabilities", left.capabilities, right.capabilities)
        ?? compare("technologies", left.technologies, right.technologies)
        ?? compare("dataSources", left.dataSources, right.dataSources)
        ?? compare("initiatives", left.initiatives, right.initiatives) ?? "none"
}
