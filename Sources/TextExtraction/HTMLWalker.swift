import ChaperoneModel
import CLibXML2

/// Walks a libxml2 HTML tree iteratively (constant stack whatever the nesting),
/// collecting prose with line breaks, table rows, alt text and link targets.
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

    init(location: TextLocation) {
        self.location = location
    }

    mutating func walk(_ root: xmlNodePtr?) {
        var node: xmlNodePtr? = root
        while let current = node {
            if enter(current), let child = current.pointee.children {
                node = child
                continue
            }
            var leaving: xmlNodePtr? = current
            node = nil
            while let done = leaving {
                exit(done)
                if done == root { break }
                if let next = done.pointee.next {
                    node = next
                    break
                }
                leaving = done.pointee.parent
            }
        }
        while !tables.isEmpty { closeTable() }
    }

    mutating func finish() -> [TextSegment] {
        flushProse()
        return segments
    }
}
