import ArgumentParser
import ChaperoneModel
import Foundation
import Store

extension QuarantineCommand {
    /// `--config`, `--database` and `--create`, taken by every command that opens the store.
    struct StoreOptions: ParsableArguments {
        @Option(help: "The Chaperone configuration file (YAML).")
        var config: String?

        @Option(help: "The SQLite database; overrides store.database from the configuration.")
        var database: String?

        @Flag(help: "Create the database if it does not exist (without it, a missing database is an error, so a mistyped path is caught).")
        var create = false

        func loadedConfiguration() throws -> Configuration {
            try loadConfiguration(path: config)
        }

        /// Opens the store, refusing a path that does not exist unless `--create` is given.
        func openDatabase(_ configuration: Configuration) throws -> AppDatabase {
            let path = database ?? configuration.store.database
            guard create || FileManager.default.fileExists(atPath: path) else {
                let origin = database != nil ? "--database" : config.map { "store.database in \($0)" } ?? "the default store.database"
                throw CommandFailure.input(
                    "no database at \(path) (from \(origin)): check the path (serve creates it on first start), or pass --create to start an empty one")
            }
            return try AppDatabase(path: path)
        }
    }

    /// Who is acting, as the audit trail records it: the real user (and the login behind
    /// sudo), with `--reviewer` as the name given on that account (see `ReviewerIdentity`).
    static func reviewer(_ explicit: String?) -> String {
        ReviewerIdentity.current().actor(named: explicit)
    }

    /// Reads `--since` (`30d`, `12h`, an ISO date) or reports it as an argument error.
    static func sinceDate(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        do {
            return try SinceExpression.date(from: text)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
