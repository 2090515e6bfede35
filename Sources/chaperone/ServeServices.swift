import Logging
import MetricsEndpoint
import MilterServer
import ServiceLifecycle
import Store
import UnixSignals

/// `serve`'s parts as swift-service-lifecycle services. One `ServiceGroup` runs them
/// and, on SIGTERM or SIGINT, shuts them down gracefully one after another in the
/// reverse of their order: the reload listener stops, the milter stops accepting and
/// drains the messages being decided, the metrics listener stops, and last the store
/// commits its pending rows and closes. If the milter cannot start, the group is
/// cancelled, which runs the same steps without a drain.
enum ServeServices {
    static func group(
        server: MilterServer, metrics: MetricsEndpoint?, closeStore: @escaping @Sendable () async throws -> Void,
        reloads: UnixSignalsSequence,
        reload: @escaping @Sendable () async -> Void, logger: Logger
    ) -> ServiceGroup {
        let services: [any Service] = [
            StoreService(close: closeStore, logger: logger),
            MetricsService(endpoint: metrics),
            MilterService(server: server, logger: logger),
            ReloadService(signals: reloads, reload: reload),
        ]
        return ServiceGroup(
            configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    }

    /// The milter: listens until the graceful shutdown, then drains for up to the scan
    /// deadline and five seconds more.
    struct MilterService: Service {
        let server: MilterServer
        let logger: Logger

        func run() async throws {
            do {
                try await server.start()
            } catch {
                logger.critical("milter could not start", metadata: ["error": "\(error)"])
                await server.shutdown(drainTimeout: .zero)
                throw error
            }
            // Returns on the graceful shutdown; throws if the group is cancelled instead.
            let drained = (try? await gracefulShutdown()) != nil
            if drained { logger.notice("stopping: draining messages being decided") }
            let drain = drained ? server.snapshot.configuration.limits.scanDeadlineSeconds + 5 : 0
            await server.shutdown(drainTimeout: .milliseconds(Int64(drain * 1000)))
        }
    }

    /// SIGHUP: one reload at a time, until the graceful shutdown.
    struct ReloadService: Service {
        let signals: UnixSignalsSequence
        let reload: @Sendable () async -> Void

        func run() async throws {
            for await _ in signals.cancelOnGracefulShutdown() { await reload() }
        }
    }

    /// The Prometheus listener, if `metrics.listen` started one.
    struct MetricsService: Service {
        let endpoint: MetricsEndpoint?

        func run() async throws {
            try? await gracefulShutdown()
            await endpoint?.stop()
        }
    }

    /// The store (SQLite or PostgreSQL): closed last, so every decision the milter made
    /// is committed.
    struct StoreService: Service {
        let close: @Sendable () async throws -> Void
        let logger: Logger

        func run() async throws {
            try? await gracefulShutdown()
            do {
                try await close()
            } catch {
                logger.error("decision rows still pending could not be written", metadata: ["error": "\(error)"])
            }
        }
    }
}
