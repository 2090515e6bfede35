import ChaperoneModel
import Foundation
import Logging
import MilterProtocol
import NIOCore
import NIOPosix
import RecipientExpansion
import Store
import Synchronization

/// Chaperone's milter: listens for Postfix on `milter.listen`, gathers each message,
/// scans it off the event loop and answers with the decision.
///
/// ```swift
/// let server = MilterServer(configuration: config, scanner: pipeline, store: store, logger: logger)
/// let address = try await server.start()
/// server.reload(scanner: newPipeline, configuration: newConfig)   // SIGHUP
/// await server.shutdown()                                         // SIGTERM: drain, then stop
/// ```
public final class MilterServer: Sendable {
    private let core: MilterServerCore
    private let group: any EventLoopGroup
    private let ownsGroup: Bool
    private let listener = Mutex<(any Channel)?>(nil)

    public init(
        configuration: Configuration,
        scanner: any MessageScanning,
        store: any DecisionStore,
        logger: Logger,
        eventLoopGroup: (any EventLoopGroup)? = nil,
        scanThreads: Int? = nil,
        expander: (any RecipientExpanding)? = nil
    ) {
        let configured = configuration.milter.scanWorkers
        let workers = max(1, scanThreads ?? (configured > 0 ? configured : System.coreCount))
        let threadPool = NIOThreadPool(numberOfThreads: workers)
        threadPool.start()
        let ioThreadPool = NIOThreadPool(numberOfThreads: 2)
        ioThreadPool.start()
        self.core = MilterServerCore(
            snapshot: MilterSnapshot(configuration: configuration, scanner: scanner, expander: expander),
            store: store, logger: logger, threadPool: threadPool, ioThreadPool: ioThreadPool, scanWorkers: workers
        )
        self.ownsGroup = eventLoopGroup == nil
        self.group = eventLoopGroup ?? MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount))
    }

    /// The server's own counters (connections, decisions, spooling, fail actions).
    public var statistics: MilterStatistics { self.core.statistics }

    /// The configuration and scanner new messages use.
    public var snapshot: MilterSnapshot { self.core.snapshot }

    /// Swaps in a new configuration and scanner atomically. Messages already started
    /// finish under the snapshot they began with. The listen address is not changed.
    public func reload(scanner: any MessageScanning, configuration: Configuration, expander: (any RecipientExpanding)? = nil) {
        self.core.snapshot = MilterSnapshot(configuration: configuration, scanner: scanner, expander: expander)
        self.core.logger.info("configuration reloaded", metadata: ["config_version": "\(scanner.configVersion)"])
    }

    /// Creates the spool directory and starts listening on `milter.listen` (or
    /// `address`). Returns the bound address (useful with port 0).
    @discardableResult
    public func start(address: MilterListenAddress? = nil) async throws -> SocketAddress? {
        guard self.listener.withLock({ $0 == nil }) else { throw MilterServerError.alreadyStarted }
        let configuration = self.core.snapshot.configuration
        let listen = try address ?? Self.checkStartable(configuration)
        let stale = try Self.prepareSpoolDirectory(configuration.milter.spoolDirectory)
        if stale > 0 {
            self.core.logger.notice("removed spool files left by an earlier run", metadata: ["files": "\(stale)"])
        }
        let channel: any Channel
        switch listen {
        case .inet(let host, let port):
            // Replies are small and each is awaited by Postfix: never held back by Nagle.
            channel = try await self.bootstrap()
                .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
                .bind(host: host, port: port).get()
        case .unix(let path):
            channel = try await self.bootstrap().bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get()
        }
        let raced = self.listener.withLock { current -> Bool in
            guard current == nil else { return true }
            current = channel
            return false
        }
        if raced {
            try? await channel.close()
            throw MilterServerError.alreadyStarted
        }
        self.core.logger.info("milter listening", metadata: ["listen": "\(listen)"])
        return channel.localAddress
    }

    /// The documented pipeline of every connection, admitted only while fewer than
    /// `milter.max_connections` are open: frame decoder (bounded by `max_milter_frame_bytes`), response encoder, then the
    /// session handler (which keeps the idle timer, `milter.idle_timeout_seconds`, since
    /// only it knows when Postfix is waiting for a decision rather than silent).
    private func bootstrap() -> ServerBootstrap {
        let core = self.core
        return ServerBootstrap(group: self.group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let configuration = core.snapshot.configuration
                guard core.admit(channel, limit: configuration.milter.maxConnections) else {
                    // Postfix applies milter_default_action (tempfail) to this session.
                    core.logger.warning("milter connection refused: too many open", metadata: [
                        "limit": "milter.max_connections", "max_connections": "\(configuration.milter.maxConnections)",
                    ])
                    return channel.close()
                }
                let frameLimit = configuration.limits.maxMilterFrameBytes
                return channel.eventLoop.makeCompletedFuture {
                    try Self.addConnectionHandlers(to: channel, core: core, frameLimit: frameLimit)
                }
            }
    }

    /// The handlers of one connection, in order: on TCP the immediate acknowledgements
    /// (`QuickAcknowledgementHandler`), then the frame decoder, the response encoder and
    /// the session handler. Runs on the channel's event loop.
    static func addConnectionHandlers(to channel: any Channel, core: MilterServerCore, frameLimit: Int) throws {
        let pipeline = channel.pipeline.syncOperations
        if channel.localAddress?.protocol != .unix { try pipeline.addHandler(QuickAcknowledgementHandler()) }
        try pipeline.addHandler(ByteToMessageHandler(MilterCommandDecoder(maximumFrameLength: frameLimit)))
        try pipeline.addHandler(MessageToByteHandler(MilterResponseEncoder()))
        try pipeline.addHandler(MilterSessionHandler(core: core))
    }

    /// Stops accepting connections, lets decisions under way finish (up to
    /// `drainTimeout`), closes every connection (Postfix applies its default action to
    /// messages not yet complete), then stops the threads.
    public func shutdown(drainTimeout: TimeAmount = .seconds(30)) async {
        let listener = self.listener.withLock { channel in
            defer { channel = nil }
            return channel
        }
        try? await listener?.close()
        let deadline = NIODeadline.now() + drainTimeout
        while self.core.decisionsPending > 0, NIODeadline.now() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for connection in self.core.openConnections {
            try? await connection.close()
        }
        try? await self.core.threadPool.shutdownGracefully()
        try? await self.core.ioThreadPool.shutdownGracefully()
        if self.ownsGroup { try? await self.group.shutdownGracefully() }
        self.core.logger.info("milter stopped", metadata: ["decisions": "\(self.core.statistics.messagesDecided)"])
    }

    /// Creates the spool directory (0700) or checks the one there, and removes the named
    /// spool files older versions (or a crash during this version's fallback, which
    /// unlinks at once) left behind. Returns how many were removed.
    @discardableResult
    static func prepareSpoolDirectory(_ path: String) throws -> Int {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw MilterServerError.spoolDirectoryUnusable(path: path, reason: "it is not a directory")
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            var removed = 0
            for name in names where name.hasPrefix(SpoolFile.legacyNamePrefix) || name.hasPrefix("tmp-") {
                if (try? FileManager.default.removeItem(atPath: path + "/" + name)) != nil { removed += 1 }
            }
            return removed
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw MilterServerError.spoolDirectoryUnusable(path: path, reason: "\(error)")
        }
        return 0
    }
}

extension MilterServer {
    /// What `start()` checks before it binds, and `chaperone check-config` runs the same:
    /// the listen address parses (`inet:HOST:PORT` with a port in 0…65535, or
    /// `unix:PATH`) and the spool directory is a directory or can be made one.
    /// Returns the listen address.
    public static func checkStartable(_ configuration: Configuration) throws -> MilterListenAddress {
        let listen = try MilterListenAddress(parsing: configuration.milter.listen)
        var isDirectory: ObjCBool = false
        let spool = configuration.milter.spoolDirectory
        if FileManager.default.fileExists(atPath: spool, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw MilterServerError.spoolDirectoryUnusable(path: spool, reason: "it is not a directory")
        }
        return listen
    }
}
