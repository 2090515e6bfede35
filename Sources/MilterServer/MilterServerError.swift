/// Errors of the milter server. Each says what failed, where, and how to fix it.
public enum MilterServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `milter.listen` is not `inet:HOST:PORT` or `unix:PATH`.
    case invalidListenAddress(String)
    /// The spool directory could not be created or is not private.
    case spoolDirectoryUnusable(path: String, reason: String)
    /// A spool file could not be created, written or read back.
    case spoolFileFailed(path: String, errno: Int32)
    /// `start()` was called on a server that is already listening.
    case alreadyStarted
    /// The server did not report the address it is bound to.
    case notRunning

    public var description: String {
        switch self {
        case .invalidListenAddress(let value):
            "milter.listen '\(value)' is not 'inet:HOST:PORT' or 'unix:PATH' (e.g. inet:127.0.0.1:8891)"
        case .spoolDirectoryUnusable(let path, let reason):
            "milter.spool_directory '\(path)' cannot be used: \(reason); create it owned by the chaperone user, mode 0700"
        case .spoolFileFailed(let path, let errno):
            "spool file '\(path)' failed with errno \(errno); check free space and permissions of milter.spool_directory"
        case .alreadyStarted:
            "the milter server is already listening; create another MilterServer for a second address"
        case .notRunning:
            "the milter server is not running"
        }
    }
}
