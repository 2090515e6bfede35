import ChaperoneModel
import Foundation
import Logging
import MilterServer
import Notify
import ScanPipeline
import RecipientExpansion
import Review
import ServiceMetrics
import Store

/// What `serve` runs on: configuration, scanner and store, built at start; the
/// configuration and scanner are built again on every SIGHUP.
struct ServeRuntime: Sendable {
    var configuration: Configuration
    var scanner: any MessageScanning
    var expander: (any RecipientExpanding)?
    /// Every school as loaded; the next reload keeps the pipelines of those unchanged.
    var schools: [LoadedSchool] = []

    /// Reads the configuration file, applies the command-line overrides, imports the
    /// roster and builds the scan pipeline. Throws (and `serve` refuses a reload,
    /// keeping the old runtime) if anything is broken.
    static func make(_ options: ServeOptions, previous: [LoadedSchool] = []) throws -> ServeRuntime {
        var loader = RuntimeLoader(options: options.runtime)
        loader.overrides = { configuration in
            if let listen = options.listen { configuration.milter.listen = listen }
            if let database = options.database { configuration.store.database = database }
        }
        let loaded = try loader.load(previous: previous)
        ChaperoneMetrics.rosterLoaded(pupils: loaded.pupilCount)
        return ServeRuntime(configuration: loaded.configuration, scanner: MeasuredScanner(loaded.pipelines), expander: loaded.expander,
                            schools: loaded.schools)
    }

    /// `make` on a thread of its own (a reload): the event loops, and the cooperative
    /// threads the store's commits run on, keep deciding messages while the roster is
    /// imported and the automaton built.
    static func build(_ options: ServeOptions, previous: [LoadedSchool]) async throws -> ServeRuntime {
        let request = UncheckedOptions(options: options)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try ServeRuntime.make(request.options, previous: previous) })
            }
            thread.name = "chaperone-reload"
            thread.start()
        }
    }

    /// The parsed command line, handed to the reload thread once and only read there.
    private struct UncheckedOptions: @unchecked Sendable {
        let options: ServeOptions
    }

    /// What `serve` checks before it opens anything, and `check-config` runs the very
    /// same: the milter's listen address and spool directory (`MilterServer.checkStartable`,
    /// which `MilterServer.start` runs too) and the SMTP listeners notices and releases
    /// go to.
    static func checkStartable(_ configuration: Configuration) throws {
        _ = try MilterServer.checkStartable(configuration)
        _ = try SMTPListenerAddress(parsing: configuration.release.reinjectListener)
        _ = try SMTPListenerAddress(parsing: configuration.notifications.submitListener)
    }

    /// Opens the store named by the configuration (once, at start): the SQLite file, or
    /// with `store.url` the shared PostgreSQL store. Puts the staff notices behind it and
    /// returns what closes it at shutdown.
    static func openStore(
        _ configuration: Configuration, logger: Logger
    ) async throws -> (store: any DecisionStore, close: @Sendable () async throws -> Void) {
        let chosen: any DecisionStore
        let close: @Sendable () async throws -> Void
        let keys: any SelfServiceStore
        if let settings = try StoreChoice.postgresSettings(configuration) {
            let postgres = try await StoreChoice.openPostgres(settings, configuration: configuration, logger: logger)
            keys = postgres
            logger.notice("decisions go to the shared PostgreSQL store", metadata: [
                "store": "\(postgres.location)", "mail_host": "\(StoreChoice.mailHostID(configuration))",
            ])
            (chosen, close) = (postgres, { await postgres.close() })
        } else {
            let database = try AppDatabase(path: configuration.store.database)
            keys = database
            var batching = SQLiteDecisionStore.Batching()
            batching.maxRowsPerCommit = configuration.store.groupCommitMaxRows
            batching.maxPendingRows = configuration.store.maxPendingRows
            let sqlite = SQLiteDecisionStore(
                database: database, batching: batching, duplicateWindowSeconds: configuration.store.duplicateWindowHours * 3600,
                mailHost: StoreChoice.mailHostID(configuration))
            (chosen, close) = (sqlite, { try await sqlite.close() })
        }
        var notifier: StaffNotifier?
        if configuration.notifications.enabled {
            let listener = try SMTPListenerAddress(parsing: configuration.notifications.submitListener)
            notifier = StaffNotifier(
                configuration: configuration, submitter: SMTPSubmitter(listener: listener),
                selfServiceLinks: try await selfServiceLinker(configuration, keys: keys, logger: logger))
        }
        return (NotifyingDecisionStore(store: MeasuredDecisionStore(chosen), notifier: notifier, logger: logger), close)
    }

    /// The signer of the notices' self-service links, with the store's key (made on
    /// first use); nil when no link is ever made (no `web.public_url`, or no rule allows
    /// self-service, in any school).
    static func selfServiceLinker(_ configuration: Configuration, keys: any SelfServiceStore, logger: Logger) async throws -> SelfServiceLinker? {
        let configurations = configuration.hasSchoolList ? configuration.schools.map(\.configuration) : [configuration]
        guard configurations.contains(where: { $0.web.publicURL != nil && $0.selfService.rules.values.contains { $0 != .none } }) else {
            return nil
        }
        logger.notice("notices of held mail carry self-service links", metadata: ["public_url": "\(configuration.web.publicURL ?? "")"])
        return SelfServiceLinker(signer: SelfServiceSigner(key: try await keys.selfServiceKey()))
    }
}
