import Foundation

/// What a layout child process sent back through its pipe (see `interlock_layout_in_child` in
/// the CGraphviz shim): frames of a tag byte, a 4-byte host-order length and the payload.
struct ChildReport {
    /// A status and the Graphviz error level after a stage.
    struct Outcome {
        /// The return value of `gvLayout` or `gvRenderData`.
        var status: Int32
        /// `agreseterrors()` after the call: above zero when Graphviz reported an error.
        var level: Int32
    }

    /// Pieces of Graphviz messages, in the order the error callback received them.
    private(set) var messagePieces: [String] = []
    /// The layout's outcome; nil when the child died before reporting it.
    private(set) var layout: Outcome?
    /// The rendering's outcome; nil when the layout failed or the child died before it.
    private(set) var render: Outcome?
    /// The rendered file; nil unless rendering succeeded.
    private(set) var data: Data?

    /// Decodes `bytes`; a frame cut short by the child's death ends the report.
    init(_ bytes: [UInt8]) {
        var offset = 0
        while offset + 5 <= bytes.count {
            let tag = bytes[offset]
            let length = bytes[(offset + 1)..<(offset + 5)].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
            let start = offset + 5
            guard bytes.count - start >= Int(length) else { return }
            let payload = bytes[start..<(start + Int(length))]
            offset = start + Int(length)
            switch tag {
            case UInt8(ascii: "m"): messagePieces.append(String(decoding: payload, as: UTF8.self))
            case UInt8(ascii: "l"): layout = Self.outcome(payload)
            case UInt8(ascii: "r"): render = Self.outcome(payload)
            case UInt8(ascii: "d"): data = Data(payload)
            default: return
            }
        }
    }

    private static func outcome(_ payload: ArraySlice<UInt8>) -> Outcome? {
        guard payload.count == 8 else { return nil }
        return payload.withUnsafeBytes { Outcome(status: $0.loadUnaligned(as: Int32.self), level: $0.loadUnaligned(fromByteOffset: 4, as: Int32.self)) }
    }
}
