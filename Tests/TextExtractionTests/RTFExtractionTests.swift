import ChaperoneModel
import Testing
@testable import TextExtraction

/// RTF text: LibreOffice output, `\uN` and `\'hh` in declared code pages, skipped
/// destinations, and hostile nesting.
@Suite struct RTFExtractionTests {
    private func text(_ rtf: String, maxDepth: Int = 50) -> String {
        RTFText.text(Array(rtf.utf8), maxDepth: maxDepth)
    }

    @Test func libreOfficeDocument() throws {
        let content = LegacyFixture.attached(try LegacyFixture.bytes("writer.rtf"), filename: "notes.rtf", type: "application/rtf")
        #expect(content.problems.isEmpty)
        let segment = try #require(content.segments.first { $0.location.kind == .attachment })
        #expect(segment.location.description == "attachment:notes.rtf")
        #expect(segment.text.contains("Pupil: Ali Rahman, date of birth 07/01/2011, Year 10."))
        #expect(segment.text.contains("caf\u{E9} na\u{EF}ve"))
        #expect(segment.text.contains("UPN\tM383432122006"))
        #expect(!segment.text.contains("Times New Roman"))
    }

    @Test func unicodeEscapesSkipTheirFallback() {
        #expect(text("{\\rtf1\\ansi caf\\u233\\'e9 \\uc2\\u8212\\'97\\'97 x}") == "caf\u{E9} \u{2014} x")
        #expect(text("{\\rtf1 \\u-10179?\\u-8704?}") == "\u{1F600}")
    }

    @Test func codePagesFromAnsicpgAndFontCharset() {
        #expect(text("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8}") == "\u{41F}\u{440}\u{438}")
        let rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset161 Greek;}}\\f1 \\'e1\\f0 \\'e1}"
        #expect(text(rtf) == "\u{3B1}\u{E1}")
    }

    @Test func destinationsAreSkippedAndFieldResultsKept() {
        let rtf = "{\\rtf1{\\colortbl;\\red0;}{\\*\\generator Writer;}{\\info{\\title Ali Rahman notes}}"
            + "{\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt link text}}{\\pict\\pngblip 89504e47}\\par next\\tab cell}"
        #expect(text(rtf) == "Ali Rahman noteslink text\nnext\tcell")
    }

    @Test func binaryDataIsSteppedOver() {
        #expect(text("{\\rtf1 a\\bin3 {}}b}") == "ab")
    }

    @Test func deepNestingFinishesAndKeepsText() {
        let deep = "{\\rtf1 " + String(repeating: "{", count: 100_000) + "Ali Rahman" + String(repeating: "}", count: 100_000) + "}"
        #expect(text(deep) == "Ali Rahman")
        let skippedDeep = "{\\rtf1 {\\*\\x " + String(repeating: "{", count: 200) + "hidden" + String(repeating: "}", count: 200)
            + "} shown}"
        #expect(text(skippedDeep, maxDepth: 10) == " shown")
    }

    @Test func notRTFIsUnscannable() {
        let content = LegacyFixture.attached(Array("plain words".utf8), filename: "notes.rtf")
        #expect(content.problems.map(\.kind) == [.unscannable])
    }
}
