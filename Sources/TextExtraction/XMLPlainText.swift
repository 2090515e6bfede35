import ChaperoneModel

/// Every text run of an XML part, a line break after each paragraph, comment or author:
/// for parts whose structure carries no meaning for detection (comments, threaded comments).
enum XMLPlainText {
    static let lineElements: Set<String> = ["p", "text", "comment", "threadedComment", "cm", "author", "person"]

    /// Adds the text as one prose segment; returns false when the XML is not well-formed
    /// (the text before the damage is still added).
    static func read(_ bytes: [UInt8], location: TextLocation, collector: inout SegmentCollector) -> Bool {
        var lines: [String] = []
        var current = ""
        let parsed = XMLTreeWalker.walk(bytes, enter: { event in
            if case .text(let text) = event { current += text }
        }, exit: { name in
            guard lineElements.contains(name) else { return }
            let trimmed = current.trimmingCharacters(in: " \t\n\r")
            if !trimmed.isEmpty { lines.append(trimmed) }
            current = ""
        })
        let rest = current.trimmingCharacters(in: " \t\n\r")
        if !rest.isEmpty { lines.append(rest) }
        collector.add(TextSegment(location: location, text: lines.joined(separator: "\n")))
        return parsed
    }
}
