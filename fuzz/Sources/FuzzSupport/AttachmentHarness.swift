import ChaperoneModel
import MIMEParser
import TextExtraction

/// Wraps fuzz input as the one body of a message labelled as an attachment of the
/// given type, sent `binary`, so the reader sees the fuzzer's bytes exactly, then runs
/// the parser and text extraction as the pipeline does.
public enum AttachmentHarness {
    public static let limits: Limits = {
        var limits = Limits()
        // Small enough that a run stays fast, large enough that every path is reachable.
        limits.maxMessageBytes = 1 << 20
        limits.maxTextBytes = 1 << 20
        return limits
    }()

    public static func extract(_ input: UnsafeRawBufferPointer, contentType: String, filename: String) {
        var message = Array("""
            From: a@school.example\r\nTo: b@example.org\r\nMIME-Version: 1.0\r\n\
            Content-Type: \(contentType); name="\(filename)"\r\n\
            Content-Disposition: attachment; filename="\(filename)"\r\n\
            Content-Transfer-Encoding: binary\r\n\r\n
            """.utf8)
        message.append(contentsOf: input)
        extract(message: message)
    }

    /// Parses and extracts a whole message.
    public static func extract(message: [UInt8]) {
        let parsed = MessageParser.parse(message, limits: limits)
        let content = TextExtractor(limits: limits).extract(parsed)
        precondition(content.segments.allSatisfy { $0.text.utf8.count <= limits.maxTextBytes + 4096 },
                     "a segment larger than the text budget")
    }
}
