/// Something that stopped part of a message from being read exactly as sent: a limit
/// hit, a repair made, an undecodable part. Problems are reported, never silent, and a
/// problem that leaves content unscanned becomes a finding that policy acts on.
public struct ScanProblem: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A named limit was reached; `limit` says which.
        case limitHit = "limit-hit"
        /// Malformed input repaired the way mail clients do (missing boundary, stray
        /// characters in base64, bytes invalid in their charset, …); every byte was read.
        case repaired
        /// Content that was read but could not be decoded into what it carries (an
        /// unknown transfer encoding, XML that does not parse, a PDF with no text
        /// layer): some of it is unread.
        case undecodable
        /// Content that cannot be read at all (encrypted archive, S/MIME, PGP).
        case unscannable
        /// An unknown charset, decoded best-effort (every byte read as some character).
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

    /// True when some content could not be scanned because of this problem: the one
    /// place that decides which problems policy treats as unscannable (fail closed on
    /// every unread byte). Exhaustive, so a new kind must choose.
    public var leavesContentUnscanned: Bool {
        switch kind {
        case .unscannable, .limitHit, .undecodable: true
        case .repaired, .unknownEncoding, .aliasLoop: false
        }
    }

    public var description: String { "\(kind.rawValue) at \(location): \(message)" }
}
