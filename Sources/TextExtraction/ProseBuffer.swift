/// Running text built from HTML text nodes: whitespace runs collapse to one space (as a
/// browser renders them), line breaks are explicit, and blank lines do not pile up.
struct ProseBuffer {
    private(set) var text = ""
    private var pendingSpace = false

    mutating func append(_ fragment: String) {
        for character in fragment {
            if character.isWhitespace {
                pendingSpace = !text.isEmpty && text.last != "\n"
            } else {
                if pendingSpace { text.append(" ") }
                pendingSpace = false
                text.append(character)
            }
        }
    }

    mutating func lineBreak() {
        pendingSpace = false
        if !text.isEmpty, text.last != "\n" { text.append("\n") }
    }

    /// The text so far (without a trailing line break), leaving the buffer empty.
    mutating func take() -> String {
        var result = text
        while result.last == "\n" { result.removeLast() }
        text = ""
        pendingSpace = false
        return result
    }
}
