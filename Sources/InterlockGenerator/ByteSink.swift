import InterlockCore
import Foundation

/// Collects generated text and hands it to its destination in chunks of about a megabyte, so the
/// memory used stays bounded whatever the size of the portfolio. Without a file handle it keeps
/// everything, for callers that want the text in memory.
struct ByteSink {
    private(set) var bytes: [UInt8] = []
    private let handle: FileHandle?
    private let chunkSize: Int

    /// - Parameter handle: where full chunks go; `nil` keeps all bytes in memory.
    init(handle: FileHandle?, chunkSize: Int = 1 << 20) {
        self.handle = handle
        self.chunkSize = chunkSize
        bytes.reserveCapacity(handle == nil ? chunkSize : chunkSize + chunkSize / 4)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ text: String) {
        // Copying the contiguous UTF-8 at once is several times faster than appending the view.
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a non-negative integer in decimal, left-padded with zeros to `width` digits.
    mutating func appendDecimal(_ value: Int, width: Int = 1) {
        precondition(value >= 0, "only non-negative numbers are generated")
        // Digits are produced last first, into a small stack buffer, then copied in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            var rest = value
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for _ in count..<max(width, count) { bytes.append(UInt8(ascii: "0")) }
            for position in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[position]) }
        }
    }

    /// Appends `text` as a JSON string literal, which is also a valid YAML double-quoted scalar.
    mutating func appendQuoted(_ text: String) {
        JSONStringLiteral.append(text, to: &bytes)
    }

    /// Appends a date as `YYYY-MM-DD`.
    mutating func append(_ date: CalendarDate) {
        appendDecimal(date.year, width: 4)
        append(UInt8(ascii: "-"))
        appendDecimal(date.month, width: 2)
        append(UInt8(ascii: "-"))
        appendDecimal(date.day, width: 2)
    }

    /// Writes the collected bytes out once they fill a chunk.
    mutating func flushIfFull() throws {
        if handle != nil, bytes.count >= chunkSize { try flush() }
    }

    /// Writes out what is left; returns the bytes kept in memory (empty when writing to a handle).
    mutating func finish() throws -> [UInt8] {
        guard handle != nil else { return bytes }
        try flush()
        return []
    }

    private mutating func flush() throws {
        guard let handle, !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try handle.write(contentsOf: Data($0)) }
        bytes.removeAll(keepingCapacity: true)
    }
}
