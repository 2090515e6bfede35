import ChaperoneModel

/// Collects text from WordprocessingML (`w:p`, `w:t`, `w:delText`, `w:tab`, `w:br`, `w:tbl`)
/// and DrawingML (`a:p`, `a:t`, `a:tbl`, which share the local names): prose
/// paragraphs, and table rows as tab-separated cells.
struct WordDocumentText {
    let location: TextLocation
    private var prose: [String] = []
    private var paragraph = ""
    private var inText = false
    private var tableDepth = 0
    private var tableCount = 0
    private var rowIndex = 0
    private var cells: [String] = []
    private var cell = ""
    private var rows: [TextSegment] = []

    init(location: TextLocation) {
        self.location = location
    }

    mutating func enter(_ event: XMLTreeWalker.Event) {
        let name: String
        switch event {
        case .text(let text):
            if inText { paragraph += text }
            return
        case .element(let element, _):
            name = element
        }
        switch name {
        case "t", "delText": inText = true
        case "tab": paragraph += "\t"
        case "br", "cr": paragraph += tableDepth > 0 ? " " : "\n"
        case "tbl":
            tableDepth += 1
            if tableDepth == 1 { rowIndex = 0 }
        case "tr" where tableDepth == 1: cells = []
        case "tc" where tableDepth == 1: cell = ""
        default: break
        }
    }

    mutating func exit(_ name: String) {
        switch name {
        case "t", "delText": inText = false
        case "p":
            if tableDepth > 0 {
                cell += (cell.isEmpty ? "" : " ") + paragraph.replacingTabs()
            } else if !paragraph.isEmpty {
                prose.append(paragraph)
            }
            paragraph = ""
        case "tc" where tableDepth == 1: cells.append(cell)
        case "tr" where tableDepth == 1:
            if cells.contains(where: { !$0.isEmpty }) {
                rows.append(TextSegment(location: location, role: .tableRow, text: cells.joined(separator: "\t"),
                                        table: tableCount, row: rowIndex))
            }
            rowIndex += 1
        case "tbl":
            tableDepth -= 1
            if tableDepth == 0 { tableCount += 1 }
        default: break
        }
    }

    mutating func finish() -> [TextSegment] {
        let text = prose.joined(separator: "\n")
        let body = text.isEmpty ? [] : [TextSegment(location: location, text: text)]
        return body + KeyValueTable.merge(rows)
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" || $0 == "\n" ? " " : $0 })
    }
}
