/// One envelope recipient with its classification and the roster records it is linked to.
public struct Recipient: Codable, Hashable, Sendable {
    /// The address as given in the envelope, without angle brackets.
    public var address: String
    public var recipientClass: RecipientClass
    /// Roster keys of the pupils this address belongs to (a pupil's own address), or is a
    /// contact for (a parent's address).
    public var linkedPupils: [String]
    /// True when the address is a member of staff's own known personal address.
    public var isStaffPersonalAddress: Bool
    /// For a `student` recipient: whether the address is the pupil's school address.
    public var isSchoolAddress: Bool
    /// The envelope recipient (a list or alias) this address was reached through, when
    /// it is an expanded address rather than one the sender wrote.
    public var list: String?

    public init(
        address: String,
        recipientClass: RecipientClass,
        linkedPupils: [String] = [],
        isStaffPersonalAddress: Bool = false,
        isSchoolAddress: Bool = false,
        list: String? = nil
    ) {
        self.address = address
        self.recipientClass = recipientClass
        self.linkedPupils = linkedPupils
        self.isStaffPersonalAddress = isStaffPersonalAddress
        self.isSchoolAddress = isSchoolAddress
        self.list = list
    }

    private enum CodingKeys: String, CodingKey {
        case address
        case recipientClass = "class"
        case linkedPupils = "linked_pupils"
        case isStaffPersonalAddress = "staff_personal"
        case isSchoolAddress = "school_address"
        case list
    }
}
