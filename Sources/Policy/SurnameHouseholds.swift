import ChaperoneModel

/// Pupils by surname, for the wrong-parent mistake: mail about one family's child sent to
/// another family of the same surname. Built once per roster over pupil positions: each
/// distinct lower-cased surname is a group, and a group's pupils are one run of a flat
/// array; each lookup is a key lookup per recipient's child.
public struct SurnameHouseholds: Sendable {
    let roster: Roster
    /// Per roster position of a key's first pupil, the surname group of the last pupil
    /// with that key and a surname; −1 for none.
    let groupOfKey: [Int32]
    /// Group `g`'s pupils (positions, in roster order) are `members[groupStart[g]..<groupStart[g + 1]]`.
    let groupStart: [Int32]
    let members: [Int32]
    /// Per entry of `members`, the position of the first pupil with that member's key
    /// (its node in `RecipientFamilies`); −1 when the roster does not find the key.
    let memberNodes: [Int32]

    public init(roster: Roster) {
        let students = roster.students
        var groupByName: [String: Int32] = [:]
        var groupOfPupil = [Int32](repeating: -1, count: students.count)
        var groupOfKey = [Int32](repeating: -1, count: students.count)
        var nodeOfPupil = [Int32](repeating: -1, count: students.count)
        for position in students.indices {
            let surname = students.withUTF8(.surname, at: position, Self.lowercased)
            guard !surname.isEmpty else { continue }
            let group: Int32
            if let existing = groupByName[surname] {
                group = existing
            } else {
                group = Int32(groupByName.count)
                groupByName[surname] = group
            }
            groupOfPupil[position] = group
            // A repeated key means the last of its pupils with a surname.
            if let first = roster.studentPosition(forKey: students.key(at: position)) {
                groupOfKey[first] = group
                nodeOfPupil[position] = Int32(first)
            }
        }
        var groupStart = [Int32](repeating: 0, count: groupByName.count + 1)
        for group in groupOfPupil where group >= 0 { groupStart[Int(group) + 1] += 1 }
        for group in 0..<groupByName.count { groupStart[group + 1] += groupStart[group] }
        var cursor = groupStart
        var members = [Int32](repeating: 0, count: Int(groupStart[groupByName.count]))
        var memberNodes = members
        for (position, group) in groupOfPupil.enumerated() where group >= 0 {
            members[Int(cursor[Int(group)])] = Int32(position)
            memberNodes[Int(cursor[Int(group)])] = nodeOfPupil[position]
            cursor[Int(group)] += 1
        }
        self.roster = roster
        self.groupOfKey = groupOfKey
        self.groupStart = groupStart
        self.members = members
        self.memberNodes = memberNodes
    }

    /// `String(decoding: bytes, as: UTF8.self).lowercased()`, with no Unicode case
    /// mapping for ASCII (every byte lowered in place).
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self).lowercased() }
        guard bytes.contains(where: { (65...90).contains($0) }) else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { (buffer: UnsafeMutableBufferPointer<UInt8>) -> Int in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = (65...90).contains(byte) ? byte | 0x20 : byte }
            return bytes.count
        }
    }

    /// The pupils who share a surname with one of `children` but are neither one of them
    /// nor in their family (`families`: a sibling linked through a shared contact is the
    /// recipient's own family's child). Members are compared by node, not by key: two
    /// keys are equal exactly when the roster gives them one first position, and two
    /// families exactly when their roots are one node, so no member's key is made but a
    /// namesake's.
    func namesakes(of children: [String], families: RecipientFamilies) -> Set<String> {
        let own = Set(children)
        let ownFamilies = Set(children.map(families.family(ofPupil:)))
        let ownNodes = Set(children.compactMap { roster.studentPosition(forKey: $0).map(Int32.init) })
        let ownFamilyNodes = Set(children.compactMap(families.familyNode(ofPupil:)))
        var groups = Set<Int32>()
        for child in children {
            guard let position = roster.studentPosition(forKey: child), groupOfKey[position] >= 0 else { continue }
            groups.insert(groupOfKey[position])
        }
        var result = Set<String>()
        for group in groups {
            for entry in Int(groupStart[Int(group)])..<Int(groupStart[Int(group) + 1]) {
                let member = members[entry], node = memberNodes[entry]
                if node >= 0 {
                    if !ownNodes.contains(node) && !ownFamilyNodes.contains(families.familyOfNode[Int(node)]) {
                        result.insert(roster.students.key(at: Int(member)))
                    }
                    continue
                }
                let key = roster.students.key(at: Int(member))
                if !own.contains(key) && !ownFamilies.contains(families.family(ofPupil: key)) { result.insert(key) }
            }
        }
        return result
    }
}

extension PolicyEngine {
    /// Outside recipients beyond which a message is not a letter to one family (a
    /// newsletter, a trip reminder): lone forenames stay no reference there.
    public static let householdMaxOutsideRecipients = 2

    /// The roster keys a lone forename may name in this message: written to one or two
    /// outside addresses of which some are a pupil's parent, the pupils who share a surname
    /// with that parent's children but are not theirs ("Dear Mrs Rahman, following Alice's
    /// seizure…" sent to Ali Rahman's mother), together with the parent's own children, so
    /// a letter naming both ("Zara and Ali…") ties each term to the nearer child. Empty
    /// when no outside parent has a namesake, and for pupils' own mail.
    public func householdPupils(of envelope: Envelope, sender: SenderIdentity) -> Set<String> {
        guard sender.rules != .pupil else { return [] }
        var outside: [Recipient] = []
        for expanded in envelope.judgedRecipients {
            let recipient = classifier.classify(expanded.address, sender: envelope.sender)
            guard !recipient.isSchoolAddress else { continue }
            outside.append(recipient)
            if outside.count > Self.householdMaxOutsideRecipients { return [] }
        }
        var result = Set<String>()
        for recipient in outside where recipient.recipientClass == .parent {
            let namesakes = households.namesakes(of: recipient.linkedPupils, families: families)
            guard !namesakes.isEmpty else { continue }
            result.formUnion(namesakes)
            result.formUnion(recipient.linkedPupils)
        }
        return result
    }
}
