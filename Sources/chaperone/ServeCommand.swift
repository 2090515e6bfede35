import ArgumentParser
import Foundation
import ChaperoneModel
import Logging
import MilterServer
import ScanPipeline
import ServiceLogging
import Store
import Synchronization
import UnixSignals

/// `chaperone serve`: runs the milter for Postfix until SIGTERM (drain, then exit);
/// SIGHUP rebuilds configuration, roster and scanner and swaps them in atomically, or
/// refuses a broken new configuration loudly and keeps the old one. The parts run as
/// one swift-service-lifecycle `ServiceGroup` (`ServeServices`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the milter that Postfix calls for every outgoing message.",
        discussion: """
            Signals: SIGHUP reloads the configuration and roster (a broken one is refused and \
            the old one stays in force); SIGTERM or SIGINT stops accepting connections, lets \
            messages being decided finish, then exits.
            """
    )

    @OptionGroup var options: ServeOptions

    func validate() throws {
        if let listen = self.options.listen {
            do {
                _ = try MilterListenAddress(parsing: listen)
            } catch {
                throw ValidationError("--listen: \(error)")
            }
        }
        guard Logger.Level(rawValue: self.options.logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: self.options.logLevel) ?? .info
        LoggingSystem.bootstrap { ServiceLogHandler(label: $0, level: level) }
        let logger = Logger(label: "chaperone.milter")
        let runtime: ServeRuntime
        let store: any DecisionStore
        let closeStore: @Sendable () async throws -> Void
        do {
            runtime = try ServeRuntime.make(self.options)
            try ServeRuntime.checkStartable(runtime.configuration)
            (store, closeStore) = try await ServeRuntime.openStore(runtime.configuration, logger: logger)
        } catch {
            throw CommandFailure.input("cannot start: \(error)")
        }
        let server = MilterServer(
            configuration: runtime.configuration, scanner: runtime.scanner, store: store, logger: logger,
            expander: runtime.expander)
        let metrics = try await ServeMetrics.start(runtime.configuration, logger: logger)
        // Until the group traps them, these signals must not kill the process.
        for number in [SIGHUP, SIGTERM, SIGINT] { signal(number, SIG_IGN) }
        let request = ReloadRequest(options: self.options, schools: runtime.schools)
        let group = ServeServices.group(
            server: server, metrics: metrics, closeStore: closeStore, reloads: await UnixSignalsSequence(trapping: .sighup),
            reload: { await Self.reload(server, request: request, logger: logger) }, logger: logger)
        do {
            try await group.run()
        } catch {
            throw ExitCode.failure
        }
    }

    /// SIGHUP: build a whole new runtime the same way as at start, on a thread of its
    /// own (never an event loop, nor the threads the store's commits run on), while the
    /// old one goes on deciding; then swap it in at once. Keep the old one on any error.
    /// Schools whose roster files and settings did not change keep their pipelines.
    private static func reload(_ server: MilterServer, request: ReloadRequest, logger: Logger) async {
        let current = server.snapshot.configuration
        logger.notice("reloading: building the new configuration and roster while the current ones keep deciding")
        do {
            let runtime = try await ServeRuntime.build(request.options, previous: request.schools)
            let rebuilt = runtime.schools.filter { !$0.reused }.count
            logger.notice("reloaded", metadata: ["schools": "\(runtime.schools.count)", "rebuilt": "\(rebuilt)"])
            if runtime.configuration.milter.listen != current.milter.listen
                || runtime.configuration.store.database != current.store.database
                || runtime.configuration.store.url != current.store.url
                || runtime.configuration.notifications != current.notifications
            {
                logger.warning("milter.listen, store.database, store.url and notifications changes take effect only after a restart")
            }
            server.reload(scanner: runtime.scanner, configuration: runtime.configuration, expander: runtime.expander)
            request.schools = runtime.schools
        } catch {
            logger.error(
                "reload refused: the new configuration is broken; the previous one stays in force",
                metadata: ["error": "\(error)"])
        }
    }

    /// The parsed command line (never changed) and the schools in force, which each
    /// reload reads and replaces. The options are only read (ParsableArguments is not
    /// Sendable, hence unchecked); the schools are behind a mutex.
    private final class ReloadRequest: @unchecked Sendable {
        let options: ServeOptions
        private let current: Mutex<[LoadedSchool]>

        init(options: ServeOptions, schools: [LoadedSchool]) {
            self.options = options
            self.current = Mutex(schools)
        }

        var schools: [LoadedSchool] {
            get { current.withLock { $0 } }
            set { current.withLock { $0 = newValue } }
        }
    }
}
