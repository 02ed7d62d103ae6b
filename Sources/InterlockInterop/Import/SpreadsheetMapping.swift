import Foundation
import Yams

/// How spreadsheet columns become portfolio fields (`--mapping map.yaml`); docs/interop.md
/// describes every key. Without a mapping, a sheet or file named like a kind (`Technologies`,
/// `data-sources.csv`) holds that kind, a single one holds initiatives, and headers named like
/// fields (`id`, `name`, `status`, `dependsOn`) fill them.
public struct SpreadsheetMapping: Decodable, Hashable, Sendable {
    /// Separates the items of a list in one cell (default `;`).
    public var listSeparator: String?
    /// The CSV field separator (default `,`).
    public var delimiter: String?
    /// How text dates are written, with `YYYY`, `MM`, `DD` (`DD.MM.YYYY`); default `YYYY-MM-DD`.
    /// Dates stored as numbers in XLSX are read whatever this says.
    public var dateFormat: String?
    /// One entry per sheet (XLSX) or file (CSV, by name without extension).
    public var sheets: [Sheet]?
    /// Sheets of references, one per row (Ardoq's export).
    public var relations: [Relations]?

    /// How one sheet maps.
    public struct Sheet: Decodable, Hashable, Sendable {
        /// The sheet or file name (case-insensitive); absent: every sheet no other entry names.
        public var sheet: String?
        /// The kind every row becomes.
        public var kind: String?
        /// Or: the column holding each row's type, mapped by `types`.
        public var typeColumn: String?
        /// Type -> kind, for `typeColumn`; a type not listed is skipped and reported.
        public var types: [String: String]?
        /// Column header -> field (`id`, `name`, a field of the kind, `x-...`, or `skip`).
        public var columns: [String: String]?
        /// Field -> (cell text -> value in the format), such as `status: {Phase In: planned}`.
        public var values: [String: [String: String]]?
    }

    /// A sheet of references between rows of other sheets.
    public struct Relations: Decodable, Hashable, Sendable {
        /// The sheet or file name.
        public var sheet: String
        /// The column naming the entity holding the reference (id or name).
        public var source: String
        /// The column naming the entity referred to.
        public var target: String
        /// The column holding the reference type.
        public var type: String?
        /// Reference type -> field on the source (`Depends on: dependsOn`); a type not listed is reported.
        public var types: [String: String]?
    }

    /// Reads a mapping file.
    /// - Throws: `ImportError` for a file that is not a mapping, or that holds a key no mapping
    ///   has (a misspelt `colums:` would otherwise be ignored without a word), naming its place.
    public static func load(path: String) throws(ImportError) -> SpreadsheetMapping {
        let text = try PortfolioImporter.readText(path, limits: ImportLimits())
        let mapping: SpreadsheetMapping
        do {
            mapping = try YAMLDecoder().decode(SpreadsheetMapping.self, from: text)
        } catch {
            throw ImportError("\(path): not a mapping file (\(error)); see docs/interop.md")
        }
        if case .mapping(let root)? = try? Yams.compose(yaml: text) {
            try checkKeys(of: root, known: ["listSeparator", "delimiter", "dateFormat", "sheets", "relations"], what: "a mapping", path: path)
            let entries: [(list: String, what: String, keys: Set<String>)] = [
                ("sheets", "a sheet entry", ["sheet", "kind", "typeColumn", "types", "columns", "values"]),
                ("relations", "a relations entry", ["sheet", "source", "target", "type", "types"]),
            ]
            for entry in entries {
                guard case .sequence(let items)? = root[entry.list] else { continue }
                for case .mapping(let item) in items {
                    try checkKeys(of: item, known: entry.keys, what: entry.what, path: path)
                }
            }
        }
        return mapping
    }

    private static func checkKeys(of mapping: Node.Mapping, known: Set<String>, what: String, path: String) throws(ImportError) {
        for (key, _) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            let place = key.mark.map { ":\($0.line):\($0.column)" } ?? ""
            throw ImportError("\(path)\(place): '\(name)' is not a key of \(what); expected one of \(known.sorted().joined(separator: ", "))")
        }
    }

    /// SAP LeanIX's Excel export: one sheet of fact sheets with `id`, `type`, `name`,
    /// `lifecycle` (current phase) and relation columns listing related fact sheets by id or name.
    public static let leanIX = SpreadsheetMapping(
        listSeparator: ";", dateFormat: nil,
        sheets: [Sheet(
            typeColumn: "type",
            types: ["Project": "initiative", "Application": "technology", "ITComponent": "technology",
                    "DataObject": "data-source", "BusinessCapability": "capability", "Objective": "goal",
                    "UserGroup": "unit"],
            columns: ["id": "id", "type": "skip", "name": "name", "displayName": "skip", "description": "x-description", "lifecycle": "status",
                      "relProjectToBusinessCapability": "capabilities", "relProjectToApplication": "dependsOn",
                      "relProjectToITComponent": "technologies", "relProjectToDataObject": "data",
                      "relProjectToObjective": "goals", "relProjectToUserGroup": "unit", "relToRequires": "dependsOn",
                      "relToParent": "parent", "relITComponentToProvider": "vendor"],
            values: ["status": ["plan": "planned", "phaseIn": "in-progress", "Phase In": "in-progress", "active": "live",
                                "phaseOut": "live", "Phase Out": "live", "endOfLife": "retired", "End of Life": "retired"]])])

    /// Ardoq's Excel export: one sheet per component type (`Application`, `Project`, ...) with
    /// `Name` and `Description`, and a `References` sheet with `Source`, `Target`, `Type`.
    public static let ardoq = SpreadsheetMapping(
        listSeparator: ";", dateFormat: nil,
        sheets: [
            Sheet(sheet: "Project", kind: "initiative", columns: ["Name": "name", "Description": "x-description"]),
            Sheet(sheet: "Initiative", kind: "initiative", columns: ["Name": "name", "Description": "x-description"]),
            Sheet(sheet: "Application", kind: "technology", columns: ["Name": "name", "Description": "x-description"]),
            Sheet(sheet: "Technology", kind: "technology", columns: ["Name": "name", "Description": "x-description"]),
            Sheet(sheet: "Data", kind: "data-source", columns: ["Name": "name", "Description": "x-description"]),
            Sheet(sheet: "Capability", kind: "capability", columns: ["Name": "name", "Description": "x-description"]),
            Sheet(sheet: "Business Capability", kind: "capability", columns: ["Name": "name", "Description": "x-description"]),
            Sheet(sheet: "Goal", kind: "goal", columns: ["Name": "name", "Description": "description"]),
            Sheet(sheet: "Person", kind: "person", columns: ["Name": "name", "Description": "x-description"]),
            Sheet(sheet: "Team", kind: "team", columns: ["Name": "name", "Description": "x-description"]),
        ],
        relations: [Relations(sheet: "References", source: "Source", target: "Target", type: "Type",
                              types: ["Depends on": "dependsOn", "Uses": "technologies", "Reads": "data", "Writes": "data",
                                      "Realizes": "capabilities", "Supports": "goals", "Owned by": "owner",
                                      "Is owned by": "owner", "Part of": "parent"])])
}
