import ChaperoneModel

extension ArchiveReader {
    /// A workbook: every sheet, hidden ones too, its rows as `.tableRow` segments (cells
    /// tab-separated, shared strings resolved) located as `<sheet name>!row R`; then cell
    /// comments and threaded comments.
    func readWorkbook(_ parts: [String: [UInt8]], collector: inout SegmentCollector) {
        var shared: [String] = []
        if let bytes = parts["xl/sharedStrings.xml"] {
            var reader = SharedStringsText()
            if !XMLTreeWalker.walk(bytes, enter: { reader.enter($0) }, exit: { reader.exit($0) }) {
                reportUnreadable("xl/sharedStrings.xml", collector: &collector)
            }
            shared = reader.strings
        }
        let names = sheetNames(parts)
        let sheets = parts.keys.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }
            .sorted { $0.naturalOrder < $1.naturalOrder }
        for (index, member) in sheets.enumerated() where !collector.isFull {
            guard let bytes = parts[member] else { continue }
            let sheetName = names[String(member.dropFirst(3))] ?? partName(member)
            var sheet = WorksheetText(location: location, sheetName: sheetName, sheetIndex: index, sharedStrings: shared)
            let parsed = XMLTreeWalker.walk(bytes, enter: { sheet.enter($0) }, exit: { sheet.exit($0) })
            for segment in sheet.rows { collector.add(segment) }
            if !parsed { reportUnreadable(member, collector: &collector) }
        }
        let comments = parts.keys.filter { $0.hasPrefix("xl/comments") || $0.hasPrefix("xl/threadedComments/") }
            .sorted { $0.naturalOrder < $1.naturalOrder }
        for member in comments where !collector.isFull {
            guard let bytes = parts[member] else { continue }
            if !XMLPlainText.read(bytes, location: memberLocation(partName(member)), collector: &collector) {
                reportUnreadable(member, collector: &collector)
            }
        }
    }

    /// Sheet names by worksheet path relative to `xl/` (`worksheets/sheet1.xml` → `Pupils`),
    /// from `xl/workbook.xml` and its relationships.
    private func sheetNames(_ parts: [String: [UInt8]]) -> [String: String] {
        guard let workbook = parts["xl/workbook.xml"], let relations = parts["xl/_rels/workbook.xml.rels"] else { return [:] }
        var targets: [String: String] = [:]
        _ = XMLTreeWalker.walk(relations, enter: { event in
            guard case .element("Relationship", let attribute) = event, let id = attribute("Id"),
                  var target = attribute("Target") else { return }
            if target.hasPrefix("/xl/") { target.removeFirst(4) }
            targets[id] = target
        }, exit: { _ in })
        var names: [String: String] = [:]
        _ = XMLTreeWalker.walk(workbook, enter: { event in
            guard case .element("sheet", let attribute) = event, let name = attribute("name"),
                  let id = attribute("r:id"), let target = targets[id] else { return }
            names[target] = name
        }, exit: { _ in })
        return names
    }
}
