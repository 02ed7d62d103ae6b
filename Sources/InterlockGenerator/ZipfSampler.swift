import InterlockCore
/// Draws ranks `0..<count` with Zipf–Mandelbrot popularity: rank `r` has weight `1 / (r + 1 + offset)`.
///
/// A few ranks are drawn very often and a long tail rarely, as with real technologies and
/// capabilities. Only division and addition are used to build the table (both correctly rounded
/// in IEEE 754), so the same seed draws the same ranks on every platform.
struct ZipfSampler: Sendable {
    /// `cumulative[r]` is the total weight of ranks `0...r`.
    private let cumulative: [Double]

    /// - Parameters:
    ///   - count: number of ranks; must be positive.
    ///   - offset: flattens the head: 0 is classic Zipf, larger values share popularity more evenly.
    /// - Complexity: O(count) time and memory.
    init(count: Int, offset: Double = 0) {
        precondition(count > 0, "a Zipf sampler needs at least one rank")
        var table: [Double] = []
        table.reserveCapacity(count)
        var total = 0.0
        for rank in 0..<count {
            total += 1.0 / (Double(rank) + 1.0 + offset)
            table.append(total)
        }
        cumulative = table
    }

    /// Number of ranks.
    var count: Int { cumulative.count }

    /// A rank drawn by popularity.
    /// - Complexity: O(log count).
    func sample(_ random: inout SeededRandom) -> Int {
        let ticket = random.unit() * cumulative[cumulative.count - 1]
        // First rank whose cumulative weight exceeds the ticket.
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > ticket { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
