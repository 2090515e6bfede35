import MilterProtocol
import NIOCore
import NIOPosix

/// Plays Postfix's side of a milter connection for tests: send commands, read replies.
final class MilterConversation {
    private let outbound: NIOAsyncChannelOutboundWriter<MilterCommand>
    private var inbound: NIOAsyncChannelInboundStream<MilterResponse>.AsyncIterator
    /// What the filter answered to OPTNEG: decides which commands get a reply.
    private(set) var negotiated: MilterOptions?

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
        self.negotiated = options
        return options
    }

    /// Sends commands as Postfix does: after each one the filter must answer (unless it
    /// negotiated a no-reply flag), wait for that answer. Returns the last answer.
    @discardableResult
    func exchange(_ commands: [MilterCommand]) async throws -> [MilterResponse]? {
        var last: [MilterResponse]? = []
        for command in commands {
            try await self.send([command])
            if self.expectsReply(command) { last = try await self.replies() }
            if last == nil { return nil }
        }
        return last
    }

    private func expectsReply(_ command: MilterCommand) -> Bool {
        command.expectsReply(under: self.negotiated?.protocolFlags ?? [])
    }

    /// One message as Postfix sends it after CONNECT; returns the end-of-message replies.
    func message(
        headers: [(String, String)] = [("From", " teacher@school.example"), ("Subject", " Trip")],
        recipients: [String] = ["<parent@example.net>"],
        body: [UInt8], queueID: String = "4AbCdE", chunkSize: Int = 65_535,
        sender: String = "teacher@school.example", recipient: String? = nil, authenticatedUser: String? = "jsmith"
    ) async throws -> [MilterResponse]? {
        var commands: [MilterCommand] = [
            .macros(forCommand: UInt8(ascii: "M"), authenticatedUser.map { [MilterMacro(name: "{auth_authen}", value: $0)] } ?? []),
            .mail(sender: "<\(sender)>", arguments: []),
        ]
        commands += (recipient.map { ["<\($0)>"] } ?? recipients).map { MilterCommand.recipient($0, arguments: []) }
        commands += [
            .macros(forCommand: UInt8(ascii: "T"), [MilterMacro(name: "i", value: queueID)]),
            .data,
        ]
        commands += headers.map { MilterCommand.header(name: $0.0, value: Array($0.1.utf8)) }
        commands.append(.endOfHeaders)
        guard try await self.exchange(commands) != nil else { return nil }
        var offset = 0
        while offset < body.count {
            let end = min(body.count, offset + chunkSize)
            guard let reply = try await self.exchange([.body(ByteBuffer(bytes: body[offset..<end]))]) else { return nil }
            if reply.last == .skip { break }
            offset = end
        }
        return try await self.exchange([.endOfMessage(finalChunk: ByteBuffer())])
    }

    /// Sends one small message as `message` does, up to and including end of message,
    /// without waiting for the verdict (read it later with `replies()`).
    func submit(body: String) async throws {
        let commands: [MilterCommand] = [
            .mail(sender: "<teacher@school.example>", arguments: []),
            .recipient("<parent@example.net>", arguments: []),
            .data, .header(name: "Subject", value: Array(" Trip".utf8)), .endOfHeaders,
            .body(ByteBuffer(string: body)),
        ]
        guard try await self.exchange(commands) != nil else { throw ClosedEarly() }
        try await self.send([.endOfMessage(finalChunk: ByteBuffer())])
    }

    /// The filter closed the connection before the message was sent whole.
    struct ClosedEarly: Error {}
}
