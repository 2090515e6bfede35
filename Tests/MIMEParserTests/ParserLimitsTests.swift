import ChaperoneModel
import Testing
@testable import MIMEParser

@Suite struct ParserLimitsTests {
    private func limitKeys(_ message: ParsedMessage) -> [String] {
        message.problems.compactMap(\.limit)
    }

    @Test func messageSize() {
        var limits = Limits()
        limits.maxMessageBytes = 20
        var parser = MessageParser(limits: limits)
        parser.feed(Array("Subject: a\r\n\r\n0123456789abcdef".utf8))
        let message = parser.finish()
        #expect(message.size == 30)
        #expect(MessageText.text(message.root) == "012345")
        #expect(limitKeys(message) == ["max_message_bytes"])
    }

    @Test func headerBytes() {
        var limits = Limits()
        limits.maxHeaderBytes = 30
        let message = MessageText.parse(["Subject: first field", "X-Second: this one is over the limit", "", "b"], limits: limits)
        #expect(message.headers.fields.map(\.name) == ["Subject"])
        #expect(limitKeys(message) == ["max_header_bytes"])
    }

    @Test func lineLength() {
        var limits = Limits()
        limits.maxLineBytes = 16
        let message = MessageText.parse(["Subject: " + String(repeating: "x", count: 40), "", "b"], limits: limits)
        #expect(message.headers["subject"] == "xxxxxxx")
        #expect(limitKeys(message) == ["max_line_bytes"])
    }

    @Test func nestingDepth() {
        var limits = Limits()
        limits.maxNestingDepth = 2
        let message = ParsedMessage.parse(HostileMessages.nested(depth: 5), limits: limits)
        #expect(message.root.allParts.map(\.depth).max() == 2)
        #expect(limitKeys(message) == ["max_nesting_depth"])
    }

    @Test func partCount() {
        var limits = Limits()
        limits.maxParts = 10
        let message = ParsedMessage.parse(HostileMessages.manyParts(50), limits: limits)
        #expect(message.root.allParts.count == 10)
        #expect(limitKeys(message) == ["max_parts"])
        // The remaining parts' text is still in the last part, so nothing escapes scanning.
        #expect(MessageText.text(message.root.children.last)?.contains("part 49") == true)
    }

    @Test func decodedBytes() {
        var limits = Limits()
        limits.maxDecodedBytes = 8
        let message = MessageText.parse(["Content-Type: multipart/mixed; boundary=a", "", "--a", "", "12345", "--a", "", "67890", "--a--"], limits: limits)
        #expect(MessageText.text(message.root.part(at: "2")) == "678")
        #expect(limitKeys(message) == ["max_decoded_bytes"])
    }
}
