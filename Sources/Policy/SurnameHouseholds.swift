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
    /// Group `g`'s pupils, in roster order, are `memberNodes[groupStart[g]..<groupStart[g + 1]]`,
    /// each as its key node (`Roster.keyNodes`, its node in `RecipientFamilies`).
    let groupStart: [Int32]
    let memberNodes: [Int32]

    public init(roster: Roster) {
        let students = roster.students
        var groupByName: [String: Int32] = [:]
        var groupOfPupil = [Int32](repeating: -1, count: students.count)
        var groupOfKey = [Int32](repeating: -1, count: students.count)
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
            groupOfKey[Int(roster.keyNodes[position])] = group
        }
        var groupStart = [Int32](repeating: 0, count: groupByName.count + 1)
        for group in groupOfPupil where group >= 0 { groupStart[Int(group) + 1] += 1 }
        for group in 0..<groupByName.count { groupStart[group + 1] += groupStart[group] }
        var cursor = groupStart
        var memberNodes = [Int32](repeating: 0, count: Int(groupStart[groupByName.count]))
        for (position, group) in groupOfPupil.enumerated() where group >= 0 {
            memberNodes[Int(cursor[Int(group)])] = roster.keyNodes[position]
            cursor[Int(group)] += 1
        }
        self.roster = roster
        self.groupOfKey = groupOfKey
        self.groupStart = groupStart
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
    /// recipient's own family's child), as key nodes, with the key nodes of the children
    /// the roster has. Compared by node, not by key: two keys are equal exactly when the
    /// roster gives them one node, and two families exactly when their roots are one
    /// node, so no key is made at all.
    func namesakeNodes(of children: [String], families: RecipientFamilies) -> (namesakes: [Int32], children: [Int32]) {
        // A parent's few children and their families, as sorted sets of node numbers
        // (`HouseholdPupils` holds any such set): each surname group's hundreds of
        // members on a large roster are checked against them by a binary search, with
        // no Hasher.
        let childNodes = children.compactMap { roster.studentPosition(forKey: $0).map(Int32.init) }
        let ownNodes = HouseholdPupils(nodes: childNodes)
        let ownFamilyNodes = HouseholdPupils(nodes: children.compactMap(families.familyNode(ofPupil:)))
        var groups: [Int32] = []
        for node in ownNodes.nodes where groupOfKey[Int(node)] >= 0 && !groups.contains(groupOfKey[Int(node)]) {
            groups.append(groupOfKey[Int(node)])
        }
        var result: [Int32] = []
        for group in groups {
            for node in memberNodes[Int(groupStart[Int(group)])..<Int(groupStart[Int(group) + 1])]
            where !ownNodes.contains(node) && !ownFamilyNodes.contains(families.familyOfNode[Int(node)]) {
                result.append(node)
            }
        }
        return (result, childNodes)
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
    public func householdPupils(of envelope: Envelope, sender: SenderIdentity) -> HouseholdPupils {
        guard sender.rules != .pupil else { return .none }
        var outside: [Recipient] = []
        for expanded in envelope.judgedRecipients {
            let recipient = classifier.classify(expanded.address, sender: envelope.sender)
            guard !recipient.isSchoolAddress else { continue }
            outside.append(recipient)
            if outside.count > Self.householdMaxOutsideRecipients { return .none }
        }
        var nodes: [Int32] = []
        for recipient in outside where recipient.recipientClass == .parent {
            let (namesakes, children) = households.namesakeNodes(of: recipient.linkedPupils, families: families)
            guard !namesakes.isEmpty else { continue }
            nodes += namesakes + children
        }
        return nodes.isEmpty ? .none : HouseholdPupils(nodes: nodes)
    }
}
