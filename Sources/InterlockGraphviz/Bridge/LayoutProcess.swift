import Foundation

/// What a process laying out for another receives on standard input: a lowered graph, the
/// engine and the output format (see ``Graphviz/layOutInSubprocesses(executable:arguments:)``).
struct LayoutRequest: Codable {
    /// The graph, built in the serving process exactly as it would be here.
    var plan: GraphPlan
    /// ``LayoutEngine`` raw value.
    var engine: String
    /// ``OutputFormat`` raw value.
    var format: String

    init(plan: GraphPlan, engine: LayoutEngine, format: OutputFormat) {
        self.plan = plan
        self.engine = engine.rawValue
        self.format = format.rawValue
    }

    /// Runs `executable` with `arguments`, writes this request to its standard input and reads
    /// the ``LayoutResponse`` from its standard output. Its standard error is this process's.
    ///
    /// - Throws: ``GraphvizError/layoutCrashed(stage:signal:)`` when the process dies or ends
    ///   without a response; the served error when Graphviz failed there.
    func run(_ executable: URL, arguments: [String]) throws(GraphvizError) -> RenderedDiagram {
        let layoutStage = "\(engine) layout"
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // The process's crash report would read as if this command had crashed; the fallback
        // says what happened instead.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        // The request goes through a socket, not a pipe: a process that dies before reading it
        // must not end this one with SIGPIPE, and only sockets can be written without it.
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw .system("socketpair", errno: errno)
        }
        defer { close(ends[0]) }
        let output = Pipe()
        process.standardInput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        process.standardOutput = output
        do {
            try process.run()
            // Only the child keeps its end: a child that dies then fails the send below.
            close(ends[1])
        } catch {
            close(ends[1])
            throw .graphviz(stage: layoutStage, messages: ["cannot start the layout process: \(error)"])
        }
        // The server reads all of its input before it writes, so writing first cannot block
        // both sides on full buffers; a failed send shows as the process's failure below.
        Self.send(try? JSONEncoder().encode(self), to: ends[0])
        shutdown(ends[0], Int32(SHUT_WR))
        let reply = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0,
            let response = try? JSONDecoder().decode(LayoutResponse.self, from: reply)
        else {
            throw .layoutCrashed(stage: layoutStage, signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : 0)
        }
        if let failure = response.failure { throw .graphviz(stage: failure.stage, messages: failure.messages) }
        guard let data = response.data, let engine = LayoutEngine(rawValue: engine) else {
            throw .layoutCrashed(stage: layoutStage, signal: 0)
        }
        return RenderedDiagram(data: data, layout: engine, warnings: response.warnings)
    }

    /// Writes all of `data` to the socket `descriptor`, stopping at the first error.
    private static func send(_ data: Data?, to descriptor: Int32) {
        guard let data else { return }
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let sent = Glibc.send(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent > 0 {
                    offset += sent
                } else if sent < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

/// What a process laying out for another writes to standard output.
struct LayoutResponse: Codable {
    /// A Graphviz error of the serving process, as ``GraphvizError/graphviz(stage:messages:)``.
    struct Failure: Codable {
        var stage: String
        var messages: [String]

        init(stage: String, messages: [String]) {
            self.stage = stage
            self.messages = messages
        }

        /// `error` in the one form the parent rebuilds.
        init(_ error: GraphvizError) {
            if case .graphviz(let stage, let messages) = error {
                self.init(stage: stage, messages: messages)
            } else {
                self.init(stage: "layout process", messages: [error.description])
            }
        }
    }

    /// The rendered file; nil on failure.
    var data: Data?
    /// Graphviz's warnings.
    var warnings: [String]
    /// Why nothing was rendered.
    var failure: Failure?
}
