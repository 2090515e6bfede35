import ChaperoneModel

/// Groups roster pupils into families: pupils are in one family when a contact (or one
/// contact address) is linked to both, so siblings who share a parent, and both parents
/// of one child, fall together. Built once per roster by a union-find over integer
/// nodes (a pupil's position in the roster, or a number for a key no pupil has); each
/// lookup is one key lookup and an array read.
public struct RecipientFamilies: Sendable {
    /// The roster the nodes' positions refer to.
    let roster: Roster
    /// Keys that contacts link to but no roster pupil has, numbered after the pupils.
    let unknownNodes: [String: Int32]
    let unknownKeys: [String]
    /// Node → its family's node (the root of its set).
    let familyOfNode: [Int32]

    public init(roster: Roster) {
        var nodes = FamilyNodes(roster: roster)
        var sets = UnionFind(count: roster.students.count)
        func union(_ keys: [String]) {
            guard let first = keys.first else { return }
            let anchor = sets.root(nodes.node(first, in: &sets))
            for key in keys.dropFirst() {
                let other = sets.root(nodes.node(key, in: &sets))
                if other != anchor { sets.parent[Int(other)] = anchor }
            }
        }
        for contact in roster.contacts.indices {
            union(roster.contacts.pupilKeys(at: contact) + roster.contacts.restrictedPupilKeys(at: contact))
        }
        // One address shared by several contact records joins their pupils too.
        roster.contactsByEmail.forEach { _, positions in
            guard positions.count > 1 else { return }
            let keys = positions.map(roster.contacts.key(at:))
            union(keys.compactMap(roster.contactPosition(forKey:)).flatMap(roster.contacts.pupilKeys(at:)))
        }
        for node in sets.parent.indices { _ = sets.root(Int32(node)) }
        self.roster = roster
        self.unknownNodes = nodes.unknownNodes
        self.unknownKeys = nodes.unknownKeys
        self.familyOfNode = sets.parent
    }

    /// The root node of a pupil's family, `nil` for a key neither the roster nor a
    /// contact has (`family(ofPupil:)` is then the key itself, which no other family is).
    func familyNode(ofPupil key: String) -> Int32? {
        guard let node = roster.studentPosition(forKey: key).map(Int32.init) ?? unknownNodes[key] else { return nil }
        return familyOfNode[Int(node)]
    }

    /// The family a pupil belongs to (the pupil's own key when no contact joins it to another).
    public func family(ofPupil key: String) -> String {
        guard let node = roster.studentPosition(forKey: key).map(Int32.init) ?? unknownNodes[key] else { return key }
        let family = Int(familyOfNode[Int(node)])
        return family < roster.students.count ? roster.students.key(at: family) : unknownKeys[family - roster.students.count]
    }
}
