import ChaperoneModel

/// A pupil as a contact links it: the position of the first pupil with its key (every
/// pupil with one key is one pupil to its contacts, as when contacts held keys), and
/// whether that is the pupil being added.
struct PupilLink {
    var position: Int32
    var isFirstWithKey: Bool
}

/// The contacts while a roster is assembled, in columns: texts and lists fixed when a
/// contact is first seen, and the pupils, restrictions and responsibility answers,
/// which grow as siblings are read, in `GrowingLists`. A contact is found again by its
/// identity (lower-cased name, `|`, first address, or first phone, or the pupil's key).
struct ContactBuilder {
    /// One contact block of a row: ranges of the row's bytes.
    struct Cells {
        var name: Range<Int>?
        var relationship: Range<Int>?
        var number: Int
    }

    private var identities = TextKeyIndex()
    private var names = PackedStrings()
    private var relationships = PackedStrings()
    private var hasRelationship: [Bool] = []
    private var emails = PackedLists()
    private var phones = PackedLists()
    private var pupils = GrowingLists()
    private var restricted = GrowingLists()
    private var responsibility = GrowingLists()
    /// Per `responsibility` entry, the answer.
    private var answers: [Bool] = []
    private var identity: [UInt8] = []
    private var lowered: [UInt8] = []

    var count: Int { names.count }

    /// Adds the contact `cells` (its list values are the `items` with its number) of
    /// `pupil`, or links `pupil` to the contact with the same identity; returns the
    /// contact's index.
    mutating func add(_ cells: Cells, items: [(number: Int, kind: PupilCells.ContactItem, value: Range<Int>)],
                      in bytes: UnsafeBufferPointer<UInt8>, rights: ContactRightsValues, pupil: PupilLink,
                      pupilKey: UnsafeBufferPointer<UInt8>) -> Int {
        func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
        identity.removeAll(keepingCapacity: true)
        if let name = cells.name { UTF8Text.appendLowercased(text(name), to: &identity) }
        identity.append(124)
        if let email = items.first(where: { $0.number == cells.number && $0.kind == .email }) {
            UTF8Text.appendLowercased(text(email.value), to: &identity)
        } else if let phone = items.first(where: { $0.number == cells.number && $0.kind == .phone }) {
            identity.append(contentsOf: text(phone.value))
        } else {
            identity.append(contentsOf: pupilKey)
        }
        let (index, isNew) = identity.withUnsafeBufferPointer { identities.insert($0) }
        if isNew {
            names.append(cells.name.map(text) ?? UnsafeBufferPointer(start: nil, count: 0))
            relationships.append(cells.relationship.map(text) ?? UnsafeBufferPointer(start: nil, count: 0))
            hasRelationship.append(cells.relationship != nil)
            for item in items where item.number == cells.number && item.kind == .email {
                lowered.removeAll(keepingCapacity: true)
                UTF8Text.appendLowercased(text(item.value), to: &lowered)
                lowered.withUnsafeBufferPointer { emails.appendItem($0) }
            }
            emails.closeOwner()
            for item in items where item.number == cells.number && item.kind == .phone { phones.appendItem(text(item.value)) }
            phones.closeOwner()
            pupils.addOwner()
            restricted.addOwner()
            responsibility.addOwner()
            pupils.append(pupil.position, to: index)
        } else if pupils.entry(of: pupil, in: index) == nil {
            pupils.append(pupil.position, to: index)
        }
        if let value = rights.parentalResponsibility {
            // Two records for one pupil that disagree: the one without responsibility wins.
            if let entry = responsibility.entry(of: pupil, in: index) {
                answers[entry] = answers[entry] && value
            } else {
                responsibility.append(pupil.position, to: index)
                answers.append(value)
            }
        }
        if rights.isRestricted, restricted.entry(of: pupil, in: index) == nil {
            restricted.append(pupil.position, to: index)
        }
        return index
    }

    /// Appends `contact-N`, the key of contact `index`.
    static func appendKey(ofContact index: Int, to output: inout [UInt8]) {
        output.append(contentsOf: "contact-".utf8)
        output.append(contentsOf: String(index + 1).utf8)
    }

    /// The finished contacts, their pupils named by key.
    func table(students: StudentTable) -> ContactTable {
        var table = ContactTable()
        var row = ContactRow()
        func copy(_ strings: PackedStrings, _ position: Int) -> (inout [UInt8]) -> Void {
            { output in strings.withUTF8(position) { output.append(contentsOf: $0) } }
        }
        func key(_ position: Int32) -> (inout [UInt8]) -> Void {
            { output in students.withUTF8(.key, at: Int(position)) { output.append(contentsOf: $0) } }
        }
        for index in 0..<count {
            row.removeAll()
            row.setKey { Self.appendKey(ofContact: index, to: &$0) }
            row.setName(copy(names, index))
            if hasRelationship[index] { row.setRelationship(copy(relationships, index)) }
            for item in emails.positions(index) { row.add(to: .emails, copy(emails.items, item)) }
            for item in phones.positions(index) { row.add(to: .phones, copy(phones.items, item)) }
            pupils.forEach(index) { _, position in row.add(to: .pupilKeys, key(position)) }
            restricted.forEach(index) { _, position in row.add(to: .restrictedPupilKeys, key(position)) }
            responsibility.forEach(index) { entry, position in row.addResponsibility(answers[entry], pupilKey: key(position)) }
            table.append(row)
        }
        return table
    }
}

/// Per owner, a list of integers that grows at its end, in four shared arrays (most
/// owners have one or two entries, so no array per owner).
struct GrowingLists {
    private var first: [Int32] = []
    private var last: [Int32] = []
    private var values: [Int32] = []
    private var next: [Int32] = []

    /// Adds an owner with an empty list.
    mutating func addOwner() {
        first.append(-1)
        last.append(-1)
    }

    /// Appends `value` to `owner`'s list.
    mutating func append(_ value: Int32, to owner: Int) {
        let entry = Int32(values.count)
        values.append(value)
        next.append(-1)
        if last[owner] >= 0 { next[Int(last[owner])] = entry } else { first[owner] = entry }
        last[owner] = entry
    }

    /// The entry of `pupil` in `owner`'s list, or nil. A pupil that is the first with its
    /// key can only be the last entry (it was added while this pupil was read), so only
    /// a repeated key walks the list.
    func entry(of pupil: PupilLink, in owner: Int) -> Int? {
        if pupil.isFirstWithKey {
            let entry = last[owner]
            return entry >= 0 && values[Int(entry)] == pupil.position ? Int(entry) : nil
        }
        var entry = first[owner]
        while entry >= 0 {
            if values[Int(entry)] == pupil.position { return Int(entry) }
            entry = next[Int(entry)]
        }
        return nil
    }

    /// Calls `body` with each entry and value of `owner`'s list, in order.
    func forEach(_ owner: Int, _ body: (Int, Int32) -> Void) {
        var entry = first[owner]
        while entry >= 0 {
            body(Int(entry), values[Int(entry)])
            entry = next[Int(entry)]
        }
    }
}
