/// The release of Interlock, for `--version` and the tool entries of reports (SARIF, HTML).
public enum InterlockRelease {
    /// The version string.
    public static let version = "0.1.0"
}
