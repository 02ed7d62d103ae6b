/// A calendar day written `YYYY-MM-DD`, as the portfolio format stores dates.
///
/// Days compare chronologically; there is no time of day or time zone, which is what
/// portfolio planning needs and keeps output identical on every machine.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, valid for that month.
    public let day: Int

    /// Parses `YYYY-MM-DD`; returns nil for anything else, including impossible days such as 2026-02-30.
    public init?(_ text: some StringProtocol) {
        // In place when the text is contiguous (it nearly always is): a large portfolio holds
        // millions of dates.
        guard let parsed = text.utf8.withContiguousStorageIfAvailable(Day.parse) ?? Array(text.utf8).withUnsafeBufferPointer(Day.parse)
        else { return nil }
        self = parsed
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> Day? {
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in utf8[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Chronological order.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written digit by digit into ten bytes: messages quote dates for hundreds of thousands of
        // findings, and building it from padded pieces cost more than the rest of the message.
        String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, endingAt end: Int, width: Int) {
                var rest = value
                for position in stride(from: end - 1, through: end - width, by: -1) {
                    bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, endingAt: 4, width: 4)
            bytes[4] = UInt8(ascii: "-")
            put(month, endingAt: 7, width: 2)
            bytes[7] = UInt8(ascii: "-")
            put(day, endingAt: 10, width: 2)
            return 10
        }
    }
}
