/// What Chaperone does with a message, ordered by severity: `accept < tag < quarantine < reject`.
public enum Action: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    /// Deliver unchanged (a trace header may be added).
    case accept
    /// Deliver, marked with a header (and optionally a subject prefix) for secure handling.
    case tag
    /// Hold in Postfix's hold queue for review by IT.
    case quarantine
    /// Refuse with `550 5.7.1` and an explanation.
    case reject

    public static func < (lhs: Action, rhs: Action) -> Bool {
        lhs.severity < rhs.severity
    }

    private var severity: Int {
        switch self {
        case .accept: 0
        case .tag: 1
        case .quarantine: 2
        case .reject: 3
        }
    }
}

/// What the milter answers when it cannot decide: an internal error, a scan past its
/// deadline, or a limit that makes the message unscannable.
public enum FailAction: String, CaseIterable, Codable, Hashable, Sendable {
    /// `451 4.7.1`: the sending server keeps the message and retries later (fail closed).
    case tempfail
    /// Deliver without scanning (fail open); the decision is still logged.
    case accept
    /// Refuse permanently.
    case reject
}
