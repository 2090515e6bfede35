import ChaperoneModel
import MIMEParser

extension TextExtractor {
    /// Reads one leaf: as body text when it is shown as the message, otherwise as an
    /// attachment (filename segment, content when readable, `AttachmentInfo`).
    func extractLeaf(_ part: MIMEPart, collector: inout SegmentCollector, attachments: inout [AttachmentInfo]) {
        let type = part.contentType
        let isAttachment = part.disposition?.isAttachment == true || part.filename != nil
        if let raw = part.undecodedBody {
            let location = isAttachment ? TextLocation.attachment(part.filename ?? "", partPath: part.path) : .body(part.path)
            collector.add(TextSegment(location: location,
                                      text: CharsetDecoder.utf8OrWindows1252(PartText.normalisedLineBreaks(raw))))
        }
        let structureReadAsText = type.isMultipart || type.type == "message"
        if !isAttachment, type.isText || structureReadAsText || part.bodyIsUndecoded {
            let kind: AttachmentKind = type.mimeType == "text/html" && !part.bodyIsUndecoded ? .html : .plainText
            readText(part, kind: kind, location: .body(part.path), collector: &collector)
            return
        }
        var info = attachmentInfo(part)
        let filename = part.filename ?? ""
        if !filename.isEmpty {
            collector.add(TextSegment(location: TextLocation(kind: .attachmentName, name: filename, partPath: part.path),
                                      role: .filename, text: filename))
        }
        let kind = part.bodyIsUndecoded ? .plainText : AttachmentKind(contentType: type.mimeType, filename: filename)
        let location = TextLocation.attachment(filename, partPath: part.path)
        switch kind {
        case .plainText, .html, .csv:
            readText(part, kind: kind, location: location, collector: &collector)
        case .xml:
            if collector.isFull {
                collector.reportTextLimit(at: location)
            } else {
                XMLRecordExtractor.extract(part.body, location: location, collector: &collector)
            }
        case .zip, .docx, .xlsx:
            var reader = ArchiveReader(limits: limits, location: location)
            info.archiveMembers = reader.read(part.body, kind: kind, collector: &collector)
        case .pdf:
            if collector.isFull {
                collector.reportTextLimit(at: location)
            } else {
                PDFTextExtractor.extract(part.body, location: location, collector: &collector)
            }
        case .compoundFile, .rtf, .tnef:
            if collector.isFull {
                collector.reportTextLimit(at: location)
            } else if kind == .rtf {
                RTFTextExtractor.extract(part.body, location: location, collector: &collector)
            } else if kind == .tnef || TNEFStream.isTNEF(part.body) {
                TNEFExtractor.extract(part.body, location: location, collector: &collector)
            } else {
                CompoundDocumentExtractor.extract(part.body, location: location, collector: &collector)
            }
        case .other:
            break
        }
        attachments.append(info)
    }

    func attachmentInfo(_ part: MIMEPart) -> AttachmentInfo {
        let isInline = part.disposition?.isInline == true
            || (part.disposition == nil && part.headers.first(named: "Content-ID") != nil)
        return AttachmentInfo(filename: part.filename ?? "", contentType: part.contentType.mimeType,
                              partPath: part.path, size: part.isLeaf ? part.body.count : part.encodedSize,
                              isInline: isInline)
    }

    /// Decodes the part's charset and emits its text the way `kind` says.
    func readText(_ part: MIMEPart, kind: AttachmentKind, location: TextLocation, collector: inout SegmentCollector) {
        guard !collector.isFull else {
            collector.reportTextLimit(at: location)
            return
        }
        let decoded = PartText.decode(part, sniffHTML: kind == .html, location: location, problems: &collector.problems)
        switch kind {
        case .html:
            HTMLTextExtractor.extract(decoded, location: location, collector: &collector)
        case .csv:
            CSVTextExtractor.extract(decoded, location: location, collector: &collector)
        default:
            let text = part.contentType.parameters["format"]?.lowercased() == "flowed"
                ? FlowedText.unwrap(decoded, deleteSpace: part.contentType.parameters["delsp"]?.lowercased() == "yes")
                : decoded
            collector.add(TextSegment(location: location, text: text.trimmingTrailingLineBreaks()))
        }
    }
}

extension String {
    /// The string without trailing line breaks and blanks.
    func trimmingTrailingLineBreaks() -> String {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[...last])
    }
}
