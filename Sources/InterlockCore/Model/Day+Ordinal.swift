extension Day {
    /// Days since 1970-01-01 (negative before), for arithmetic on dates: durations, axes.
    /// Howard Hinnant's days-from-civil algorithm on the proleptic Gregorian calendar.
    public var ordinal: Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The first day of the quarter this day falls in (1 January, 1 April, 1 July, 1 October).
    public var quarterStart: Day {
        Day(year: year, month: (month - 1) / 3 * 3 + 1, day: 1)
    }

    /// The first day of the next quarter.
    public var nextQuarterStart: Day {
        month >= 10 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: (month - 1) / 3 * 3 + 4, day: 1)
    }

    /// "Q3 2026".
    public var quarterName: String { "Q\((month - 1) / 3 + 1) \(year)" }
}
