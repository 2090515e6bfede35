import ChaperoneModel
import ZIPFoundation

extension ArchiveReader {
    /// A Word document: paragraphs of `word/document.xml` as prose, table rows as
    /// `.tableRow` segments.
    mutating func readDocx(_ archive: Archive, _ entries: [Entry], collector: inout SegmentCollector) {
        guard let entry = entries.first(where: { $0.path == "word/document.xml" }),
              let bytes = inflate(archive, entry, collector: &collector) else { return }
        var document = WordDocumentText(location: location)
        let parsed = XMLTreeWalker.walk(bytes, enter: { document.enter($0) },
                                        exit: { document.exit($0) })
        if !parsed { reportUnreadable(entry.path, collector: &collector) }
        for segment in document.finish() { collector.add(segment) }
    }

    /// A workbook: every sheet's rows as `.tableRow` segments (cells tab-separated,
    /// shared strings resolved), located as `sheetN!row R`.
    mutating func readXlsx(_ archive: Archive, _ entries: [Entry], collector: inout SegmentCollector) {
        var shared: [String] = []
        if let entry = entries.first(where: { $0.path == "xl/sharedStrings.xml" }),
           let bytes = inflate(archive, entry, collector: &collector) {
            var reader = SharedStringsText()
            _ = XMLTreeWalker.walk(bytes, enter: { reader.enter($0) }, exit: { reader.exit($0) })
            shared = reader.strings
        }
        let sheets = entries.filter { $0.path.hasPrefix("xl/worksheets/") && $0.path.hasSuffix(".xml") }
            .sorted { $0.path.localizedStandardOrder < $1.path.localizedStandardOrder }
        for (index, entry) in sheets.enumerated() {
            guard !collector.isFull, let bytes = inflate(archive, entry, collector: &collector) else { continue }
            let sheetName = String(entry.path.dropFirst("xl/worksheets/".count).dropLast(4))
            var sheet = WorksheetText(location: location, sheetName: sheetName, sheetIndex: index, sharedStrings: shared)
            let parsed = XMLTreeWalker.walk(bytes, enter: { sheet.enter($0) },
                                            exit: { sheet.exit($0) })
            if !parsed { reportUnreadable(entry.path, collector: &collector) }
            for segment in sheet.rows { collector.add(segment) }
        }
    }

    private func reportUnreadable(_ member: String, collector: inout SegmentCollector) {
        collector.report(ScanProblem(kind: .undecodable, location: memberLocation(member).description,
                                     message: "The document's XML could not be parsed."))
    }
}

extension String {
    /// Orders `sheet2` before `sheet10`.
    fileprivate var localizedStandardOrder: String {
        let digits = filter(\.isNumber)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits + self
    }
}
