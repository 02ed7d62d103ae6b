import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockReports

// Helpers shared by the test targets that check outputs.

/// The repository's root folder.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

/// The Acme sample portfolio folder.
public let acmePath = repositoryRoot.appendingPathComponent("Samples/acme").path

/// The check report of a portfolio written as YAML.
public func report(ofYAML yaml: String, file: String = "test.yaml") throws -> CheckReport {
    let graph = PortfolioGraph(try PortfolioLoader.load(text: yaml, file: file))
    return CheckReport(graph: graph, findings: Analyzer.analyze(graph))
}

/// The check report of the Acme sample.
public func acmeReport() throws -> CheckReport {
    let graph = PortfolioGraph(try PortfolioLoader.load(paths: [acmePath]))
    return CheckReport(graph: graph, findings: Analyzer.analyze(graph))
}

/// Runs a program and returns its exit status and standard output plus standard error.
public func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Writes `text` to a new temporary file with `name` and returns its path.
public func temporaryFile(_ name: String, _ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}
