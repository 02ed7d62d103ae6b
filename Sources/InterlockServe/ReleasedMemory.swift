#if canImport(Glibc)
import Glibc
#endif

/// Gives memory freed by the C allocator back to the system. A reload holds two versions of the
/// portfolio for a moment; without this, glibc keeps the old one's pages, and a server that has
/// reloaded a few times stays at twice its size.
enum ReleasedMemory {
    /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module leaves `malloc.h` out,
    /// and other C libraries do not have it (then nothing is done).
    private typealias Trim = @convention(c) (Int) -> Int32

    static func returnToSystem() {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
