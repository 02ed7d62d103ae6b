import InterlockCore
/// The words the generator builds names from, and the well-known technologies that head the
/// technology list. All plain ASCII words that YAML reads as strings.
enum Vocabulary {
    /// A technology with a real-world name, listed roughly from most to least widely used, so
    /// the Zipf popularity of technology ranks matches what portfolios usually show.
    struct NamedTechnology: Sendable {
        let id: String
        let name: String
        let category: String
        let vendor: String
        /// Versions initiatives pin (`java@17`); empty when the technology is used unversioned.
        let versions: [String]
    }

    /// The category whose technologies exclude each other (one CRM platform per group).
    static let exclusiveCategory = "crm-platform"

    /// The category of technologies that host data sources.
    static let databaseCategory = "database"

    static let technologies: [NamedTechnology] = [
        NamedTechnology(id: "java", name: "Java", category: "language", vendor: "Oracle", versions: ["8", "11", "17", "21"]),
        NamedTechnology(id: "postgres", name: "PostgreSQL", category: databaseCategory, vendor: "PostgreSQL", versions: ["13", "15", "16"]),
        NamedTechnology(id: "kubernetes", name: "Kubernetes", category: "platform", vendor: "CNCF", versions: []),
        NamedTechnology(id: "react", name: "React", category: "frontend", vendor: "Meta", versions: ["17", "18", "19"]),
        NamedTechnology(id: "python", name: "Python", category: "language", vendor: "PSF", versions: ["2.7", "3.11", "3.12"]),
        NamedTechnology(id: "oracle-db", name: "Oracle Database", category: databaseCategory, vendor: "Oracle", versions: ["12", "19", "23"]),
        NamedTechnology(id: "kafka", name: "Apache Kafka", category: "messaging", vendor: "Apache", versions: ["2", "3"]),
        NamedTechnology(id: "salesforce", name: "Salesforce", category: exclusiveCategory, vendor: "Salesforce", versions: []),
        NamedTechnology(id: "sap-s4", name: "SAP S/4HANA", category: "erp", vendor: "SAP", versions: []),
        NamedTechnology(id: "sql-server", name: "SQL Server", category: databaseCategory, vendor: "Microsoft", versions: ["2016", "2019", "2022"]),
        NamedTechnology(id: "angular", name: "Angular", category: "frontend", vendor: "Google", versions: ["1", "16", "17"]),
        NamedTechnology(id: "mongodb", name: "MongoDB", category: databaseCategory, vendor: "MongoDB", versions: ["5", "6", "7"]),
        NamedTechnology(id: "dotnet", name: ".NET", category: "language", vendor: "Microsoft", versions: ["4", "6", "8"]),
        NamedTechnology(id: "dynamics-crm", name: "Dynamics 365 CRM", category: exclusiveCategory, vendor: "Microsoft", versions: []),
        NamedTechnology(id: "snowflake", name: "Snowflake", category: databaseCategory, vendor: "Snowflake", versions: []),
        NamedTechnology(id: "power-bi", name: "Power BI", category: "analytics", vendor: "Microsoft", versions: []),
        NamedTechnology(id: "tableau", name: "Tableau", category: "analytics", vendor: "Salesforce", versions: []),
        NamedTechnology(id: "rabbitmq", name: "RabbitMQ", category: "messaging", vendor: "Broadcom", versions: ["3"]),
        NamedTechnology(id: "okta", name: "Okta", category: "identity", vendor: "Okta", versions: []),
        NamedTechnology(id: "mysql", name: "MySQL", category: databaseCategory, vendor: "Oracle", versions: ["5", "8"]),
        NamedTechnology(id: "hubspot", name: "HubSpot", category: exclusiveCategory, vendor: "HubSpot", versions: []),
        NamedTechnology(id: "mulesoft", name: "MuleSoft", category: "integration", vendor: "Salesforce", versions: ["3", "4"]),
        NamedTechnology(id: "cobol", name: "COBOL", category: "language", vendor: "IBM", versions: []),
        NamedTechnology(id: "db2", name: "Db2", category: databaseCategory, vendor: "IBM", versions: ["10", "11"]),
    ]

