/// Splits an mbox file (mboxrd or mboxo) into messages: each starts at a `From ` line
/// carrying a time, at the start of the file or after a blank line; that line is
/// dropped and `>From ` quoting is undone. Pure, bytes in and out.
public enum MboxSplitter {
    /// True when the bytes look like an mbox (first line starts `From `).
    public static func looksLikeMbox(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: fromLine)
    }

    /// True when the file is an mbox: its first line is a `From ` line with a time.
    public static func isMbox(_ bytes: [UInt8]) -> Bool {
        let firstLineEnd = bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
        return isSeparator(bytes[0..<firstLineEnd])
    }

    /// The messages in a saved file, in order: an mbox's messages; a file whose first
    /// line is a `From ` line without a time (as many mail tools save one message) as one
    /// message without that line; any other file as one message. Messages that are only
    /// blank lines are left out, so an empty file yields none (and `scan` reports it).
    public static func messages(inFile bytes: [UInt8]) -> [[UInt8]] {
        let firstLineEnd = bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
        let messages: [[UInt8]]
        if isMbox(bytes) {
            messages = split(bytes)
        } else if looksLikeMbox(bytes) {
            messages = [Array(bytes[firstLineEnd...])]
        } else {
            messages = [bytes]
        }
        return messages.filter { !$0.allSatisfy { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 } }
    }

    /// The messages in the mbox, in order, each as raw bytes.
    public static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        var current: [UInt8] = []
        var lineStart = 0
        var previousLineBlank = true
        var inMessage = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, bytes.count)
            let line = bytes[lineStart..<next]
            if previousLineBlank, isSeparator(line) {
                if inMessage { messages.append(trimTrailingBlankLine(current)) }
                current = []
                inMessage = true
            } else if inMessage {
                current.append(contentsOf: unquote(line))
            }
            previousLineBlank = line.allSatisfy { $0 == 0x0A || $0 == 0x0D }
            lineStart = next
        }
        if inMessage { messages.append(trimTrailingBlankLine(current)) }
        return messages
    }

    private static let fromLine = Array("From ".utf8)

    /// A `From ` line that separates messages carries a time (`From sender Tue Nov 24
    /// 09:00:00 2026`); an unquoted body line that merely starts with "From " does not.
    static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.starts(with: fromLine) else { return false }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var index = line.startIndex
        while index + 4 < line.endIndex {
            if line[index + 2] == UInt8(ascii: ":"), isDigit(line[index]), isDigit(line[index + 1]),
               isDigit(line[index + 3]), isDigit(line[index + 4]) {
                return true
            }
            index += 1
        }
        return false
    }

    /// `>From ` → `From `, `>>From ` → `>From ` (mboxrd).
    private static func unquote(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var index = line.startIndex
        while index < line.endIndex, line[index] == UInt8(ascii: ">") { index += 1 }
        guard index > line.startIndex, line[index...].starts(with: fromLine) else { return line }
        return line.dropFirst()
    }

    /// The blank line that separates messages in an mbox belongs to the format.
    private static func trimTrailingBlankLine(_ message: [UInt8]) -> [UInt8] {
        var end = message.count
        if end >= 2, message[end - 1] == 0x0A, message[end - 2] == 0x0A { end -= 1 }
        else if end >= 4, message[(end - 4)..<end].elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) { end -= 2 }
        return Array(message[0..<end])
    }
}
