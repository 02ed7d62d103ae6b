import InterlockCore

/// What an import produced: the portfolio, the `x-` keys to write with it, the elements no
/// mapping took, and the summary to show.
public struct ImportedPortfolio: Sendable {
    /// The portfolio, with locations pointing into the imported files.
    public var portfolio: Portfolio
    /// `x-` keys per entity id, in the order read.
    public var extensions: [String: [ExtensionEntry]]
    /// Elements whose source type has no mapping, kept under `x-unmapped` in the written file.
    public var unmapped: [UnmappedElement]
    /// Counts per kind mapped, skipped and unresolved.
    public var summary: ImportSummary
    /// The files read, as given.
    public var sources: [String]
    /// The format they were read as.
    public var format: ImportFormat

    /// Creates an imported portfolio.
    public init(
        portfolio: Portfolio, extensions: [String: [ExtensionEntry]] = [:], unmapped: [UnmappedElement] = [],
        summary: ImportSummary = ImportSummary(), sources: [String], format: ImportFormat
    ) {
        self.portfolio = portfolio
        self.extensions = extensions
        self.unmapped = unmapped
        self.summary = summary
        self.sources = sources
        self.format = format
    }
}

/// An element no mapping took, kept so that nothing is dropped silently.
public struct UnmappedElement: Hashable, Sendable {
    /// Its identifier in the source.
    public var key: String
    /// Its type in the source.
    public var type: String
    /// Its name.
    public var name: String
}

/// What an import mapped, skipped and could not resolve, for the summary on standard error.
public struct ImportSummary: Hashable, Sendable {
    /// Entities created per kind.
    public var mapped: [ImportKind: Int] = [:]
    /// Source type -> kind and count, for the "WorkPackage -> initiative: 3" lines.
    public var mappedTypes: [String: MappedType] = [:]
    /// Source types with no mapping in force, with their counts.
    public var skippedTypes: [String: Int] = [:]
    /// Relationships or references that the format cannot hold, by description, with counts.
    public var ignoredRelations: [String: Int] = [:]
    /// References to nothing in the import, each with its origin; they stay in the portfolio
    /// and become dangling-reference findings.
    public var unresolved: [String] = []

    /// The kind a source type was mapped to and how many elements it had.
    public struct MappedType: Hashable, Sendable {
        /// The kind.
        public var kind: ImportKind
        /// How many.
        public var count: Int
    }

    /// Creates an empty summary.
    public init() {}

    /// The summary as lines for standard error, in a fixed order.
    public var lines: [String] {
        var lines: [String] = []
        let kinds = ImportKind.allCases.filter { $0 != .skip && (mapped[$0] ?? 0) > 0 }
        lines.append("mapped: " + (kinds.isEmpty ? "nothing" : kinds.map { $0.counted(mapped[$0] ?? 0) }.joined(separator: ", ")))
        for type in mappedTypes.keys.sorted() {
            if let entry = mappedTypes[type] { lines.append("  \(type) -> \(entry.kind.rawValue): \(entry.count)") }
        }
        if !skippedTypes.isEmpty {
            lines.append("skipped (no mapping; kept under x-unmapped, map them with --as TYPE=KIND): "
                         + skippedTypes.keys.sorted().map { "\($0) \(skippedTypes[$0] ?? 0)" }.joined(separator: ", "))
        }
        if !ignoredRelations.isEmpty {
            lines.append("relationships not imported: "
                         + ignoredRelations.keys.sorted().map { "\($0) \(ignoredRelations[$0] ?? 0)" }.joined(separator: ", "))
        }
        lines.append("unresolved references: \(unresolved.count)"
                     + (unresolved.isEmpty ? "" : " (those written on an imported entity are kept: check reports them as dangling references)"))
        lines += unresolved.prefix(10).map { "  \($0)" }
        if unresolved.count > 10 { lines.append("  ... and \(unresolved.count - 10) more") }
        return lines
    }
}
