import ChaperoneModel
import MIMEParser

/// Emits an Outlook item's fields and bodies and reads its attachments through
/// `EmbeddedFileExtractor` (stored items recursively, one archive level each).
enum OutlookItemExtractor {
    static func read(_ file: CompoundFile, storage: Int, location: TextLocation, collector: inout SegmentCollector,
                     textless: TextlessTypes, depth: Int, budget: inout Int) throws(CompoundFileError) {
        let item = try OutlookMessage(file, storage: storage, budget: &budget)
        for (field, text) in item.fields {
            collector.add(TextSegment(location: CompoundDocumentExtractor.place(location, field), text: text))
        }
        try emitBodies(plain: item.plainBody, html: item.htmlBody, compressedRTF: item.compressedRTF,
                       location: location, collector: &collector, budget: &budget)
        for attachment in item.attachments {
            let place = CompoundDocumentExtractor.place(location, attachment.name)
            guard enterAttachment(attachment.name, at: place, in: location, depth: depth, collector: &collector) else { continue }
            switch attachment.content {
            case .bytes(let bytes):
                EmbeddedFileExtractor.extract(bytes, filename: attachment.name, contentType: attachment.mimeType,
                                              location: place, collector: &collector, depth: depth + 1, budget: &budget,
                                              textless: textless)
            case .item(let inner):
                do {
                    try read(file, storage: inner, location: place, collector: &collector, textless: textless,
                             depth: depth + 1, budget: &budget)
                } catch {
                    CompoundDocumentExtractor.report(error, type: AttachmentKind.outlookMessage.typeName, at: place, collector: &collector)
                }
            case .none:
                continue
            }
        }
    }
}

extension OutlookItemExtractor {
    /// The plain and HTML bodies (both, as for multipart/alternative), or the compressed
    /// RTF body when neither is there, at `#body`.
    static func emitBodies(plain: String?, html: [UInt8]?, compressedRTF: [UInt8]?, location: TextLocation,
                           collector: inout SegmentCollector, budget: inout Int) throws(CompoundFileError) {
        let bodyPlace = CompoundDocumentExtractor.place(location, "body")
        let plain = plain.flatMap { $0.contains(where: { !$0.isWhitespace }) ? $0 : nil }
        if let plain {
            collector.add(TextSegment(location: bodyPlace, text: plain.replacingCarriageReturns().trimmingTrailingLineBreaks()))
        }
        if let html {
            let charset = PartText.metaCharset(html)
            let text = charset.map { CharsetDecoder.decode(html, charset: $0).text } ?? CharsetDecoder.utf8OrWindows1252(html)
            HTMLTextExtractor.extract(text, location: bodyPlace, collector: &collector)
        } else if plain == nil, let compressedRTF {
            guard let rtf = CompressedRTF.decompress(compressedRTF, budget: budget) else { throw .damaged("the compressed RTF body") }
            budget -= rtf.count
            RTFTextExtractor.extract(rtf, location: bodyPlace, collector: &collector)
        }
    }

    /// Adds the attachment's name as a filename segment; false (reported) when it is
    /// nested past `max_archive_depth` and must not be opened.
    static func enterAttachment(_ name: String, at place: TextLocation, in location: TextLocation, depth: Int,
                                collector: inout SegmentCollector) -> Bool {
        collector.add(TextSegment(location: TextLocation(kind: .attachmentName, name: name, partPath: location.partPath,
                                                         detail: "in \(location.name)"),
                                  role: .filename, text: name))
        guard depth < collector.limits.maxArchiveDepth else {
            collector.report(ScanProblem(kind: .limitHit, location: place.description, limit: "max_archive_depth",
                                         message: "Attachment nested deeper than \(collector.limits.maxArchiveDepth) levels; not opened."))
            return false
        }
        return true
    }
}

extension String {
    fileprivate func replacingCarriageReturns() -> String {
        String(split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n"))
    }
}
