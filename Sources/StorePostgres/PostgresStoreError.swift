import PostgresNIO

/// What went wrong between Chaperone and PostgreSQL, said without the data involved
/// (statement arguments hold pupils' data) and without credentials.
public enum PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No connection could be had (server down, refused, wrong host or port).
    case unreachable(String)
    /// PostgreSQL refused a statement; only the SQLSTATE code and the constraint are
    /// kept (the server's message may quote a value).
    case server(code: String, constraint: String?)
    /// The call did not finish within `store.timeout_seconds`.
    case timedOut(seconds: Double)
    /// The schema is newer than this version knows (a newer Chaperone migrated it).
    case unknownMigration(String)
    /// A row that a statement of the same transaction has just written was not there.
    case missingRow(table: String)

    init(_ error: PSQLError) {
        switch error.code {
        case .server:
            let code = error.serverInfo?[.sqlState] ?? "?"
            self = .server(code: code, constraint: error.serverInfo?[.constraintName])
        default:
            self = .unreachable("\(error.code)")
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let reason):
            "PostgreSQL is unreachable (\(reason)): check that the server runs and store.url names its host and port"
        case .server(let code, let constraint):
            "PostgreSQL refused the statement (SQLSTATE \(code)\(constraint.map { ", constraint \($0)" } ?? ""))"
        case .timedOut(let seconds):
            "PostgreSQL did not answer within \(seconds) s (store.timeout_seconds): is the server up and reachable?"
        case .missingRow(let table):
            "PostgreSQL returned no row from \(table) just after writing it: check the server's health and logs"
        case .unknownMigration(let name):
            "the PostgreSQL store has migration \(name), which this version does not know: upgrade Chaperone on this host"
        }
    }
}
