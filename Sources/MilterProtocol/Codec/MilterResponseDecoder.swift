import NIOCore

/// Decodes the filter's responses: the MTA side of the codec, for test clients and
/// benchmarks that play Postfix's part.
public struct MilterResponseDecoder: NIOSingleStepByteToMessageDecoder, Sendable {
    public typealias InboundOut = MilterResponse

    public let maximumFrameLength: Int

    public init(maximumFrameLength: Int) {
        self.maximumFrameLength = maximumFrameLength
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> MilterResponse? {
        try buffer.readMilterResponse(maximumFrameLength: self.maximumFrameLength)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> MilterResponse? {
        if let response = try self.decode(buffer: &buffer) { return response }
        if seenEOF, buffer.readableBytes > 0 { throw MilterProtocolError.truncatedFrame(bufferedBytes: buffer.readableBytes) }
        return nil
    }
}
