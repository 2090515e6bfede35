/// Whose mail a message is, which decides which of the school's rules govern it. The
/// guidance is written for staff; pupils, systems and outside senders are told apart so
/// that each gets the rules (and the notices) meant for them.
public enum SenderRole: String, CaseIterable, Codable, Hashable, Sendable {
    /// A pupil: a roster pupil's school address, or an address on a configured pupil domain.
    case pupil
    /// A member of staff: the staff list, or (by default) any other school-domain address.
    case staff
    /// An unattended sender the school runs: the MIS, the parent-messaging service, no-reply addresses.
    case system
    /// Not a school sender: inbound mail, or mail relayed or forwarded through the school's server.
    case outside
}
