import ChaperoneModel
import Glibc
import Logging
import NIOCore
import NIOEmbedded
import NIOPosix
import Synchronization
import Testing

@testable import MilterServer

/// With the no-reply flags, Postfix's events flow only if our side acknowledges each read
/// at once: `QuickAcknowledgementHandler` sets `TCP_QUICKACK` after every read, and the
/// server puts it first on TCP connections, not on Unix-domain ones.
@Suite struct QuickAcknowledgementTests {
    /// Reads the socket's quick-ack state in every read after the handler, then answers,
    /// which puts Linux back in its delayed-acknowledgement ("ping-pong") mode for the next:
    /// without the handler the reads after the first see 0.
    final class Probe: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let seen = Mutex<[Int32]>([])

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let value = (try? context.channel.syncOptions?.getOption(.tcpOption(.init(rawValue: CInt(TCP_QUICKACK))))) ?? -1
            seen.withLock { $0.append(Int32(value)) }
            context.writeAndFlush(NIOAny(ByteBuffer(bytes: [1])), promise: nil)
        }
    }

    @Test func everyReadOnTCPLeavesTheSocketAcknowledgingAtOnce() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let probe = Probe()
        let server = try ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(QuickAcknowledgementHandler())
                    try channel.pipeline.syncOperations.addHandler(probe)
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        defer { try? server.close().wait() }
        let port = try #require(server.localAddress?.port)
        // A plain blocking client, as Postfix is: write, wait for the answer, again.
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(client >= 0)
        defer { close(client) }
        // Bounded: a server that never answers fails the test in 5 s instead of hanging it.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var answer: UInt8 = 0
        for round in 0..<5 {
            var byte = UInt8(round)
            #expect(write(client, &byte, 1) == 1)
            #expect(read(client, &answer, 1) == 1)
        }
        #expect(probe.seen.withLock { $0 } == [1, 1, 1, 1, 1], "TCP_QUICKACK read back after each read")
    }

    @Test func theServerAcknowledgesAtOnceOnTCPOnly() throws {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        defer { try? pool.syncShutdownGracefully() }
        let core = MilterServerCore(
            snapshot: MilterSnapshot(configuration: Configuration(), scanner: MarkerScanner()),
            store: InMemoryDecisionStore(), logger: Logger(label: "test"), threadPool: pool, ioThreadPool: pool, scanWorkers: 1)
        for (address, expected) in [(try SocketAddress(ipAddress: "127.0.0.1", port: 1), true),
                                    (try SocketAddress(unixDomainSocketPath: "/tmp/chaperone-test.sock"), false)] {
            let channel = EmbeddedChannel()
            channel.localAddress = address
            try MilterServer.addConnectionHandlers(to: channel, core: core, frameLimit: 1024)
            let installed = (try? channel.pipeline.syncOperations.handler(type: QuickAcknowledgementHandler.self)) != nil
            #expect(installed == expected, "\(address)")
            _ = try? channel.finish()
        }
    }
}
