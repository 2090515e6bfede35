/// The roster's contacts (parents and carers) in columns, as `StudentTable` holds
/// pupils: key, name and relationship in one `PackedStrings`, every list packed per
/// contact. A `Contact` is made on demand (`table[i]`); the roster's indexes and the
/// policy tables read single fields.
public struct ContactTable: RandomAccessCollection, Sendable, Hashable {
    private var texts = PackedStrings()
    /// Per contact, whether a relationship was recorded.
    private var hasRelationship: [Bool] = []
    private var emailLists = PackedLists()
    private var phoneLists = PackedLists()
    private var pupilKeyLists = PackedLists()
    private var restrictedLists = PackedLists()
    /// Pupils with a parental-responsibility answer, and the answers in the same order.
    private var responsibilityKeys = PackedLists()
    private var responsibilityValues: [Bool] = []

    public init() {}

    /// The table of `contacts`, in order.
    public init<Contacts: Sequence<Contact>>(_ contacts: Contacts) {
        self.init()
        for contact in contacts { append(contact) }
    }

    /// Adds one contact at the end.
    public mutating func append(_ contact: Contact) {
        texts.append(contact.key)
        texts.append(contact.name)
        texts.append(contact.relationship ?? "")
        hasRelationship.append(contact.relationship != nil)
        emailLists.append(contact.emails)
        phoneLists.append(contact.phones)
        pupilKeyLists.append(contact.pupilKeys)
        restrictedLists.append(contact.restrictedPupilKeys)
        let answers = contact.parentalResponsibility.sorted { $0.key < $1.key }
        responsibilityKeys.append(answers.map(\.key))
        responsibilityValues += answers.map(\.value)
    }

    /// Appends the texts of the contact being added.
    mutating func appendTexts(key: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>,
                              relationship: UnsafeBufferPointer<UInt8>?) {
        texts.append(key)
        texts.append(name)
        texts.append(relationship ?? UnsafeBufferPointer(start: nil, count: 0))
        hasRelationship.append(relationship != nil)
    }

    /// Appends the emails, phones, pupil keys and restricted pupil keys of the contact
    /// being added (`ContactRow.List` order).
    mutating func appendLists(_ lists: [[Range<Int>]], in buffer: UnsafeBufferPointer<UInt8>) {
        emailLists.append(lists[0], in: buffer)
        phoneLists.append(lists[1], in: buffer)
        pupilKeyLists.append(lists[2], in: buffer)
        restrictedLists.append(lists[3], in: buffer)
    }

    /// Appends the responsibility answers of the contact being added, in key order.
    mutating func appendResponsibility(_ answers: [(UnsafeBufferPointer<UInt8>, Bool)]) {
        for (key, value) in answers {
            responsibilityKeys.appendItem(key)
            responsibilityValues.append(value)
        }
        responsibilityKeys.closeOwner()
    }

    /// Calls `body` with the UTF-8 bytes of each of contact `position`'s addresses.
    @inline(__always)
    public func forEachEmailUTF8(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try emailLists.forEachUTF8(position, body)
    }

    /// Calls `body` with the UTF-8 bytes of contact `position`'s key.
    @inline(__always)
    public func withKeyUTF8<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try texts.withUTF8(position * 3, body)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { hasRelationship.count }

    /// The contact at `position`, made from the columns.
    public subscript(position: Int) -> Contact {
        var contact = Contact(key: key(at: position), name: texts[position * 3 + 1],
                              relationship: hasRelationship[position] ? texts[position * 3 + 2] : nil,
                              emails: emails(at: position), phones: phoneLists[position], pupilKeys: pupilKeys(at: position))
        contact.restrictedPupilKeys = restrictedPupilKeys(at: position)
        contact.parentalResponsibility = parentalResponsibility(at: position)
        return contact
    }

    /// The key of contact `position`.
    public func key(at position: Int) -> String { texts[position * 3] }

    /// Contact `position`'s addresses, as recorded.
    public func emails(at position: Int) -> [String] { emailLists[position] }

    /// Keys of the pupils contact `position` is linked to.
    public func pupilKeys(at position: Int) -> [String] { pupilKeyLists[position] }

    /// Keys of the pupils about whom contact `position` must not be written to.
    public func restrictedPupilKeys(at position: Int) -> [String] { restrictedLists[position] }

    /// Pupil key → whether contact `position` has parental responsibility, where recorded.
    public func parentalResponsibility(at position: Int) -> [String: Bool] {
        let positions = responsibilityKeys.positions(position)
        guard !positions.isEmpty else { return [:] }
        var answers: [String: Bool] = [:]
        for item in positions { answers[responsibilityKeys.items[item]] = responsibilityValues[item] }
        return answers
    }

    /// True when the MIS says contact `position` has no parental responsibility for `pupil`.
    public func lacksParentalResponsibility(at position: Int, for pupil: String) -> Bool {
        responsibilityKeys.positions(position).contains { responsibilityKeys.items[$0] == pupil && !responsibilityValues[$0] }
    }
}
