import Foundation
import InterlockCore

/// Reads ArchiMate models in the Open Group's Open Exchange Format, 3.0/3.1
/// (`http://www.opengroup.org/xsd/archimate/3.0/`) and 2.1 (`http://www.opengroup.org/xsd/archimate`).
/// 2.1 names are first renamed to their 3.x names (`UsedBy` -> `Serving`, `InfrastructureService`
/// -> `TechnologyService`, ...), so both versions of one model give the same portfolio.
/// The mapping table is documented in docs/interop.md.
enum ArchiMateImporter {
    /// Element type -> kind, the default `--as` overrides.
    static let table: [String: ImportKind] = [
        "WorkPackage": .initiative,
        "ApplicationComponent": .technology, "SystemSoftware": .technology, "Node": .technology,
        "Device": .technology, "TechnologyService": .technology,
        "DataObject": .dataSource, "Artifact": .dataSource,
        "Capability": .capability,
        "Goal": .goal, "Outcome": .goal,
        "BusinessActor": .person, "BusinessRole": .team,
    ]

    /// ArchiMate 2.1 names of elements and relationships renamed in 3.0.
    static let renames: [String: String] = [
        "UsedBy": "Serving", "Realisation": "Realization", "Specialisation": "Specialization",
        "InfrastructureService": "TechnologyService", "InfrastructureInterface": "TechnologyInterface",
        "InfrastructureFunction": "TechnologyFunction", "Network": "CommunicationNetwork", "CommunicationPath": "Path",
    ]

    /// Types worth suggesting as initiatives when a model has no work package: the landscape's applications first.
    static let initiativeCandidates = [
        "ApplicationComponent", "BusinessProcess", "Product", "BusinessService", "ApplicationService", "Deliverable",
        "Plateau", "Capability",
    ]

    /// Namespace of the 3.x schema (3.0 and 3.1 share it).
    static let namespace3 = "http://www.opengroup.org/xsd/archimate/3.0/"
    /// Namespace of the 2.1 schema.
    static let namespace21 = "http://www.opengroup.org/xsd/archimate"

    static func importFiles(_ paths: [String], options: ImportOptions) throws(ImportError) -> ImportedPortfolio {
        var reader = RecordCollector()
        var modelName: String?
        // Archi's "Export Model to CSV" writes elements.csv, relations.csv and properties.csv
        // (with an optional prefix): given those, the model is read from them.
        let csvFiles = paths.filter { $0.lowercased().hasSuffix(".csv") }
        if !csvFiles.isEmpty {
            modelName = try ArchiCSV.read(csvFiles, into: &reader, options: options)
        }
        for path in paths where !path.lowercased().hasSuffix(".csv") {
            let root = try SafeXML.parse(PortfolioImporter.read(path, limits: options.limits), file: path)
            let namespace = root.attributes["xmlns"] ?? root.attributes.first { $0.key.hasPrefix("xmlns:") && $0.value.hasPrefix(namespace21) }?.value
            guard root.name == "model", let namespace,
                  namespace == namespace21 || namespace == namespace21 + "/" || namespace.hasPrefix(namespace21 + "/3.")
            else {
                throw ImportError("\(path):\(root.line): not an ArchiMate Open Exchange model (expected <model> in the namespace "
                                  + "\(namespace3) or \(namespace21))")
            }
            if modelName == nil { modelName = label(of: root) }
            let definitions = propertyDefinitions(root)
            for element in root.child("elements")?.children("element") ?? [] {
                try reader.add(ArchiMateElement(element, path: path, definitions: definitions), overrides: options.overrides)
            }
            for relationship in root.child("relationships")?.children("relationship") ?? [] {
                reader.add(try ArchiMateRelationship(relationship, path: path, definitions: definitions))
            }
        }
        let assembler = PortfolioAssembler(source: paths.joined(separator: ", "), listSeparator: ";",
                                           initiativeCandidates: initiativeCandidates)
        return try assembler.assemble(reader.records, name: modelName, sources: paths, format: .archimate,
                                      ignored: reader.ignored, unresolved: reader.unresolved)
    }

