import ChaperoneModel
import CLibXML2

extension HTMLWalker {
    /// Handles the start of a node; returns whether to walk into its children.
    mutating func enter(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { appendText(String(cString: content)) }
            return false
        case XML_ELEMENT_NODE:
            let name = Self.name(of: node)
            if Self.skipped.contains(name) { return false }
            switch name {
            case "br":
                lineBreak()
            case "img", "area":
                if let alt = Self.attribute("alt", of: node) { addSide(alt, role: .altText) }
            case "a":
                if let href = Self.attribute("href", of: node), !href.hasPrefix("#") { addSide(href, role: .linkTarget) }
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
            return true
        default:
            return false
        }
    }

    /// Handles the end of a node (also called for nodes not walked into).
    mutating func exit(_ node: xmlNodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        let name = Self.name(of: node)
        switch name {
        case "td", "th": finishCell()
        case "tr": finishRow()
        case "table": closeTable()
        default:
            if Self.blocks.contains(name) { lineBreak() }
        }
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

    static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    static func attribute(_ wanted: String, of node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, String(cString: name).lowercased() == wanted {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }
}
