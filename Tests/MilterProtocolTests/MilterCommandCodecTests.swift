import MilterProtocol
import NIOCore
import NIOTestUtils
import Testing

@Suite struct MilterCommandCodecTests {
    @Test func everyCommandDecodesWhenFedWholeOrOneByteAtATime() throws {
        let pairs = MilterSamples.commands.map { command -> (ByteBuffer, [MilterCommand]) in
            var buffer = ByteBuffer()
            buffer.writeMilterCommand(command)
            return (buffer, [command])
        }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
            MilterCommandDecoder(maximumFrameLength: 1 << 20)
        }
    }

    @Test func aWholeSessionInOneBufferDecodesInOrder() throws {
        var buffer = ByteBuffer()
        for command in MilterSamples.commands { buffer.writeMilterCommand(command) }
        var decoded: [MilterCommand] = []
        while let command = try buffer.readMilterCommand(maximumFrameLength: 1 << 20) {
            decoded.append(command)
        }
        #expect(decoded == MilterSamples.commands)
        #expect(buffer.readableBytes == 0)
    }

    @Test func frameLengthCountsTheCommandByte() {
        var buffer = ByteBuffer()
        buffer.writeMilterCommand(.helo("ab"))
        #expect(Array(buffer.readableBytesView) == [0, 0, 0, 4, UInt8(ascii: "H"), 0x61, 0x62, 0])
    }

    @Test func bodyChunkEndingBetweenCRAndLFIsKeptExactly() throws {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 65_534)
        bytes.append(0x0D)
        var buffer = ByteBuffer()
        buffer.writeMilterCommand(.body(ByteBuffer(bytes: bytes)))
        let decoded = try buffer.readMilterCommand(maximumFrameLength: 1 << 20)
        #expect(decoded == .body(ByteBuffer(bytes: bytes)))
    }
}
