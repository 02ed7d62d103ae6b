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
        for path in paths {
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
                try reader.addElement(element, path: path, definitions: definitions, overrides: options.overrides)
            }
            for relationship in root.child("relationships")?.children("relationship") ?? [] {
                try reader.addRelationship(relationship, path: path, definitions: definitions)
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

/// Collects the records of one or more models and the relationships between them.
private struct RecordCollector {
    var records: [ImportRecord] = []
    var index: [String: Int] = [:]
    var ignored: [String: Int] = [:]
    var unresolved: [String] = []

    mutating func addElement(
        _ element: XMLElementNode, path: String, definitions: [String: String], overrides: [String: ImportKind]
    ) throws(ImportError) {
        guard let identifier = element.attributes["identifier"], let rawType = element.attribute("type") else {
            throw ImportError("\(path):\(element.line): an element without identifier or xsi:type")
        }
        let type = ArchiMateImporter.normalised(rawType)
        let properties = element.child("properties")?.children("property") ?? []
        func name(of property: XMLElementNode) -> String {
            let reference = property.attributes["propertyDefinitionRef"] ?? property.attributes["identifierref"] ?? ""
            return definitions[reference] ?? reference
        }
        // The export marks kinds ArchiMate has no element for (units) with `interlock.kind`; `--as` still wins.
        let marked = properties.first { name(of: $0) == "interlock.kind" }.flatMap { $0.child("value")?.text }.flatMap(ImportKind.init(word:))
        let kind = overrides[type] == nil ? marked ?? PortfolioImporter.kind(of: type, table: ArchiMateImporter.table, overrides: overrides)
            : PortfolioImporter.kind(of: type, table: ArchiMateImporter.table, overrides: overrides)
        var record = ImportRecord(key: identifier, sourceType: type, kind: kind, name: ArchiMateImporter.label(of: element) ?? identifier,
                                  location: SourceLocation(file: path, line: element.line, column: 1))
        let fields = kind.fieldTypes
        for property in properties {
            let name = name(of: property)
            if name == "interlock.kind" { continue }
            let value = property.child("value")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            // A property named like a field of the kind fills it (how the export writes them);
            // any other is kept as an x- key.
            if let field = fields.keys.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }), field != "name" {
                record.fields[field] = ImportValue(value, origin: "\(path):\(property.line) (property '\(name)' of \(identifier))")
            } else {
                let key = ImportID.slug(name).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ":", with: "-")
                record.extensions.append(ExtensionEntry(key: "x-" + (key.isEmpty ? "property" : key), value: value))
            }
        }
        if kind == .goal, record.fields["description"] == nil,
           let documentation = element.child("documentation")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !documentation.isEmpty {
            record.fields["description"] = ImportValue(documentation, origin: "\(path):\(element.line) (documentation of \(identifier))")
        }
        record.extensions.append(ExtensionEntry(key: "x-archimate-id", value: identifier))
        index[identifier] = records.count
        records.append(record)
    }

    mutating func addRelationship(_ relationship: XMLElementNode, path: String, definitions: [String: String]) throws(ImportError) {
        guard let rawType = relationship.attribute("type"), let source = relationship.attributes["source"],
              let target = relationship.attributes["target"]
        else { throw ImportError("\(path):\(relationship.line): a relationship without xsi:type, source or target") }
        let type = ArchiMateImporter.normalised(rawType)
        let origin = "\(path):\(relationship.line) (\(type) \(relationship.attributes["identifier"] ?? ""))"
        guard let from = index[source], let to = index[target] else {
            // An end that is no element: a relationship, or an identifier the file does not define.
            unresolved.append("'\(index[source] == nil ? source : target)' (\(origin))")
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
            let version = relationship.child("properties")?.children("property").first { property in
                let reference = property.attributes["propertyDefinitionRef"] ?? property.attributes["identifierref"] ?? ""
                return definitions[reference] == "version"
            }?.child("value")?.text
            link(from, "technologies", to, detail: version)
        case "Influence":
            link(from, "goals", to)
        case "Access":
            // The exchange format's default access type is Write.
            let access = relationship.attributes["accessType"] ?? "Write"
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
