import Foundation
import Testing

/// `interlock diff --git`: two revisions of a repository made in the test, read without checkout.
@Suite("interlock diff --git")
struct DiffGitTests {
    /// A repository whose first commit has a portfolio of two initiatives (and files the folder
    /// rule skips: a text file, a dot-folder with a broken YAML file), and whose second commit
    /// raises a budget, adds an initiative without an owner and moves a file into a subfolder.
    static func repository() throws -> URL {
        let root = try CommandRunner.temporaryFolder("diff-git")
        let portfolio = root.appendingPathComponent("portfolio")
        try FileManager.default.createDirectory(at: portfolio.appendingPathComponent(".drafts"), withIntermediateDirectories: true)
        func write(_ text: String, _ path: String) throws {
            let url = portfolio.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("people: [{id: ana, name: Ana}]\n", "people.yaml")
        try write("initiatives:\n  - {id: a, name: A, owner: ana, budget: 100}\n  - {id: b, name: B, owner: ana, budget: 50}\n", "initiatives.yaml")
        try write("not a portfolio\n", "notes.txt")
        try write("initiatives: [\n", ".drafts/broken.yaml")
        try git(["init", "-q"], in: root)
        try git(["add", "-A"], in: root)
        try git(["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "one"], in: root)
        try write("initiatives:\n  - {id: a, name: A, owner: ana, budget: 900}\n  - {id: b, name: B, owner: ana, budget: 50}\n  - {id: c, name: C, budget: 10}\n", "initiatives.yaml")
        try FileManager.default.createDirectory(at: portfolio.appendingPathComponent("org"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: portfolio.appendingPathComponent("people.yaml"), to: portfolio.appendingPathComponent("org/people.yaml"))
        try git(["add", "-A"], in: root)
        try git(["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "two"], in: root)
        return root
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func twoRevisionsAreComparedWithoutCheckout() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("portfolio").path
        let result = try CommandRunner.run(["diff", "--git", "HEAD~1..HEAD", path, "--format", "json"])
        #expect(result.status == 1, "a new error (C has no owner): \(result.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["nodesAdded"] as? Int == 1 && summary["nodesChanged"] as? Int == 1 && summary["nodesRemoved"] as? Int == 0,
                "moving a file changes nothing: \(summary)")
        let new = try #require((document["findings"] as? [String: Any])?["new"] as? [[String: Any]])
        #expect(new.compactMap { $0["rule"] as? String }.sorted() == ["unaligned-initiative", "unowned-initiative"], "C has no owner and serves no goal")
        // One revision alone is compared with the files as they are: the same as HEAD.
        let now = try CommandRunner.run(["diff", "--git", "HEAD", path, "--format", "json"])
        #expect(now.status == 0, "\(now.standardError)")
        #expect(now.standardOutput.contains("\"nodesChanged\": 0") || now.standardOutput.contains("\"nodesChanged\":0"))
    }

    @Test(arguments: [
        (["--git=-p", "portfolio"], "not a git revision"),
        (["--git", "HEAD..HEAD"], "give one portfolio file or folder"),
        (["--git", "no-such-revision..HEAD", "PATH"], "no-such-revision"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("portfolio").path
        let result = try CommandRunner.run(["diff"] + arguments.map { $0 == "PATH" ? path : $0 })
        #expect(result.status == 2)
        #expect(result.standardError.lowercased().contains(message.lowercased()), "\(result.standardError)")
    }

    @Test func outsideAWorkTreeIsRefusedClearly() throws {
        let folder = try CommandRunner.temporaryFolder("diff-no-git")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "initiatives: [{id: a, name: A}]\n".write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["diff", "--git", "HEAD", folder.appendingPathComponent("p.yaml").path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("not inside a git work tree"), "\(result.standardError)")
    }
}
