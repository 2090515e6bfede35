import Foundation

/// What the sender of a held message did from the link in their notice: one action per
/// decision, after which every link for it is spent.
public struct SelfServiceAction: Codable, Hashable, Sendable {
    /// The three things a sender can do.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// Asked a reviewer to release it, with a justification.
        case request
        /// Released it, with a justification (allowed only when every rule that held it allows it).
        case release
        /// Deleted it, to send it again correctly.
        case withdraw
    }

    public var decisionID: String
    public var kind: Kind
    /// The envelope sender who acted (the address the link was bound to).
    public var sender: String
    /// The sender's words (request and release); nil for a withdrawal.
    public var justification: String?
    public var occurredAt: Date

    public init(decisionID: String, kind: Kind, sender: String, justification: String?, occurredAt: Date) {
        self.decisionID = decisionID
        self.kind = kind
        self.sender = sender
        self.justification = justification
        self.occurredAt = occurredAt
    }

    /// The audit trail's actor for a sender's own action.
    public static func actor(sender: String) -> String { "\(sender) (sender, self-service)" }
}
