/// Something that stopped part of a message from being read exactly as sent: a limit
/// hit, a repair made, an undecodable part. Problems are reported, never silent, and a
/// problem that leaves content unscanned becomes a finding that policy acts on.
public struct ScanProblem: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A named limit was reached; `limit` says which.
        case limitHit = "limit-hit"
        /// Malformed structure repaired the way mail clients do (missing boundary, …).
        case repaired
        /// A part whose transfer encoding or charset could not be decoded cleanly;
        /// its raw bytes were scanned instead.
        case undecodable
        /// Content that cannot be read at all (encrypted archive, S/MIME, PGP).
        case unscannable
        /// An unknown Content-Transfer-Encoding or charset, treated best-effort.
        case unknownEncoding = "unknown-encoding"
        /// Recipient expansion met an alias loop and stopped it.
        case aliasLoop = "alias-loop"
    }

    public var kind: Kind
    /// Where in the message (part path, header name or attachment).
    public var location: String
    /// The limit's config key when `kind == .limitHit`.
    public var limit: String?
    /// A plain-English sentence for logs and `chaperone inspect`.
    public var message: String

    public init(kind: Kind, location: String, limit: String? = nil, message: String) {
        self.kind = kind
        self.location = location
        self.limit = limit
        self.message = message
    }

    /// True when some content could not be scanned because of this problem.
    public var leavesContentUnscanned: Bool {
        kind == .unscannable || kind == .limitHit
    }

    public var description: String { "\(kind.rawValue) at \(location): \(message)" }
}
