#if canImport(Glibc)
import Glibc
#endif
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
        let location = TextLocation.attachment(filename, partPath: part.path)
        let (declared, kind) = attachmentKind(part)
        if kind != declared, kind != .textless { info.detectedType = kind.typeName }
        let problemsBefore = collector.problems.count
        readAttachment(part, kind: kind, location: location, info: &info, collector: &collector)
        if info.handling == .read,
           let unread = collector.problems[problemsBefore...].first(where: { $0.leavesContentUnscanned && $0.concerns(location) }) {
            info.handling = .unscannable
            info.unreadReason = unread.unreadReason
        }
        attachments.append(info)
    }

    /// How a leaf is read: as text when its transfer encoding could not be undone,
    /// otherwise by its label checked against its magic bytes.
    func attachmentKind(_ part: MIMEPart) -> (declared: AttachmentKind, resolved: AttachmentKind) {
        guard !part.bodyIsUndecoded else { return (.plainText, .plainText) }
        let type = part.contentType.mimeType
        var kind = AttachmentKind(contentType: type, filename: part.filename ?? "")
        if case .encrypted = kind, part.contentType.parameters["smime-type"]?.lowercased() == "signed-data" {
            kind = .unsupported
        }
        let isTextless = textless.contains(contentType: type, filename: part.filename ?? "")
        return (kind, kind.resolved(bytes: part.body, isTextless: isTextless))
    }

    /// Reads an attachment's content as `kind`, recording in `info` what was done with it.
    func readAttachment(_ part: MIMEPart, kind: AttachmentKind, location: TextLocation, info: inout AttachmentInfo,
                        collector: inout SegmentCollector) {
        info.handling = .read
        switch kind {
        case .plainText, .html, .csv:
            readText(part, kind: kind, location: location, collector: &collector)
        case .xml, .flatOpenDocument, .pdf:
            guard !collector.isFull else { return collector.reportTextLimit(at: location) }
            if kind == .xml {
                XMLRecordExtractor.extract(part.body, location: location, collector: &collector)
            } else if kind == .pdf {
                PDFTextExtractor.extract(part.body, location: location, collector: &collector)
            } else {
                OpenDocumentText.read(part.body, location: location, collector: &collector)
            }
        case .zip, .archive:
            var reader = ArchiveReader(limits: limits, location: location, textless: textless)
            info.archiveMembers = reader.read(part.body, kind: kind, collector: &collector)
        case .media:
            info.handling = .media
            info.pixelSize = ImageHeader.pixelSize(part.body)
        case .textless:
            info.handling = .textless
        case .program:
            info.handling = .program
        case .legacyOffice, .outlookMessage, .rtf, .tnef:
            guard !collector.isFull else { return collector.reportTextLimit(at: location) }
            // The message is the container (depth 0): the document is at depth 1, like an
            // attached archive, and its attachments at 2.
            var reader = ArchiveReader(limits: limits, location: location, textless: textless, depth: 0)
            reader.readMember(part.body, kind: kind, at: location, collector: &collector)
        case .encrypted, .unsupported:
            info.handling = .unscannable
            if let reason = kind.unreadReason {
                info.unreadReason = reason.reason
                collector.report(reason.problem(type: part.contentType.mimeType, at: location))
            }
        }
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
        if kind == .csv {
            let text = PartText.utf8(part, location: location, problems: &collector.problems)
            return CSVTextExtractor.extract(utf8: text.bytes, lineBreaksNormalised: text.lineBreaksNormalised,
                                            location: location, collector: &collector)
        }
        let decoded = PartText.decode(part, sniffHTML: kind == .html, location: location, problems: &collector.problems)
        switch kind {
        case .html:
            HTMLTextExtractor.extract(decoded, location: location, collector: &collector)
        default:
            if decoded.containsASCII("-----BEGIN PGP MESSAGE-----") {
                collector.report(UnreadContent.encrypted("inline PGP").problem(type: part.contentType.mimeType, at: location))
            }
            let text = part.contentType.parameters["format"]?.lowercased() == "flowed"
                ? FlowedText.unwrap(decoded, deleteSpace: part.contentType.parameters["delsp"]?.lowercased() == "yes")
                : decoded
            collector.add(TextSegment(location: location, text: text.trimmingTrailingLineBreaks()))
        }
    }
}

extension String {
    /// Whether the ASCII `marker` occurs in the string, byte for byte: a search over the
    /// UTF-8 that neither bridges to Foundation nor compares by Character, and jumps from
    /// one occurrence of the marker's first byte to the next with `memchr` (every body
    /// is searched; a byte-at-a-time loop was a few per cent of a prose message's scan).
    func containsASCII(_ marker: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { haystack in
            marker.withUTF8Buffer { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count, let base = haystack.baseAddress, let pattern = needle.baseAddress else {
                    return false
                }
                let last = haystack.count - needle.count
                var start = 0
                while start <= last {
                    guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
                    let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, pattern, needle.count) == 0 { return true }
                    start = position + 1
                }
                return false
            }
        }
    }

    /// The string without trailing line breaks and blanks.
    func trimmingTrailingLineBreaks() -> String {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[...last])
    }
}
