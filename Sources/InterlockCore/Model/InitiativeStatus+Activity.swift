extension InitiativeStatus {
    /// True for every status but `retired`: the one definition of an initiative that still
    /// matters, which every detector, view and report figure uses ("active").
    public var isActive: Bool { self != .retired }

    /// True for initiatives that move data today or are committed to (planned, in progress,
    /// live): an idea has no data flows yet, and a retired initiative none any more.
    public var isUnderway: Bool { isActive && self != .idea }
}
