/// Where a quarantined message is in its review. `releasing` and `deleting` are held
/// only while an operator's release or delete runs, so that two operators (or two
/// processes) can never both act on one message.
public enum QuarantineState: String, CaseIterable, Codable, Hashable, Sendable {
    /// Waiting for review (Postfix's hold queue has it, and the store has a copy).
    case held
    /// Claimed by a release that is under way.
    case releasing
    /// Released to its recipients, once.
    case released
    /// Claimed by a delete that is under way.
    case deleting
    /// Deleted by an operator.
    case deleted
    /// Still unreviewed when retention removed the stored copy.
    case expired
}
