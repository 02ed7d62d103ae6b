/// What a field of the portfolio format holds, as `docs/portfolio.schema.json` describes it.
///
/// The type decides how the field is seen beyond loading: references (`reference`, `references`,
/// `technologyUses`, `dataUses`) become edges of the graph, so queries see them as relationships;
/// every other field is a query property.
public enum FieldType: Hashable, Sendable {
    /// The entity's own id.
    case id
    /// Free text.
    case text
    /// A number.
    case number
    /// A day, `YYYY-MM-DD`.
    case date
    /// `true` or `false`.
    case boolean
    /// One of a fixed list of words, in the order the format lists them.
    case choice([String])
    /// A list of free words.
    case texts
    /// The id of another entity.
    case reference
    /// A list of ids of other entities.
    case references
    /// A list of technology ids, each optionally `@version` (`java@17`).
    case technologyUses
    /// A list of `{source, access}` mappings.
    case dataUses

    /// The choices of an enumeration, in declaration order.
    public static func choice<Choice: RawRepresentable & CaseIterable>(of type: Choice.Type) -> FieldType
    where Choice.RawValue == String {
        .choice(Choice.allCases.map(\.rawValue))
    }

    /// True when the field points at other entities: the graph holds it as edges, not as a value.
    public var isReference: Bool {
        switch self {
        case .reference, .references, .technologyUses, .dataUses: true
        case .id, .text, .number, .date, .boolean, .choice, .texts: false
        }
    }
}

/// The value of one field, in the shape queries and the diff see it: dates and choices as their
/// text, lists of references as the ids written (`java@17`, `customer-db (write)`).
public enum FieldValue: Hashable, Sendable {
    /// Text, dates (`YYYY-MM-DD`) and choices.
    case text(String)
    /// A number as loaded.
    case number(Double)
    /// A boolean.
    case boolean(Bool)
    /// A list, possibly empty.
    case list([String])
}

/// One field of an entity: its name in the format, its type, and how to read its value.
public struct EntityField<Entity>: Sendable {
    /// The key in the format (`dependsOn`).
    public let name: String
    /// What the field holds.
    public let type: FieldType
    /// The value of the field in the entity `entity` points to, nil when absent. Through a
    /// pointer: given the entity itself (even borrowed), or through a key path, Swift copied the
    /// whole entity from its array on every read, every String and array in it retained and
    /// released, which was most of the time a query spent reading a property.
    public let read: @Sendable (UnsafePointer<Entity>) -> FieldValue?
    /// For a `choice` field, the position of the entity's value among the choices its type
    /// lists (nil when absent); nil for other fields. What a query groups by: a position
    /// indexes an array, where the word would be compared or hashed on every read.
    public let choicePosition: (@Sendable (UnsafePointer<Entity>) -> Int?)?

    /// Declares a field.
    public init(_ name: String, _ type: FieldType, read: @escaping @Sendable (UnsafePointer<Entity>) -> FieldValue?) {
        self.name = name
        self.type = type
        self.read = read
        choicePosition = nil
    }

    /// Declares a field holding one of the cases of `Choice`, read as its word and as its
    /// position among `Choice.allCases`.
    public init<Choice: RawRepresentable & CaseIterable & Equatable & Sendable>(
        _ name: String, choice: Choice.Type, read readChoice: @escaping @Sendable (UnsafePointer<Entity>) -> Choice?
    ) where Choice.RawValue == String {
        let choices = Array(Choice.allCases)
        self.name = name
        type = .choice(of: Choice.self)
        read = { readChoice($0).map { .text($0.rawValue) } }
        choicePosition = { readChoice($0).flatMap(choices.firstIndex(of:)) }
    }

    /// The value of the field in `entity`, nil when absent.
    public func value(_ entity: Entity) -> FieldValue? {
        withUnsafePointer(to: entity) { read($0) }
    }

    /// The value of the field in `entities[index]`, read in place.
    public func value(in entities: [Entity], at index: Int) -> FieldValue? {
        entities.withUnsafeBufferPointer { buffer in buffer.baseAddress.flatMap { read($0 + index) } }
    }
}

/// The fields of one kind of entity, in the order the format documents them: the one place a
/// field is declared. The decoder takes its known keys from here, the diff and the query graph
/// their fields and properties, and a test holds `docs/portfolio.schema.json` to it.
public struct EntityFields<Entity>: Sendable {
    /// The fields, in the format's order.
    public let fields: [EntityField<Entity>]

    /// The field names, in order.
    public let names: [String]

    /// Lists the fields of an entity: its `id` and `name`, which every entity has and the format
    /// lists first, then `others`.
    public init(
        id: @escaping @Sendable (UnsafePointer<Entity>) -> String, name: @escaping @Sendable (UnsafePointer<Entity>) -> String,
        _ others: [EntityField<Entity>]
    ) {
        fields = [EntityField("id", .id) { .text(id($0)) }, EntityField("name", .text) { .text(name($0)) }] + others
        names = fields.map(\.name)
    }
}

extension FieldValue {
    /// Optional text: absent stays absent.
    static func text(ifAny text: String?) -> FieldValue? { text.map(FieldValue.text) }

    /// A day as `YYYY-MM-DD`, or absent.
    static func day(_ day: Day?) -> FieldValue? { day.map { .text($0.description) } }
}
