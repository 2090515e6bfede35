import ChaperoneModel
import Testing
@testable import TextExtraction

/// XML entities in OOXML parts: internal ones are part of the text (Word shows them),
/// external ones are never loaded, and amplification attacks stop as a parse error
/// that leaves the document unread. The documents are written by hand: no office suite
/// writes a DTD into document.xml, only a hostile sender does. Pupils are invented.
@Suite struct XMLEntityTests {
    private func docx(_ documentXML: String) -> MessageContent {
        let docx = StoredZip.archive([("[Content_Types].xml", Array("<Types/>".utf8)),
                                      ("word/document.xml", Array(documentXML.utf8))])
        return Extraction.content(StoredZip.message(attaching: docx, filename: "update.docx"))
    }

    private func text(_ content: MessageContent) -> String {
        content.segments.filter { $0.location.kind == .attachment }.map(\.text).joined(separator: "\n")
    }

    @Test func internalEntityTextIsKept() {
        let content = docx("""
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY p "Zoë Okafor-Brennan"><!ENTITY u "R383432125004">]>
            <w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Update on &p; (UPN &u;)</w:t></w:r></w:p></w:body></w:document>
            """)
        #expect(text(content).contains("Update on Zoë Okafor-Brennan (UPN R383432125004)"))
        #expect(content.problems.isEmpty)
    }

    @Test func entityHoldingMarkupIsRead() {
        let content = docx("""
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY run "<w:r><w:t>Ciarán O'Neill</w:t></w:r>">]>
            <w:document xmlns:w="urn:w"><w:body><w:p>&run;</w:p></w:body></w:document>
            """)
        #expect(text(content).contains("Ciarán O'Neill"))
    }

    @Test func externalEntityIsNeverLoaded() {
        let content = docx("""
            <?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>
            """)
        #expect(!text(content).contains("root:"))
        #expect(text(content).contains("a"))
    }

    @Test func externalDTDIsNeverLoaded() {
        let content = docx("""
            <?xml version="1.0"?><!DOCTYPE w SYSTEM "file:///etc/passwd">
            <w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Report</w:t></w:r></w:p></w:body></w:document>
            """)
        #expect(!text(content).contains("root:"))
    }

    @Test func billionLaughsIsUnreadAndUnscannable() {
        var declarations = "<!ENTITY a0 \"lollollollollollollollollollol\">"
        for level in 1...10 {
            declarations += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        let content = docx("""
            <?xml version="1.0"?><!DOCTYPE w [\(declarations)]>
            <w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>&a10;</w:t></w:r></w:p></w:body></w:document>
            """)
        #expect(!text(content).contains("lollol"))
        #expect(content.problems.contains { $0.leavesContentUnscanned })
    }

    @Test func quadraticBlowUpIsUnreadAndUnscannable() {
        let entity = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&a;", count: 50_000)
        let content = docx("""
            <?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "\(entity)">]>
            <w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>\(references)</w:t></w:r></w:p></w:body></w:document>
            """)
        #expect(content.segments.allSatisfy { $0.text.utf8.count < 1_000_000 })
        #expect(content.problems.contains { $0.leavesContentUnscanned })
    }
}
