import Foundation
@testable import InterlockCore
import Testing

/// The fuzzers' committed seed corpora (samples, the issue's hostile inputs, and every input a
/// fuzzer ever crashed on, added to `Fuzz/Corpus/`) replayed on each test run: each loads or is
/// refused with a located error, and JSON parsed in parts gives exactly what one pass gives.
@Suite struct FuzzCorpusTests {
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus")

    private static func inputs(_ folder: String) -> [String] {
        let path = corpus.appendingPathComponent(folder).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(folder)/\($0)" }
    }

    private func bytes(_ input: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.corpus.appendingPathComponent(input)))
    }

    @Test(arguments: inputs("yaml"))
    func yamlInputsLoadOrFailWithALocatedError(_ input: String) throws {
        guard let text = String(validating: try bytes(input), as: UTF8.self) else { return }
        do {
            _ = PortfolioGraph(try PortfolioLoader.load(text: text, file: "fuzz.yaml"))
        } catch {
            #expect(error.description.hasPrefix("fuzz.yaml"))
        }
    }

    @Test(arguments: inputs("json") + inputs("decode"))
    func jsonInPartsIsJSONInOnePass(_ input: String) throws {
        let bytes = try bytes(input)
        guard String(validating: bytes, as: UTF8.self) != nil else { return }
        expectPartsAgreeWithOnePass(bytes)
    }

    /// Found by FuzzJSON (Fuzz/Corpus/json/crash-list-closed-by-brace.json): the parts path took a
    /// `}` closing a list for its `]`, went on past it and reported a later fault than one pass.
    @Test func aListClosedByABraceIsTheFaultInPartsToo() {
        let text = "{\"initiatives\": [\n{\"id\": \"a\"},\n{\"id\": \"b\"},\n{\"id\": \"c\"} },\n{\"id\": \"d\"}]}"
        expectPartsAgreeWithOnePass(Array(text.utf8))
    }

    private func expectPartsAgreeWithOnePass(_ bytes: [UInt8]) {
        func load(parted: Bool) -> Result<Portfolio, LoadError> {
            Result { () throws(LoadError) -> Portfolio in
                var decoder = PortfolioDecoder(file: "fuzz.json")
                var parser = JSONDocumentParser(
                    bytes: bytes, file: "fuzz.json", partedListBytes: parted ? 0 : Int.max, listParts: parted ? 3 : 1)
                try parser.parse(into: &decoder)
                var merger = PortfolioMerger()
                try merger.add(decoder.fragment)
                return try merger.finish(paths: ["fuzz.json"])
            }
        }
        switch (load(parted: false), load(parted: true)) {
        case (.success(let one), .success(let other)): #expect(one == other)
        case (.failure(let one), .failure(let other)): #expect(one.description == other.description)
        case (let one, let other): Issue.record("one pass: \(one); in parts: \(other)")
        }
    }
}
