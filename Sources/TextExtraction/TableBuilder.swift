/// One HTML table being read: the open row's cells and the open cell's text.
struct TableBuilder {
    let index: Int
    private var nextRow = 0
    private var cells: [String]?
    private var cell: ProseBuffer?

    init(index: Int) {
        self.index = index
    }

    var hasOpenCell: Bool { cell != nil }

    mutating func startRow() {
        cells = []
    }

    mutating func startCell() {
        if cells == nil { cells = [] }
        cell = ProseBuffer()
    }

    mutating func appendToCell(_ text: String) {
        cell?.append(text)
    }

    mutating func endCell() {
        guard var open = cell else { return }
        cells?.append(open.take().replacingNewlines())
        cell = nil
    }

    /// Closes the open row: its number and tab-joined cells, or `nil` when no row was
    /// open or all its cells were empty (the row still counts).
    mutating func endRow() -> (Int, String)? {
        endCell()
        guard let row = cells else { return nil }
        cells = nil
        defer { nextRow += 1 }
        guard row.contains(where: { !$0.isEmpty }) else { return nil }
        return (nextRow, row.joined(separator: "\t"))
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\t" ? " " : $0 })
    }
}
