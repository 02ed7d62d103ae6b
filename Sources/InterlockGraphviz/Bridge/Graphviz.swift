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
/// The graph is built in this process; the layout and rendering run in a forked child that
/// sends back the bytes, because Graphviz 2.42 has layout bugs that corrupt its heap and
/// abort (see ``render(_:engine:format:)``): a child that dies costs one attempt, not the
/// caller's process. When a layout fails, ``render(_:options:)`` draws the diagram again
/// without clusters, then with `sfdp`, and says so in the subtitle and in
/// ``RenderedDiagram/fallback``.
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
    private let context: OpaquePointer
    /// The discipline every graph is opened with (default memory and I/O, sequential IDs),
    /// alive for the whole process.
    private let discipline: UnsafeMutablePointer<Agdisc_t>
    /// Engine and format pairs already used in this process (see ``warmUp(engine:format:)``);
    /// only used under ``lock``.
    private var warmedUp: Set<String> = []

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
        let engine = options.layout ?? .automatic(nodeCount: diagram.nodes.count)
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

    /// Lays out and renders a lowered graph; ``render(_:options:)`` after its checks.
    ///
    /// The layout runs in a forked child process. Graphviz 2.42 can corrupt its heap during a
    /// layout (a rank array freed twice by `gvFreeLayout` after dot added a rank for a labelled
    /// edge, see ``GraphPlan``), and glibc then aborts the whole process; in a child, that is a
    /// failed attempt the caller can recover from. Forking a threaded process is safe here
    /// because the child runs only C: the shim's `interlock_layout_in_child` lays out,
    /// renders, writes the bytes and Graphviz's messages to a pipe and ends with `_exit`
    /// (no cleanup, no atexit handlers, no Swift error callback). The only Swift it reaches
    /// are the ID discipline's callbacks, which read and extend dictionaries already built
    /// here and allocate through malloc, which glibc makes usable in a forked child. Plugins
    /// and fonts are loaded in this process first (``warmUp(engine:format:)``), so the child
    /// never calls `dlopen` or initialises fontconfig, whose locks another thread might have
    /// held at the fork.
    ///
    /// - Parameter isolated: false lays out in this process, as the warm-up does; tests use it
    ///   so that a corrupted heap ends the test process instead of being absorbed as a failure.
    func render(_ plan: GraphPlan, engine: LayoutEngine, format: OutputFormat, isolated: Bool = true) throws(GraphvizError) -> RenderedDiagram {
        lock.lock()
        defer { lock.unlock() }
        if isolated { try warmUp(engine: engine, format: format) }
        let data = try withGraph(plan) { graph throws(GraphvizError) in
            isolated ? try layOutInChild(graph, engine: engine, format: format) : try layOutHere(graph, engine: engine, format: format)
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

    /// Lays out and renders a two-node graph in this process, once per engine and format, so
    /// that Graphviz loads the plugins, the text layout and the fonts before any fork.
    private func warmUp(engine: LayoutEngine, format: OutputFormat) throws(GraphvizError) {
        let key = "\(engine.rawValue) \(format.device)"
        guard !warmedUp.contains(key) else { return }
        let sample = Diagram(
            title: "warm-up", nodes: [DiagramNode(id: "a", label: .plain("a")), DiagramNode(id: "b", label: .plain("b"), cluster: "c")],
            edges: [DiagramEdge(from: "a", to: "b", label: "e")], clusters: [DiagramCluster(id: "c")])
        let plan = try GraphPlan(sample, engine: engine, options: RenderOptions(format: format))
        _ = try withGraph(plan) { graph throws(GraphvizError) in try layOutHere(graph, engine: engine, format: format) }
        warmedUp.insert(key)
    }

    /// Lays out and renders `graph` in this process and frees the layout.
    private func layOutHere(_ graph: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine, format: OutputFormat) throws(GraphvizError) -> Data {
        let layoutStatus = engine.rawValue.withCString { gvLayout(context, graph, $0) }
        // Freed even after a failed layout, which may have allocated part of its data.
        defer { gvFreeLayout(context, graph) }
        try checkErrors(status: layoutStatus, stage: "\(engine.rawValue) layout")

        var result: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let renderStatus = format.device.withCString { gvRenderData(context, graph, $0, &result, &length) }
        defer { if let result { gvFreeRenderData(result) } }
        try checkErrors(status: renderStatus, stage: "\(format.rawValue) rendering")
        guard let result else { throw .graphviz(stage: "\(format.rawValue) rendering", messages: []) }
        return Data(bytes: result, count: Int(length))
    }

    /// Runs `interlock_layout_in_child` on `graph` and reads back what the child sent.
    private func layOutInChild(_ graph: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine, format: OutputFormat) throws(GraphvizError) -> Data {
        var readEnd: Int32 = -1
        let pid = engine.rawValue.withCString { engineName in
            format.device.withCString { device in interlock_layout_in_child(context, graph, engineName, device, &readEnd) }
        }
        guard pid > 0 else { throw .system("fork", errno: errno) }
        let bytes = Self.readToEnd(readEnd)
        close(readEnd)
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 {
            guard errno == EINTR else { throw .system("waitpid", errno: errno) }
        }
        let report = ChildReport(bytes)
        for piece in report.messagePieces { Self.messageLog.receive(piece) }
        let layoutStage = "\(engine.rawValue) layout"
        // A signal number in the low seven bits (WTERMSIG): the child died, e.g. SIGABRT from
        // glibc's heap checks; an exit code in the next byte (WEXITSTATUS).
        let signal = waitStatus & 0x7F
        let exitCode = (waitStatus >> 8) & 0xFF
        guard signal == 0, exitCode == 0, let layout = report.layout else {
            throw .layoutCrashed(stage: report.layout == nil ? layoutStage : "\(format.rawValue) rendering", signal: signal)
        }
        try checkErrors(status: layout.status, level: layout.level, stage: layoutStage)
        guard let render = report.render else {
            throw .layoutCrashed(stage: "\(format.rawValue) rendering", signal: signal)
        }
        try checkErrors(status: render.status, level: render.level, stage: "\(format.rawValue) rendering")
        guard let data = report.data else { throw .graphviz(stage: "\(format.rawValue) rendering", messages: []) }
        return data
    }

    /// Everything readable from `descriptor` until end of file.
    private static func readToEnd(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[0..<count]
            } else if count == 0 || errno != EINTR {
                return bytes
            }
        }
    }

    /// Builds the cgraph graph for `plan`, passes it to `body` and closes it on every path.
    private func withGraph<Result>(
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
    private func checkErrors(status: Int32, level: Int32 = agreseterrors(), stage: String) throws(GraphvizError) {
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
