import CLibFuzzer
import Foundation

/// Runs libFuzzer with the process's arguments over `body`, and ends the process with its status.
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var count = CommandLine.argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&count, &arguments, body))
}

/// The bytes libFuzzer hands over, as an array.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// The fuzz input as text, or nil when it is not UTF-8 (the loader refuses such files before parsing).
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String? {
    String(validating: fuzzBytes(data, size), as: UTF8.self)
}

/// A fuzzer's own check failed: a bug even though nothing crashed (libFuzzer saves the input).
public func fuzzFailure(_ message: String) -> Never {
    fatalError("fuzz invariant broken: \(message)")
}
