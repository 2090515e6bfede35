/// Builds the text of an SMTP reply for SMFIR_REPLYCODE: every line carries the reply
/// code and enhanced status (`550-5.7.1 ...`, the last `550 5.7.1 ...`), stays well under
/// SMTP's 512-byte line limit, is plain ASCII without control characters (so nothing in
/// an explanation can inject a line), and has `%` doubled, because Postfix treats a lone
/// `%` in a milter reply as a format character.
struct SMTPReplyText {
    /// Longest text per line before `%` escaping; with escaping and the code a line is
    /// at most 10 + 2 × 200 bytes.
    static let lineWidth = 200

    var code: String
    var enhancedCode: String

    /// Joins `paragraphs` into reply lines, wrapping each to `lineWidth` and keeping at
    /// most `maximumLines` lines (the last paragraph is always kept).
    func reply(_ paragraphs: [String], maximumLines: Int = 8) -> String {
        var lines = paragraphs.dropLast().flatMap { Self.wrap(Self.clean($0)) }
        let last = paragraphs.last.map { Self.wrap(Self.clean($0)) } ?? []
        lines = Array(lines.prefix(max(0, maximumLines - last.count))) + last
        if lines.isEmpty { lines = [""] }
        return lines.enumerated().map { index, line in
            let separator = index == lines.count - 1 ? " " : "-"
            return "\(self.code)\(separator)\(self.enhancedCode) \(Self.escapePercent(line))"
        }.joined(separator: "\r\n")
    }

    /// Printable ASCII only: controls (CR, LF, tab, NUL) become spaces, runs of spaces
    /// collapse, other characters become `?` unless a plain equivalent is known.
    static func clean(_ text: String) -> String {
        var result = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let mapped: Character
            switch scalar.value {
            case 0x21...0x7E: mapped = Character(scalar)
            case 0x2018, 0x2019: mapped = "'"
            case 0x201C, 0x201D: mapped = "\""
            case 0x2013, 0x2014: mapped = "-"
            case 0xA3: mapped = "L"
            case 0x00...0x20, 0x7F, 0x85, 0xA0, 0x2028, 0x2029: mapped = " "
            default: mapped = "?"
            }
            if mapped == " " {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(mapped)
                lastWasSpace = false
            }
        }
        return result.hasSuffix(" ") ? String(result.dropLast()) : result
    }

    /// Splits at spaces into lines of at most `width` characters (long words are cut).
    static func wrap(_ text: String, width: Int = lineWidth) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func escapePercent(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%%")
    }
}
