/// Why the milter could not decide a message and applies `milter.fail_action`.
/// Descriptions are safe to show the sender: they never contain message content.
public enum FailureReason: Hashable, Sendable, CustomStringConvertible {
    /// The message is larger than `max_message_bytes`.
    case messageTooLarge(limit: Int)
    /// The scan and its recording took longer than `scan_deadline_seconds`.
    case deadlineExceeded(seconds: Double)
    /// The scanner failed.
    case scannerFailed
    /// Spooling the message to disk failed.
    case spoolFailed
    /// The quarantine copy could not be stored durably.
    case storeFailed
    /// The recipients could not be expanded through the alias tables and lists (a
    /// lookup failed, timed out, or an `expansion.*` limit was hit).
    case recipientExpansionFailed(limit: String?)
    /// Other scans filled the workers and `milter.max_scan_bytes_in_flight`, and the
    /// message could not wait (`limit` is the key that stopped it:
    /// `milter.admission_wait_seconds`, or the budget when waiting is off).
    case overloaded(limit: String)
    /// The sender belongs to no configured school (`unknown_school: fail`).
    case unknownSchool

    /// The config key of the limit that was hit, if any.
    public var limit: String? {
        switch self {
        case .messageTooLarge: "max_message_bytes"
        case .deadlineExceeded: "scan_deadline_seconds"
        case .recipientExpansionFailed(let limit): limit
        case .overloaded(let limit): limit
        case .scannerFailed, .spoolFailed, .storeFailed, .unknownSchool: nil
        }
    }

    public var description: String {
        switch self {
        case .messageTooLarge(let limit): "the message is larger than the \(limit)-byte limit (max_message_bytes)"
        case .deadlineExceeded(let seconds): "checking took longer than \(seconds) seconds (scan_deadline_seconds)"
        case .scannerFailed: "an internal error occurred while checking"
        case .spoolFailed: "the message could not be stored for checking"
        case .storeFailed: "the decision could not be recorded"
        case .recipientExpansionFailed: "the recipients could not be looked up in the school's mailing lists and aliases"
        case .overloaded: "the mail filter is busy checking other messages"
        case .unknownSchool: "the sender is not at any school this mail filter serves"
        }
    }
}
