import InterlockCore

/// Turns the records an importer read into a `Portfolio`: assigns ids, parses every field by
/// the type the model's field tables give it, resolves references, and counts what it mapped,
/// skipped and could not resolve. Shared by every import format, so that they all read a
/// status, a date or an owner the same way.
struct PortfolioAssembler {
    /// How the import is described in the no-initiative message (`model.xml`).
    var source: String
    /// Separates the items of a list field written as one text.
    var listSeparator: String
    /// Types to suggest for `--as TYPE=initiative` when nothing became an initiative, most fitting first.
    var initiativeCandidates: [String]

    /// Builds the portfolio; `ignored` counts relationships the importer could not place, and
    /// `unresolved` lists references it found to nothing.
    /// - Throws: `ImportError` for a value that cannot be read (naming its origin), an id given
    ///   twice, or an import that yields no initiative (listing the types it holds).
    func assemble(
        _ records: [ImportRecord], name: String?, sources: [String], format: ImportFormat, ignored: [String: Int] = [:],
        unresolved: [String] = []
    ) throws(ImportError) -> ImportedPortfolio {
        var summary = ImportSummary()
        summary.ignoredRelations = ignored
        var unmapped: [UnmappedElement] = []
        var typeCounts: [String: Int] = [:]
        for record in records {
            typeCounts[record.sourceType, default: 0] += 1
            if record.kind == .skip {
                summary.skippedTypes[record.sourceType, default: 0] += 1
                unmapped.append(UnmappedElement(key: record.key, type: record.sourceType, name: record.name))
            } else {
                summary.mapped[record.kind, default: 0] += 1
                summary.mappedTypes[record.sourceType, default: .init(kind: record.kind, count: 0)].count += 1
            }
        }
        guard (summary.mapped[.initiative] ?? 0) > 0 else { throw noInitiative(typeCounts) }

        let ids = try assignIDs(records)
        var resolver = Resolver(records: records, ids: ids)
        var portfolio = Portfolio(name: name)
        var extensions: [String: [ExtensionEntry]] = [:]
        for (index, record) in records.enumerated() where record.kind != .skip {
            var bag = FieldBag(record: record, id: ids[index] ?? record.key)
            try bag.read(separator: listSeparator, resolver: &resolver, summary: &summary)
            bag.add(record.links, resolver: &resolver, summary: &summary)
            bag.build(into: &portfolio)
            if !record.extensions.isEmpty { extensions[bag.id] = Self.distinctKeys(record.extensions) }
        }
        summary.unresolved = unresolved + resolver.unresolved
        return ImportedPortfolio(portfolio: portfolio, extensions: extensions, unmapped: unmapped, summary: summary,
                                 sources: sources, format: format)
    }

    /// The entries with every key told apart (`x-owner`, `x-owner-2`): two source properties can
    /// make the same key, and a YAML mapping may not hold a key twice (found by FuzzArchiMate).
    private static func distinctKeys(_ entries: [ExtensionEntry]) -> [ExtensionEntry] {
        var taken = Set<String>()
        return entries.map { entry in
            var key = entry.key, suffix = 2
            while !taken.insert(key).inserted {
                key = "\(entry.key)-\(suffix)"
                suffix += 1
            }
            return ExtensionEntry(key: key, value: entry.value)
        }
    }

    /// The error for an import with no initiative: the types it holds and the `--as` to try.
    private func noInitiative(_ typeCounts: [String: Int]) -> ImportError {
        let held = typeCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var message = "\(source) yields no initiative under the mapping in force"
        if held.isEmpty {
            message += ": it holds no element at all."
            return ImportError(message)
        }
        message += ". It holds: " + held.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "."
        let candidate = initiativeCandidates.first { typeCounts[$0] != nil } ?? held[0].key
        message += " If those are what the board should check, run again with --as \(candidate)=initiative"
        message += " (--as TYPE=KIND maps any type; see docs/interop.md)."
        return ImportError(message)
    }

    /// Ids: the record's `id` field when it has one (an id given twice is an error), else its
    /// name or key made into an id, with `-2`, `-3` ... when that is taken: deterministic, in
    /// record order.
    private func assignIDs(_ records: [ImportRecord]) throws(ImportError) -> [Int: String] {
        var ids: [Int: String] = [:]
        var taken: [String: String] = [:]
        for (index, record) in records.enumerated() where record.kind != .skip {
            guard let given = record.fields["id"] else { continue }
            let id = ImportID.make(given.text, fallback: "")
            guard !id.isEmpty else { throw ImportError("\(given.origin): '\(given.text)' cannot be an id (it has no letter or digit)") }
            if let first = taken[id] { throw ImportError("\(given.origin): id '\(id)' is given twice (first at \(first))") }
            taken[id] = given.origin
            ids[index] = id
        }
        for (index, record) in records.enumerated() where record.kind != .skip && ids[index] == nil {
            let base = ImportID.slug(record.name).isEmpty ? ImportID.make(record.key, fallback: "element") : ImportID.slug(record.name)
            var id = base
            var suffix = 2
            while taken[id] != nil {
                id = "\(base)-\(suffix)"
                suffix += 1
            }
            taken[id] = record.location.description
            ids[index] = id
        }
        return ids
    }
}

/// Finds what a reference names: a source key first, then an id, then a name (case-insensitive,
/// when only one record has it).
struct Resolver {
    /// What a reference resolved to.
    enum Resolution {
        /// An imported record: its id and kind.
        case record(id: String, kind: ImportKind)
        /// An element whose type no mapping took.
        case skipped(type: String)
        /// Nothing: the text made into an id, kept as a dangling reference.
        case unresolved(String)
    }

    private var byKey: [String: Int] = [:]
    private var byID: [String: Int] = [:]
    private var byName: [String: Int?] = [:]
    private let records: [ImportRecord]
    private let ids: [Int: String]
    /// Each unresolved reference with its origin, in the order met.
    private(set) var unresolved: [String] = []

    init(records: [ImportRecord], ids: [Int: String]) {
        self.records = records
        self.ids = ids
        for (index, record) in records.enumerated() {
            if byKey[record.key] == nil { byKey[record.key] = index }
            if let id = ids[index] { byID[id] = index }
            let name = record.name.lowercased()
            byName[name] = byName[name] == nil ? index : .some(nil)
        }
    }

    /// Resolves `text`, remembering it as unresolved (with `origin`) when it names nothing.
    mutating func resolve(_ text: String, origin: String) -> Resolution {
        let index = byKey[text] ?? byID[text] ?? byName[text.lowercased()] ?? nil
        guard let index else {
            unresolved.append("'\(text)' (\(origin))")
            return .unresolved(ImportID.make(text, fallback: "unnamed"))
        }
        let record = records[index]
        guard record.kind != .skip, let id = ids[index] else { return .skipped(type: record.sourceType) }
        return .record(id: id, kind: record.kind)
    }
}
