import ChaperoneModel
import MIMEParser

/// Builds test messages from readable text: lines joined with CRLF (or bare LF).
enum MessageText {
    static func crlf(_ lines: [String]) -> [UInt8] {
        Array(lines.joined(separator: "\r\n").utf8)
    }

    static func lf(_ lines: [String]) -> [UInt8] {
        Array(lines.joined(separator: "\n").utf8)
    }

    static func parse(_ lines: [String], limits: Limits = Limits()) -> ParsedMessage {
        ParsedMessage.parse(crlf(lines), limits: limits)
    }

    /// Feeds `bytes` to a streaming parser in pieces of `size` bytes.
    static func parseInChunks(_ bytes: [UInt8], size: Int, limits: Limits = Limits()) -> ParsedMessage {
        var parser = MessageParser(limits: limits)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            parser.feed(bytes[start..<end])
            start = end
        }
        return parser.finish()
    }

    static func text(_ part: MIMEPart?) -> String? {
        part.map { String(decoding: $0.body, as: UTF8.self) }
    }
}
