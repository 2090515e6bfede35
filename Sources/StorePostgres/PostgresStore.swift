import ChaperoneModel
import Foundation
import Logging
import PostgresNIO
import Store

/// The shared store for several mail hosts: `DecisionStore` and `ReviewStore` on
/// PostgreSQL, with the same schema (the SQLite migrations translated, under the same
/// names) and the same semantics as `AppDatabase`: every write returns only once
/// PostgreSQL has committed it, claims are won by exactly one caller on any host
/// (a conditional UPDATE under the row lock), the audit trail is append-only (a
/// trigger), and duplicate holds are caught across hosts (an advisory lock per
/// fingerprint). Connections come from postgres-nio's pool, which reconnects by itself
/// after an outage; while PostgreSQL is unreachable every call fails within
/// `operationTimeoutSeconds`, so that the milter applies its fail action instead of
/// hanging.
public final class PostgresStore: DecisionStore, WebStore, Sendable {
    /// How the store connects and how long it waits; every value has a default and a key.
    public struct Options: Hashable, Sendable {
        /// Recorded on decisions whose caller named no mail host (`store.host_id`).
        public var mailHost: String?
        /// A held copy catches a retry of the same message within this window
        /// (`store.duplicate_window_hours`; 0: never).
        public var duplicateWindowSeconds: Double = AppDatabase.defaultDuplicateWindowSeconds
        /// Longest a store call waits, a connection included (`store.timeout_seconds`).
        public var operationTimeoutSeconds: Double = 10
        /// Most connections this process opens (`store.max_connections`).
        public var maximumConnections: Int = 10
        public init(mailHost: String? = nil) { self.mailHost = mailHost }
    }

    /// Longest one schema migration may take at start (a table rewrite on a large store
    /// takes longer than a decision may).
    static let migrationTimeoutSeconds: Double = 600

    /// Where the store is, without the password.
    public let location: String
    let client: PostgresClient
    let logger: Logger
    let options: Options
    private let runner: Task<Void, Never>

    /// Connects, creates or migrates the schema (one host at a time: an advisory lock),
    /// and returns the store. Throws `PostgresStoreError.unreachable` when PostgreSQL
    /// cannot be reached within the timeout.
    public static func open(
        settings: PostgresConnectionSettings, options: Options = Options(), logger: Logger = Logger(label: "chaperone.store")
    ) async throws -> PostgresStore {
        let store = PostgresStore(settings: settings, options: options, logger: logger)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    private init(settings: PostgresConnectionSettings, options: Options, logger: Logger) {
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: .prefer(.makeClientConfiguration()))
        configuration.options.maximumConnections = max(1, options.maximumConnections)
        configuration.options.connectTimeout = .milliseconds(Int64(max(1, min(options.operationTimeoutSeconds, 5)) * 1000))
        // The pool's own chatter (each failed connect, with postgres-nio's error dumps)
        // stays out of the service log: an outage is reported once, in plain words, by
        // the calls that fail (and the milter's fail action). Only its errors pass.
        var poolLogger = logger
        poolLogger.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        self.client = client
        self.location = settings.description
        self.logger = logger
        self.options = options
        self.runner = Task { await client.run() }
    }

    /// Closes every connection; calls after this fail.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// Runs `body` in one transaction on a pooled connection, within the timeout. The
    /// error thrown by `body` is rethrown as it is (after ROLLBACK); a failure to reach
    /// PostgreSQL or to commit becomes `PostgresStoreError`, which names no data.
    func transaction<Result: Sendable>(
        timeoutSeconds: Double? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let client = self.client, logger = self.logger
        return try await PostgresDeadline.run(seconds: timeoutSeconds ?? options.operationTimeoutSeconds) {
            do {
                return try await client.withConnection { connection in
                    try await connection.query("BEGIN", logger: logger)
                    let value: Result
                    do {
                        value = try await body(connection)
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                    try await connection.query("COMMIT", logger: logger)
                    return value
                }
            } catch let error as StoreError {
                throw error
            } catch let error as PostgresStoreError {
                throw error
            } catch let error as PSQLError {
                throw PostgresStoreError(error)
            }
        }
    }

    /// Runs read-only queries on a pooled connection, within the timeout.
    func read<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let client = self.client
        return try await PostgresDeadline.run(seconds: options.operationTimeoutSeconds) {
            do {
                return try await client.withConnection { connection in try await body(connection) }
            } catch let error as PSQLError {
                throw PostgresStoreError(error)
            }
        }
    }
}
