import Foundation
import PostgresTestSupport
import Store
import StorePostgres

/// The stores the learning tests run against: a fresh SQLite file and a fresh database
/// in the throwaway PostgreSQL cluster (`PostgresCluster`), each closed afterwards.
enum LearningBackend: String, CaseIterable, Sendable {
    case sqlite
    case postgres

    /// Runs `body` with a fresh store (the milter's side and the review side), removed after.
    func withStore(_ body: (any DecisionStore, any WebStore) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let directory = try LearningDirectory()
            defer { directory.remove() }
            let database = try AppDatabase(path: directory.path + "/chaperone.sqlite")
            try await body(SQLiteDecisionStore(database: database, mailHost: "mx1"), database)
        case .postgres:
            let cluster = try await PostgresCluster.shared()
            let settings = try PostgresConnectionSettings(url: cluster.url(database: try cluster.createDatabase()))
            var options = PostgresStore.Options(mailHost: "mx1")
            // Generous: the whole suite runs at once on a loaded 2-core machine.
            options.operationTimeoutSeconds = 60
            let store = try await PostgresStore.open(settings: settings, options: options)
            do {
                try await body(store, store)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct LearningDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "chaperone-learning-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
