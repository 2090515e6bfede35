import ChaperoneModel
import Foundation
import Logging
import Store
import StorePostgres

#if canImport(Glibc)
import Glibc
#endif

/// Which store the configuration names: the SQLite file `store.database` (the embedded
/// default), or with `store.url` a PostgreSQL database shared by several mail hosts.
/// `serve` and the review commands choose the same way.
enum StoreChoice {
    /// The PostgreSQL settings when `store.url` is set, the password read from
    /// `store.password_file` (never from the URL, never printed).
    static func postgresSettings(_ configuration: Configuration) throws -> PostgresConnectionSettings? {
        guard let url = configuration.store.url else { return nil }
        let password = try configuration.store.passwordFile.map { path in
            try PostgresConnectionSettings.readPassword(fromFile: path)
        }
        return try PostgresConnectionSettings(url: url, password: password)
    }

    /// Connects to the PostgreSQL store and brings its schema up to date.
    static func openPostgres(
        _ settings: PostgresConnectionSettings, configuration: Configuration, logger: Logger
    ) async throws -> PostgresStore {
        var options = PostgresStore.Options(mailHost: mailHostID(configuration))
        options.duplicateWindowSeconds = configuration.store.duplicateWindowHours * 3600
        options.operationTimeoutSeconds = configuration.store.timeoutSeconds
        options.maximumConnections = configuration.store.maxConnections
        return try await PostgresStore.open(settings: settings, options: options, logger: logger)
    }

    /// `store.host_id`, or this machine's host name.
    static func mailHostID(_ configuration: Configuration) -> String {
        if let id = configuration.store.hostID, !id.isEmpty { return id }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
