import InterlockCore

/// Writes an imported portfolio as a YAML file `interlock check` reads unchanged: a comment
/// header naming the source, then the format's keys in the order docs/format.md lists them,
/// every entity's fields in its field table's order, `x-` keys after them. Every text is
/// double-quoted (JSON escapes are valid YAML), so no name can change meaning.
public enum PortfolioYAMLWriter {
    /// The YAML text of `imported`, with `header` lines written as comments first.
    public static func text(of imported: ImportedPortfolio, header: [String] = []) -> String {
        var writer = Writer(extensions: imported.extensions)
        for line in header { writer.out += "# \(line)\n" }
        let portfolio = imported.portfolio
        if let name = portfolio.name { writer.out += "portfolio: \(quoted(name))\n" }
        if let currency = portfolio.currency { writer.out += "currency: \(quoted(currency))\n" }
        writer.section("units", portfolio.units, BusinessUnit.fields)
        writer.section("people", portfolio.people, Person.fields)
        writer.section("teams", portfolio.teams, Team.fields)
        writer.section("goals", portfolio.goals, Goal.fields)
        writer.section("capabilities", portfolio.capabilities, Capability.fields)
        writer.section("technologies", portfolio.technologies, Technology.fields)
        writer.section("dataSources", portfolio.dataSources, DataSource.fields)
        writer.out += "initiatives:" + (portfolio.initiatives.isEmpty ? " []\n" : "\n")
        for initiative in portfolio.initiatives {
            writer.entity(initiative, Initiative.fields, id: initiative.id) { out in
                guard !initiative.data.isEmpty else { return }
                out += "    data: ["
                out += initiative.data.map { "{source: \(quoted($0.source)), access: \($0.access.rawValue)}" }.joined(separator: ", ")
                out += "]\n"
            }
        }
        if !imported.unmapped.isEmpty {
            writer.out += "x-unmapped:\n"
            for element in imported.unmapped {
                writer.out += "  - {key: \(quoted(element.key)), type: \(quoted(element.type)), name: \(quoted(element.name))}\n"
            }
        }
        return writer.out
    }

    /// A double-quoted YAML scalar. The JSON literal escapes C0 controls and DEL; YAML also
    /// refuses C1 controls (but NEL) and U+FFFE/U+FFFF written as they are (found by FuzzCSV), so
    /// those are escaped too.
    static func quoted(_ text: String) -> String {
        let literal = JSONStringLiteral.quoted(text)
        guard literal.unicodeScalars.contains(where: isNotYAMLPrintable) else { return literal }
        var escaped = ""
        for scalar in literal.unicodeScalars {
            if isNotYAMLPrintable(scalar) {
                escaped += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16, uppercase: true)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func isNotYAMLPrintable(_ scalar: Unicode.Scalar) -> Bool {
        (0x80...0x9F).contains(scalar.value) && scalar.value != 0x85 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    private struct Writer {
        let extensions: [String: [ExtensionEntry]]
        var out = ""

        mutating func section<Entity>(_ key: String, _ entities: [Entity], _ fields: EntityFields<Entity>) {
            guard !entities.isEmpty else { return }
            out += "\(key):\n"
            for entity in entities {
                guard case .text(let id)? = fields.fields.first?.value(entity) else { continue }
                self.entity(entity, fields, id: id) { _ in }
            }
        }

        /// One list item; `more` writes what the field table's values do not spell as the format does.
        mutating func entity<Entity>(_ entity: Entity, _ fields: EntityFields<Entity>, id: String, more: (inout String) -> Void) {
            var first = true
            for field in fields.fields where field.type != .dataUses {
                guard let value = field.value(entity), value != Self.defaults[field.name],
                      let text = Self.yaml(value, type: field.type) else { continue }
                out += (first ? "  - " : "    ") + "\(field.name): \(text)\n"
                first = false
            }
            more(&out)
            for entry in extensions[id] ?? [] { out += "    \(entry.key): \(quoted(entry.value))\n" }
        }

        /// Booleans left out when they hold the format's default, so the file says only what the source said.
        static let defaults: [String: FieldValue] = ["active": .boolean(true), "systemOfRecord": .boolean(false)]

        /// The value as YAML, nil for an empty list.
        static func yaml(_ value: FieldValue, type: FieldType) -> String? {
            switch value {
            case .text(let text):
                switch type {
                case .date, .choice: return text
                default: return quoted(text)
                }
            case .number(let number):
                if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
                return "\(number)"
            case .boolean(let flag):
                return "\(flag)"
            case .list(let items):
                return items.isEmpty ? nil : "[" + items.map(quoted).joined(separator: ", ") + "]"
            }
        }
    }
}
