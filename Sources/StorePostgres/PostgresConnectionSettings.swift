import Foundation

/// Where the PostgreSQL store is and how to sign in, read from `store.url`
/// (`postgresql://user@host:port/database`) and `store.password_file`. The password is
/// never part of the URL, of a description or of an error: it is read from its file.
public struct PostgresConnectionSettings: Hashable, Sendable, CustomStringConvertible {
    /// The default PostgreSQL port when the URL names none.
    public static let defaultPort = 5432

    public var host: String
    public var port: Int
    public var username: String
    public var database: String
    /// The password, when one is needed (trust/peer authentication needs none).
    public var password: String?

    public init(host: String, port: Int = Self.defaultPort, username: String, database: String, password: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.database = database
        self.password = password
    }

    /// Reads `postgresql://user@host:port/db` (or `postgres://`). A password inside the
    /// URL is refused: it would end up in configuration dumps and process listings.
    public init(url text: String, password: String? = nil) throws(PostgresSettingsError) {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "postgresql" || scheme == "postgres"
        else { throw .notAPostgresURL }
        guard components.password == nil else { throw .passwordInURL }
        guard let user = components.user, !user.isEmpty else { throw .missingPart("user name (postgresql://USER@host/db)") }
        guard let host = components.host, !host.isEmpty else { throw .missingPart("host (postgresql://user@HOST/db)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw .missingPart("database name (postgresql://user@host/DB)") }
        if let port = components.port, !(1...65535).contains(port) { throw .badPort(port) }
        self.init(
            host: host, port: components.port ?? Self.defaultPort, username: user.removingPercentEncoding ?? user,
            database: database.removingPercentEncoding ?? database, password: password)
    }

    /// Reads the password from `path`: the file's first line, without its line end.
    public static func readPassword(fromFile path: String) throws(PostgresSettingsError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadablePasswordFile(path) }
        let text = String(decoding: data, as: UTF8.self)
        let firstLine = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !firstLine.isEmpty else { throw .emptyPasswordFile(path) }
        return firstLine
    }

    /// `postgresql://user@host:port/db`, never with the password.
    public var description: String { "postgresql://\(username)@\(host):\(port)/\(database)" }
}

/// Why `store.url` or `store.password_file` cannot be used, with the fix.
public enum PostgresSettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAPostgresURL
    case passwordInURL
    case missingPart(String)
    case badPort(Int)
    case unreadablePasswordFile(String)
    case emptyPasswordFile(String)

    public var description: String {
        switch self {
        case .notAPostgresURL:
            "store.url is not a PostgreSQL URL: write postgresql://user@host:port/database"
        case .passwordInURL:
            "store.url holds a password: remove it from the URL and put it in the file named by store.password_file"
        case .missingPart(let part):
            "store.url has no \(part)"
        case .badPort(let port):
            "store.url port \(port) is not between 1 and 65535"
        case .unreadablePasswordFile(let path):
            "cannot read store.password_file \(path): check that it exists and is readable by this user"
        case .emptyPasswordFile(let path):
            "store.password_file \(path) is empty: write the password on its first line"
        }
    }
}
