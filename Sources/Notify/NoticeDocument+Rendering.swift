extension NoticeDocument {
    /// Plain text, paragraphs separated by blank lines, lists as `- item`.
    public var plainText: String {
        blocks.map { block in
            switch block {
            case .heading(let text): text + "\n" + String(repeating: "-", count: text.count)
            case .paragraph(let text): text
            case .list(let items): items.map { "- " + $0 }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n") + "\n"
    }

    /// A minimal HTML page; every piece of text is escaped.
    public var html: String {
        let body = blocks.map { block in
            switch block {
            case .heading(let text): "<h3>\(text.htmlEscaped)</h3>"
            case .paragraph(let text): "<p>\(text.htmlEscaped)</p>"
            case .list(let items): "<ul>\n" + items.map { "<li>\($0.htmlEscaped)</li>" }.joined(separator: "\n") + "\n</ul>"
            }
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(subject.htmlEscaped)</title></head>
            <body style="font-family: sans-serif">
            \(body)
            </body></html>

            """
    }
}

extension String {
    /// The text with `& < > " '` replaced by entities, safe inside HTML elements and attributes.
    var htmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
