import Foundation
import ZIPFoundation

/// The parts of an XLSX workbook's zip, read from its bytes with every size and offset checked
/// against the file and the import's limits.
///
/// Why not ZIPFoundation's `Archive`: on Linux, its inflate loop never ends when a part's deflate
/// stream is cut short (it asks for more input at the end of the file for ever), and its in-memory
/// archive traps when a damaged directory points past the end (both found by FuzzXLSX). So the
/// directory is read here, and each part inflated through ZIPFoundation's `Data.decompress` from a
/// provider that stops at the part's end.
struct WorkbookZip {
    /// Where a part's bytes are and how to unpack them.
    private struct Part {
        var method: UInt16
        var checksum: UInt32
        var compressed: Range<Int>
        var uncompressedSize: Int
    }

    /// A fault in the zip itself, said in one sentence.
    struct Damaged: Error {
        let reason: String
    }

    private let bytes: Data
    private let parts: [String: Part]
    /// What may still be unpacked, all parts together: a zip bomb stops here.
    private var budget: Int

    /// Reads the directory of `bytes`.
    /// - Throws: `Damaged` for anything that is not a plain zip (no directory, ZIP64, encrypted,
    ///   an offset outside the file), or `ImportError` when it holds more parts than `limits` allow.
    init(_ bytes: Data, path: String, limits: ImportLimits) throws {
        self.bytes = bytes
        budget = limits.maximumUncompressedSize
        let end = try Self.endOfDirectory(bytes)
        let count = Int(bytes.littleEndian(UInt16.self, at: end + 10))
        guard count <= limits.maximumZipEntries else {
            throw ImportError("\(path): more than \(limits.maximumZipEntries) parts in the workbook; refused")
        }
        var offset = Int(bytes.littleEndian(UInt32.self, at: end + 16))
        var parts: [String: Part] = [:]
        for _ in 0..<count {
            guard offset + 46 <= end, bytes.littleEndian(UInt32.self, at: offset) == 0x0201_4B50 else {
                throw Damaged(reason: "its directory is damaged")
            }
            let flags = bytes.littleEndian(UInt16.self, at: offset + 8)
            let nameLength = Int(bytes.littleEndian(UInt16.self, at: offset + 28))
            let extraLength = Int(bytes.littleEndian(UInt16.self, at: offset + 30))
            let commentLength = Int(bytes.littleEndian(UInt16.self, at: offset + 32))
            let compressedSize = bytes.littleEndian(UInt32.self, at: offset + 20)
            let uncompressedSize = bytes.littleEndian(UInt32.self, at: offset + 24)
            let header = Int(bytes.littleEndian(UInt32.self, at: offset + 42))
            guard flags & 1 == 0 else { throw Damaged(reason: "it is encrypted") }
            guard compressedSize != .max, uncompressedSize != .max, header != Int(UInt32.max) else {
                throw Damaged(reason: "it is a ZIP64 archive, which a workbook of this size never needs")
            }
            guard offset + 46 + nameLength <= end else { throw Damaged(reason: "its directory is damaged") }
            let name = String(decoding: bytes[bytes.startIndex + offset + 46 ..< bytes.startIndex + offset + 46 + nameLength], as: UTF8.self)
            parts[name] = Part(
                method: bytes.littleEndian(UInt16.self, at: offset + 10), checksum: bytes.littleEndian(UInt32.self, at: offset + 16),
                compressed: try Self.dataRange(of: header, size: Int(compressedSize), in: bytes),
                uncompressedSize: Int(uncompressedSize))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.parts = parts
    }

    /// The unpacked bytes of part `name`, nil when the zip has no such part.
    /// - Throws: `Damaged` for a part that does not unpack to what the directory says, or
    ///   `WorkbookZip.Bomb` once the parts unpacked so far exceed the limit.
    mutating func part(_ name: String) throws -> Data? {
        guard let part = parts[name] else { return nil }
        guard part.uncompressedSize <= budget else { throw Bomb() }
        budget -= part.uncompressedSize
        let compressed = bytes[(bytes.startIndex + part.compressed.lowerBound)..<(bytes.startIndex + part.compressed.upperBound)]
        var unpacked = Data()
        switch part.method {
        case 0:
            unpacked = Data(compressed)
        case 8:
            // ZIPFoundation's inflate hands zlib a whole buffer of input whatever the chunk's length,
            // so every chunk is a full buffer: the packed bytes are followed by zeros, never read by a
            // stream that ends where it should.
            let bufferSize = 64 * 1024
            let padded = Data(compressed) + Data(count: bufferSize)
            do {
                _ = try Data.decompress(size: Int64(compressed.count), bufferSize: bufferSize, skipCRC32: true, provider: { position, size in
                    // The end of the part's bytes ends a stream that did not: damaged, not "more to come".
                    guard position < compressed.count, size <= bufferSize else { throw Damaged(reason: "the part \(name) is cut short") }
                    return padded[Int(position)..<Int(position) + size]
                }, consumer: { chunk in
                    // Never more than the directory promised: a part that lies about its size is a bomb.
                    guard unpacked.count + chunk.count <= part.uncompressedSize else {
                        throw Damaged(reason: "the part \(name) is larger than its directory says")
                    }
                    unpacked.append(chunk)
                })
            } catch let error as Damaged {
                throw error
            } catch {
                throw Damaged(reason: "the part \(name) is not valid deflate data")
            }
        default:
            throw Damaged(reason: "the part \(name) is packed with method \(part.method), not deflate")
        }
        guard unpacked.count == part.uncompressedSize, unpacked.crc32(checksum: 0) == part.checksum else {
            throw Damaged(reason: "the part \(name) does not match its checksum")
        }
        return unpacked
    }

    /// The parts unpack to more than the limit.
    struct Bomb: Error {}

    /// The offset of the end-of-directory record, searched from the end (a comment may follow it).
    private static func endOfDirectory(_ bytes: Data) throws -> Int {
        guard bytes.count >= 22 else { throw Damaged(reason: "it is not a zip archive") }
        var offset = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - Int(UInt16.max))
        while offset >= lowest {
            if bytes.littleEndian(UInt32.self, at: offset) == 0x0605_4B50 { return offset }
            offset -= 1
        }
        throw Damaged(reason: "it is not a zip archive")
    }

    /// The range of a part's packed bytes: after its local header, inside the file.
    private static func dataRange(of header: Int, size: Int, in bytes: Data) throws -> Range<Int> {
        guard header + 30 <= bytes.count, bytes.littleEndian(UInt32.self, at: header) == 0x0403_4B50 else {
            throw Damaged(reason: "a part's header is outside the file")
        }
        let start = header + 30 + Int(bytes.littleEndian(UInt16.self, at: header + 26)) + Int(bytes.littleEndian(UInt16.self, at: header + 28))
        guard start + size <= bytes.count else { throw Damaged(reason: "a part ends past the end of the file") }
        return start..<(start + size)
    }
}

extension Data {
    /// The little-endian integer at `offset` from the start; the caller has checked it fits.
    fileprivate func littleEndian<Integer: FixedWidthInteger>(_: Integer.Type, at offset: Int) -> Integer {
        var value = Integer.zero
        for index in 0..<MemoryLayout<Integer>.size {
            value |= Integer(self[startIndex + offset + index]) << (8 * index)
        }
        return value
    }
}
