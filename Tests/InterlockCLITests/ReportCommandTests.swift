import Foundation
import Testing

@Suite("interlock report, end to end")
struct ReportCommandTests {
    private func temporaryPath(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func writesTheSamplesBoardPack() throws {
        let page = try temporaryPath("board.html")
        let result = try CommandRunner.run(["report", "Samples/acme", "--date", "2026-11-22", "-o", page, "--title", "Board <Q4>"])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Board &lt;Q4&gt;</title>"))
        // The input fingerprint is SHA-256 of the sample's files concatenated in path order.
        #expect(html.contains("<code>8f27c8a82ab6b8f17d84260752a48341488ce898e5a7a7a74ac0024ad530d2da</code>"))
        let again = try temporaryPath("again.html")
        _ = try CommandRunner.run(["report", "Samples/acme", "--date", "2026-11-22", "-o", again, "--title", "Board <Q4>"])
        #expect(try String(contentsOfFile: again, encoding: .utf8) == html, "byte-identical for the same input and date")
    }

    /// `--pdf` prints the page with headless Chromium: one A4 landscape document, written atomically.
    @Test func printsToPDFWithChromium() throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        let hasChromium = ["chromium", "chromium-browser", "google-chrome"].contains { name in
            paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
        let pdf = try temporaryPath("board.pdf")
        let result = try CommandRunner.run(["report", "Samples/acme", "--date", "2026-11-22", "--pdf", pdf])
        guard hasChromium else {
            print("SKIPPED printsToPDFWithChromium: no Chromium on the PATH; checking the refusal instead")
            #expect(result.status == 2 && result.standardError.contains("apt-get install chromium"))
            return
        }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty, "with --pdf alone, no HTML on standard output")
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(data.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: data, as: UTF8.self).contains("/MediaBox [0 0 841.91998 594.95996]"), "A4 landscape")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: pdf).deletingLastPathComponent().path)
        #expect(leftovers == ["board.pdf"])
    }

    @Test func baselineAddsTheChangesSection() throws {
        let fixtures = CommandRunner.packageRoot.appendingPathComponent("Tests/InterlockReportsTests/Fixtures").path
        let result = try CommandRunner.run(["report", "\(fixtures)/diff-new.yaml", "--baseline", "\(fixtures)/diff-old.yaml", "--date", "2026-01-01"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("3 new, 1 resolved and 0 unchanged findings compared with the baseline."))
    }

    @Test func langWritesTheFrenchPage() throws {
        let page = try temporaryPath("conseil.html")
        let result = try CommandRunner.run(["report", "Samples/acme", "--lang", "fr", "--date", "2026-11-30", "-o", page])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<html lang=\"fr\">"))
        #expect(html.contains("Synthèse pour le conseil") && html.contains("30 novembre 2026"))
        #expect(!html.contains("Executive summary"))
        #expect(try CommandRunner.run(["report", "Samples/acme", "--lang", "de"]).status == 2)
    }

    @Test func portfolioLanguageIsTheDefaultAndLangOverridesIt() throws {
        let folder = try temporaryPath("portfolio.yaml")
        try "portfolio: Petite Co\nlanguage: fr\ninitiatives:\n  - {id: a, name: Projet A}\n".write(toFile: folder, atomically: true, encoding: .utf8)
        let french = try CommandRunner.run(["report", folder, "--date", "2026-01-01"])
        #expect(french.status == 0, "\(french.standardError)")
        #expect(french.standardOutput.contains("<html lang=\"fr\">") && french.standardOutput.contains("Petite Co\u{A0}: rapport au conseil"))
        let english = try CommandRunner.run(["report", folder, "--lang", "en", "--date", "2026-01-01"])
        #expect(english.standardOutput.contains("<html lang=\"en\">") && english.standardOutput.contains("Petite Co: board report"))
    }

    @Test func badDateOrInputIsExitTwo() throws {
        #expect(try CommandRunner.run(["report", "Samples/acme", "--date", "22/11/2026"]).status == 2)
        #expect(try CommandRunner.run(["report", "Samples/nope"]).status == 2)
        #expect(try CommandRunner.run(["report", "Samples/acme", "--baseline", "Samples/nope"]).status == 2)
    }
}
