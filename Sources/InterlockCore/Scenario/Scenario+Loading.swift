extension Scenario {
    /// The scenario in the YAML or JSON file at `path`:
    ///
    ///     name: Retire SAP ECC in Q3
    ///     changes:
    ///       - retire: sap-ecc
    ///       - delay: s4hana-migration
    ///         days: 90
    ///       - replace: oracle-db
    ///         with: postgresql
    ///       - remove: legacy-ftp
    ///
    /// - Throws: `LoadError` at the file, line and column of what cannot be read, with what was
    ///   expected there.
    public static func load(path: String) throws(LoadError) -> Scenario {
        let bytes = try PortfolioLoader.readBytes(of: path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw LoadError("the file is not valid UTF-8", file: path) }
        return try load(text: text, file: path)
    }

    /// The scenario written in `text`, as ``load(path:)`` reads it; `file` names it in errors.
    public static func load(text: String, file: String) throws(LoadError) -> Scenario {
        var parser = YAMLDocumentParser(text: text, file: file)
        var reader = try FieldReader(try parser.parse(), file: file, subject: "a scenario", knownKeys: ["name", "changes"])
        let name = try reader.requiredText("name")
        let changes = try reader.list("changes").map { item throws(LoadError) in try change(item, file: file) }
        guard !changes.isEmpty else { throw LoadError("a scenario needs at least one change in 'changes'", at: reader.location) }
        try reader.finish()
        return Scenario(name: name, changes: changes)
    }

    /// One of `changes:`: `{retire: ID}`, `{remove: ID}`, `{delay: ID, days: N}` or `{replace: OLD, with: NEW}`.
    private static func change(_ node: DocumentNode, file: String) throws(LoadError) -> Change {
        var reader = try FieldReader(node, file: file, subject: "a change", knownKeys: ["retire", "remove", "delay", "days", "replace", "with"])
        let change: Change
        if let id = try reader.text("retire") {
            change = .retire(id)
        } else if let id = try reader.text("remove") {
            change = .remove(id)
        } else if let id = try reader.text("delay") {
            guard let days = try reader.number("days"), days == days.rounded(), abs(days) <= 36_500 else {
                throw LoadError("a delay needs 'days', a whole number of days from -36500 to 36500", at: reader.location)
            }
            change = .delay(id, days: Int(days))
        } else if let old = try reader.text("replace") {
            change = .replace(old, with: try reader.requiredText("with"))
        } else {
            throw LoadError("expected a change: retire, remove, delay (with days) or replace (with with)", at: reader.location)
        }
        try reader.finish()
        return change
    }
}
