/// What the review workflow can fail at, with the values involved and what to do.
public enum ReviewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A queue id that is not plain letters and digits (it could be `ALL` or an option).
    case badQueueID(String)
    /// A Postfix command exited with a failure.
    case postfixCommandFailed(command: String, status: Int32, output: String)
    /// Postfix still holds the message after `postsuper -H` / `-d` said it succeeded.
    case postfixStillHolds(queueID: String)
    /// Postfix does not hold the message and the store has no copy to reinject.
    case nothingToRelease(decisionID: String)
    /// The release or delete happened but could not be recorded; the message stays
    /// claimed so that nobody releases it again.
    case doneButNotRecorded(decisionID: String, operation: String, error: String)
    /// A message left half-reviewed that Postfix no longer holds: it may already have
    /// been delivered or deleted, so it is not put back automatically.
    case cannotRecover(decisionID: String, queueID: String?)

    public var description: String {
        switch self {
        case .badQueueID(let id):
            "queue id \"\(id)\" is not a Postfix queue id (letters and digits only); refusing to pass it to postsuper"
        case .postfixCommandFailed(let command, let status, let output):
            "\(command) exited with status \(status): \(output) (run it by hand as root to see why)"
        case .postfixStillHolds(let id):
            "Postfix still holds \(id) after postsuper reported success; check `postqueue -j` and retry"
        case .nothingToRelease(let id):
            "Postfix no longer holds \(id) and its stored copy has expired: it cannot be released"
        case .cannotRecover(let id, let queueID):
            "\(id) is half-reviewed but Postfix no longer holds \(queueID ?? "it"): it may already have been delivered or deleted. Check the mail log for \(queueID ?? "its queue id") before doing anything by hand; it is left as it is so it cannot go out twice"
        case .doneButNotRecorded(let id, let operation, let error):
            "\(id) was \(operation) but the store could not record it (\(error)); it stays claimed so it is not \(operation) twice: fix the database and record it by hand"
        }
    }
}
