import MilterProtocol
import NIOCore
import NIOTestUtils
import Testing

@Suite struct MilterResponseCodecTests {
    @Test func everyResponseRoundTripsFedWholeOrOneByteAtATime() throws {
        let pairs = MilterSamples.responses.map { response -> (ByteBuffer, [MilterResponse]) in
            var buffer = ByteBuffer()
            buffer.writeMilterResponse(response)
            return (buffer, [response])
        }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
            MilterResponseDecoder(maximumFrameLength: 1 << 20)
        }
    }

    @Test func optionNegotiationReplyHasTheLibmilterLayout() {
        var buffer = ByteBuffer()
        buffer.writeMilterResponse(.optionNegotiation(MilterOptions(
            actions: [.addHeaders], protocolFlags: [.noHelo],
            macroRequests: [MilterMacroRequest(stage: .endOfMessage, names: ["i", "{auth_authen}"])]
        )))
        let expected: [UInt8] = [0, 0, 0, 33, UInt8(ascii: "O"), 0, 0, 0, 6, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 5]
            + Array("i {auth_authen}".utf8) + [0]
        #expect(Array(buffer.readableBytesView) == expected)
    }

    @Test func embeddedNULCannotTruncateAReplyCode() throws {
        var buffer = ByteBuffer()
        buffer.writeMilterResponse(.replyCode("550 5.7.1 a\u{0}b"))
        #expect(try buffer.readMilterResponse(maximumFrameLength: 1024) == .replyCode("550 5.7.1 ab"))
    }

    @Test func finalAndNonFinalRepliesAreTold() {
        #expect(MilterResponse.accept.isFinal)
        #expect(MilterResponse.replyCode("451 4.7.1 x").isFinal)
        #expect(!MilterResponse.progress.isFinal)
        #expect(!MilterResponse.quarantine(reason: "r").isFinal)
    }
}