    /// The element's or model's name: 3.x `<name>`, 2.1 `<label>`, the first language given.
    static func label(of node: XMLElementNode) -> String? {
        let text = (node.child("name") ?? node.child("label"))?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text?.isEmpty == false ? text : nil
    }

    /// Property definition identifier -> name: 3.x `<propertyDefinitions>`, 2.1 `<propertydefs>`.
    static func propertyDefinitions(_ root: XMLElementNode) -> [String: String] {
        var names: [String: String] = [:]
        for definition in root.child("propertyDefinitions")?.children("propertyDefinition") ?? [] {
            if let id = definition.attributes["identifier"], let name = label(of: definition) { names[id] = name }
        }
        for definition in root.child("propertydefs")?.children("propertydef") ?? [] {
            if let id = definition.attributes["identifier"], let name = definition.attributes["name"] { names[id] = name }
        }
        return names
    }

    /// The 3.x name of a type.
    static func normalised(_ type: String) -> String { renames[type] ?? type }
}

/// One element, as the exchange format or Archi's CSV gives it.
struct ArchiMateElement {
    var identifier: String
    /// The 3.x type name.
    var type: String
    var name: String?
    var documentation: String?
    /// Name, value and where each property was read.
    var properties: [(name: String, value: String, origin: String)]
    var location: SourceLocation
}

extension ArchiMateElement {
    /// An `<element>` of an exchange file, its properties named through `definitions`.
    init(_ element: XMLElementNode, path: String, definitions: [String: String]) throws(ImportError) {
        guard let identifier = element.attributes["identifier"], let rawType = element.attribute("type") else {
            throw ImportError("\(path):\(element.line): an element without identifier or xsi:type")
        }
        self.init(
            identifier: identifier, type: ArchiMateImporter.normalised(rawType), name: ArchiMateImporter.label(of: element),
            documentation: element.child("documentation")?.text,
            properties: (element.child("properties")?.children("property") ?? []).map { property in
                let reference = property.attributes["propertyDefinitionRef"] ?? property.attributes["identifierref"] ?? ""
                return (definitions[reference] ?? reference, property.child("value")?.text ?? "",
                        "\(path):\(property.line) (property '\(definitions[reference] ?? reference)' of \(identifier))")
            },
            location: SourceLocation(file: path, line: element.line, column: 1))
    }

}

/// One relationship, as the exchange format or Archi's CSV gives it.
struct ArchiMateRelationship {
    var identifier: String
    /// The 3.x type name, without Archi's `Relationship` suffix.
    var type: String
    var source: String
    var target: String
    /// `Write` (the exchange format's default), `Read`, `Access` or `ReadWrite`.
    var accessType: String?
    /// The version of a technology use, from a `version` property.
    var version: String?
    /// Where it was read, as a phrase.
    var origin: String
}

extension ArchiMateRelationship {
    /// A `<relationship>` of an exchange file.
    init(_ relationship: XMLElementNode, path: String, definitions: [String: String]) throws(ImportError) {
        guard let rawType = relationship.attribute("type"), let source = relationship.attributes["source"],
              let target = relationship.attributes["target"]
        else { throw ImportError("\(path):\(relationship.line): a relationship without xsi:type, source or target") }
        let type = ArchiMateImporter.normalised(rawType)
        let identifier = relationship.attributes["identifier"] ?? ""
        let version = relationship.child("properties")?.children("property").first { property in
            let reference = property.attributes["propertyDefinitionRef"] ?? property.attributes["identifierref"] ?? ""
            return definitions[reference] == "version"
        }?.child("value")?.text
        self.init(identifier: identifier, type: type, source: source, target: target, accessType: relationship.attributes["accessType"],
                  version: version, origin: "\(path):\(relationship.line) (\(type) \(identifier))")
    }

}

/// Collects the records of one or more models and the relationships between them.
struct RecordCollector {
    var records: [ImportRecord] = []
    var index: [String: Int] = [:]
    var ignored: [String: Int] = [:]
    var unresolved: [String] = []

