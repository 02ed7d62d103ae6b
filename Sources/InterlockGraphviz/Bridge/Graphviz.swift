import CGraphviz
import Foundation

/// The one entry point to the Graphviz C library: renders ``Diagram`` values with the library,
/// not the `dot` program.
///
/// Graphviz keeps global state (its error level, its string pools, plugin jobs) and is not
/// thread-safe, not even with one context per thread, so every cgraph and gvc call in this
/// module happens inside this class, under one process-wide lock. Every C object is freed on
/// every path, in the order Graphviz requires: render data, then layout, then graph.
///
/// A program can have each layout run in a fresh process of its own
/// (``layOutInSubprocesses(executable:arguments:)``, as the `interlock` command does), because
/// Graphviz 2.42 has layout bugs that corrupt its heap and abort: in a separate process, that
/// is a failed attempt, not the end of the caller. When a layout fails, ``render(_:options:)``
/// draws the diagram again without clusters, then with `sfdp`, and says so in the subtitle and
/// in ``RenderedDiagram/fallback``.
///
/// ```swift
/// let svg = try Graphviz.shared.render(diagram, options: RenderOptions(format: .svg)).data
/// ```
public final class Graphviz: @unchecked Sendable {
    /// The process-wide instance; its context is created before any graph, which Graphviz
    /// needs for default labels to work.
    public static let shared = Graphviz()

    /// Where the C error callback writes. It is static because a C callback carries no
    /// context; it is only touched under ``lock``.
    static let messageLog = GraphvizMessageLog()

    /// Output devices this machine's Graphviz provides in-process, e.g. `svg`, `png`, `pdf`.
    public let availableFormats: [String]
    /// Layout engines this machine's Graphviz provides, e.g. `dot`, `sfdp`.
    public let availableLayouts: [String]

    /// Serialises every Graphviz call; `context` and ``messageLog`` are only used under it.
    private let lock = NSLock()
    /// The Graphviz context (`GVC_t *`), alive for the whole process.
    let context: OpaquePointer
    /// The discipline every graph is opened with (default memory and I/O, sequential IDs),
    /// alive for the whole process.
    private let discipline: UnsafeMutablePointer<Agdisc_t>
    /// The program and arguments that serve layouts (``serveLayout(_:)``) when layouts run in
    /// subprocesses; nil to lay out in this process. Only used under ``lock``.
    private var layoutServer: (executable: URL, arguments: [String])?

