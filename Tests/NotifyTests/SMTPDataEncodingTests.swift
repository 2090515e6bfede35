import Testing

@testable import Notify

@Suite struct SMTPDataEncodingTests {
    @Test(arguments: [
        ("a\r\nb\r\n", "a\r\nb\r\n.\r\n"),
        ("a\n.b\r\nc", "a\r\n..b\r\nc\r\n.\r\n"),
        (".\r\n", "..\r\n.\r\n"),
        ("", ".\r\n"),
        ("x\r", "x\r\n.\r\n"),
    ])
    func dotStuffsAndEndsLines(input: String, expected: String) {
        #expect(SMTPDataEncoding.encode(Array(input.utf8)) == Array(expected.utf8))
    }

    @Test func parsesReplyLines() {
        #expect(SMTPReply.parseLine("250-first")?.isLast == false)
        #expect(SMTPReply.parseLine("250 last")?.code == 250)
        #expect(SMTPReply.parseLine("220")?.isLast == true)
        #expect(SMTPReply.parseLine("2x0 bad") == nil)
        #expect(SMTPReply.parseLine("250_bad") == nil)
    }
}
