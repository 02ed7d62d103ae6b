/// How sensitive the data in a source is.
public enum DataClassification: String, CaseIterable, Hashable, Sendable {
    /// May be published.
    case `public`
    /// For employees only.
    case `internal`
    /// Restricted to a need-to-know group.
    case confidential
    /// Personal data, under data-protection law.
    case pii
}

/// A data source (`dataSources:`): a database, file store or service holding data initiatives read or write.
public struct DataSource: Hashable, Sendable {
    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// The data domain, such as `customer`; several sources of one domain may be silos.
    public var domain: String?
    /// Sensitivity.
    public var classification: DataClassification?
    /// The owning person or team id.
    public var owner: String?
    /// The technology id it runs on.
    public var technology: String?
    /// True when this source is the authoritative one for its domain.
    public var systemOfRecord: Bool
    /// Where the data source was defined.
    public var location: SourceLocation

    /// Creates a data source.
    public init(
        id: String, name: String, domain: String? = nil, classification: DataClassification? = nil,
        owner: String? = nil, technology: String? = nil, systemOfRecord: Bool = false, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.domain = domain
        self.classification = classification
        self.owner = owner
        self.technology = technology
        self.systemOfRecord = systemOfRecord
        self.location = location
    }
}

extension DataSource {
    /// The fields of a data source in the format, in the order of `docs/portfolio.schema.json`.
    public static let fields = EntityFields<DataSource>(id: { $0.pointee.id }, name: { $0.pointee.name }, [
        EntityField("domain", .text) { .text(ifAny: $0.pointee.domain) },
        EntityField("classification", choice: DataClassification.self) { $0.pointee.classification },
        EntityField("owner", .reference) { .text(ifAny: $0.pointee.owner) },
        EntityField("technology", .reference) { .text(ifAny: $0.pointee.technology) },
        EntityField("systemOfRecord", .boolean) { .boolean($0.pointee.systemOfRecord) },
    ])
}
