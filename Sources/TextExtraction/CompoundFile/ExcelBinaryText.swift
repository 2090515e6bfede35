/// The cells of an Excel 97–2003 `.xls` (BIFF8, MS-XLS) from its `Workbook` stream:
/// shared strings (SST with its CONTINUE records), text cells (LABELSST, LABEL, RSTRING),
/// numbers (NUMBER, RK, MULRK, formula results) with dates shown as dd/mm/yyyy when the
/// cell's format is a date, and cell comments and text boxes (TXO). Every sheet is read,
/// hidden ones included; each row becomes one record. A FILEPASS record (a password to
/// open) makes the workbook unreadable, and is reported so.
enum ExcelBinaryText {
    /// One sheet's rows (cells in column order, tab-joined) and its comment texts.
    struct Sheet {
        var name: String
        var cells: [Int: [(column: Int, text: String)]] = [:]
        var notes: [String] = []

        var rows: [(row: Int, text: String)] {
            cells.keys.sorted().compactMap { row -> (row: Int, text: String)? in
                let text = cells[row, default: []].sorted { $0.column < $1.column }.map(\.text)
                    .filter { !$0.isEmpty }.joined(separator: "\t")
                return text.isEmpty ? nil : (row, text)
            }
        }
    }

    static func read(_ file: CompoundFile, budget: inout Int) throws(CompoundFileError) -> [Sheet] {
        guard let stream = try file.stream(named: "Workbook", budget: &budget) else {
            if file.child(named: "Book") != nil { throw .unsupported("Excel 5/95 workbook") }
            throw .damaged("no Workbook stream")
        }
        var workbook = ExcelWorkbookState()
        var offset = 0
        var sheetIndex = -1
        var sheets: [Sheet] = []
        var pendingNoteText = false
        var stringFormulaCell: (row: Int, column: Int)?
        while let type = stream.u16(at: offset), let length = stream.u16(at: offset + 2) {
            let start = offset + 4
            guard let payload = stream.bytes(at: start, length: Int(length)).map(Array.init) else { break }
            offset = start + Int(length)
            switch type {
            case 0x0809:
                if let version = payload.u16(at: 0), version < 0x0600 { throw .unsupported("Excel 5/95 workbook") }
                if workbook.sawGlobals {
                    sheetIndex += 1
                    sheets.append(Sheet(name: workbook.sheetName(at: start - 4, ordinal: sheetIndex)))
                }
                workbook.sawGlobals = true
            case 0x002F:
                throw .encrypted("the workbook has a password to open")
            case 0x00FC:
                var parts = [payload]
                var next = offset
                while stream.u16(at: next) == 0x003C, let size = stream.u16(at: next + 2),
                      let more = stream.bytes(at: next + 4, length: Int(size)) {
                    parts.append(Array(more))
                    next += 4 + Int(size)
                }
                offset = next
                workbook.sharedStrings = ExcelSharedStrings.parse(parts)
            case 0x01B6:
                pendingNoteText = (payload.u16(at: 10) ?? 0) > 0
                continue
            case 0x003C where pendingNoteText && !sheets.isEmpty:
                if let flag = payload.first {
                    let text = ExcelSharedStrings.characters(payload.dropFirst(), highByte: flag & 1 == 1)
                    sheets[sheets.count - 1].notes.append(text)
                }
            case 0x0207:
                if let cell = stringFormulaCell, !sheets.isEmpty, let text = ExcelSharedStrings.unicodeString(payload, at: 0) {
                    sheets[sheets.count - 1].cells[cell.row, default: []].append((cell.column, text))
                }
            default:
                if sheets.isEmpty {
                    workbook.readGlobal(type, payload)
                } else {
                    if ![0x04BC, 0x0221, 0x0236].contains(type) { stringFormulaCell = nil }
                    for cell in workbook.cells(type, payload, stringFormula: &stringFormulaCell) {
                        sheets[sheets.count - 1].cells[cell.row, default: []].append((cell.column, cell.text))
                    }
                }
            }
            pendingNoteText = false
        }
        return sheets
    }
}
