import Foundation
import GRDB

/// The one owner of Chaperone's SQLite database: it opens a WAL-mode `DatabasePool`,
/// applies the named migrations, and offers only invariant-preserving transactions.
/// The milter (one writer) and the CLI (readers, occasional writers) open the same file
/// at once; a busy timeout makes writers wait for each other instead of failing.
public final class AppDatabase: Sendable {
    /// Seconds a writer waits for another process's write to finish.
    public static let defaultBusyTimeoutSeconds: Double = 30

    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating with mode 0660, group `chaperone` by deployment, if needed) and
    /// migrates the database at `path`.
    public convenience init(path: String, busyTimeoutSeconds: Double = AppDatabase.defaultBusyTimeoutSeconds) throws {
        try self.init(path: path, busyTimeoutSeconds: busyTimeoutSeconds, migratingUpTo: nil)
    }

    /// Opens the database and applies migrations up to and including `lastMigration`
    /// (all of them when nil). Tests use it to build databases of earlier versions.
    init(path: String, busyTimeoutSeconds: Double, migratingUpTo lastMigration: String?) throws {
        try Self.createPrivateFiles(at: path)
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.foreignKeysEnabled = true
        // Statement arguments (which may hold message data) stay out of error messages.
        configuration.publicStatementArguments = false
        configuration.prepareDatabase { db in
            // Durable before acknowledged: every commit reaches the disk, even on power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Overwrite the pages of purged copies instead of leaving them in free space.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        self.path = path
        self.pool = try DatabasePool(path: path, configuration: configuration)
        if let lastMigration {
            try Self.migrator.migrate(pool, upTo: lastMigration)
        } else {
            try Self.migrator.migrate(pool)
        }
        try Self.restrictCompanionFiles(of: path)
    }

    /// Names of the migrations applied to this database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await pool.read { db in try Self.migrator.appliedMigrations(db) }
    }
}
