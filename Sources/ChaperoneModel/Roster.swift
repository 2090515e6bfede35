/// The school's pupils, their contacts and staff, with address lookups built once.
/// Immutable after construction so it can be shared across threads and swapped whole
/// on reload. Pupils and contacts are held in columns (`StudentTable`, `ContactTable`):
/// a `Student` or `Contact` is made only when one is read whole.
public struct Roster: Sendable {
    public let students: StudentTable
    public let contacts: ContactTable
    public let staff: [StaffMember]

    /// Pupil key → position in `students` (positions, not copies: a pupil is kept once);
    /// the first pupil with a key when a hand-made roster repeats one.
    let studentPositionByKey: [String: Int]
    /// Lower-cased address → positions in `students` of the pupils whose own (school or
    /// personal) address it is.
    public let pupilsByEmail: AddressMultimap
    /// Lower-cased address → positions in `contacts` of the contacts with that address.
    public let contactsByEmail: AddressMultimap
    /// Contact key → position in `contacts`.
    let contactPositionByKey: [String: Int]
    /// Lower-cased staff school address → staff member.
    public let staffByEmail: [String: StaffMember]
    /// Lower-cased staff personal address → the staff member it belongs to.
    public let staffByPersonalEmail: [String: StaffMember]

    public init(students: [Student] = [], contacts: [Contact] = [], staff: [StaffMember] = []) {
        self.init(students: StudentTable(students), contacts: ContactTable(contacts), staff: staff)
    }

    public init(students: StudentTable, contacts: ContactTable, staff: [StaffMember]) {
        self.students = students
        self.contacts = contacts
        self.staff = staff
        var byKey: [String: Int] = [:]
        byKey.reserveCapacity(students.count)
        var pupilEmails = AddressMultimap(capacity: students.count)
        for position in students.indices {
            let key = students.key(at: position)
            if byKey[key] == nil { byKey[key] = position }
            if let email = students.string(.schoolEmail, at: position) {
                pupilEmails.add(email.lowercasedIfNeeded, position: position)
            }
            for email in students.personalEmails(at: position) {
                pupilEmails.add(email.lowercasedIfNeeded, position: position)
            }
        }
        var contactEmails = AddressMultimap(capacity: contacts.count)
        var contactsByKey: [String: Int] = [:]
        contactsByKey.reserveCapacity(contacts.count)
        for position in contacts.indices {
            let key = contacts.key(at: position)
            if contactsByKey[key] == nil { contactsByKey[key] = position }
            for email in contacts.emails(at: position) {
                contactEmails.add(email.lowercasedIfNeeded, position: position)
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
        self.studentPositionByKey = byKey
        self.pupilsByEmail = pupilEmails
        self.contactsByEmail = contactEmails
        self.contactPositionByKey = contactsByKey
        self.staffByEmail = staffByEmail
        self.staffByPersonalEmail = staffByPersonal
    }

    /// The pupil with roster key `key`.
    public func student(forKey key: String) -> Student? {
        studentPositionByKey[key].map { students[$0] }
    }

    /// The position in `students` of the pupil with roster key `key`.
    public func studentPosition(forKey key: String) -> Int? {
        studentPositionByKey[key]
    }

    /// The contact with roster key `key`.
    public func contact(forKey key: String) -> Contact? {
        contactPositionByKey[key].map { contacts[$0] }
    }

    /// The position in `contacts` of the contact with roster key `key`.
    public func contactPosition(forKey key: String) -> Int? {
        contactPositionByKey[key]
    }

    /// Keys of the pupils whose own address `address` (lower-cased) is; empty when none.
    public func pupilKeys(ofAddress address: String) -> [String] {
        pupilsByEmail.positions(of: address).map(students.key(at:))
    }

    /// Keys of the contacts with address `address` (lower-cased); empty when none.
    public func contactKeys(ofAddress address: String) -> [String] {
        contactsByEmail.positions(of: address).map(contacts.key(at:))
    }

    /// The pupils a contact address is linked to (union over every contact with it),
    /// leaving out every pupil the address is restricted from (see `contactRights`).
    public func pupilKeys(ofContactAddress address: String) -> [String] {
        contactRights(ofAddress: address).linkedPupils
    }
}

extension String {
    /// Lower-cased, without a new String when there is nothing to lower (the roster's
    /// addresses usually arrive lower-cased already).
    public var lowercasedIfNeeded: String {
        utf8.allSatisfy({ $0 < 0x80 && !($0 >= 65 && $0 <= 90) }) ? self : lowercased()
    }
}
