import InterlockCore
import Yams

/// Reads Backstage catalog files (`catalog-info.yaml`, several documents per file,
/// `apiVersion: backstage.io/v1alpha1`). Entity references (`[kind:][namespace/]name`) are
/// compared whole, so `user:default/guest` and `user:development/guest` are two people; an
/// entity's id is its name, or its whole reference when another entity has the same name.
/// Annotations `interlock.dev/FIELD` set fields the catalog has no place for (the export writes
/// them), and `interlock.dev/kind` the kind.
enum BackstageImporter {
    /// Catalog kind (lowercased) -> kind.
    static let table: [String: ImportKind] = [
        "component": .initiative, "system": .initiative, "resource": .dataSource, "api": .technology,
        "group": .team, "user": .person, "domain": .capability,
    ]

    /// `spec.lifecycle` -> status; `deprecated` still runs, so it stays live with a `deprecated` tag.
    static let lifecycles: [String: String] = ["experimental": "in-progress", "production": "live", "deprecated": "live"]

    static func importFiles(_ paths: [String], options: ImportOptions) throws(ImportError) -> ImportedPortfolio {
        var entities: [Entity] = []
        for path in paths {
            let text = try PortfolioImporter.readText(path, limits: options.limits)
            do {
                for document in try Yams.compose_all(yaml: text) {
                    if let entity = try Entity(document, path: path) { entities.append(entity) }
                }
            } catch let error as ImportError {
                throw error
            } catch {
                throw ImportError("\(path): not YAML (\(error))")
            }
        }
        var names: [String: Int] = [:]
        for entity in entities { names[entity.name.lowercased(), default: 0] += 1 }
        var records: [ImportRecord] = []
        var index: [String: Int] = [:]
        for entity in entities {
            let kind = PortfolioImporter.kind(of: entity.kindName, table: [entity.kindName: table[entity.kindName.lowercased()] ?? .skip],
                                              overrides: options.overrides)
            var record = ImportRecord(key: entity.ref, sourceType: entity.kindName, kind: entity.annotatedKind ?? kind,
                                      name: entity.title ?? entity.name, fields: entity.fields,
                                      location: entity.location)
            if record.fields["id"] == nil {
                let id = (names[entity.name.lowercased()] ?? 0) > 1 ? entity.ref : entity.name
                record.fields["id"] = ImportValue(id, origin: "\(entity.location) (metadata.name)")
            }
            if let lifecycle = entity.lifecycle, record.fields["status"] == nil, record.kind == .initiative {
                record.fields["status"] = ImportValue(lifecycles[lifecycle.lowercased()] ?? lifecycle, origin: "\(entity.location) (spec.lifecycle)")
                if lifecycle.lowercased() == "deprecated" { entity.addTag("deprecated", to: &record) }
            }
            record.extensions.append(ExtensionEntry(key: "x-backstage-ref", value: entity.ref))
            index[entity.ref] = records.count
            records.append(record)
        }
        var ignored: [String: Int] = [:]
        for (position, entity) in entities.enumerated() {
            for reference in entity.references {
                let holder = reference.onOther ? index[reference.target] : position
                let other = reference.onOther ? position : index[reference.target]
                guard let holder else {
                    // The entity naming it is absent, so nothing can hold the reference.
                    ignored["\(reference.path) naming no entity of the catalog", default: 0] += 1
                    continue
                }
                let holderKind = records[holder].kind
                var placed = false
                for field in reference.fields where holderKind.fieldTypes[field] != nil {
                    let allowed = field == "parent" ? [holderKind] : (PortfolioAssemblerKinds.targets[field] ?? [])
                    // An unknown target stays as written: check reports it as a dangling reference.
                    guard other.map({ allowed.contains(records[$0].kind) }) ?? true else { continue }
                    let target = other.map { records[$0].key } ?? reference.target
                    records[holder].links.append(ImportLink(field: field, target: target, origin: reference.origin))
                    placed = true
                    break
                }
                if !placed { ignored["\(reference.path) of a \(entity.kindName)", default: 0] += 1 }
            }
        }
        let assembler = PortfolioAssembler(source: paths.joined(separator: ", "), listSeparator: ";",
                                           initiativeCandidates: ["API", "Resource", "Group"])
        return try assembler.assemble(records, name: nil, sources: paths, format: .backstage, ignored: ignored)
    }
}

