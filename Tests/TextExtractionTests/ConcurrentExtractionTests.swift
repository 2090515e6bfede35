import ChaperoneModel
import MIMEParser
import Testing
@testable import TextExtraction

/// libxml2 is initialised once and its error handler set per thread: extractions running
/// at the same time on many threads give the same result as one alone.
@Suite struct ConcurrentExtractionTests {
    static let message = Array("""
        Content-Type: multipart/mixed; boundary=c\r
        \r
        --c\r
        Content-Type: text/html\r
        \r
        <table><tr><td>Jo</td><td>7B</td></tr></table><p>Broken <b>markup <i>here</p><img alt="pic">\r
        --c\r
        Content-Type: application/octet-stream; name=r.docx\r
        Content-Transfer-Encoding: base64\r
        \r
        \(StoredZip.base64(StoredZip.archive([("word/document.xml", Array("<w:document xmlns:w='urn:w'><w:body><w:p><w:r><w:t>Doc text</w:t></w:r></w:p></w:body></w:document>".utf8))])))\r
        --c--\r
        """.utf8)

    @Test func parallelExtractionsAgree() async {
        let expected = TextExtractor().extract(ParsedMessage.parse(Self.message))
        #expect(expected.segments.contains { $0.text == "Doc text" })
        let results = await withTaskGroup(of: MessageContent.self) { group in
            for _ in 0..<32 {
                group.addTask { TextExtractor().extract(ParsedMessage.parse(Self.message)) }
            }
            var all: [MessageContent] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == expected })
    }
}
