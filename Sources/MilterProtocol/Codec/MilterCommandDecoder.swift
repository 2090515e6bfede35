import NIOCore

/// Decodes the MTA's command frames, refusing any frame longer than `maximumFrameLength`
/// (`max_milter_frame_bytes`) before buffering it. The filter side of the codec.
public struct MilterCommandDecoder: NIOSingleStepByteToMessageDecoder, Sendable {
    public typealias InboundOut = MilterCommand

    public let maximumFrameLength: Int

    public init(maximumFrameLength: Int) {
        self.maximumFrameLength = maximumFrameLength
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> MilterCommand? {
        try buffer.readMilterCommand(maximumFrameLength: self.maximumFrameLength)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> MilterCommand? {
        if let command = try self.decode(buffer: &buffer) { return command }
        if seenEOF, buffer.readableBytes > 0 { throw MilterProtocolError.truncatedFrame(bufferedBytes: buffer.readableBytes) }
        return nil
    }
}
