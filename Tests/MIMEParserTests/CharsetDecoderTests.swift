import Testing
@testable import MIMEParser

@Suite struct CharsetDecoderTests {
    private func decode(_ bytes: [UInt8], _ charset: String) -> DecodedText {
        CharsetDecoder.decode(bytes, charset: charset)
    }

    @Test(arguments: [
        ("utf-8", [0x63, 0x61, 0x66, 0xC3, 0xA9] as [UInt8], "café"),
        ("US-ASCII", [0x41, 0x42], "AB"),
        ("iso-8859-1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("ISO-8859-2", [0xB3, 0xF3, 0x64, 0xBC], "łódź"),
        ("iso-8859-5", [0xBF, 0xE0, 0xD8], "При"),
        ("iso-8859-7", [0xE1, 0xE2], "αβ"),
        ("iso-8859-15", [0xA4], "€"),
        ("windows-1250", [0x9A, 0x9E], "šž"),
        ("windows-1251", [0xCF, 0xF0, 0xE8], "При"),
        ("windows-1252", [0x93, 0x68, 0x69, 0x94, 0x80], "\u{201C}hi\u{201D}€"),
        ("windows-1253", [0xE1], "α"),
        ("windows-1254", [0xF0], "ğ"),
        ("windows-1255", [0xF9], "ש"),
        ("windows-1256", [0xC7], "ا"),
        ("windows-1257", [0xE0], "ą"),
        ("windows-1258", [0x80], "€"),
        ("KOI8-R", [0xF0, 0xD2, 0xC9], "При"),
        ("gb2312", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
        ("GBK", [0xC4, 0xE3], "你"),
        ("big5", [0xA7, 0x41, 0xA6, 0x6E], "你好"),
        ("Shift_JIS", [0x82, 0xB1, 0x82, 0xF1], "こん"),
        ("ISO-2022-JP", [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1B, 0x28, 0x42], "こん"),
    ])
    func decodesListedCharsets(label: String, bytes: [UInt8], expected: String) {
        let decoded = decode(bytes, label)
        #expect(decoded.text == expected)
        #expect(decoded.isClean)
        #expect(decoded.charsetKnown)
    }

    @Test func unknownCharsetFallsBackAndSaysSo() {
        let decoded = decode(Array("plain".utf8), "x-made-up")
        #expect(decoded.text == "plain")
        #expect(!decoded.charsetKnown)
    }

    @Test func mislabelledUTF8FallsBackToWindows1252() {
        let decoded = decode([0x63, 0x61, 0x66, 0xE9], "utf-8")
        #expect(decoded.text == "café")
        #expect(!decoded.isClean)
    }

    @Test func invalidBytesInIconvCharsetAreReplaced() {
        let decoded = decode([0x41, 0x82, 0x42], "shift_jis")
        #expect(decoded.text.hasPrefix("A"))
        #expect(decoded.text.contains("\u{FFFD}"))
        #expect(!decoded.isClean)
    }

    @Test func rawEightBitHeaderBytes() {
        #expect(CharsetDecoder.utf8OrWindows1252([0xC3, 0xA9]) == "é")
        #expect(CharsetDecoder.utf8OrWindows1252([0xE9]) == "é")
    }
}
