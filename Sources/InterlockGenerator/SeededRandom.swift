import InterlockCore
/// A small, fast, seedable pseudo-random generator (SplitMix64) whose every value is defined by
/// this file alone, so a seed gives the same sequence on every platform and toolchain.
///
/// The standard library's `Int.random(in:using:)` and `shuffle(using:)` may change their
/// algorithms between releases; the generator therefore draws bounded integers, doubles and
/// shuffles with its own methods below. There is no shared state: each value owns its stream.
///
/// ```swift
/// var random = SeededRandom(seed: 42)
/// let die = random.int(in: 1...6)
/// ```
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Starts the stream for `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Starts an independent stream for `seed`, one per `stream` number, so that one part of a
    /// generation can draw more or fewer values without shifting what another part draws.
    public init(seed: UInt64, stream: UInt64) {
        state = SeededRandom.mix(seed ^ SeededRandom.mix(stream &+ 0x6A09_E667_F3BC_C909))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeededRandom.mix(state)
    }

    /// A uniform integer in `0..<bound`, without modulo bias (Lemire's multiply-and-reject).
    /// - Precondition: `bound > 0`.
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `0..<1` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A uniformly chosen element.
    /// - Precondition: `elements` is not empty.
    public mutating func element<Element>(of elements: [Element]) -> Element {
        elements[int(below: elements.count)]
    }

    /// An index drawn with probability proportional to its weight.
    /// - Precondition: the weights are non-negative and at least one is positive.
    public mutating func index(weightedBy weights: [Int]) -> Int {
        var ticket = int(below: weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if ticket < weight { return index }
            ticket -= weight
        }
        preconditionFailure("weights must contain a positive value")
    }

    /// Shuffles `elements` in place (Fisher–Yates).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(index, int(below: index + 1))
        }
    }

    /// SplitMix64's finaliser: a bijective scramble of 64 bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var bits = value
        bits = (bits ^ (bits >> 30)) &* 0xBF58_476D_1CE4_E5B9
        bits = (bits ^ (bits >> 27)) &* 0x94D0_49BB_1331_11EB
        return bits ^ (bits >> 31)
    }
}
