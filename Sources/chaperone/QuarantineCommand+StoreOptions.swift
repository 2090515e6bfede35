import ArgumentParser
import ChaperoneModel
import Foundation
import Store

extension QuarantineCommand {
    /// `--config` and `--database`, taken by every command that reads the store.
    struct StoreOptions: ParsableArguments {
        @Option(help: "The Chaperone configuration file (YAML).")
        var config: String?

        @Option(help: "The SQLite database; overrides store.database from the configuration.")
        var database: String?

        func loadedConfiguration() throws -> Configuration {
            try loadConfiguration(path: config)
        }

        func openDatabase(_ configuration: Configuration) throws -> AppDatabase {
            try AppDatabase(path: database ?? configuration.store.database)
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
