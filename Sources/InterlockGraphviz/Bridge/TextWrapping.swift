/// Text cut into lines for labels and subtitles.
enum TextWrapping {
    /// The average width of a character of Helvetica, in ems: about 0.5 for lower-case text,
    /// a little more to allow for capitals and digits.
    static let averageCharacterWidth = 0.6

    /// `text` cut into lines of at most about `width` characters, at spaces (a longer word
    /// keeps a line of its own).
    static func lines(of text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
