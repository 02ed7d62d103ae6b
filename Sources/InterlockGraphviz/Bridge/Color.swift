/// An opaque or translucent sRGB colour, written to Graphviz as `#RRGGBB` or `#RRGGBBAA`.
///
/// Colours are typed rather than free text so that no portfolio value can reach a colour
/// attribute: every colour in a diagram comes from code.
public struct Color: Hashable, Sendable {
    /// Red channel, 0–255.
    public var red: UInt8
    /// Green channel, 0–255.
    public var green: UInt8
    /// Blue channel, 0–255.
    public var blue: UInt8
    /// Opacity, 0 (transparent) – 255 (opaque).
    public var alpha: UInt8

    /// A colour from its channels.
    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a 24-bit `0xRRGGBB` literal, e.g. `Color(rgb: 0xD62728)`.
    public init(rgb: UInt32, alpha: UInt8 = 255) {
        self.init(
            red: UInt8(truncatingIfNeeded: rgb >> 16),
            green: UInt8(truncatingIfNeeded: rgb >> 8),
            blue: UInt8(truncatingIfNeeded: rgb),
            alpha: alpha
        )
    }

    /// The Graphviz spelling: `#rrggbb`, or `#rrggbbaa` when not opaque.
    public var graphvizValue: String {
        let channels = alpha == 255 ? [red, green, blue] : [red, green, blue, alpha]
        return "#" + channels.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Pure black.
    public static let black = Color(rgb: 0x000000)
    /// Pure white.
    public static let white = Color(rgb: 0xFFFFFF)
}
