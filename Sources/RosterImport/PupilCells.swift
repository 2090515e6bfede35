import ChaperoneModel

/// One pupil row's cells as byte ranges of one reusable buffer: what a reader found,
/// before validation. The CSV reader fills it straight from the file's bytes; the CTF
/// reader's `PupilRecord` is copied into it; `RosterAssembler` reads it. An absent and
/// an empty value are the same.
struct PupilCells {
    /// The single-valued cells of a pupil.
    enum Value: Int, CaseIterable {
        case upn, uln, surname, forename, preferredForename, middleNames, dateOfBirth
        case yearGroup, regGroup, schoolEmail, postcode, senStatus, freeSchoolMeals
    }

    /// Where the row came from: a CSV line or a CTF element path.
    enum Position {
        case line(Int)
        case path(String)

        /// As problems give it: `line 12` or the path.
        var description: String {
            switch self {
            case .line(let line): "line \(line)"
            case .path(let path): path
            }
        }
    }

    /// One contact block; its list values are in `contactItems` under its number.
    struct ContactCells {
        var number: Int
        var name: Range<Int>?
        var forename: Range<Int>?
        var surname: Range<Int>?
        var relationship: Range<Int>?
        var responsibility: Range<Int>?
    }

    /// What a contact's list value is.
    enum ContactItem: UInt8 { case email, phone, restriction }

    var bytes: [UInt8] = []
    var position = Position.line(0)
    var values: [Range<Int>?] = Array(repeating: nil, count: Value.allCases.count)
    var personalEmails: [Range<Int>] = []
    var addressLines: [Range<Int>] = []
    var consents: [(heading: String, purposes: [ConsentPurpose], value: Range<Int>)] = []
    /// Contact blocks in number order.
    var contacts: [ContactCells] = []
    var contactItems: [(number: Int, kind: ContactItem, value: Range<Int>)] = []
    /// The CSV reader's address cells as read (line number, range in the file's bytes),
    /// before they are ordered and split into `addressLines`.
    var addressCells: [(line: Int, value: Range<Int>)] = []

    /// Empties the cells for the row at `position`, keeping the buffers.
    mutating func reset(at position: Position) {
        self.position = position
        bytes.removeAll(keepingCapacity: true)
        for index in values.indices { values[index] = nil }
        personalEmails.removeAll(keepingCapacity: true)
        addressLines.removeAll(keepingCapacity: true)
        consents.removeAll(keepingCapacity: true)
        contacts.removeAll(keepingCapacity: true)
        contactItems.removeAll(keepingCapacity: true)
        addressCells.removeAll(keepingCapacity: true)
    }

    /// Copies `value` into the buffer and returns its range.
    @inline(__always)
    mutating func append(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: value)
        return start..<bytes.count
    }

    /// The range of `value`, or nil when it is absent or empty.
    @inline(__always)
    func range(_ value: Value) -> Range<Int>? {
        guard let range = values[value.rawValue], !range.isEmpty else { return nil }
        return range
    }

    /// The index in `contacts` of block `number`, made (in number order) when new.
    mutating func contactIndex(_ number: Int) -> Int {
        if let index = contacts.firstIndex(where: { $0.number == number }) { return index }
        let index = contacts.firstIndex { $0.number > number } ?? contacts.count
        contacts.insert(ContactCells(number: number), at: index)
        return index
    }
}

extension PupilCells {
    /// The cells of a CTF pupil record.
    mutating func load(_ record: PupilRecord) {
        reset(at: .path(record.position))
        func put(_ text: String) -> Range<Int> {
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            return start..<bytes.count
        }
        let singles: [(Value, String)] = [
            (.upn, record.upn), (.uln, record.uln), (.surname, record.surname), (.forename, record.forename),
            (.preferredForename, record.preferredForename), (.middleNames, record.middleNames),
            (.dateOfBirth, record.dateOfBirth), (.yearGroup, record.yearGroup), (.regGroup, record.regGroup),
            (.schoolEmail, record.schoolEmail), (.postcode, record.postcode), (.senStatus, record.senStatus),
            (.freeSchoolMeals, record.freeSchoolMeals),
        ]
        for (value, text) in singles where !text.isEmpty { values[value.rawValue] = put(text) }
        for email in record.personalEmails { personalEmails.append(put(email)) }
        for line in record.addressLines { addressLines.append(put(line)) }
        for cell in record.consents { consents.append((cell.heading, cell.purposes, put(cell.value))) }
        for (number, contact) in record.contacts.enumerated() {
            var cells = ContactCells(number: number)
            if !contact.name.isEmpty { cells.name = put(contact.name) }
            if !contact.relationship.isEmpty { cells.relationship = put(contact.relationship) }
            if !contact.parentalResponsibility.isEmpty { cells.responsibility = put(contact.parentalResponsibility) }
            contacts.append(cells)
            for email in contact.emails { contactItems.append((number, .email, put(email))) }
            for phone in contact.phones { contactItems.append((number, .phone, put(phone))) }
            for restriction in contact.restrictions { contactItems.append((number, .restriction, put(restriction))) }
        }
    }
}
