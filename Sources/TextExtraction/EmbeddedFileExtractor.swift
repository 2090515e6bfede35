import ChaperoneModel

/// Reads a file found inside another document (an Outlook item's attachment) the way a
/// MIME attachment is read: by its declared type and name, corrected by its magic bytes
/// (compound file, RTF, PDF, ZIP). What it cannot read and is not media is reported
/// unscannable, never skipped. `budget` is what remains of `max_archive_expansion_bytes`.
enum EmbeddedFileExtractor {
    static let mediaExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "svg", "emf", "wmf", "ico",
        "mp3", "m4a", "wav", "ogg", "mp4", "mov", "avi", "wmv", "webm",
    ]

    static func extract(_ bytes: [UInt8], filename: String, contentType: String, location: TextLocation,
                        collector: inout SegmentCollector, depth: Int, budget: inout Int) {
        guard !collector.isFull else {
            collector.reportTextLimit(at: location)
            return
        }
        let limits = collector.limits
        switch sniffedKind(bytes, filename: filename, contentType: contentType) {
        case .plainText:
            collector.add(TextSegment(location: location, text: ArchiveMemberText.text(bytes).trimmingTrailingLineBreaks()))
        case .html:
            HTMLTextExtractor.extract(ArchiveMemberText.text(bytes), location: location, collector: &collector)
        case .csv:
            CSVTextExtractor.extract(ArchiveMemberText.text(bytes), location: location, collector: &collector)
        case .xml:
            XMLRecordExtractor.extract(bytes, location: location, collector: &collector)
        case .pdf:
            budget -= PDFTextExtractor.extract(bytes, location: location, collector: &collector, expansionBudget: budget)
        case .compoundFile:
            budget -= CompoundDocumentExtractor.extract(bytes, location: location, collector: &collector,
                                                        depth: depth, expansionBudget: budget)
        case .rtf:
            RTFTextExtractor.extract(bytes, location: location, collector: &collector)
        case .tnef:
            budget -= TNEFExtractor.extract(bytes, location: location, collector: &collector, depth: depth, expansionBudget: budget)
        case .zip, .docx, .xlsx:
            let kind = AttachmentKind(contentType: contentType, filename: filename)
            var reader = ArchiveReader(limits: limits, location: location, depth: depth)
            reader.expandedBytes = max(0, limits.maxArchiveExpansionBytes - budget)
            _ = reader.read(bytes, kind: kind == .docx || kind == .xlsx ? kind : .zip, collector: &collector)
            budget = limits.maxArchiveExpansionBytes - reader.expandedBytes
        default:
            guard !isMedia(filename: filename, contentType: contentType) else { return }
            collector.report(ScanProblem(kind: .unscannable, location: location.description,
                                         message: "The attached file's format (\(contentType.isEmpty ? "unknown" : contentType)) is not read; it was not scanned."))
        }
    }

    /// The kind from type and name, overridden by the content's signature.
    static func sniffedKind(_ bytes: [UInt8], filename: String, contentType: String) -> AttachmentKind {
        if CompoundFile.isCompoundFile(bytes) { return .compoundFile }
        if RTFTextExtractor.isRTF(bytes) { return .rtf }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if TNEFStream.isTNEF(bytes) { return .tnef }
        let kind = AttachmentKind(contentType: contentType.lowercased(), filename: filename)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), kind != .docx, kind != .xlsx { return .zip }
        return kind
    }

    static func isMedia(filename: String, contentType: String) -> Bool {
        let type = contentType.lowercased()
        if type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/") { return true }
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return filename.contains(".") && mediaExtensions.contains(ext)
    }
}
