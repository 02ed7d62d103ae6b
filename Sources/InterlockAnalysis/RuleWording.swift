/// How a rule speaks to a board, in every board language: the words the HTML report and the
/// diagrams use for it.
///
/// Every detector carries its own, so adding a detector adds its wording in the same file.
public struct RuleWording: Hashable, Sendable {
    /// A short title in business language ("Initiatives waiting on each other").
    public var title: LocalizedText
    /// Why it matters, one sentence for a board member.
    public var whyItMatters: LocalizedText
    /// The technical terms its findings use, paired with business words, for the glossary.
    public var glossary: [GlossaryEntry]

    /// Creates a rule's wording.
    public init(title: LocalizedText, whyItMatters: LocalizedText, glossary: [GlossaryEntry] = []) {
        self.title = title
        self.whyItMatters = whyItMatters
        self.glossary = glossary
    }
}

/// One line of the report's glossary: a business word and the technical term it stands for, in
/// every board language.
public struct GlossaryEntry: Hashable, Sendable {
    /// The word a board member uses ("Everything that stops if it fails").
    public var business: LocalizedText
    /// The term of the files and findings ("blast radius").
    public var technical: LocalizedText
    /// What it means, in one or two sentences.
    public var meaning: LocalizedText

    /// Creates an entry.
    public init(business: LocalizedText, technical: LocalizedText, meaning: LocalizedText) {
        self.business = business
        self.technical = technical
        self.meaning = meaning
    }
}