/// One catalog entity as read.
private struct Entity {
    /// A reference in the entity's spec: the fields it may fill (the first that fits), on this
    /// entity or, with `onOther`, on the entity named.
    struct Reference {
        var path: String
        var target: String
        var fields: [String]
        var onOther: Bool
        var origin: String
    }

    var kindName: String
    var name: String
    var namespace: String
    var title: String?
    var ref: String
    var lifecycle: String?
    var annotatedKind: ImportKind?
    var fields: [String: ImportValue] = [:]
    var references: [Reference] = []
    var location: SourceLocation

    /// Reads a document; nil for a document that is not a Backstage entity (an empty one).
    init?(_ node: Node, path: String) throws(ImportError) {
        let line = node.mark?.line ?? 1
        let place = "\(path):\(line)"
        guard node.mapping != nil else { return nil }
        guard let apiVersion = node["apiVersion"]?.string, apiVersion.hasPrefix("backstage.io/") else {
            throw ImportError("\(place): not a Backstage entity (apiVersion must be backstage.io/v1alpha1 or v1beta1)")
        }
        guard let kind = node["kind"]?.string, let name = node["metadata"]?["name"]?.string, !name.isEmpty else {
            throw ImportError("\(place): a Backstage entity needs kind and metadata.name")
        }
        kindName = kind
        self.name = name
        namespace = node["metadata"]?["namespace"]?.string ?? "default"
        title = node["metadata"]?["title"]?.string
        ref = "\(kind.lowercased()):\(namespace)/\(name)"
        location = SourceLocation(file: path, line: line, column: node.mark?.column ?? 1)
        let spec = node["spec"]
        lifecycle = spec?["lifecycle"]?.string
        if let tags = node["metadata"]?["tags"]?.sequence {
            fields["tags"] = ImportValue(tags.compactMap(\.string).joined(separator: ";"), origin: "\(place) (metadata.tags)")
        }
        for (key, value) in node["metadata"]?["annotations"]?.mapping ?? [:] {
            guard let key = key.string, key.hasPrefix("interlock.dev/"), let text = value.string else { continue }
            let field = String(key.dropFirst("interlock.dev/".count))
            if field == "kind" {
                annotatedKind = ImportKind(word: text)
            } else {
                fields[field] = ImportValue(text, origin: "\(path):\(value.mark?.line ?? line) (annotation \(key))")
            }
        }
        func add(_ key: String, defaultKind: String, fields: [String], onOther: Bool = false) {
            guard let value = spec?[key] else { return }
            let items = value.sequence.map { $0.compactMap(\.string) } ?? value.string.map { [$0] } ?? []
            for item in items {
                references.append(Reference(path: "spec.\(key)", target: BackstageRefs.ref(item, kind: defaultKind, namespace: namespace),
                                            fields: fields, onOther: onOther, origin: "\(path):\(value.mark?.line ?? line) (spec.\(key))"))
            }
        }
        add("owner", defaultKind: "group", fields: ["owner"])
        add("dependsOn", defaultKind: "component", fields: ["dependsOn"])
        add("consumesApis", defaultKind: "api", fields: ["dependsOn"])
        add("providesApis", defaultKind: "api", fields: [])
        // A system cannot work without its parts; a domain is the capability its systems serve.
        add("system", defaultKind: "system", fields: ["dependsOn"], onOther: true)
        add("domain", defaultKind: "domain", fields: ["capabilities"])
        add("parent", defaultKind: "group", fields: ["unit", "parent"])
        add("children", defaultKind: "group", fields: ["unit", "parent"], onOther: true)
        add("memberOf", defaultKind: "group", fields: ["members"], onOther: true)
        add("members", defaultKind: "user", fields: ["members"])
    }

    /// Adds `tag` to the record's tags.
    func addTag(_ tag: String, to record: inout ImportRecord) {
        let tags = record.fields["tags"]?.text
        record.fields["tags"] = ImportValue(tags.map { $0 + ";" + tag } ?? tag, origin: "\(location) (spec.lifecycle)")
    }
}

/// Backstage entity references.
enum BackstageRefs {
    /// The whole reference `kind:namespace/name`, kind lowercased, with the defaults filled in.
    static func ref(_ text: String, kind: String, namespace: String) -> String {
        var rest = Substring(text)
        var kind = kind
        if let colon = rest.firstIndex(of: ":") {
            kind = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        var namespace = namespace
        if let slash = rest.firstIndex(of: "/") {
            namespace = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        return "\(kind):\(namespace)/\(rest)"
    }
}
