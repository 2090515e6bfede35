import ChaperoneModel

/// Reads a file found inside another document (an Outlook item's attachment, a file in a
/// TNEF stream) exactly as an archive member is read: its kind from the declared type and
/// name, corrected by its magic bytes, then the same reader an attachment of that kind
/// gets. What it cannot read and is not media is reported unscannable, never skipped.
/// `budget` is what remains of `max_archive_expansion_bytes`, and is charged for what the
/// file expands to; `depth` is the file's own nesting level; `textless` is the configured
/// `attachments.textless_types`, as for any attachment.
enum EmbeddedFileExtractor {
    static func extract(_ bytes: [UInt8], filename: String, contentType: String, location: TextLocation,
                        collector: inout SegmentCollector, depth: Int, budget: inout Int,
                        textless: TextlessTypes) {
        guard !collector.isFull else {
            collector.reportTextLimit(at: location)
            return
        }
        let limits = collector.limits
        let type = contentType.lowercased()
        let kind = AttachmentKind(contentType: type, filename: filename)
            .resolved(bytes: bytes, isTextless: textless.contains(contentType: type, filename: filename))
        // The reader stands for the container the file came out of (one level up), so
        // that the file is read at its own depth, as an archive member would be.
        var reader = ArchiveReader(limits: limits, location: location, textless: textless, depth: depth - 1)
        reader.expandedBytes = max(0, limits.maxArchiveExpansionBytes - budget)
        reader.readMember(bytes, kind: kind, at: location, collector: &collector)
        budget = max(0, limits.maxArchiveExpansionBytes - reader.expandedBytes)
    }
}
