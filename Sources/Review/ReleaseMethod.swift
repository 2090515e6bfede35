import Store

/// How a held message was released.
public enum ReleaseMethod: String, Codable, Hashable, Sendable {
    /// `postsuper -H`: Postfix still held it, so it left the hold queue unchanged.
    case postfixHoldQueue = "postfix-hold-queue"
    /// The stored copy was sent to the milter-free listener with its original envelope.
    case reinjection

    var eventKind: ReviewEvent.Kind {
        switch self {
        case .postfixHoldQueue: .releasedFromHold
        case .reinjection: .releasedByReinjection
        }
    }
}
