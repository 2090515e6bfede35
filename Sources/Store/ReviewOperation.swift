/// What a reviewer is doing to a held message.
public enum ReviewOperation: String, Codable, Hashable, Sendable {
    case release
    case delete

    /// The state that claims the message while the operation runs.
    public var claimState: QuarantineState {
        switch self {
        case .release: .releasing
        case .delete: .deleting
        }
    }

    /// The state once the operation has succeeded.
    public var finalState: QuarantineState {
        switch self {
        case .release: .released
        case .delete: .deleted
        }
    }
}
