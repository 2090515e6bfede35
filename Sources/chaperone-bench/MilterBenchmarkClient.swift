import MilterProtocol
import MilterServer
import NIOCore
import NIOPosix

/// Plays Postfix 3.7's side of the milter protocol for the benchmark: OPTNEG, CONNECT,
/// then messages (macros, MAIL, RCPT, DATA, headers, EOH, 64 KiB body chunks, EOM,
/// ABORT) as Postfix sends them, timing each message.
enum MilterBenchmarkClient {
    struct Closed: Error {}

    static func body(bytes: Int) -> [UInt8] {
        let line = Array("Dear parents, the Year 8 trip to the museum leaves at 9am on Friday.\r\n".utf8)
        return (0..<(bytes / line.count + 1)).flatMap { _ in line }
    }

    /// One message's time (MAIL → end-of-message reply) and its final reply.
    struct Outcome: Sendable {
        var latency: Duration
        var verdict: MilterResponse
    }

    static func run(address: SocketAddress, messages: Int, body: [UInt8]) async throws -> [Duration] {
        try await self.run(address: address, messages: messages, body: body, envelope: Self.envelope).map(\.latency)
    }

    /// As `run`, with the envelope and headers of message N from `envelope`.
    static func run(
        address: SocketAddress, messages: Int, body: [UInt8], envelope: @escaping @Sendable (Int) -> [MilterCommand]
    ) async throws -> [Outcome] {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(to: address) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(MilterResponseDecoder(maximumFrameLength: 1 << 20)))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(MilterCommandEncoder()))
                    return try NIOAsyncChannel<MilterResponse, MilterCommand>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            @discardableResult
            func final() async throws -> MilterResponse {
                while let reply = try await replies.next() { if reply.isFinal { return reply } }
                throw Closed()
            }
            try await outbound.write(.optionNegotiation(MilterOptions(
                actions: MilterActionFlags(rawValue: 0x1FF), protocolFlags: MilterProtocolFlags(rawValue: 0x1F_FFFF))))
            var flags: MilterProtocolFlags = []
            if case .optionNegotiation(let negotiated) = try await final() { flags = negotiated.protocolFlags }
            /// Postfix writes one event and, unless a no-reply flag was negotiated for it,
            /// waits for the answer; MACRO packets are never answered.
            @discardableResult
            func exchange(_ commands: [MilterCommand]) async throws -> MilterResponse? {
                var last: MilterResponse?
                for command in commands {
                    try await outbound.write(command)
                    guard command.expectsReply(under: flags) else { continue }
                    last = try await final()
                }
                return last
            }
            try await exchange([
                .macros(forCommand: UInt8(ascii: "C"), [MilterMacro(name: "{daemon_name}", value: "mx")]),
                .connect(MilterClientInfo(hostname: "localhost", family: .inet, port: 40_000, address: "127.0.0.1")),
            ])
            var outcomes: [Outcome] = []
            for index in 0..<messages {
                let start = ContinuousClock.now
                try await exchange(envelope(index))
                var offset = 0
                while offset < body.count {
                    let end = min(body.count, offset + 65_535)
                    try await exchange([.body(ByteBuffer(bytes: body[offset..<end]))])
                    offset = end
                }
                let verdict = try await exchange([.endOfMessage(finalChunk: ByteBuffer())])
                outcomes.append(Outcome(latency: ContinuousClock.now - start, verdict: verdict ?? .tempfail))
                try await outbound.write(.abort)
            }
            try await outbound.write(.quit)
            return outcomes
        }
    }

    @Sendable
    static func envelope(_ index: Int) -> [MilterCommand] {
        [
            .macros(forCommand: UInt8(ascii: "M"), [MilterMacro(name: "{auth_authen}", value: "teacher")]),
            .mail(sender: "<teacher@school.example>", arguments: ["BODY=8BITMIME"]),
            .recipient("<parent@example.net>", arguments: []),
            .macros(forCommand: UInt8(ascii: "T"), [MilterMacro(name: "i", value: "Q\(index)")]),
            .data,
            .header(name: "From", value: Array(" teacher@school.example".utf8)),
            .header(name: "To", value: Array(" parent@example.net".utf8)),
            .header(name: "Subject", value: Array(" Museum trip".utf8)),
            .header(name: "Message-ID", value: Array(" <\(index)@school.example>".utf8)),
            .endOfHeaders,
        ]
    }
}
