import InterlockCore
/// Formats generated ids: a kind prefix and a one-based number zero-padded to the width of the
/// kind's count (`init-0042`), except the named technologies, which keep their real ids (`java`).
struct IDScheme: Sendable {
    private let widths: [Int]

    init(counts: GeneratorManifest.Counts) {
        var widths = Array(repeating: 1, count: IDKind.allCases.count)
        for kind in IDKind.allCases {
            widths[kind.rawValue] = String(Self.count(of: kind, in: counts)).count
        }
        self.widths = widths
    }

    /// Appends the id of `ref`, with `@version` for a versioned technology use.
    func append(_ ref: EntityRef, to sink: inout ByteSink) {
        let named = Vocabulary.technologies
        if ref.kind == .technology, ref.index < named.count {
            sink.append(named[ref.index].id)
        } else {
            sink.append(ref.kind.prefix)
            sink.appendDecimal(ref.index + 1, width: widths[ref.kind.rawValue])
        }
        guard ref.version >= 0 else { return }
        sink.append(UInt8(ascii: "@"))
        if ref.index < named.count {
            sink.append(named[ref.index].versions[ref.version])
        } else {
            sink.appendDecimal(ref.version + 1)
        }
    }

    /// The id of `ref` as a string, for the manifest.
    func string(_ ref: EntityRef) -> String {
        var sink = ByteSink(handle: nil, chunkSize: 32)
        append(ref, to: &sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    private static func count(of kind: IDKind, in counts: GeneratorManifest.Counts) -> Int {
        switch kind {
        case .unit: counts.units
        case .person: counts.people
        case .team: counts.teams
        case .goal: counts.goals
        case .capability: counts.capabilities
        case .technology: counts.technologies
        case .dataSource: counts.dataSources
        case .initiative: counts.initiatives
        case .formerOwner: counts.formerOwners
        }
    }
}
