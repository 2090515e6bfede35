import ChaperoneModel

/// Reads legacy binary Office documents and Outlook items, all OLE2 compound files:
/// Word `.doc` (one segment per story: `#body`, `#headers`, `#comments` …), Excel `.xls`
/// (one table-row record per row: `#Sheet1 row 3`), PowerPoint `.ppt` (`#slide 2`,
/// `#notes 2`) and Outlook `.msg` (`#subject`, `#body`, and each attachment read through
/// `EmbeddedFileExtractor`, a stored item recursively). Password-protected files
/// (including encrypted OOXML, which Office wraps in a compound file) and damaged ones
/// are reported unscannable with the reason. Stream bytes are charged to
/// `max_archive_expansion_bytes`, nesting to `max_archive_depth`.
enum CompoundDocumentExtractor {
    /// Adds the document's text to `collector`; returns the bytes it read from streams.
    /// `depth` is the document's own nesting level (1: attached to the message), so its
    /// attachments are at `depth + 1`; `textless` is `attachments.textless_types`, for
    /// the files an Outlook item carries.
    @discardableResult
    static func extract(_ bytes: [UInt8], location: TextLocation, collector: inout SegmentCollector,
                        textless: TextlessTypes, depth: Int = 1, expansionBudget: Int? = nil) -> Int {
        let limits = collector.limits
        let initial = max(0, expansionBudget ?? limits.maxArchiveExpansionBytes)
        var budget = initial
        do {
            let file = try CompoundFile(bytes, budget: &budget)
            try read(file, location: location, collector: &collector, textless: textless, depth: depth, budget: &budget)
        } catch {
            report(error, type: AttachmentKind.legacyOffice.typeName, at: location, collector: &collector)
        }
        return initial - budget
    }

    /// Reports why a document of `type` (as `AttachmentKind.typeName` names it) was not
    /// read, in the unread-reason words every reader uses.
    static func report(_ error: CompoundFileError, type: String, at location: TextLocation, collector: inout SegmentCollector) {
        let limits = collector.limits
        guard let unread = error.unreadContent else {
            collector.report(ScanProblem(kind: .limitHit, location: location.description, limit: "max_archive_expansion_bytes",
                                         message: "The document expands beyond \(limits.maxArchiveExpansionBytes) bytes; the rest was not read."))
            return
        }
        collector.report(unread.reason.problem(type: type, at: location, detail: unread.detail))
    }

    private static func read(_ file: CompoundFile, location: TextLocation, collector: inout SegmentCollector,
                             textless: TextlessTypes, depth: Int, budget: inout Int) throws(CompoundFileError) {
        if file.child(named: "WordDocument") != nil {
            for (story, text) in try WordBinaryText.read(file, budget: &budget) {
                collector.add(TextSegment(location: place(location, story), text: text.trimmingTrailingLineBreaks()))
            }
        } else if file.child(named: "Workbook") != nil || file.child(named: "Book") != nil {
            for (index, sheet) in try ExcelBinaryText.read(file, budget: &budget).enumerated() {
                for (row, text) in sheet.rows {
                    collector.add(TextSegment(location: place(location, "\(sheet.name) row \(row + 1)"), role: .tableRow,
                                              text: text, table: index, row: row))
                }
                for note in sheet.notes {
                    collector.add(TextSegment(location: place(location, "\(sheet.name) comment"), text: note))
                }
            }
        } else if file.child(named: "PowerPoint Document") != nil || file.child(named: "EncryptedSummary") != nil {
            var grouped: [(place: String, text: String)] = []
            for (slide, text) in try PowerPointBinaryText.read(file, budget: &budget) {
                if grouped.last?.place == slide { grouped[grouped.count - 1].text += "\n" + text } else { grouped.append((slide, text)) }
            }
            for (slide, text) in grouped { collector.add(TextSegment(location: place(location, slide), text: text)) }
        } else if file.child(named: "EncryptedPackage") != nil {
            throw .encrypted("the Office document is password-protected")
        } else if OutlookMessage.isOutlookItem(file) {
            try OutlookItemExtractor.read(file, storage: 0, location: location, collector: &collector, textless: textless,
                                          depth: depth, budget: &budget)
        } else {
            throw .unsupported("an OLE2 file that is not a Word, Excel, PowerPoint or Outlook document")
        }
    }

    /// `location` with `detail` appended after any detail it already has.
    static func place(_ location: TextLocation, _ detail: String) -> TextLocation {
        var place = location
        place.detail = location.detail.map { "\($0) \(detail)" } ?? detail
        return place
    }
}
