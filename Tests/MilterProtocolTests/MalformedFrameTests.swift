import MilterProtocol
import NIOCore
import NIOEmbedded
import Testing

@Suite struct MalformedFrameTests {
    private func decode(_ buffer: ByteBuffer, limit: Int = 1024) throws -> MilterCommand? {
        var buffer = buffer
        return try buffer.readMilterCommand(maximumFrameLength: limit)
    }

    @Test func absurdLengthIsRefusedBeforeBuffering() {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32.max)
        #expect(throws: MilterProtocolError.frameTooLarge(length: Int(UInt32.max), limit: 1024)) {
            try self.decode(buffer)
        }
    }

    @Test func zeroLengthIsRefused() {
        #expect(throws: MilterProtocolError.emptyFrame) {
            try self.decode(ByteBuffer(bytes: [0, 0, 0, 0]))
        }
    }

    @Test func unknownCommandIsRefused() {
        #expect(throws: MilterProtocolError.unknownCode(UInt8(ascii: "Z"))) {
            try self.decode(MilterSamples.frame(code: UInt8(ascii: "Z"), payload: []))
        }
    }

    static let truncatedPayloads: [(UInt8, [UInt8])] = [
        (UInt8(ascii: "O"), [UInt8]([0, 0, 0, 6, 0, 0])),
        (UInt8(ascii: "C"), Array("host".utf8)),
        (UInt8(ascii: "C"), Array("host".utf8) + [0, UInt8(ascii: "4"), 0]),
        (UInt8(ascii: "C"), Array("host".utf8) + [0, UInt8(ascii: "X")]),
        (UInt8(ascii: "M"), []),
        (UInt8(ascii: "R"), []),
        (UInt8(ascii: "L"), Array("Subject".utf8) + [0] + Array("no nul".utf8)),
        (UInt8(ascii: "D"), []),
        (UInt8(ascii: "D"), [UInt8(ascii: "C")] + Array("i".utf8) + [0]),
    ]

    @Test(arguments: MalformedFrameTests.truncatedPayloads)
    func truncatedPayloadsAreMalformed(code: UInt8, payload: [UInt8]) {
        #expect(throws: MilterProtocolError.self) {
            try self.decode(MilterSamples.frame(code: code, payload: payload))
        }
    }

    @Test func partialFrameWaitsForMoreBytes() throws {
        var whole = ByteBuffer()
        whole.writeMilterCommand(.helo("client.example"))
        var partial = whole.getSlice(at: 0, length: whole.readableBytes - 1) ?? ByteBuffer()
        #expect(try partial.readMilterCommand(maximumFrameLength: 1024) == nil)
        #expect(partial.readableBytes == whole.readableBytes - 1)
    }

    @Test func connectionClosedInsideAFrameIsAnErrorNotACrash() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(MilterCommandDecoder(maximumFrameLength: 1024)))
        try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 9, UInt8(ascii: "H"), 0x61]))
        #expect(throws: MilterProtocolError.truncatedFrame(bufferedBytes: 6)) {
            _ = try channel.finish()
        }
    }

    @Test func decoderInAChannelReportsOversizedFrames() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(MilterCommandDecoder(maximumFrameLength: 16)))
        var buffer = ByteBuffer()
        buffer.writeMilterCommand(.helo(String(repeating: "x", count: 64)))
        #expect(throws: MilterProtocolError.frameTooLarge(length: 66, limit: 16)) {
            try channel.writeInbound(buffer)
        }
        _ = try? channel.finish()
    }
}
