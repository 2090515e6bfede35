import NIOCore

/// Encodes the filter's responses. The filter side of the codec.
public struct MilterResponseEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = MilterResponse

    public init() {}

    public func encode(data: MilterResponse, out: inout ByteBuffer) throws {
        out.writeMilterResponse(data)
    }
}
