import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz
import InterlockQuery
import InterlockReports

/// The portfolio `interlock serve` shows, kept current as its files are saved: the last version
/// that loaded, why the files on disk do not load now (if they do not), the pages listening for
/// changes, and the drawings and report already made for the current version.
public actor LivePortfolio {
    /// The files or folders served.
    public nonisolated let paths: [String]
    /// The last version that loaded.
    public private(set) var current: ServedPortfolio
    /// Why the files as saved now do not load (located), while `current` stays the last good one.
    public private(set) var problem: String?
    /// The day views and the report take as today.
    private let today: @Sendable () -> Day
    private let work: BlockingWork
    private var signature: FileSignature
    private var listeners: [Int: AsyncStream<PortfolioEvent>.Continuation] = [:]
    private var nextListener = 0
    private var drawings = DrawingCache(capacity: 64)
    /// The board report of the version served, once asked for.
    private var report: String?

    /// Loads and analyses `paths`.
    ///
    /// - Parameter today: the day policy exceptions, roadmaps and the report take as today.
    /// - Throws: `PortfolioAnalysisError` when the files do not load: the server does not start.
    public init(paths: [String], today: @escaping @Sendable () -> Day = { Day.today() }) async throws(PortfolioAnalysisError) {
        let work = BlockingWork()
        self.paths = paths
        self.today = today
        self.work = work
        signature = FileSignature(of: paths)
        let analysis = try await work.run { () throws(PortfolioAnalysisError) in try PortfolioAnalysis(paths: paths, today: today()) }
        current = ServedPortfolio(analysis: analysis, generation: 1)
        ReleasedMemory.returnToSystem()
    }

    /// Loads the files again if any was saved, added or removed since the last look; on
    /// success the new version is served and listeners hear what appeared and what was
    /// resolved; on failure they hear the located error and the last good version stays.
    ///
    /// - Returns: whether the files had changed.
    @discardableResult
    public func reloadIfChanged() async -> Bool {
        let seen = FileSignature(of: paths)
        guard seen != signature else { return false }
        signature = seen
        let (paths, today) = (self.paths, self.today)
        let generation = current.generation + 1
        do {
            let analysis = try await work.run { () throws(PortfolioAnalysisError) in try PortfolioAnalysis(paths: paths, today: today()) }
            // A save that landed while this one loaded is picked up by the next look.
            let previous = current.analysis.findings
            current = ServedPortfolio(analysis: analysis, generation: generation)
            problem = nil
            drawings.removeAll()
            report = nil
            let (appeared, resolved) = Self.difference(from: previous, to: analysis.findings)
            broadcast(.updated(generation: generation, appeared: appeared, resolved: resolved))
            ReleasedMemory.returnToSystem()
        } catch {
            problem = error.description
            broadcast(.problem(error.description))
        }
        return true
    }

    /// A stream of what happens from now on; it ends when the caller stops listening.
    public func events() -> AsyncStream<PortfolioEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: PortfolioEvent.self, bufferingPolicy: .bufferingNewest(16))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.stopListening(id) } }
        return stream
    }

    /// Tells every listener that nothing happened, so that closed connections are noticed.
    public func heartbeat() {
        broadcast(.heartbeat)
    }

    /// How many pages listen for changes.
    public var listenerCount: Int { listeners.count }

    /// The SVG of `request` for the current version, drawn on the first ask and kept.
    ///
    /// - Throws: `ServeError` 404 for a focus on an unknown node, 500 when Graphviz fails.
    public func drawing(_ request: DrawingRequest) async throws(ServeError) -> Data {
        let served = current
        if let drawn = drawings[request] { return drawn }
        let day = today()
        let drawn = try await work.run { () throws(ServeError) in
            do {
                return try served.drawing(request, today: day)
            } catch let error as ViewError {
                throw ServeError(status: 404, code: "unknown-node", error.description)
            } catch {
                throw ServeError(status: 500, code: "drawing-failed", "Graphviz could not draw this view: \(error)")
            }
        }
        // A reload while it was drawn made it out of date: hand it to this request, keep it not.
        if current.generation == served.generation { drawings[request] = drawn }
        return drawn
    }

    /// The board report of the current version, made on the first ask and kept.
    public func boardReport() async throws(ServeError) -> String {
        let served = current
        if let report { return report }
        let (paths, day) = (self.paths, today())
        let html = try await work.run { () throws(ServeError) in
            let fingerprint: String
            do { fingerprint = try InputFingerprint.of(paths: paths) } catch {
                throw ServeError(status: 500, code: "report-failed", "The report could not read its input: \(error)")
            }
            return served.boardReport(date: day, fingerprint: fingerprint)
        }
        if current.generation == served.generation { report = html }
        ReleasedMemory.returnToSystem()
        return html
    }

    /// Runs a query on the current version, off the server's threads.
    public func query(_ text: String, parameters: [String: QueryValue], bounds: QueryBounds) async throws(ServeError) -> String {
        let served = current
        return try await work.run { () throws(ServeError) in try served.query(text, parameters: parameters, bounds: bounds) }
    }

    private func stopListening(_ id: Int) {
        listeners[id] = nil
    }

    private func broadcast(_ event: PortfolioEvent) {
        for listener in listeners.values { listener.yield(event) }
    }

    /// The findings of `new` whose key `old` lacks, and those of `old` that `new` lacks.
    static func difference(from old: [Finding], to new: [Finding]) -> (appeared: [Finding], resolved: [Finding]) {
        let oldKeys = Set(old.map(\.fingerprint)), newKeys = Set(new.map(\.fingerprint))
        return (new.filter { !oldKeys.contains($0.fingerprint) }, old.filter { !newKeys.contains($0.fingerprint) })
    }
}

/// The drawings made for the version served, at most `capacity`; the oldest goes first. A
/// reload empties it (`removeAll`), and a drawing of an older version is never stored.
struct DrawingCache: Sendable {
    private var order: [DrawingRequest] = []
    private var drawn: [DrawingRequest: Data] = [:]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(request: DrawingRequest) -> Data? {
        get { drawn[request] }
        set {
            guard let newValue, drawn.updateValue(newValue, forKey: request) == nil else { return }
            order.append(request)
            if order.count > capacity { drawn[order.removeFirst()] = nil }
        }
    }

    mutating func removeAll() {
        order = []
        drawn = [:]
    }
}
