import ChaperoneModel

/// Turns the element and text events of an HTML parse into segments: prose with line
/// breaks, table rows, alt text and link targets. Script, style and template content
/// is skipped; comments never arrive.
struct HTMLWalker {
    static let skipped: Set<String> = ["script", "style", "template", "noscript"]
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "pre", "section", "article", "header", "footer", "nav", "aside", "address", "hr", "figure",
        "figcaption", "form", "fieldset", "main", "center", "title", "caption", "body", "html", "tbody",
        "thead", "tfoot", "legend", "details", "summary", "option",
    ]

    let location: TextLocation
    var prose = ProseBuffer()
    var tables: [TableBuilder] = []
    var tableCount = 0
    var segments: [TextSegment] = []
    /// How many skipped elements (script, style…) are open.
    var skipDepth = 0

    init(location: TextLocation) {
        self.location = location
    }

    mutating func finish() -> [TextSegment] {
        while !tables.isEmpty { closeTable() }
        flushProse()
        return segments
    }
}
