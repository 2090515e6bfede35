/// What the school may send to one contact address about the pupils it is linked to,
/// from the MIS's parental-responsibility and contact-restriction records.
public struct ContactRights: Hashable, Sendable {
    /// Pupils the address is a parent or carer of, with no restriction.
    public var linkedPupils: [String] = []
    /// Pupils about whom nothing may be sent to this address.
    public var restrictedPupils: [String] = []
    /// Linked pupils for whom the contact has no parental responsibility.
    public var pupilsWithoutResponsibility: [String] = []

    public init(linkedPupils: [String] = [], restrictedPupils: [String] = [], pupilsWithoutResponsibility: [String] = []) {
        self.linkedPupils = linkedPupils
        self.restrictedPupils = restrictedPupils
        self.pupilsWithoutResponsibility = pupilsWithoutResponsibility
    }

    /// True when the address is restricted for any pupil or lacks responsibility for one.
    public var isLimited: Bool { !restrictedPupils.isEmpty || !pupilsWithoutResponsibility.isEmpty }
}

extension Roster {
    /// The rights of a contact address, over every contact record that carries it. A
    /// restriction recorded on any of them wins over a link on another, so that two
    /// records of one estranged parent can never add up to a linked parent.
    public func contactRights(ofAddress address: String) -> ContactRights {
        let contacts = contactKeys(ofAddress: address.lowercased()).compactMap { contact(forKey: $0) }
        guard !contacts.isEmpty else { return ContactRights() }
        var restricted: [String] = []
        for contact in contacts {
            for pupil in contact.restrictedPupilKeys where !restricted.contains(pupil) { restricted.append(pupil) }
        }
        var rights = ContactRights(restrictedPupils: restricted)
        for contact in contacts {
            for pupil in contact.pupilKeys where !restricted.contains(pupil) && !rights.linkedPupils.contains(pupil) {
                rights.linkedPupils.append(pupil)
            }
        }
        rights.pupilsWithoutResponsibility = rights.linkedPupils.filter { pupil in
            contacts.contains { $0.pupilKeys.contains(pupil) && $0.lacksParentalResponsibility(for: pupil) }
        }
        return rights
    }
}
