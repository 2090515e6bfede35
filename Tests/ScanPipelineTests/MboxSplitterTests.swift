import ScanPipeline
import Testing

@Suite struct MboxSplitterTests {
    @Test func splitsOnFromLinesAfterBlankLinesAndUnquotes() {
        let mbox = """
        From alice@example.org Tue Nov 24 09:00:00 2026
        Subject: one

        Hello
        >From the start
        >>From quoted twice

        From bob@example.org Tue Nov 24 09:01:00 2026
        Subject: two

        From here on it is body text, not a separator.
        """
        let messages = MboxSplitter.split(Array(mbox.utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(messages.count == 2)
        #expect(messages[0] == "Subject: one\n\nHello\nFrom the start\n>From quoted twice\n")
        #expect(messages[1].hasPrefix("Subject: two\n\nFrom here on"))
    }

    @Test func recognisesMboxByItsFirstLine() {
        #expect(MboxSplitter.looksLikeMbox(Array("From x@y Tue Nov 24\nSubject: a\n".utf8)))
        #expect(!MboxSplitter.looksLikeMbox(Array("From: x@y\nSubject: a\n".utf8)))
        #expect(MboxSplitter.split([]).isEmpty)
    }
}
