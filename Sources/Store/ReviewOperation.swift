/// What a reviewer is doing to a held message under a claim. Only release needs one:
/// it spans an SMTP transaction. Delete is a single transaction (`AppDatabase.deleteHeld`).
public enum ReviewOperation: String, Codable, Hashable, Sendable {
    case release

    /// The state that claims the message while the operation runs.
    public var claimState: QuarantineState {
        switch self {
        case .release: .releasing
        }
    }

    /// The state once the operation has succeeded.
    public var finalState: QuarantineState {
        switch self {
        case .release: .released
        }
    }
}
