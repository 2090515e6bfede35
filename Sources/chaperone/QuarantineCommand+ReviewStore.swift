import ChaperoneModel
import Foundation
import Logging
import Store
import StorePostgres

extension QuarantineCommand.StoreOptions {
    /// Runs `body` on the store the configuration names — with `store.url` (and no
    /// `--database`) the shared PostgreSQL store, which holds every host's decisions;
    /// else the SQLite file — and closes a PostgreSQL store's connections afterwards.
    func withReviewStore<Result>(
        _ configuration: Configuration, _ body: (any ReviewStore) async throws -> Result
    ) async throws -> Result {
        try await withWebStore(configuration) { store in try await body(store) }
    }

    /// `withReviewStore` with the accounts and audit notes too (`chaperone user`, `web`).
    func withWebStore<Result>(
        _ configuration: Configuration, _ body: (any WebStore) async throws -> Result
    ) async throws -> Result {
        guard database == nil, let settings = try StoreChoice.postgresSettings(configuration) else {
            return try await body(try openDatabase(configuration))
        }
        let postgres = try await StoreChoice.openPostgres(
            settings, configuration: configuration, logger: Logger(label: "chaperone.store"))
        do {
            let result = try await body(postgres)
            await postgres.close()
            return result
        } catch {
            await postgres.close()
            throw error
        }
    }
}
