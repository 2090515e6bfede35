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

    /// Who is acting: `--reviewer`, else the login behind sudo, else the login.
    static func reviewer(_ explicit: String?) -> String {
        let environment = ProcessInfo.processInfo.environment
        return explicit ?? environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
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
