import NIOCore
import NIOPosix

/// A tiny SMTP client: one message per session, stopping at the first refusal. Returns
/// the reply lines of the last command it sent (the end of DATA when all went well).
enum SMTPSubmission {
    struct Reply: Sendable {
        var lines: [String]
        var code: Int { Int(self.lines.last?.prefix(3) ?? "") ?? 0 }
        var text: String { self.lines.joined(separator: "\n") }
    }

    /// The server did not finish the session within the time limit.
    struct TimedOut: Error, CustomStringConvertible {
        let port: Int
        let limit: Duration
        var description: String { "the SMTP server on 127.0.0.1:\(self.port) did not finish the session within \(self.limit)" }
    }

    /// Bounded: the connection is closed `timeout` after it opens, whatever the server does.
    static func send(
        port: Int, from: String, to recipients: [String], message: [UInt8], timeout: Duration = .seconds(120)
    ) async throws -> Reply {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let started = ContinuousClock.now
        let limit = channel.channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000)) {
            channel.channel.close(promise: nil)
        }
        defer { limit.cancel() }
        do {
            return try await Self.converse(channel, from: from, to: recipients, message: message)
        } catch {
            if ContinuousClock.now - started >= timeout { throw TimedOut(port: port, limit: timeout) }
            throw error
        }
    }

    private static func converse(
        _ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, from: String, to recipients: [String], message: [UInt8]
    ) async throws -> Reply {
        try await channel.executeThenClose { inbound, outbound in
            var reader = SMTPReplyReader(inbound.makeAsyncIterator())
            var reply = try await reader.next()
            var commands = ["EHLO client.test", "MAIL FROM:<\(from)>"] + recipients.map { "RCPT TO:<\($0)>" } + ["DATA"]
            while reply.code < 400, !commands.isEmpty {
                let command = commands.removeFirst()
                try await outbound.write(ByteBuffer(string: command + "\r\n"))
                reply = try await reader.next()
                if command == "DATA", reply.code == 354 {
                    try await outbound.write(ByteBuffer(bytes: Self.dotStuffed(message)))
                    reply = try await reader.next()
                }
            }
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
            return reply
        }
    }

    /// The message with leading dots doubled, ending in CRLF.CRLF.
    static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 16)
        var atLineStart = true
        for byte in message {
            if atLineStart, byte == UInt8(ascii: ".") { out.append(byte) }
            out.append(byte)
            atLineStart = byte == 0x0A
        }
        if !atLineStart { out += [0x0D, 0x0A] }
        return out + Array(".\r\n".utf8)
    }
}
