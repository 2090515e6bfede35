import ChaperoneModel
import Testing
@testable import TextExtraction

/// Damaged archives and markup must give problems or partial text, never a crash.
@Suite struct HostileAttachmentTests {
    static let zip = StoredZip.archive([
        ("word/document.xml", Array("<w:document xmlns:w='urn:w'><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>".utf8)),
        ("notes.txt", Array("some notes".utf8)),
    ])

    @Test(arguments: 0..<300)
    func corruptedArchiveDoesNotCrash(seed: Int) {
        var bytes = Self.zip
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        for _ in 0..<3 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            bytes[Int(state % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: state >> 32)
        }
        if seed % 4 == 0 { bytes.removeLast(seed % 40 + 1) }
        let content = Extraction.content(StoredZip.message(attaching: bytes, filename: seed % 2 == 0 ? "x.docx" : "x.zip"))
        #expect(content.attachments.count == 1)
    }

    @Test func hugeUnclosedMarkupIsRead() {
        let markup = String(repeating: "<table><tr><td><b>", count: 2_000) + "needle" + String(repeating: "<p>x", count: 2_000)
        let content = Extraction.content(["Content-Type: text/html", "", markup])
        #expect(content.segments.contains { $0.text.contains("needle") })
    }

    @Test func tagStripperDropsScriptsAndDecodesEntities() {
        let text = HTMLTagStripper.strip("<p>A&amp;B</p><script>secret()</script><!-- c --><div>&#67;&#x44; end")
        #expect(text == "A&B CD end")
    }
}
