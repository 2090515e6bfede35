import Testing
@testable import MIMEParser

@Suite struct EncodedWordDecoderTests {
    @Test func decodesBAndQWords() {
        #expect(EncodedWordDecoder.decode("=?UTF-8?B?SGVsbG8gV29ybGQ=?=") == "Hello World")
        #expect(EncodedWordDecoder.decode("=?iso-8859-1?q?caf=E9_au_lait?=") == "café au lait")
        #expect(EncodedWordDecoder.decode("=?utf-8?Q?r=c3=a9sum=c3=a9?=") == "résumé")
    }

    @Test func joinsAdjacentWordsWithoutTheWhitespaceBetween() {
        let text = "=?utf-8?q?Report_for?= \r\n =?utf-8?q?_Year_7?= and more"
        #expect(EncodedWordDecoder.decode(text) == "Report for Year 7 and more")
    }

    @Test func keepsWhitespaceBetweenWordAndPlainText() {
        #expect(EncodedWordDecoder.decode("Re: =?utf-8?q?caf=C3=A9?= menu") == "Re: café menu")
    }

    @Test func multiByteCharacterSplitAcrossTwoWords() {
        // "é" is C3 A9 in UTF-8: the first word ends with C3, the second starts with A9.
        let text = "=?UTF-8?B?Y2Fmww==?= =?UTF-8?B?qSBtZW51?="
        #expect(EncodedWordDecoder.decode(text) == "café menu")
        let qText = "=?utf-8?q?Zo=C3?= =?utf-8?q?=AB_Q?="
        #expect(EncodedWordDecoder.decode(qText) == "Zoë Q")
    }

    @Test func malformedWordsStayLiteral() {
        #expect(EncodedWordDecoder.decode("=?utf-8?x?abc?=") == "=?utf-8?x?abc?=")
        #expect(EncodedWordDecoder.decode("=?utf-8?q?no end") == "=?utf-8?q?no end")
        #expect(EncodedWordDecoder.decode("a =? b") == "a =? b")
    }

    @Test func languageSuffixAndOtherCharsets() {
        #expect(EncodedWordDecoder.decode("=?ISO-8859-1*en?Q?Andr=E9?=") == "André")
        #expect(EncodedWordDecoder.decode("=?koi8-r?B?8NLJ18XU?=") == "Привет")
    }

    @Test func manyUnterminatedStartsStayLiteral() {
        let text = String(repeating: "=?a?q?a", count: 100_000)
        #expect(EncodedWordDecoder.decode(text) == text)
    }
}
