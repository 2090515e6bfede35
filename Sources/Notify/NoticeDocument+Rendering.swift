extension NoticeDocument {
    /// Plain text wrapped at 72 columns, paragraphs separated by blank lines, lists as `- item`.
    public var plainText: String {
        blocks.map { block in
            switch block {
            case .heading(let text): text + "\n" + String(repeating: "-", count: text.count)
            case .paragraph(let text):
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .flatMap { TextWrapping.wrap(String($0)) }.joined(separator: "\n")
            case .list(let items):
                items.flatMap { TextWrapping.wrap($0, firstIndent: "- ", indent: "  ") }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n") + "\n"
    }

    /// A minimal HTML page; every piece of text is escaped.
    public var html: String {
        let body = blocks.map { block in
            switch block {
            case .heading(let text): "<h3>\(text.htmlEscaped)</h3>"
            case .paragraph(let text): Self.wrappedElement("p", text)
            case .list(let items): "<ul>\n" + items.map { Self.wrappedElement("li", $0) }.joined(separator: "\n") + "\n</ul>"
            }
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8">
            <title>\(subject.htmlEscaped)</title></head>
            <body style="font-family: sans-serif">
            \(body)
            </body></html>

            """
    }

    /// An element whose escaped text is wrapped at spaces (HTML ignores the line breaks).
    private static func wrappedElement(_ name: String, _ text: String) -> String {
        TextWrapping.wrap("<\(name)>" + text.htmlEscaped + "</\(name)>").joined(separator: "\n")
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
