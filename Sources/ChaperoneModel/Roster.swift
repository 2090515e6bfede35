/// The school's pupils, their contacts and staff, with address lookups built once.
/// Immutable after construction so it can be shared across threads and swapped whole
/// on reload. Pupils and contacts are held in columns (`StudentTable`, `ContactTable`):
/// a `Student` or `Contact` is made only when one is read whole.
public struct Roster: Sendable {
    public let students: StudentTable
    public let contacts: ContactTable
    public let staff: [StaffMember]

    /// Pupil keys (numbered by first appearance) and, per key number, the position in
    /// `students` of the first pupil with it (positions, not copies: a pupil is kept once).
    let studentKeys: TextKeyIndex
    let studentPositionOfKey: [Int32]
    /// Per position in `students`, the position of the first pupil with the same key
    /// (its key node): two pupils' keys are equal exactly when their nodes are.
    public let keyNodes: [Int32]
    /// Lower-cased address → positions in `students` of the pupils whose own (school or
    /// personal) address it is.
    public let pupilsByEmail: AddressMultimap
    /// Lower-cased address → positions in `contacts` of the contacts with that address.
    public let contactsByEmail: AddressMultimap
    /// Contact keys and, per key number, the position in `contacts` of the first contact with it.
    let contactKeyIndex: TextKeyIndex
    let contactPositionOfKey: [Int32]
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
        // Keys and addresses by their bytes: no String and no Hasher per pupil.
        var keys = TextKeyIndex(capacity: students.count)
        var keyPositions: [Int32] = []
        keyPositions.reserveCapacity(students.count)
        var keyNodes: [Int32] = []
        keyNodes.reserveCapacity(students.count)
        var pupilEmails = AddressMultimap(capacity: students.count)
        var lowered: [UInt8] = []
        func add(_ address: UnsafeBufferPointer<UInt8>, position: Int, to map: inout AddressMultimap) {
            lowered.removeAll(keepingCapacity: true)
            UTF8Text.appendLowercased(address, to: &lowered)
            lowered.withUnsafeBufferPointer { map.add($0, position: position) }
        }
        for position in students.indices {
            let key = students.withUTF8(.key, at: position) { keys.insert($0) }
            if key.inserted { keyPositions.append(Int32(position)) }
            keyNodes.append(keyPositions[key.number])
            if students.has(.schoolEmail, at: position) {
                students.withUTF8(.schoolEmail, at: position) { add($0, position: position, to: &pupilEmails) }
            }
            students.forEachPersonalEmailUTF8(at: position) { add($0, position: position, to: &pupilEmails) }
        }
        var contactEmails = AddressMultimap(capacity: contacts.count)
        var contactKeys = TextKeyIndex(capacity: contacts.count)
        var contactPositions: [Int32] = []
        contactPositions.reserveCapacity(contacts.count)
        for position in contacts.indices {
            if contacts.withKeyUTF8(at: position, { contactKeys.insert($0).inserted }) { contactPositions.append(Int32(position)) }
            contacts.forEachEmailUTF8(at: position) { add($0, position: position, to: &contactEmails) }
        }
        var staffByEmail: [String: StaffMember] = [:]
        var staffByPersonal: [String: StaffMember] = [:]
        for member in staff {
            staffByEmail[member.email.lowercased()] = member
            for personal in member.personalEmails {
                staffByPersonal[personal.lowercased()] = member
            }
        }
        self.studentKeys = keys
        self.studentPositionOfKey = keyPositions
        self.keyNodes = keyNodes
        self.pupilsByEmail = pupilEmails
        self.contactsByEmail = contactEmails
        self.contactKeyIndex = contactKeys
        self.contactPositionOfKey = contactPositions
        self.staffByEmail = staffByEmail
        self.staffByPersonalEmail = staffByPersonal
    }

    /// The pupil with roster key `key`.
    public func student(forKey key: String) -> Student? {
        studentPosition(forKey: key).map { students[$0] }
    }

    /// The position in `students` of the pupil with roster key `key`.
    public func studentPosition(forKey key: String) -> Int? {
        studentKeys.number(of: key).map { Int(studentPositionOfKey[$0]) }
    }

    /// The contact with roster key `key`.
    public func contact(forKey key: String) -> Contact? {
        contactPosition(forKey: key).map { contacts[$0] }
    }

    /// The position in `contacts` of the contact with roster key `key`.
    public func contactPosition(forKey key: String) -> Int? {
        contactKeyIndex.number(of: key).map { Int(contactPositionOfKey[$0]) }
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
