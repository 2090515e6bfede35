import ChaperoneModel
import Logging
import MilterProtocol
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing

@testable import MilterServer

/// Hostile bytes straight into the server's own pipeline: the connection is closed,
/// nothing is answered after the error, and nothing crashes.
@Suite struct MalformedInputTests {
    private func pipeline() throws -> (EmbeddedChannel, NIOThreadPool) {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let core = MilterServerCore(
            snapshot: MilterSnapshot(configuration: Configuration(), scanner: MarkerScanner()),
            store: InMemoryDecisionStore(), logger: Logger(label: "test"), threadPool: pool, ioThreadPool: pool, scanWorkers: 1)
        let channel = EmbeddedChannel()
        try MilterServer.addConnectionHandlers(to: channel, core: core, frameLimit: 1024)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return (channel, pool)
    }

    static let hostile: [[UInt8]] = [
        [0xFF, 0xFF, 0xFF, 0xFF, UInt8(ascii: "O")],
        [0, 0, 0, 0],
        [0, 0, 0, 1, UInt8(ascii: "Z")],
        [0, 0, 0, 1, UInt8(ascii: "M")],
        [0, 0, 0, 2, UInt8(ascii: "C"), 0x68],
        [0, 0, 0, 1, UInt8(ascii: "E")],
    ]

    @Test(arguments: MalformedInputTests.hostile)
    func closesTheConnection(bytes: [UInt8]) throws {
        let (channel, pool) = try self.pipeline()
        defer { try? pool.syncShutdownGracefully() }
        var offer = ByteBuffer()
        offer.writeMilterCommand(.optionNegotiation(MilterOptions(
            actions: MilterActionFlags(rawValue: 0x1FF), protocolFlags: MilterProtocolFlags(rawValue: 0x1F_FFFF))))
        try channel.writeInbound(offer)
        #expect(try channel.readOutbound(as: ByteBuffer.self) != nil)
        _ = try? channel.writeInbound(ByteBuffer(bytes: bytes))
        channel.embeddedEventLoop.run()
        #expect(!channel.isActive)
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        _ = try? channel.finish()
    }
}
