import ChaperoneModel

extension HTMLWalker {
    /// An element starts; `attribute` looks up one of its attributes by lower-cased name.
    mutating func start(_ name: String, attribute: (String) -> String?) {
        if Self.skipped.contains(name) { skipDepth += 1 }
        guard skipDepth == 0 else { return }
        switch name {
        case "br":
            lineBreak()
        case "img", "area":
            if let alt = attribute("alt") { addSide(alt, role: .altText) }
        case "a":
            if let href = attribute("href"), !href.hasPrefix("#") { addSide(href, role: .linkTarget) }
        case "table":
            flushProse()
            tables.append(TableBuilder(index: tableCount))
            tableCount += 1
        case "tr":
            finishRow()
            if !tables.isEmpty { tables[tables.count - 1].startRow() }
        case "td", "th":
            finishCell()
            if !tables.isEmpty { tables[tables.count - 1].startCell() }
        default:
            if Self.blocks.contains(name) { lineBreak() }
        }
    }

    /// An element ends.
    mutating func end(_ name: String) {
        if Self.skipped.contains(name) {
            skipDepth = max(0, skipDepth - 1)
            return
        }
        guard skipDepth == 0 else { return }
        switch name {
        case "td", "th": finishCell()
        case "tr": finishRow()
        case "table": if !tables.isEmpty { closeTable() }
        default:
            if Self.blocks.contains(name) { lineBreak() }
        }
    }

    /// Character data (entities already decoded).
    mutating func text(_ text: String) {
        guard skipDepth == 0 else { return }
        appendText(text)
    }

    mutating func closeTable() {
        finishRow()
        tables.removeLast()
    }

    mutating func flushProse() {
        let text = prose.take()
        if !text.isEmpty { segments.append(TextSegment(location: location, text: text)) }
    }

    private mutating func finishCell() {
        guard !tables.isEmpty else { return }
        tables[tables.count - 1].endCell()
    }

    private mutating func finishRow() {
        guard !tables.isEmpty, let (row, text) = tables[tables.count - 1].endRow() else { return }
        segments.append(TextSegment(location: location, role: .tableRow, text: text,
                                    table: tables[tables.count - 1].index, row: row))
    }

    private mutating func appendText(_ text: String) {
        if !tables.isEmpty, tables[tables.count - 1].hasOpenCell {
            tables[tables.count - 1].appendToCell(text)
        } else {
            prose.append(text)
        }
    }

    private mutating func lineBreak() {
        if !tables.isEmpty, tables[tables.count - 1].hasOpenCell {
            tables[tables.count - 1].appendToCell(" ")
        } else {
            prose.lineBreak()
        }
    }

    private mutating func addSide(_ text: String, role: TextSegment.Role) {
        let trimmed = text.trimmingCharacters(in: " \t\r\n")
        if !trimmed.isEmpty { segments.append(TextSegment(location: location, role: role, text: trimmed)) }
    }
}
