import Foundation
import InterlockCore

/// The SHA-256 of a portfolio's files, concatenated in load order (`cat FILES | sha256sum`):
/// the report's appendix prints it so that a printed copy can be matched with its input.
public enum InputFingerprint {
    /// The fingerprint of the files at `paths` (files or folders, as loaded).
    ///
    /// - Throws: `LoadError` naming a path that cannot be listed or a file that cannot be read.
    public static func of(paths: [String]) throws(LoadError) -> String {
        var digest = SHA256()
        for path in paths {
            for file in try PortfolioLoader.portfolioFiles(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw LoadError("cannot read the file", file: file)
                }
                digest.update(data)
            }
        }
        return digest.hexDigest()
    }
}
