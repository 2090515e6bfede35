/// Everything the Store can refuse or fail at, with the values involved and a hint at
/// the fix.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The database file or its directory could not be created with private permissions.
    case cannotCreateDatabase(path: String, errno: Int32)
    /// No decision has this id.
    case unknownDecision(String)
    /// The decision exists but its message was not quarantined.
    case notQuarantined(String)
    /// The quarantined message is not in the state the operation needs.
    case wrongState(decisionID: String, state: QuarantineState, expected: QuarantineState)
    /// The stored copy was removed by retention.
    case contentExpired(String)
    /// The stored copy does not decompress to what was stored.
    case contentCorrupt(decisionID: String)
    /// zlib refused to compress or decompress.
    case compressionFailed(code: Int32)
    /// Batched decision rows could not be written and the backlog reached its limit.
    case backlogFull(limit: Int)
    /// A `--since` value that is neither `30d`, `12h`, `45m`, `2w` nor an ISO date.
    case badSince(String)
    /// A web account with this name exists already.
    case userExists(String)
    /// No web account has this name.
    case unknownUser(String)
    /// A whole-store operation asked of a store limited to some schools.
    case limitedToSchools(operation: String)
    /// The sender already acted on this decision from its link (request, release, withdraw).
    case selfServiceSpent(String)

    public var description: String {
        switch self {
        case .cannotCreateDatabase(let path, let errno):
            "cannot create database \(path) (errno \(errno)): check that its directory exists and is writable by this user"
        case .unknownDecision(let id):
            "no decision \(id) in the store: check the id with `chaperone log`"
        case .notQuarantined(let id):
            "decision \(id) was not quarantined, so there is nothing to review"
        case .wrongState(let id, let state, let expected):
            "quarantined message \(id) is \(state.rawValue), not \(expected.rawValue): it was already handled (see `chaperone quarantine show \(id)`)"
        case .contentExpired(let id):
            "the stored copy of \(id) is gone (removed by retention or deleted by a reviewer): it cannot be released or shown"
        case .contentCorrupt(let id):
            "the stored copy of \(id) fails its checksum: restore the database from backup"
        case .compressionFailed(let code):
            "zlib failed with code \(code) while handling a quarantined copy"
        case .backlogFull(let limit):
            "\(limit) decision rows are waiting to be written: the database is not accepting writes (disk full or locked?)"
        case .badSince(let text):
            "cannot read --since \"\(text)\": use 30d, 12h, 45m, 2w or an ISO date like 2026-11-01"
        case .userExists(let name):
            "a web account named \(name) exists already: choose another name, or change its password with `chaperone user passwd \(name)`"
        case .unknownUser(let name):
            "no web account named \(name): see `chaperone user list`"
        case .selfServiceSpent(let id):
            "the self-service link of \(id) was used already: each link works once; ask IT (see the decision in the web app)"
        case .limitedToSchools(let operation):
            "\(operation) covers every school, and this account is limited to some: run it with `chaperone` on the mail host"
        }
    }
}
