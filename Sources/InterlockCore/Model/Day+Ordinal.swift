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

extension Day {
    /// The day `ordinal` days after 1970-01-01: the inverse of ``ordinal`` (Howard Hinnant's
    /// civil-from-days), clamped to years 1 to 9999.
    public init(ordinal: Int) {
        let shifted = ordinal + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        if year < 1 {
            self.init(year: 1, month: 1, day: 1)
        } else if year > 9999 {
            self.init(year: 9999, month: 12, day: 31)
        } else {
            self.init(year: year, month: month, day: day)
        }
    }
}
