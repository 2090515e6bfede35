import Crypto
import Foundation

/// The token in a self-service link: the decision it is for, when it stops working, and
/// an HMAC-SHA256 over both and the sender's address under the store's key. It carries no
/// pupil data and not the sender (the sender is bound through the MAC, read back from the
/// decision), so the URL names nothing but a decision id.
///
/// ```
/// CH-20261124-7Q3K9X2M.1795000000.<43 base64url characters>
/// └── decision id ───┘ └ expiry ┘ └ HMAC-SHA256(key, "chaperone-self-service-v1\n" id \n sender \n expiry) ┘
/// ```
public struct SelfServiceToken: Hashable, Sendable {
    public var decisionID: String
    /// Seconds since 1970 after which the link no longer works.
    public var expiresAt: Int64
    /// The MAC, as sent (base64url, unpadded).
    public var signature: String

    /// The longest token text read; anything longer is refused before it is split.
    public static let maxLength = 160

    /// Reads a token's text; nil when it is not three well-formed fields.
    public init?(text: String) {
        guard text.utf8.count <= Self.maxLength else { return nil }
        let fields = text.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 3, let expiry = Int64(fields[1]), expiry > 0, fields[2].utf8.count == 43,
              fields[0].utf8.count <= 40, fields[0].hasPrefix("CH-"),
              fields[0].utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 }),
              fields[2].utf8.allSatisfy(Self.isBase64URL) else { return nil }
        decisionID = String(fields[0])
        expiresAt = expiry
        signature = String(fields[2])
    }

    init(decisionID: String, expiresAt: Int64, signature: String) {
        self.decisionID = decisionID
        self.expiresAt = expiresAt
        self.signature = signature
    }

    /// The token's text, as it goes into the link.
    public var text: String { "\(decisionID).\(expiresAt).\(signature)" }

    /// When the link stops working.
    public var expiryDate: Date { Date(timeIntervalSince1970: TimeInterval(expiresAt)) }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
    }
}

/// Signs and checks self-service tokens with the store's key (`SelfServiceStore.selfServiceKey`).
public struct SelfServiceSigner: Sendable {
    /// The key's bytes (SymmetricKey is not Sendable on Linux; one is made per use).
    private let key: [UInt8]

    /// The key's length in bytes (HMAC-SHA256's block-sized secret is at least this).
    public static let keyBytes = 32

    public init(key: [UInt8]) {
        self.key = key
    }

    /// A token for `decisionID`, sent by `sender`, that works until `expiresAt`.
    public func token(decisionID: String, sender: String, expiresAt: Date) -> SelfServiceToken {
        let expiry = Int64(expiresAt.timeIntervalSince1970.rounded(.down))
        return SelfServiceToken(decisionID: decisionID, expiresAt: expiry, signature: signature(decisionID: decisionID, sender: sender, expiresAt: expiry))
    }

    /// Why a token is refused, or nil when it is good for `sender` of its decision at `now`.
    public func refusal(of token: SelfServiceToken, sender: String, now: Date) -> SelfServiceRefusal? {
        let expected = signature(decisionID: token.decisionID, sender: sender, expiresAt: token.expiresAt)
        guard Self.constantTimeEqual(Array(expected.utf8), Array(token.signature.utf8)) else { return .badSignature }
        guard now < token.expiryDate else { return .expired }
        return nil
    }

    private func signature(decisionID: String, sender: String, expiresAt: Int64) -> String {
        let message = "chaperone-self-service-v1\n\(decisionID)\n\(sender.lowercased())\n\(expiresAt)"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: key))
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Why a self-service link does not work. The page says only that it does not (no
/// detail that would help a forger); the audit trail records which.
public enum SelfServiceRefusal: String, Hashable, Sendable {
    /// Not a token at all.
    case malformed
    /// No decision has the token's id.
    case unknownDecision = "unknown-decision"
    /// The MAC does not match: tampered with, or for another decision or sender.
    case badSignature = "bad-signature"
    /// Past its expiry, or older than `self_service.token_hours` now allows.
    case expired
    /// The link was used already (any action spends it).
    case used
    /// The message is no longer held (released, deleted or expired meanwhile).
    case notHeld = "not-held"
    /// The configuration no longer allows self-service for the rules that held it.
    case notAllowed = "not-allowed"
}
