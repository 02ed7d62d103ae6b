/// Number formatting for attribute values.
enum GraphvizNumber {
    /// Whole numbers without a fraction (`2`), others in Swift's shortest form (`1.5`).
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(value)
    }
}
