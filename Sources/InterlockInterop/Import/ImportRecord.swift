import InterlockCore

/// The kind of portfolio entity an imported element, row or catalog entity becomes.
public enum ImportKind: String, CaseIterable, Hashable, Sendable {
    /// `initiatives:`.
    case initiative
    /// `technologies:`.
    case technology
    /// `dataSources:`.
    case dataSource = "data-source"
    /// `capabilities:`.
    case capability
    /// `goals:`.
    case goal
    /// `people:`.
    case person
    /// `teams:`.
    case team
    /// `units:`.
    case unit
    /// Not imported, but counted in the summary (and kept under `x-unmapped` where the format allows).
    case skip

    /// `count` and the kind's noun, singular or plural (`1 data source`, `3 people`).
    func counted(_ count: Int) -> String {
        if count == 1 {
            return "1 " + (self == .dataSource ? "data source" : self == .skip ? "skipped" : rawValue)
        }
        return "\(count) \(plural)"
    }

    /// The plural used in the summary.
    var plural: String {
        switch self {
        case .initiative: "initiatives"
        case .technology: "technologies"
        case .dataSource: "data sources"
        case .capability: "capabilities"
        case .goal: "goals"
        case .person: "people"
        case .team: "teams"
        case .unit: "units"
        case .skip: "skipped"
        }
    }

    /// The fields of the portfolio format this kind has, from the model's field tables (read
    /// once: every imported row asks).
    var fieldTypes: [String: FieldType] { Self.fieldTables[self] ?? [:] }

    private static let fieldTables: [ImportKind: [String: FieldType]] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, $0.readFieldTypes()) })

    private func readFieldTypes() -> [String: FieldType] {
        func table<Entity>(_ fields: EntityFields<Entity>) -> [String: FieldType] {
            Dictionary(fields.fields.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        }
        switch self {
        case .initiative: return table(Initiative.fields)
        case .technology: return table(Technology.fields)
        case .dataSource: return table(DataSource.fields)
        case .capability: return table(Capability.fields)
        case .goal: return table(Goal.fields)
        case .person: return table(Person.fields)
        case .team: return table(Team.fields)
        case .unit: return table(BusinessUnit.fields)
        case .skip: return [:]
        }
    }

    /// Parses a kind as written on the command line or in a mapping file (`data-source`,
    /// `dataSource` and `data source` alike; `owner` is a person).
    public init?(word: String) {
        let normal = word.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: "_", with: "")
        switch normal {
        case "initiative", "initiatives": self = .initiative
        case "technology", "technologies": self = .technology
        case "datasource", "datasources", "data": self = .dataSource
        case "capability", "capabilities": self = .capability
        case "goal", "goals": self = .goal
        case "person", "people", "owner": self = .person
        case "team", "teams": self = .team
        case "unit", "units": self = .unit
        case "skip", "ignore", "none": self = .skip
        default: return nil
        }
    }
}

/// A value read from an imported file, with the place it came from for error messages
/// (`book.xlsx, sheet Projects, row 5, column D (budget)`).
public struct ImportValue: Hashable, Sendable {
    /// The text as read (numbers and dates already in the format's spelling).
    public var text: String
    /// Where it was read, as a phrase naming file and place.
    public var origin: String

    /// Creates a value.
    public init(_ text: String, origin: String) {
        self.text = text
        self.origin = origin
    }
}

/// A reference from one imported record to another, found in a relationship, a relation
/// column or a catalog field.
public struct ImportLink: Hashable, Sendable {
    /// The field of the format it fills on the record holding it (`dependsOn`, `owner`, ...).
    public var field: String
    /// The other end: a source key, an id or a name, resolved in that order.
    public var target: String
    /// The version of a technology use, or the access (`read`, `write`) of a data use.
    public var detail: String?
    /// Where it was read.
    public var origin: String

    /// Creates a link.
    public init(field: String, target: String, detail: String? = nil, origin: String) {
        self.field = field
        self.target = target
        self.detail = detail
        self.origin = origin
    }
}

/// An `x-` key kept on an imported entity (a property the format has no field for).
public struct ExtensionEntry: Hashable, Sendable {
    /// The key, starting `x-`.
    public var key: String
    /// The value, written as a string.
    public var value: String

    /// Creates an entry.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One element, row or catalog entity as an importer read it, before ids are assigned and
/// references resolved (`PortfolioAssembler`).
public struct ImportRecord: Sendable {
    /// The identifier in the source (ArchiMate identifier, spreadsheet id or row, entity ref).
    public var key: String
    /// The type in the source (`ApplicationComponent`, a sheet name, `Component`): what `--as` names.
    public var sourceType: String
    /// What it becomes.
    public var kind: ImportKind
    /// Display name (the key when the source has none).
    public var name: String
    /// Fields of the format by name (`id`, `status`, `budget`, `owner`, `tags`, ...), as text:
    /// lists separated by the import's list separator.
    public var fields: [String: ImportValue]
    /// References found in relationships.
    public var links: [ImportLink]
    /// `x-` keys to keep.
    public var extensions: [ExtensionEntry]
    /// Where it was read: findings point here.
    public var location: SourceLocation

    /// Creates a record.
    public init(
        key: String, sourceType: String, kind: ImportKind, name: String, fields: [String: ImportValue] = [:],
        links: [ImportLink] = [], extensions: [ExtensionEntry] = [], location: SourceLocation
    ) {
        self.key = key
        self.sourceType = sourceType
        self.kind = kind
        self.name = name
        self.fields = fields
        self.links = links
        self.extensions = extensions
        self.location = location
    }
}

/// Why an import failed: the message names the file and the place (sheet, row and column,
/// or line), and what was expected.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The whole message.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Ids in the format: non-empty, no white space, no `@`.
enum ImportID {
    /// A kebab-case id made of `text`'s letters and digits (`CRM Revamp (2026)` -> `crm-revamp-2026`);
    /// empty when it has none.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(character)
            } else if character == "." || character == "/" || character == ":", !result.isEmpty {
                // Kept: they carry meaning in references (`team:default/web`, `java.17`).
                if pendingHyphen { result.append("-") }
                pendingHyphen = false
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// `text` if it is a valid id without invisible characters, else its slug, else `fallback`.
    /// Invisible characters (Unicode format characters: zero-width, direction overrides, U+FEFF)
    /// make look-alike ids, and YAML drops U+FEFF, so `\u{FEFF}id` written out would read back as
    /// `id` (found by FuzzCSV): the slug leaves them out, and two such ids meet as one.
    static func make(_ text: String, fallback: String) -> String {
        if text.isPortfolioID, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) { return text }
        let slugged = slug(text)
        return slugged.isEmpty ? fallback : slugged
    }
}
