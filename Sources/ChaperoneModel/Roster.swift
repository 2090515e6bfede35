/// The school's pupils, their contacts and staff, with address lookups built once.
/// Immutable after construction so it can be shared across threads and swapped whole
/// on reload.
public struct Roster: Sendable {
    public let students: [Student]
    public let contacts: [Contact]
    public let staff: [StaffMember]

    /// Pupil key → pupil.
    public let studentsByKey: [String: Student]
    /// Lower-cased address → keys of pupils whose own (school or personal) address it is.
    public let pupilKeysByEmail: [String: [String]]
    /// Lower-cased address → keys of contacts with that address.
    public let contactKeysByEmail: [String: [String]]
    /// Contact key → contact.
    public let contactsByKey: [String: Contact]
    /// Lower-cased staff school address → staff member.
    public let staffByEmail: [String: StaffMember]
    /// Lower-cased staff personal address → the staff member it belongs to.
    public let staffByPersonalEmail: [String: StaffMember]

    public init(students: [Student] = [], contacts: [Contact] = [], staff: [StaffMember] = []) {
        self.students = students
        self.contacts = contacts
        self.staff = staff
        var byKey: [String: Student] = [:]
        var pupilEmails: [String: [String]] = [:]
        for student in students {
            byKey[student.key] = student
            for email in [student.schoolEmail].compactMap({ $0 }) + student.personalEmails {
                pupilEmails[email.lowercased(), default: []].append(student.key)
            }
        }
        var contactEmails: [String: [String]] = [:]
        var contactsByKey: [String: Contact] = [:]
        for contact in contacts {
            contactsByKey[contact.key] = contact
            for email in contact.emails {
                contactEmails[email.lowercased(), default: []].append(contact.key)
            }
        }
        var staffByEmail: [String: StaffMember] = [:]
        var staffByPersonal: [String: StaffMember] = [:]
        for member in staff {
            staffByEmail[member.email.lowercased()] = member
            for personal in member.personalEmails {
                staffByPersonal[personal.lowercased()] = member
            }
        }
        self.studentsByKey = byKey
        self.pupilKeysByEmail = pupilEmails
        self.contactKeysByEmail = contactEmails
        self.contactsByKey = contactsByKey
        self.staffByEmail = staffByEmail
        self.staffByPersonalEmail = staffByPersonal
    }

    /// The pupils a contact address is linked to (union over every contact with it),
    /// leaving out every pupil the address is restricted from (see `contactRights`).
    public func pupilKeys(ofContactAddress address: String) -> [String] {
        contactRights(ofAddress: address).linkedPupils
    }
}
