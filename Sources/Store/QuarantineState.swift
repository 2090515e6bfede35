/// Where a quarantined message is in its review. The store holds the only copy (Postfix
/// discards the message once the copy is committed). `releasing` is held only while a
/// release's SMTP transaction runs, so that two reviewers (or two hosts sharing the
/// store) can never both send it.
public enum QuarantineState: String, CaseIterable, Codable, Hashable, Sendable {
    /// Waiting for review; the store has the copy.
    case held
    /// Claimed by a release that is under way.
    case releasing
    /// Released to its recipients, once.
    case released
    /// Claimed by a delete under way: written only by versions that deleted through
    /// Postfix in two steps; `quarantine recover` finishes such a delete.
    case deleting
    /// Deleted by an operator; the stored copy is gone.
    case deleted
    /// Still unreviewed when retention removed the stored copy.
    case expired
}
