/// What the review workflow can fail at, with the values involved and what to do.
public enum ReviewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The store has no copy to release (retention removed it).
    case nothingToRelease(decisionID: String)
    /// The release or delete happened but could not be recorded; the message stays
    /// claimed so that nobody releases it again.
    case doneButNotRecorded(decisionID: String, operation: String, error: String)
    /// `quarantine recover` could not read a mail log it was given, so it cannot tell
    /// whether the interrupted release went out.
    case mailLogUnreadable(path: String)

    public var description: String {
        switch self {
        case .nothingToRelease(let id):
            "the stored copy of \(id) has expired: it cannot be released"
        case .doneButNotRecorded(let id, let operation, let error):
            "\(id) was \(operation) but the store could not record it (\(error)); it stays claimed so it is not \(operation) twice: once the database is writable, run `chaperone quarantine recover \(id)`"
        case .mailLogUnreadable(let path):
            "cannot read the mail log \(path): without it a release interrupted after Postfix accepted the copy cannot be recognised; give the log with --mail-log (rotated ones too) and run recover as a user who can read it"
        }
    }
}
