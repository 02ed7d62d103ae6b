import Foundation
import InterlockCore

/// The findings a team has accepted for now, so that CI fails only on new ones (as
/// dependency-cruiser's known violations): recorded by `interlock baseline`, read by
/// `check --baseline`.
///
/// A finding is matched by its key: its rule and its node ids, sorted. Neither the message, the
/// action nor where the items are defined is part of it, so re-wording a rule's message or moving
/// an initiative to another file keeps the finding matched; a change of what it names (another
/// initiative joins a cycle) makes it a new finding. Only where two findings of one run name the
/// same rule and nodes (two broken references held by one initiative) does their message tell
/// them apart, as a short hash after the key. The file is JSON, sorted by key, one entry a
/// line, so a diff of two baselines reads like a list of findings.
public struct FindingBaseline: Hashable, Sendable {
    /// One accepted finding.
    public struct Entry: Hashable, Sendable, Codable, Comparable {
        /// The finding's key (`rule|node|node…`, nodes sorted).
        public var key: String
        /// Its rule, for people reading the file.
        public var rule: String
        /// Its severity when it was accepted.
        public var severity: Severity
        /// Its message when it was accepted, for people reading the file; not matched.
        public var message: String

        /// Ordered by key.
        public static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.key < rhs.key }
    }

    /// The accepted findings, sorted by key, each key once.
    public let entries: [Entry]

    /// The baseline of `findings`.
    public init(_ findings: [Finding]) {
        var seen = Set<String>()
        entries = zip(findings, Self.keys(of: findings)).map { finding, key in
            Entry(key: key, rule: finding.rule.rawValue, severity: finding.severity, message: finding.message)
        }.sorted().filter { seen.insert($0.key).inserted }
    }

    /// The keys findings are matched by, in their order: rule and sorted node ids, and where two
    /// findings share those, a hash of the message after `#`.
    public static func keys(of findings: [Finding]) -> [String] {
        let plain = findings.map { ([$0.rule.rawValue] + $0.nodes.sorted()).joined(separator: "|") }
        var count: [String: Int] = [:]
        for key in plain { count[key, default: 0] += 1 }
        return zip(findings, plain).map { finding, key in count[key, default: 0] > 1 ? key + "#" + Self.hash(finding.message) : key }
    }

    /// FNV-1a of the text, 8 hexadecimal digits: stable across runs and machines, unlike `Hasher`.
    private static func hash(_ text: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// What a check finds compared with the baseline.
    public struct Comparison: Sendable {
        /// Findings not in the baseline, in the order given: what fails a check.
        public var new: [Finding]
        /// Findings in the baseline, still there.
        public var known: [Finding]
        /// Baseline entries no finding matches any more: fixed, so the baseline can shrink.
        public var stale: [Entry]
    }

    /// Splits `findings` into new and known ones, and lists the entries nothing matches.
    public func compare(_ findings: [Finding]) -> Comparison {
        let accepted = Set(entries.map(\.key))
        var matched = Set<String>()
        var comparison = Comparison(new: [], known: [], stale: [])
        for (finding, key) in zip(findings, Self.keys(of: findings)) {
            if accepted.contains(key) {
                comparison.known.append(finding)
                matched.insert(key)
            } else {
                comparison.new.append(finding)
            }
        }
        comparison.stale = entries.filter { !matched.contains($0.key) }
        return comparison
    }
}

extension FindingBaseline {
    private struct File: Codable {
        var interlockBaseline: Int
        var findings: [Entry]
    }

    /// The baseline as its file: JSON, entries sorted by key, one a line, a final newline.
    public func fileText() -> String {
        var lines = ["{", "  \"interlockBaseline\": 1,", "  \"findings\": ["]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (index, entry) in entries.enumerated() {
            let json = (try? encoder.encode(entry)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            lines.append("    " + json + (index == entries.count - 1 ? "" : ","))
        }
        lines += ["  ]", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a baseline file.
    /// - Throws: `LoadError` naming the file when it is not a baseline.
    public init(fileText text: String, file: String) throws(LoadError) {
        do {
            let decoded = try JSONDecoder().decode(File.self, from: Data(text.utf8))
            guard decoded.interlockBaseline == 1 else {
                throw LoadError("expected an Interlock baseline of version 1, found version \(decoded.interlockBaseline)", file: file)
            }
            var seen = Set<String>()
            entries = decoded.findings.sorted().filter { seen.insert($0.key).inserted }
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError("expected an Interlock baseline (written by `interlock baseline`): \(error.localizedDescription)", file: file)
        }
    }
}
