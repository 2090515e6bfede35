import ChaperoneModel

/// Reads a TNEF attachment (`winmail.dat`): its subject and body (plain, HTML, or the
/// compressed RTF body decompressed and read as RTF) at `#subject` / `#body`, and each
/// file inside through `EmbeddedFileExtractor` at `#NAME`. A damaged stream is
/// reported unscannable; file bytes count toward `max_archive_expansion_bytes`.
enum TNEFExtractor {
    /// `depth` is the stream's own nesting level (1: attached to the message), so the
    /// files in it are at `depth + 1`; `textless` is `attachments.textless_types`.
    @discardableResult
    static func extract(_ bytes: [UInt8], location: TextLocation, collector: inout SegmentCollector,
                        textless: TextlessTypes, depth: Int = 1, expansionBudget: Int? = nil) -> Int {
        let initial = max(0, expansionBudget ?? collector.limits.maxArchiveExpansionBytes)
        var budget = initial
        do {
            let stream = try TNEFStream(bytes)
            if let subject = stream.subject, !subject.isEmpty {
                collector.add(TextSegment(location: CompoundDocumentExtractor.place(location, "subject"), text: subject))
            }
            try OutlookItemExtractor.emitBodies(plain: stream.plainBody, html: stream.htmlBody, compressedRTF: stream.compressedRTF,
                                                location: location, collector: &collector, budget: &budget)
            for (index, attachment) in stream.attachments.enumerated() {
                let name = attachment.name.isEmpty ? "attachment \(index + 1)" : attachment.name
                let place = CompoundDocumentExtractor.place(location, name)
                guard OutlookItemExtractor.enterAttachment(name, at: place, in: location, depth: depth, collector: &collector),
                      let data = attachment.data else { continue }
                EmbeddedFileExtractor.extract(data, filename: name, contentType: attachment.mimeType, location: place,
                                              collector: &collector, depth: depth + 1, budget: &budget, textless: textless)
            }
        } catch {
            CompoundDocumentExtractor.report(error, type: AttachmentKind.tnef.typeName, at: location, collector: &collector)
        }
        return initial - budget
    }
}
