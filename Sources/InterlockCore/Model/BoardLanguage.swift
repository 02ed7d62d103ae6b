/// A language the board-facing outputs are written in (`language:` in the portfolio, `--lang`).
public enum BoardLanguage: String, CaseIterable, Hashable, Sendable {
    /// English.
    case en
    /// French.
    case fr
}
