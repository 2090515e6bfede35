import Foundation
import Logging
import PostgresTestSupport
@testable import Store
import StorePostgres
import Testing

/// The two stores the contract tests run against.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }
}

/// A fresh, empty store of one backend, opened twice — as two mail hosts (PostgreSQL)
/// or two processes (SQLite) would — with a way to run SQL behind its back.
struct StoreUnderTest: Sendable {
    let backend: StoreBackend
    /// Where the milter records (group commit for SQLite).
    let decisions: any DecisionStore
    /// The review (and web app) side of the first opening.
    let review: any WebStore
    /// A second, independent opening of the same store.
    let other: any WebStore
    /// Where a second milter (another process or mail host) records.
    let otherDecisions: any DecisionStore
    /// Runs one SQL statement directly on the database (for what a store must refuse).
    let rawSQL: @Sendable (String) async throws -> Void
    private let closeAll: @Sendable () async -> Void

    static func open(_ backend: StoreBackend, duplicateWindowSeconds: Double = AppDatabase.defaultDuplicateWindowSeconds) async throws
        -> StoreUnderTest
    {
        switch backend {
        case .sqlite:
            let directory = try TemporaryDirectory()
            let first = try AppDatabase(path: directory.databasePath)
            let second = try AppDatabase(path: directory.databasePath)
            let writer = SQLiteDecisionStore(
                database: first, duplicateWindowSeconds: duplicateWindowSeconds, mailHost: "mx1.trust.example")
            let secondWriter = SQLiteDecisionStore(
                database: second, duplicateWindowSeconds: duplicateWindowSeconds, mailHost: "mx2.trust.example")
            return StoreUnderTest(
                backend: backend, decisions: writer, review: first, other: second, otherDecisions: secondWriter,
                rawSQL: { sql in try await first.pool.write { db in try db.execute(sql: sql) } },
                closeAll: { directory.remove() })
        case .postgres:
            let cluster = try await PostgresCluster.shared()
            let name = try cluster.createDatabase()
            let settings = try PostgresConnectionSettings(url: cluster.url(database: name))
            var options = PostgresStore.Options(mailHost: "mx1.trust.example")
            options.duplicateWindowSeconds = duplicateWindowSeconds
            // Generous: the whole suite runs at once on a loaded 2-core machine.
            options.operationTimeoutSeconds = 60
            let first = try await PostgresStore.open(settings: settings, options: options)
            var otherOptions = options
            otherOptions.mailHost = "mx2.trust.example"
            let second = try await PostgresStore.open(settings: settings, options: otherOptions)
            return StoreUnderTest(
                backend: backend, decisions: first, review: first, other: second, otherDecisions: second,
                rawSQL: { sql in _ = try cluster.psql(database: name, sql) },
                closeAll: {
                    await first.close()
                    await second.close()
                })
        }
    }

    /// Runs `body` on a fresh store and closes it afterwards, whatever happens.
    static func with(
        _ backend: StoreBackend, duplicateWindowSeconds: Double = AppDatabase.defaultDuplicateWindowSeconds,
        _ body: (StoreUnderTest) async throws -> Void
    ) async throws {
        let store = try await open(backend, duplicateWindowSeconds: duplicateWindowSeconds)
        do {
            try await body(store)
        } catch {
            await store.closeAll()
            throw error
        }
        await store.closeAll()
    }

    private init(
        backend: StoreBackend, decisions: any DecisionStore, review: any WebStore, other: any WebStore,
        otherDecisions: any DecisionStore, rawSQL: @escaping @Sendable (String) async throws -> Void, closeAll: @escaping @Sendable () async -> Void
    ) {
        self.backend = backend
        self.decisions = decisions
        self.review = review
        self.other = other
        self.otherDecisions = otherDecisions
        self.rawSQL = rawSQL
        self.closeAll = closeAll
    }
}
