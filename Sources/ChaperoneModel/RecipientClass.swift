/// Who a recipient address belongs to, from the school's point of view. The first class
/// that applies wins, in the order the cases are declared.
public enum RecipientClass: String, CaseIterable, Codable, Hashable, Sendable {
    /// A roster pupil's school or personal address.
    case student
    /// A roster contact's address (linked to that contact's pupils).
    case parent
    /// A school domain or a subdomain of one.
    case `internal`
    /// A configured partner organisation (local authority, NHS), or a subdomain.
    case partner
    /// A personal-webmail domain, or a member of staff's own known personal address.
    case personal
    /// Anything else.
    case external

    /// True for classes outside the school's control (personal and external).
    public var isOutsideOrganisation: Bool {
        self == .personal || self == .external
    }
}
