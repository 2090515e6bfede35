/// Word wrapping for notice bodies, so that plain-text lines stay short enough that
/// quoted-printable never has to split them (and a policy section's title is never cut).
enum TextWrapping {
    /// Default width of plain-text lines.
    static let width = 72

    /// Wraps `text` at spaces; the first line starts with `firstIndent`, the others with
    /// `indent`. A word longer than the width stays whole on its own line.
    static func wrap(_ text: String, firstIndent: String = "", indent: String = "", width: Int = TextWrapping.width) -> [String] {
        var lines: [String] = []
        var line = firstIndent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
