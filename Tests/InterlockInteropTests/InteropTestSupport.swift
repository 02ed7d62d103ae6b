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
