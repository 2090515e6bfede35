import ChaperoneModel

/// Extracts an RTF attachment as one prose segment (lines are paragraphs, tabs cells).
/// Content that does not start with `{\rtf` is reported unscannable.
enum RTFTextExtractor {
    static func extract(_ bytes: [UInt8], location: TextLocation, collector: inout SegmentCollector) {
        guard isRTF(bytes) else {
            collector.report(UnreadContent.damaged.problem(
                type: AttachmentKind.rtf.typeName, at: location, detail: "it does not begin with {\\rtf"))
            return
        }
        let text = RTFText.text(bytes, maxDepth: collector.limits.maxNestingDepth)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).filter { $0.contains { !$0.isWhitespace } }
        collector.add(TextSegment(location: location, text: lines.joined(separator: "\n")))
    }

    /// True when the bytes (after blanks and a UTF-8 byte-order mark) begin `{\rtf`.
    static func isRTF(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, start < 64, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start]) { start += 1 }
        return bytes[min(start, bytes.count)...].starts(with: Array("{\\rtf".utf8))
    }
}
