import ChaperoneModel

/// Reads one SpreadsheetML worksheet: each `row` becomes a `.tableRow` segment of its
/// cells' values (shared strings resolved, inline strings read), located as
/// `<sheet>!row N` with `table` = sheet index and `row` = 0-based row number.
struct WorksheetText {
    let location: TextLocation
    let sheetName: String
    let sheetIndex: Int
    let sharedStrings: [String]
    private(set) var rows: [TextSegment] = []
    private var rowNumber = 0
    private var cells: [String] = []
    private var cellType = ""
    private var value = ""
    private var readingValue = false

    init(location: TextLocation, sheetName: String, sheetIndex: Int, sharedStrings: [String]) {
        self.location = location
        self.sheetName = sheetName
        self.sheetIndex = sheetIndex
        self.sharedStrings = sharedStrings
    }

    mutating func enter(_ event: XMLTreeWalker.Event) {
        switch event {
        case .text(let text) where readingValue:
            value += text
        case .element("row", let attribute):
            cells = []
            if let number = attribute("r").flatMap({ Int($0) }), number > 0 { rowNumber = number - 1 }
        case .element("c", let attribute):
            cellType = attribute("t") ?? ""
            value = ""
        case .element("v", _), .element("t", _):
            readingValue = true
        default:
            break
        }
    }

    mutating func exit(_ name: String) {
        switch name {
        case "v", "t": readingValue = false
        case "c":
            if cellType == "s", let index = Int(value), sharedStrings.indices.contains(index) {
                cells.append(sharedStrings[index])
            } else {
                cells.append(value)
            }
        case "row":
            let texts = cells.map { String($0.map { $0 == "\t" || $0 == "\n" ? " " : $0 }) }
            if texts.contains(where: { !$0.isEmpty }) {
                var rowLocation = location
                rowLocation.detail = (location.detail.map { $0 + "/" } ?? "") + "\(sheetName)!row \(rowNumber + 1)"
                rows.append(TextSegment(location: rowLocation, role: .tableRow, text: texts.joined(separator: "\t"),
                                        table: sheetIndex, row: rowNumber))
            }
            rowNumber += 1
        default: break
        }
    }
}
