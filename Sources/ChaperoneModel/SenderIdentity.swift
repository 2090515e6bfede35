/// Who sent a message, as the policy sees it: the role, the address it was decided
/// from, why, and which rule set and scope follow from it. Computed by the policy from
/// the envelope, the milter's macros, the roster and the configuration; carries no
/// message content.
public struct SenderIdentity: Codable, Hashable, Sendable {
    /// What told the role.
    public enum Basis: String, Codable, Hashable, Sendable {
        /// The SASL login (`{auth_authen}`) the MTA vouches for.
        case authenticatedUser = "authenticated-user"
        /// The envelope sender (MAIL FROM).
        case envelopeSender = "envelope-sender"
        /// The null sender: a bounce or delivery report.
        case nullSender = "null-sender"
    }

    public var role: SenderRole
    /// The address the role was decided from (lower-cased), empty for the null sender.
    public var address: String
    public var basis: Basis
    /// The rules applied: the role's own, except outside mail to an outside recipient,
    /// which is judged as staff mail.
    public var rules: SenderRole
    /// False when the message was not scanned (outside mail to internal recipients with
    /// `scope.inbound: skip`).
    public var scanned: Bool
    /// Roster key of the pupil, for the `pupil` role when the address is on the roster.
    public var pupilKey: String?
    /// For outside mail forwarded out of the school: the school mailbox that forwarded
    /// it, when the headers tell it.
    public var forwardedBy: String?
    /// Plain English, no content: why this role (e.g. "the envelope sender is on the staff list").
    public var reason: String

    public init(
        role: SenderRole, address: String, basis: Basis, rules: SenderRole? = nil, scanned: Bool = true,
        pupilKey: String? = nil, forwardedBy: String? = nil, reason: String
    ) {
        self.role = role
        self.address = address
        self.basis = basis
        self.rules = rules ?? role
        self.scanned = scanned
        self.pupilKey = pupilKey
        self.forwardedBy = forwardedBy
        self.reason = reason
    }

    /// The identity assumed where none was computed (a report made before roles
    /// existed, or a fail action): staff, the strictest rule set.
    public static let unknown = SenderIdentity(role: .staff, address: "", basis: .envelopeSender, reason: "sender role not determined; staff rules apply")

    private enum CodingKeys: String, CodingKey {
        case role, address, basis, rules, scanned, reason
        case pupilKey = "pupil"
        case forwardedBy = "forwarded_by"
    }
}
