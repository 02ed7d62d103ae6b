import InterlockCore

/// The current day, for defaults such as `--date`.
enum Today {
    /// Today as `YYYY-MM-DD`, in UTC.
    static func text() -> String {
        Day.today().description
    }
}
