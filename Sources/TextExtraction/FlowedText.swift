/// Rejoins `format=flowed` text (RFC 3676): a line ending in a space continues on the
/// next line (with `delsp=yes` the space is removed), space-stuffing is undone, and
/// lines only join others at the same quote depth. The signature separator `-- ` is a
/// hard break.
enum FlowedText {
    static func unwrap(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph = ""
        var paragraphDepth = -1
        var open = false

        func flush() {
            if open { output.append(quotePrefix(paragraphDepth) + paragraph) }
            paragraph = ""
            open = false
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }
            if open, depth != paragraphDepth { flush() }
            let isSignature = line == "-- "
            let isSoft = line.hasSuffix(" ") && !isSignature
            var piece = String(line)
            if isSoft, deleteSpace { piece.removeLast() }
            paragraph += piece
            paragraphDepth = depth
            open = true
            if !isSoft { flush() }
        }
        flush()
        return output.joined(separator: "\n")
    }

    private static func quotePrefix(_ depth: Int) -> String {
        depth > 0 ? String(repeating: ">", count: depth) + " " : ""
    }
}
