import ChaperoneModel

/// Collects text from OpenDocument XML (`content.xml` and `styles.xml` of an .odt, .ods
/// or .odp, or a whole flat .fodt / .fods / .fodp): paragraphs and headings as prose,
/// with notes, annotations, text boxes, speaker notes and page headers/footers read
/// where they sit; every table row (a spreadsheet row) as one `.tableRow` segment of
/// tab-separated cells, located as `<sheet>!row N` in a spreadsheet; slides located as
/// `slide N`.
struct OpenDocumentText {
    let location: TextLocation
    private(set) var segments: [TextSegment] = []
    private var paragraphs: [String] = []
    private var prose: [String] = []
    private var proseDetail: String?
    private var isSpreadsheet = false
    private var tableDepth = 0
    private var tableCount = 0
    private var tableName = ""
    private var rowIndex = 0
    private var rowRepeat = 1
    private var cells: [String]?
    private var cell: String?
    private var slideCount = 0
    private var skipDepth = 0

    init(location: TextLocation) {
        self.location = location
    }

    /// Reads `bytes` and adds its segments; a document that is not well-formed is
    /// reported damaged (the text before the damage is kept).
    static func read(_ bytes: [UInt8], location: TextLocation, collector: inout SegmentCollector) {
        var document = OpenDocumentText(location: location)
        let parsed = XMLTreeWalker.walk(bytes, enter: { document.enter($0) }, exit: { document.exit($0) })
        for segment in document.finish() { collector.add(segment) }
        if !parsed {
            collector.report(UnreadContent.damaged.problem(type: "OpenDocument file", at: location,
                                                           detail: "its XML is not well-formed; the text before the damage was read"))
        }
    }

    mutating func enter(_ event: XMLTreeWalker.Event) {
        switch event {
        case .text(let text):
            if skipDepth == 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += text }
        case .element(let name, let attribute):
            enterElement(name, attribute)
        }
    }

    private mutating func enterElement(_ name: String, _ attribute: (String) -> String?) {
        if skipDepth > 0 || name == "creator" {
            skipDepth += 1
            return
        }
        switch name {
        case "spreadsheet": isSpreadsheet = true
        case "p", "h": paragraphs.append("")
        case "s": appendToParagraph(String(repeating: " ", count: min(Int(attribute("text:c") ?? "") ?? 1, 64)))
        case "tab": appendToParagraph(" ")
        case "line-break": appendToParagraph(tableDepth > 0 ? " " : "\n")
        case "page":
            flushProse()
            slideCount += 1
            proseDetail = "slide \(slideCount)"
        case "table":
            tableDepth += 1
            if tableDepth == 1 {
                tableName = attribute("table:name") ?? "table \(tableCount + 1)"
                rowIndex = 0
            }
        case "table-row" where tableDepth == 1:
            cells = []
            rowRepeat = min(max(Int(attribute("table:number-rows-repeated") ?? "") ?? 1, 1), 1_048_576)
        case "table-cell", "covered-table-cell":
            if tableDepth == 1 { cell = "" }
        default: break
        }
    }

    mutating func exit(_ name: String) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        switch name {
        case "p", "h":
            guard let text = paragraphs.popLast() else { return }
            let trimmed = text.trimmingCharacters(in: " \t\n")
            guard !trimmed.isEmpty else { return }
            if !paragraphs.isEmpty {
                prose.append(trimmed)
            } else if let open = cell {
                cell = open + (open.isEmpty ? "" : " ") + String(trimmed.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
            } else {
                prose.append(trimmed)
            }
        case "table-cell", "covered-table-cell":
            if tableDepth == 1, let text = cell {
                cells?.append(text)
                cell = nil
            }
        case "table-row" where tableDepth == 1:
            emitRow()
        case "table":
            tableDepth -= 1
            if tableDepth == 0 { tableCount += 1 }
        default: break
        }
    }

    private mutating func appendToParagraph(_ text: String) {
        if skipDepth == 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += text }
    }

    private mutating func emitRow() {
        defer {
            rowIndex += rowRepeat
            cells = nil
        }
        guard var row = cells, row.contains(where: { !$0.isEmpty }) else { return }
        while row.last?.isEmpty == true { row.removeLast() }
        var rowLocation = location
        let prefix = location.detail.map { $0 + "/" } ?? ""
        if isSpreadsheet {
            rowLocation.detail = prefix + "\(tableName)!row \(rowIndex + 1)"
        } else {
            rowLocation.detail = proseDetail.map { prefix + $0 } ?? location.detail
        }
        segments.append(TextSegment(location: rowLocation, role: .tableRow, text: row.joined(separator: "\t"),
                                    table: tableCount, row: rowIndex))
    }

    private mutating func flushProse() {
        guard !prose.isEmpty else { return }
        var place = location
        if let proseDetail { place.detail = (location.detail.map { $0 + "/" } ?? "") + proseDetail }
        segments.append(TextSegment(location: place, text: prose.joined(separator: "\n")))
        prose = []
    }

    mutating func finish() -> [TextSegment] {
        flushProse()
        return isSpreadsheet ? segments : KeyValueTable.merge(segments)
    }
}
