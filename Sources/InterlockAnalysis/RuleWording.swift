/// How a rule speaks to a board: the words the HTML report and the diagrams use for it.
///
/// Every detector carries its own, so adding a detector adds its wording in the same file.
public struct RuleWording: Hashable, Sendable {
    /// A short title in business language ("Initiatives waiting on each other").
    public var title: String
    /// Why it matters, one sentence for a board member.
    public var whyItMatters: String
    /// The technical terms its findings use, paired with business words, for the glossary.
    public var glossary: [GlossaryEntry]

    /// Creates a rule's wording.
    public init(title: String, whyItMatters: String, glossary: [GlossaryEntry] = []) {
        self.title = title
        self.whyItMatters = whyItMatters
        self.glossary = glossary
    }
}

/// One line of the report's glossary: a business word and the technical term it stands for.
public struct GlossaryEntry: Hashable, Sendable {
    /// The word a board member uses ("Everything that stops if it fails").
    public var business: String
    /// The term of the files and findings ("blast radius").
    public var technical: String
    /// What it means, in one or two sentences.
    public var meaning: String

    /// Creates an entry.
    public init(business: String, technical: String, meaning: String) {
        self.business = business
        self.technical = technical
        self.meaning = meaning
    }
}