    /// Categories and vendors of the synthetic technologies after the named ones.
    static let technologyCategories = [
        "language", "database", "frontend", "platform", "messaging", "analytics", "integration", "identity",
        "storage", "monitoring",
    ]
    static let vendors = [
        "Acme Software", "Northwind Labs", "Globex", "Initech", "Umbrella Systems", "Stark Digital", "Hooli",
        "Vandelay Tech", "Wayne Cloud", "Soylent Data",
    ]
    static let technologyPrefixes = [
        "Nimbus", "Quartz", "Helix", "Orbit", "Cobalt", "Vector", "Falcon", "Atlas", "Zephyr", "Prism",
        "Pulse", "Summit", "Beacon", "Cedar", "Ember", "Fathom", "Granite", "Harbor", "Ion", "Juniper",
    ]
    static let technologySuffixes = [
        "Gateway", "Store", "Engine", "Studio", "Cloud", "Stream", "Vault", "Mesh", "Hub", "Runtime",
        "Cache", "Index", "Lens", "Forms", "Flow", "Ledger", "Grid", "Relay", "Shield", "Scope",
    ]

    static let units = [
        "Group", "Sales", "Marketing", "Finance", "Operations", "IT", "Human Resources", "Logistics",
        "Customer Service", "Legal", "Procurement", "Research", "Manufacturing", "Risk", "Compliance",
        "Digital", "Retail", "Wholesale", "Treasury", "Facilities",
    ]

    static let firstNames = [
        "Alice", "Bruno", "Chloe", "Daniel", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karin",
        "Luca", "Maya", "Nils", "Olga", "Pablo", "Quentin", "Rosa", "Samir", "Tanja", "Ulrich", "Vera",
        "Wen", "Xavier", "Yasmin", "Zoran",
    ]
    static let lastNames = [
        "Martin", "Schmidt", "Rossi", "Garcia", "Novak", "Dubois", "Jensen", "Kowalski", "Silva", "Bauer",
        "Moreau", "Fischer", "Costa", "Nielsen", "Horvat", "Lambert", "Weber", "Romano", "Berg", "Ivanova",
    ]

    static let teams = [
        "Platform team", "Data team", "Integration team", "Web team", "Mobile team", "Security team",
        "Cloud team", "Analytics team", "Payments team", "Identity team", "Commerce team", "Support team",
        "Infrastructure team", "Reporting team", "Automation team",
    ]

    static let goals = [
        "Customer 360", "Cloud first", "Cost reduction", "Regulatory compliance", "Data-driven decisions",
        "Omnichannel experience", "Operational excellence", "Sustainability", "Faster time to market",
        "Employee experience", "Cyber resilience", "New revenue streams",
    ]

    static let capabilityNouns = [
        "Customer", "Order", "Product", "Payment", "Invoice", "Supplier", "Employee", "Inventory", "Pricing",
        "Contract", "Claims", "Shipment", "Campaign", "Identity", "Document", "Asset", "Risk", "Loyalty",
        "Partner", "Service",
    ]
    static let capabilityActivities = [
        "management", "onboarding", "analytics", "processing", "reporting", "planning", "tracking",
        "self-service", "forecasting", "compliance", "integration", "scoring",
    ]

    static let projectWords = [
        "revamp", "modernisation", "platform", "migration", "automation", "portal", "programme", "pilot",
        "consolidation", "rollout",
    ]

    /// Data domains with their weights: customer data is the most often duplicated.
    static let dataDomains = [
        "customer", "order", "product", "employee", "finance", "supplier", "marketing", "logistics",
    ]
    static let dataDomainWeights = [30, 15, 15, 10, 10, 8, 7, 5]
    static let dataStoreWords = [
        "master", "warehouse", "ledger", "lake", "cache", "archive", "register", "mart",
    ]

    static let lifecycles = ["adopt", "trial", "assess", "hold", "retired"]
    /// The widely used named technologies are adopted, tried or assessed; technologies on hold or
    /// retired sit in the long tail, as in real landscapes, so a few percent of initiatives use one.
    static let namedLifecycleWeights = [80, 12, 8, 0, 0]
    static let syntheticLifecycleWeights = [50, 15, 15, 12, 8]

    static let statuses = ["idea", "planned", "in-progress", "live", "retired"]
    static let statusWeights = [10, 30, 35, 20, 5]

    static let tags = ["gdpr", "cloud", "regulatory", "cost-saving", "customer-facing", "ai"]
}
