import MilterProtocol
import NIOCore
import NIOPosix

/// Plays Postfix's side of a milter connection for tests: send commands, read replies.
final class MilterConversation {
    private let outbound: NIOAsyncChannelOutboundWriter<MilterCommand>
    private var inbound: NIOAsyncChannelInboundStream<MilterResponse>.AsyncIterator

    private init(channel: NIOAsyncChannelInboundStream<MilterResponse>, outbound: NIOAsyncChannelOutboundWriter<MilterCommand>) {
        self.inbound = channel.makeAsyncIterator()
        self.outbound = outbound
    }

    /// Connects, runs `body`, then closes.
    static func with<T>(
        _ address: SocketAddress, _ body: (MilterConversation) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(to: address) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(ByteToMessageHandler(MilterResponseDecoder(maximumFrameLength: 1 << 20)))
                    try pipeline.addHandler(MessageToByteHandler(MilterCommandEncoder()))
                    return try NIOAsyncChannel<MilterResponse, MilterCommand>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(MilterConversation(channel: inbound, outbound: outbound))
        }
    }

    func send(_ commands: [MilterCommand]) async throws {
        try await self.outbound.write(contentsOf: commands)
    }

    /// Replies up to and including the next final one; nil if the filter closed first.
    func replies() async throws -> [MilterResponse]? {
        var replies: [MilterResponse] = []
        while let response = try await self.inbound.next() {
            replies.append(response)
            if response.isFinal { return replies }
        }
        return nil
    }

    /// True when the filter closes the connection without sending anything more.
    func closedByFilter() async -> Bool {
        (try? await self.inbound.next()) == nil
    }

    /// OPTNEG as Postfix 3.7 sends it; returns the filter's reply.
    func negotiate() async throws -> MilterOptions? {
        try await self.send([.optionNegotiation(MilterOptions(
            actions: MilterActionFlags(rawValue: 0x1FF), protocolFlags: MilterProtocolFlags(rawValue: 0x1F_FFFF)))])
        guard case .optionNegotiation(let options) = try await self.replies()?.first else { return nil }
        return options
    }

    /// One message as Postfix sends it after CONNECT; returns the end-of-message replies.
    /// Body chunks are answered (Chaperone does not set NR_BODY), so their replies are read too.
    func message(
        headers: [(String, String)] = [("From", " teacher@school.example"), ("Subject", " Trip")],
        body: [UInt8], queueID: String = "4AbCdE", chunkSize: Int = 65_535
    ) async throws -> [MilterResponse]? {
        var commands: [MilterCommand] = [
            .macros(forCommand: UInt8(ascii: "M"), [MilterMacro(name: "{auth_authen}", value: "jsmith")]),
            .mail(sender: "<teacher@school.example>", arguments: []),
            .recipient("<parent@example.net>", arguments: []),
            .macros(forCommand: UInt8(ascii: "T"), [MilterMacro(name: "i", value: queueID)]),
            .data,
        ]
        commands += headers.map { MilterCommand.header(name: $0.0, value: Array($0.1.utf8)) }
        commands.append(.endOfHeaders)
        try await self.send(commands)
        var offset = 0
        while offset < body.count {
            let end = min(body.count, offset + chunkSize)
            try await self.send([.body(ByteBuffer(bytes: body[offset..<end]))])
            guard let reply = try await self.replies() else { return nil }
            if reply.last == .skip { break }
            offset = end
        }
        try await self.send([.endOfMessage(finalChunk: ByteBuffer())])
        return try await self.replies()
    }
}
