import Foundation
import Testing
@testable import InterlockCore

/// The field tables (`Initiative.fields`...) are where a field is declared; these tests hold the
/// JSON Schema and the decoder to them.
@Suite("Field tables")
struct FieldTableTests {
    /// Each kind's list key at the top level of the format and its definition in the schema.
    static let schemaNames: [(kind: NodeKind, list: String, definition: String)] = [
        (.initiative, "initiatives", "initiative"), (.technology, "technologies", "technology"),
        (.dataSource, "dataSources", "dataSource"), (.capability, "capabilities", "capability"),
        (.goal, "goals", "goal"), (.unit, "units", "unit"), (.person, "people", "person"), (.team, "teams", "team"),
    ]

    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/portfolio.schema.json")

    @Test("the schema lists each entity's fields, with their types, and nothing else but x- keys",
          arguments: schemaNames.map(\.kind))
    func schemaMatchesTable(kind: NodeKind) throws {
        let schema = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let names = try #require(Self.schemaNames.first { $0.kind == kind })
        let topLevel = try #require(schema["properties"] as? [String: Any])
        let list = try #require(topLevel[names.list] as? [String: Any])
        #expect((list["items"] as? [String: Any])?["$ref"] as? String == "#/$defs/\(names.definition)")

        let entity = try #require(definitions[names.definition] as? [String: Any])
        let properties = try #require(entity["properties"] as? [String: [String: Any]])
        #expect(properties.keys.sorted() == kind.fields.map(\.name).sorted())
        // The only keys beyond the table: extension keys, which the decoder skips.
        #expect((entity["patternProperties"] as? [String: Any])?.keys.sorted() == ["^x-"])
        #expect(entity["additionalProperties"] as? Bool == false)
        for field in kind.fields {
            guard let property = properties[field.name] else { continue }
            let expected = Self.expectedSchema(of: field.type)
            #expect(Shape(property, definitions: definitions) == expected.shape, "\(names.definition).\(field.name)")
            if let reference = expected.reference {
                #expect(property["$ref"] as? String == "#/$defs/\(reference)", "\(names.definition).\(field.name)")
            }
        }
    }

    @Test("a file setting every field of the tables loads, and each field reads back")
    func everyFieldDecodes() throws {
        var yaml = ""
        for (kind, list, _) in Self.schemaNames {
            yaml += "\(list):\n"
            for (position, field) in kind.fields.enumerated() {
                yaml += (position == 0 ? "  - " : "    ") + "\(field.name): \(Self.sample(of: field.type, kind: kind))\n"
            }
        }
        let graph = PortfolioGraph(try PortfolioLoader.load(text: yaml, file: "every-field.yaml"))
        for kind in NodeKind.allCases {
            let node = try #require(graph.nodes(ofKind: kind).first)
            for (position, field) in kind.fields.enumerated() {
                #expect(graph.fieldValue(at: position, of: node) != nil, "\(kind).\(field.name)")
            }
        }
    }

    /// A valid value of a type, in YAML; the id is the kind's name, unique across kinds.
    static func sample(of type: FieldType, kind: NodeKind) -> String {
        switch type {
        case .id: "\(kind)"
        case .text: "some text"
        case .number: "1200"
        case .date: "2026-01-01"
        case .boolean: "true"
        case .choice(let words): words[0]
        case .texts: "[gdpr]"
        case .reference: "elsewhere"
        case .references: "[elsewhere]"
        case .technologyUses: "[java@17]"
        case .dataUses: "[{source: elsewhere, access: write}]"
        }
    }

    /// What the schema must say of a field of `type`: its shape and, for ids, dates and
    /// references, which shared definition it uses.
    static func expectedSchema(of type: FieldType) -> (shape: Shape, reference: String?) {
        switch type {
        case .id: (.string, "id")
        case .text: (.string, nil)
        case .number: (.number, nil)
        case .date: (.string, "date")
        case .boolean: (.boolean, nil)
        case .choice(let words): (.choice(words), nil)
        case .texts, .technologyUses: (.array(.string), nil)
        case .reference: (.string, "reference")
        case .references: (.array(.string), "references")
        case .dataUses: (.array(.object), nil)
        }
    }

    /// The basic type of a schema, `$ref`s followed.
    indirect enum Shape: Equatable {
        case string, number, boolean, object, unknown
        case choice([String])
        case array(Shape)

        init(_ schema: [String: Any], definitions: [String: Any]) {
            if let reference = schema["$ref"] as? String,
               let definition = definitions[String(reference.dropFirst("#/$defs/".count))] as? [String: Any] {
                self.init(definition, definitions: definitions)
                return
            }
            if let words = schema["enum"] as? [String] {
                self = .choice(words)
                return
            }
            switch schema["type"] as? String {
            case "string": self = .string
            case "number": self = .number
            case "boolean": self = .boolean
            case "object": self = .object
            case "array": self = .array(Shape(schema["items"] as? [String: Any] ?? [:], definitions: definitions))
            default: self = .unknown
            }
        }
    }
}
