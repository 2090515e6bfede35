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

    static func run(address: SocketAddress, messages: Int, body: [UInt8]) async throws -> [Duration] {
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
            func final() async throws {
                while let reply = try await replies.next() { if reply.isFinal { return } }
                throw Closed()
            }
            try await outbound.write(.optionNegotiation(MilterOptions(
                actions: MilterActionFlags(rawValue: 0x1FF), protocolFlags: MilterProtocolFlags(rawValue: 0x1F_FFFF))))
            try await final()
            /// Postfix writes one event and, unless a no-reply flag was negotiated (Chaperone
            /// negotiates none), waits for the answer; MACRO packets are never answered.
            func exchange(_ commands: [MilterCommand]) async throws {
                for command in commands {
                    try await outbound.write(command)
                    if case .macros = command { continue }
                    try await final()
                }
            }
            try await exchange([
                .macros(forCommand: UInt8(ascii: "C"), [MilterMacro(name: "{daemon_name}", value: "mx")]),
                .connect(MilterClientInfo(hostname: "localhost", family: .inet, port: 40_000, address: "127.0.0.1")),
            ])
            var latencies: [Duration] = []
            for index in 0..<messages {
                let start = ContinuousClock.now
                try await exchange(Self.envelope(index))
                var offset = 0
                while offset < body.count {
                    let end = min(body.count, offset + 65_535)
                    try await exchange([.body(ByteBuffer(bytes: body[offset..<end]))])
                    offset = end
                }
                try await exchange([.endOfMessage(finalChunk: ByteBuffer())])
                latencies.append(ContinuousClock.now - start)
                try await outbound.write(.abort)
            }
            try await outbound.write(.quit)
            return latencies
        }
    }

    private static func envelope(_ index: Int) -> [MilterCommand] {
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
