import NIOCore

/// Encodes commands: the MTA side of the codec, for test clients and benchmarks.
public struct MilterCommandEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = MilterCommand

    public init() {}

    public func encode(data: MilterCommand, out: inout ByteBuffer) throws {
        out.writeMilterCommand(data)
    }
}
