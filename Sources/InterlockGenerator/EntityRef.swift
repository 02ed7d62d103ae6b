import InterlockCore
/// The kinds of generated ids. Each has its own prefix, so ids never collide across kinds even
/// though the portfolio format puts all kinds in one id space.
enum IDKind: Int, CaseIterable, Sendable {
    case unit, person, team, goal, capability, technology, dataSource, initiative
    /// Owners that deliberately name nobody: the "unknown owner" faults.
    case formerOwner

    var prefix: String {
        switch self {
        case .unit: "unit-"
        case .person: "person-"
        case .team: "team-"
        case .goal: "goal-"
        case .capability: "cap-"
        case .technology: "tech-"
        case .dataSource: "data-"
        case .initiative: "init-"
        case .formerOwner: "former-"
        }
    }
}

/// A reference to a generated entity by kind and zero-based index, formatted only when written,
/// so the hot path never builds id strings.
struct EntityRef: Hashable, Sendable {
    let kind: IDKind
    let index: Int
    /// For technology uses: index into the technology's versions (`java@17`), or -1 for none.
    let version: Int

    init(_ kind: IDKind, _ index: Int, version: Int = -1) {
        self.kind = kind
        self.index = index
        self.version = version
    }
}

/// A calendar date, written `YYYY-MM-DD`.
struct CalendarDate: Hashable, Sendable {
    let year: Int
    let month: Int
    let day: Int

    /// The last day of the month `months` months after this date's month.
    func endOfMonth(after months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let endYear = total / 12
        let endMonth = total % 12 + 1
        return CalendarDate(year: endYear, month: endMonth, day: CalendarDate.days(inMonth: endMonth, of: endYear))
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