    mutating func add(_ element: ArchiMateElement, overrides: [String: ImportKind]) {
        let identifier = element.identifier, type = element.type
        // The export marks kinds ArchiMate has no element for (units) with `interlock.kind`; `--as` still wins.
        let marked = element.properties.first { $0.name == "interlock.kind" }.flatMap { ImportKind(word: $0.value) }
        let kind = overrides[type] == nil ? marked ?? PortfolioImporter.kind(of: type, table: ArchiMateImporter.table, overrides: overrides)
            : PortfolioImporter.kind(of: type, table: ArchiMateImporter.table, overrides: overrides)
        let name = element.name?.trimmingCharacters(in: .whitespacesAndNewlines)
        var record = ImportRecord(key: identifier, sourceType: type, kind: kind, name: name?.isEmpty == false ? name ?? identifier : identifier,
                                  location: element.location)
        let fields = kind.fieldTypes
        for property in element.properties where property.name != "interlock.kind" {
            let value = property.value.trimmingCharacters(in: .whitespacesAndNewlines)
            // A property named like a field of the kind fills it (how the export writes them);
            // any other is kept as an x- key.
            if let field = fields.keys.first(where: { $0.caseInsensitiveCompare(property.name) == .orderedSame }), field != "name" {
                record.fields[field] = ImportValue(value, origin: property.origin)
            } else {
                let key = ImportID.slug(property.name).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ":", with: "-")
                record.extensions.append(ExtensionEntry(key: "x-" + (key.isEmpty ? "property" : key), value: value))
            }
        }
        if kind == .goal, record.fields["description"] == nil,
           let documentation = element.documentation?.trimmingCharacters(in: .whitespacesAndNewlines), !documentation.isEmpty {
            record.fields["description"] = ImportValue(
                documentation, origin: "\(element.location.file):\(element.location.line) (documentation of \(identifier))")
        }
        record.extensions.append(ExtensionEntry(key: "x-archimate-id", value: identifier))
        index[identifier] = records.count
        records.append(record)
    }

    mutating func add(_ relationship: ArchiMateRelationship) {
        let type = relationship.type, origin = relationship.origin
        guard let from = index[relationship.source], let to = index[relationship.target] else {
            // An end that is no element: a relationship, or an identifier the file does not define.
            unresolved.append("'\(index[relationship.source] == nil ? relationship.source : relationship.target)' (\(origin))")
            return
        }
        let fromKind = records[from].kind, toKind = records[to].kind
        let description = "\(type) from \(records[from].sourceType) to \(records[to].sourceType)"
        guard fromKind != .skip, toKind != .skip else {
            ignored["\(type) with an unmapped end", default: 0] += 1
            return
        }
        var linked = false
        func link(_ holder: Int, _ field: String, _ other: Int, detail: String? = nil) {
            let allowed = field == "parent" ? [records[holder].kind] : (PortfolioAssemblerKinds.targets[field] ?? [])
            guard records[holder].kind.fieldTypes[field] != nil, allowed.contains(records[other].kind) else { return }
            records[holder].links.append(ImportLink(field: field, target: records[other].key, detail: detail, origin: origin))
            linked = true
        }
        switch type {
        case "Serving", "Flow", "Triggering":
            // The target cannot work without what serves it, feeds it or triggers it; a data
            // source served by a technology runs on it.
            link(to, "dependsOn", from)
            link(to, "technology", from)
        case "Realization":
            link(from, "capabilities", to)
            link(from, "goals", to)
            // The version of a technology use, as the export writes it.
            link(from, "technologies", to, detail: relationship.version)
        case "Influence":
            link(from, "goals", to)
        case "Access":
            // The exchange format's default access type is Write.
            let access = relationship.accessType ?? "Write"
            link(from, "data", to, detail: access == "Write" || access == "ReadWrite" ? "write" : "read")
        case "Aggregation", "Composition":
            link(to, "parent", from)
            link(from, "members", to)
            link(to, "unit", from)
        case "Assignment":
            link(to, "owner", from)
            link(to, "members", from)
            link(to, "unit", from)
        default:
            break
        }
        if !linked { ignored[description, default: 0] += 1 }
    }
}