    private init() {
        guard let context = gvContext() else {
            fatalError("gvContext() returned NULL: the Graphviz library cannot start (out of memory)")
        }
        self.context = context
        let ids = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        ids.initialize(to: SequentialIDs.discipline())
        discipline = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agdisc_t(mem: interlock_agmemdisc(), id: ids, io: interlock_agiodisc()))
        _ = agseterrf { piece in
            if let piece { Graphviz.messageLog.receive(String(cString: piece)) }
            return 0
        }
        availableFormats = Self.pluginNames(context, kind: "device")
        availableLayouts = Self.pluginNames(context, kind: "layout")
    }

    /// Lays out and renders `diagram`, falling back when the layout fails.
    ///
    /// When the engine fails on the diagram (Graphviz reports an error or its process dies),
    /// the diagram is drawn again: by `dot` without its clusters when it has some, then by
    /// `sfdp`. A fallback adds a line to the diagram's subtitle and is described in
    /// ``RenderedDiagram/fallback``.
    ///
    /// - Returns: the file contents, the engine used, Graphviz's warnings and the fallback taken.
    /// - Throws: ``GraphvizError`` when the diagram is inconsistent, the format or engine is
    ///   not installed, or every layout tried failed (the first failure is thrown).
    public func render(_ diagram: Diagram, options: RenderOptions = RenderOptions()) throws(GraphvizError) -> RenderedDiagram {
        let engine = options.layout ?? diagram.layout ?? .automatic(nodeCount: diagram.nodes.count)
        guard availableFormats.contains(options.format.device) else {
            throw .formatUnavailable(options.format, available: availableFormats)
        }
        guard availableLayouts.contains(engine.rawValue) else {
            throw .layoutUnavailable(engine, available: availableLayouts)
        }
        return try render(diagram, engine: engine, options: options) { plan, engine throws(GraphvizError) in
            try render(plan, engine: engine, format: options.format)
        }
    }

    /// The fallback sequence of ``render(_:options:)`` with the drawing of each attempt given,
    /// so tests can make a chosen attempt fail.
    func render(
        _ diagram: Diagram, engine: LayoutEngine, options: RenderOptions,
        drawing draw: (GraphPlan, LayoutEngine) throws(GraphvizError) -> RenderedDiagram
    ) throws(GraphvizError) -> RenderedDiagram {
        var firstFailure: GraphvizError?
        for fallback in LayoutFallback.sequence(for: diagram, engine: engine, available: availableLayouts) {
            var attempt = diagram
            var note: String?
            if let firstFailure {
                note = fallback.note(after: firstFailure, engine: engine)
                attempt = fallback.apply(to: diagram, note: note)
            }
            do throws(GraphvizError) {
                let plan = try GraphPlan(attempt, engine: fallback.engine, options: options)
                var rendered = try draw(plan, fallback.engine)
                rendered.fallback = note
                return rendered
            } catch {
                // Only a failed layout is worth another engine; an inconsistent diagram or a
                // failing renderer fails the same way with any layout.
                guard error.isLayoutFailure else { throw error }
                if firstFailure == nil { firstFailure = error }
            }
        }
        throw firstFailure ?? .graphviz(stage: "\(engine.rawValue) layout", messages: [])
    }

    /// From now on, lays out and renders every diagram in a new process: `executable` run with
    /// `arguments`, which must pass its standard input to ``serveLayout(_:)`` and write the
    /// result to its standard output.
    ///
    /// Graphviz 2.42 can corrupt its heap during a layout (dot's rank array freed twice by
    /// `gvFreeLayout`, see ``GraphPlan``), and glibc then aborts the whole process; in a
    /// process of its own that is one failed attempt, and ``render(_:options:)`` falls back.
    /// A new process (posix_spawn), not `fork`: a fork of this threaded process copies locks
    /// other threads hold, and Pango's font thread holds fontconfig's lock while it loads
    /// fonts, so a forked child laying out text waited for it forever (seen in `report`).
    public func layOutInSubprocesses(executable: URL, arguments: [String]) {
        lock.lock()
        defer { lock.unlock() }
        layoutServer = (executable, arguments)
    }

    /// Lays out and renders one request from ``layOutInSubprocesses(executable:arguments:)``
    /// in this process, for the program serving layouts.
    ///
    /// - Parameter request: the bytes the parent process wrote to standard input.
    /// - Returns: the bytes to write to standard output, an error included.
    public func serveLayout(_ request: Data) -> Data {
        let response: LayoutResponse
        do {
            let decoded = try JSONDecoder().decode(LayoutRequest.self, from: request)
            guard let engine = LayoutEngine(rawValue: decoded.engine), let format = OutputFormat(rawValue: decoded.format) else {
                throw GraphvizError.graphviz(stage: "layout process", messages: ["unknown engine or format"])
            }
            do throws(GraphvizError) {
                let rendered = try renderHere(decoded.plan, engine: engine, format: format)
                response = LayoutResponse(data: rendered.data, warnings: rendered.warnings, failure: nil)
            } catch {
                response = LayoutResponse(data: nil, warnings: [], failure: LayoutResponse.Failure(error))
            }
        } catch {
            response = LayoutResponse(
                data: nil, warnings: [], failure: LayoutResponse.Failure(stage: "layout process", messages: ["unreadable request: \(error)"]))
        }
        return (try? JSONEncoder().encode(response)) ?? Data()
    }

    /// Lays out and renders a lowered graph; ``render(_:options:)`` after its checks. In a
    /// subprocess when ``layOutInSubprocesses(executable:arguments:)`` was called, else here.
    func render(_ plan: GraphPlan, engine: LayoutEngine, format: OutputFormat) throws(GraphvizError) -> RenderedDiagram {
        lock.lock()
        let server = layoutServer
        lock.unlock()
        guard let server else { return try renderHere(plan, engine: engine, format: format) }
        return try LayoutRequest(plan: plan, engine: engine, format: format).run(server.executable, arguments: server.arguments)
    }

    /// Lays out and renders a lowered graph in this process.
    private func renderHere(_ plan: GraphPlan, engine: LayoutEngine, format: OutputFormat) throws(GraphvizError) -> RenderedDiagram {
        lock.lock()
        defer { lock.unlock() }
        let data = try withGraph(plan) { graph throws(GraphvizError) in
            let layoutStatus = engine.rawValue.withCString { gvLayout(context, graph, $0) }
            // Freed even after a failed layout, which may have allocated part of its data.
            defer { gvFreeLayout(context, graph) }
            try checkErrors(status: layoutStatus, stage: "\(engine.rawValue) layout")
            if case .apart(let legend, let pageWidth, let pageHeight, let fillsPage) = plan.legendLayout {
                try placeLegend(legend, pageWidth: pageWidth, pageHeight: pageHeight, fillingPage: fillsPage, in: graph)
            }

            var result: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let renderStatus = format.device.withCString { gvRenderData(context, graph, $0, &result, &length) }
            defer { if let result { gvFreeRenderData(result) } }
            try checkErrors(status: renderStatus, stage: "\(format.rawValue) rendering")
            guard let result else { throw .graphviz(stage: "\(format.rawValue) rendering", messages: []) }
            return Data(bytes: result, count: Int(length))
        }
        return RenderedDiagram(data: data, layout: engine, warnings: Self.messageLog.warnings)
    }

    /// The diagram as a DOT graph before layout, exactly as it is handed to Graphviz
    /// (written by `agwrite`, not by hand), for golden tests and debugging.
    ///
    /// - Throws: ``GraphvizError/invalidDiagram(_:)``, or a system error if no memory stream
    ///   can be opened.
    public func source(of diagram: Diagram) throws(GraphvizError) -> String {
        let plan = try GraphPlan(diagram, engine: .dot, options: nil)
        lock.lock()
        defer { lock.unlock() }
        return try withGraph(plan) { graph throws(GraphvizError) in try Self.write(graph) }
    }

    // MARK: - Under the lock

    /// Builds the cgraph graph for `plan`, passes it to `body` and closes it on every path.
    func withGraph<Result>(
        _ plan: GraphPlan, _ body: (UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        Self.messageLog.reset()
        _ = agreseterrors()
        guard let root = withMutableCString("interlock", { agopen($0, interlock_agdirected(), discipline) }) else {
            try checkErrors(status: -1, stage: "graph creation")
            throw .graphviz(stage: "graph creation", messages: [])
        }
        defer { agclose(root) }
        try CGraphBuilder(root: root).build(plan)
        try checkErrors(status: 0, stage: "graph creation")
        return try body(root)
    }

    /// Throws the errors Graphviz reported since the last check, or a bare failure for a
    /// non-zero status. Graphviz reports most problems (a malformed HTML label) only through
    /// its error callback and level, not through return values.
    func checkErrors(status: Int32, stage: String) throws(GraphvizError) {
        let level = agreseterrors()
        let errors = Self.messageLog.errors
        if status != 0 || level > 0 || !errors.isEmpty {
            throw .graphviz(stage: stage, messages: errors)
        }
    }

    /// `agwrite` into a memory stream.
    private static func write(_ graph: UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) -> String {
        // The stream writes the buffer address and size on flush and close, so they need
        // stable addresses, not inout temporaries.
        let buffer = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 1)
        let size = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        buffer.initialize(to: nil)
        size.initialize(to: 0)
        defer {
            free(buffer.pointee)
            buffer.deallocate()
            size.deallocate()
        }
        guard let stream = open_memstream(buffer, size) else {
            throw .system("open_memstream", errno: errno)
        }
        let status = agwrite(graph, stream)
        let closeStatus = fclose(stream)
        guard status == 0, closeStatus == 0, let text = buffer.pointee else {
            throw .graphviz(stage: "writing DOT", messages: messageLog.errors)
        }
        return String(decoding: UnsafeRawBufferPointer(start: text, count: size.pointee), as: UTF8.self)
    }

    /// Names of the plugins of one kind (`"device"`, `"layout"`), sorted and deduplicated.
    private static func pluginNames(_ context: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = withMutableCString(kind, { gvPluginList(context, $0, &count, nil) }) else { return [] }
        defer { free(list) }
        var names: Set<String> = []
        for index in 0..<Int(max(count, 0)) {
            guard let name = list[index] else { continue }
            names.insert(String(cString: name))
            free(name)
        }
        return names.sorted()
    }
}

/// Calls `body` with a `char *` copy of `text`. cgraph declares its string parameters
/// without `const` but copies them, so a pointer to Swift's temporary C string is safe.
func withMutableCString<Result>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) throws -> Result) rethrows -> Result {
    try text.withCString { try body(UnsafeMutablePointer(mutating: $0)) }
}
