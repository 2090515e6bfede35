extension FailureReason {
    /// The short code `chaperone_fail_actions_total{reason=…}` counts this reason under.
    public var metricLabel: String {
        switch self {
        case .messageTooLarge: "message_too_large"
        case .deadlineExceeded: "deadline_exceeded"
        case .scannerFailed: "scanner_failed"
        case .unknownSchool: "unknown_school"
        case .spoolFailed: "spool_failed"
        case .storeFailed: "store_failed"
        case .recipientExpansionFailed: "recipient_expansion_failed"
        case .overloaded: "overloaded"
        }
    }
}
