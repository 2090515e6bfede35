import NIOCore
import NIOPosix
import Synchronization

/// A minimal SMTP server on 127.0.0.1 that accepts everything and keeps each message
/// (dot-unstuffed, CRLF line ends): Postfix's relayhost in the end-to-end tests.
final class SMTPSink: Sendable {
    private let received = Mutex<[[UInt8]]>([])
    private let channel: any Channel

    var port: Int { self.channel.localAddress?.port ?? 0 }
    var messages: [[UInt8]] { self.received.withLock { $0 } }

    private init(channel: any Channel) {
        self.channel = channel
    }

    static func start() async throws -> SMTPSink {
        let box = Mutex<SMTPSink?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SMTPSinkHandler { message in
                        box.withLock { $0?.received.withLock { $0.append(message) } }
                    })
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let sink = SMTPSink(channel: channel)
        box.withLock { $0 = sink }
        return sink
    }

    func stop() async {
        try? await self.channel.close()
    }

    func message(containing marker: String) -> String? {
        self.messages.map { String(decoding: $0, as: UTF8.self) }.first { $0.contains(marker) }
    }
}
