import Testing
@testable import MIMEParser

@Suite struct TransferDecodingTests {
    private func qp(_ text: String) -> (String, Int) {
        let result = QuotedPrintableDecoder.decode(Array(text.utf8))
        return (String(decoding: result.bytes, as: UTF8.self), result.invalidEscapes)
    }

    @Test func quotedPrintableSoftBreaksJoinWords() {
        #expect(qp("Jo=\r\nnathan Sm=  \r\nith=\nson").0 == "Jonathan Smithson")
    }

    @Test func quotedPrintableLowerCaseHexAndInvalidEscapes() {
        #expect(qp("caf=c3=a9").0 == "café")
        let (text, invalid) = qp("100=% =ZZ done=")
        #expect(text == "100=% =ZZ done")
        #expect(invalid == 2)
    }

    @Test func base64ToleratesWhitespaceJunkAndMissingPadding() {
        let result = Base64Decoder.decode(Array("SGVs\r\nbG8*gV29y!bGQ".utf8))
        #expect(String(decoding: result.bytes, as: UTF8.self) == "Hello World")
        #expect(result.junkCount == 2)
    }

    @Test func base64ConcatenatedPaddedBlocks() {
        let result = Base64Decoder.decode(Array("QQ==Qg==".utf8))
        #expect(result.bytes == Array("AB".utf8))
    }

    @Test func base64DanglingCharacterIsReported() {
        let result = Base64Decoder.decode(Array("QUJDR".utf8))
        #expect(result.bytes == Array("ABC".utf8))
        #expect(result.danglingBits)
    }

    @Test func proseLabelledBase64IsRecognised() {
        let prose = Array("Dear parents, the trip to the museum is on Friday. Please sign the form and return it by Wednesday.".utf8)
        #expect(Base64Decoder.decode(prose).looksLikeNotBase64)
        #expect(!Base64Decoder.decode(Array("SGVsbG8gV29ybGQ=".utf8)).looksLikeNotBase64)
    }

    @Test func encodingNames() {
        #expect(TransferEncoding(parsing: " Base64 ") == .base64)
        #expect(TransferEncoding(parsing: "QUOTED-PRINTABLE") == .quotedPrintable)
        #expect(TransferEncoding(parsing: nil) == .sevenBit)
        #expect(TransferEncoding(parsing: "x-uuencode") == .unknown("x-uuencode"))
    }
}
