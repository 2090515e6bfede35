import ChaperoneModel
import MIMEParser
import TextExtraction

/// Parses CRLF-joined lines and extracts them, for tests.
enum Extraction {
    static func content(_ lines: [String], limits: Limits = Limits()) -> MessageContent {
        content(Array(lines.joined(separator: "\r\n").utf8), limits: limits)
    }

    static func content(_ bytes: [UInt8], limits: Limits = Limits()) -> MessageContent {
        TextExtractor(limits: limits).extract(ParsedMessage.parse(bytes, limits: limits))
    }

    static func html(_ markup: String) -> [TextSegment] {
        content(["Content-Type: text/html; charset=utf-8", "", markup]).segments
    }
}
