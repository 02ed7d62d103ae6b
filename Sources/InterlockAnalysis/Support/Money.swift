import Foundation

/// Amounts of money as the outputs write them, in one place: written by hand, so output is
/// identical whatever the machine's locale.
public enum Money {
    /// A whole amount with thousands separators and the currency: "EUR 1,200,000". Any finite
    /// amount is written without trapping, however large.
    public static func format(_ amount: Double, currency: String?) -> String {
        let whole = amount.rounded()
        var digits = amount.isFinite ? String(format: "%.0f", abs(whole)) : "∞"
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let sign = whole < 0 ? "-" : ""
        let number = sign + digits + grouped
        return currency.map { "\($0) \(number)" } ?? number
    }

    /// A short amount for captions: "EUR 1.2M", "EUR 350k", "EUR 900".
    public static func abbreviated(_ amount: Double, currency: String?) -> String {
        let prefix = currency.map { $0 + " " } ?? ""
        switch abs(amount) {
        case 1_000_000...: return prefix + trimmed(amount / 1_000_000) + "M"
        case 1_000...: return prefix + trimmed(amount / 1_000) + "k"
        default: return prefix + trimmed(amount)
        }
    }

    /// One decimal at most, none when it is zero.
    private static func trimmed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
