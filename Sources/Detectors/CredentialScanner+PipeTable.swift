import ChaperoneModel

/// A table typed into plain text with `|` between the cells, as staff paste it:
///
///     Username | Password
///     t.easby  | Quartz!Maple-58
///
/// A header line with a credential keyword as one whole cell marks that column; in
/// the lines right below it with the same number of cells, the value in that column is a
/// secret when it is one word and not an instruction word (as after a `:`). The first line without
/// `|` ends the table. HTML, CSV and spreadsheet tables arrive as table rows instead
/// and are read by `TableColumns`.
extension CredentialScanner {
    /// Lines of a plain-text table read, at most, below one header.
    static let maximumPipeTableRows = 500

    func pipeTableSecrets() -> [Hit] {
        guard ByteSearch.next(124, in: bytes, from: 0) < bytes.count else { return [] }
        var hits: [Hit] = []
        var header: (column: Int, cells: Int, keyword: String)?
        var rows = 0
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = ByteSearch.next(10, in: bytes, from: lineStart)
            let cells = Self.cells(bytes, lineStart..<lineEnd)
            if cells.count < 2 {
                header = nil
            } else if let current = header, cells.count == current.cells, rows < Self.maximumPipeTableRows {
                rows += 1
                let value = cells[current.column]
                if !value.isEmpty, !bytes[value].contains(32), isSecret(value, keyword: current.keyword, separator: .explicit) {
                    hits.append(Hit(range: value, keyword: current.keyword))
                }
            } else if let column = cells.firstIndex(where: { Self.keywords.value(bytes, $0) != nil && isWholeWord($0) }),
                      let keyword = Self.keywords.value(bytes, cells[column]), keyword != "login", keyword != "logon" {
                header = (column, cells.count, keyword)
                rows = 0
            } else {
                header = nil
            }
            lineStart = lineEnd + 1
        }
        return hits
    }

    /// The cells of one line split at `|`, each trimmed of spaces and tabs (and a
    /// carriage return); a line without `|` is one cell.
    static func cells(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var start = line.lowerBound
        for position in line where bytes[position] == 124 {
            cells.append(start..<position)
            start = position + 1
        }
        cells.append(start..<line.upperBound)
        if cells.count > 1, cells.first?.isEmpty == true || trimmed(bytes, cells[0]).isEmpty { cells.removeFirst() }
        if cells.count > 1, trimmed(bytes, cells[cells.count - 1]).isEmpty { cells.removeLast() }
        return cells.map { trimmed(bytes, $0) }
    }

    private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, [9, 13, 32].contains(bytes[lower]) { lower += 1 }
        while upper > lower, [9, 13, 32].contains(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func isWholeWord(_ cell: Range<Int>) -> Bool {
        !cell.isEmpty && bytes[cell].allSatisfy { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }
    }
}
