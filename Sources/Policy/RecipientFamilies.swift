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

    /// The family a pupil belongs to (the pupil's own key when no contact joins it to another).
    public func family(ofPupil key: String) -> String {
        guard let node = roster.studentPosition(forKey: key).map(Int32.init) ?? unknownNodes[key] else { return key }
        let family = Int(familyOfNode[Int(node)])
        return family < roster.students.count ? roster.students.key(at: family) : unknownKeys[family - roster.students.count]
    }
}

/// The union-find of `RecipientFamilies`: `parent[node]` is the node it was joined to, or itself.
struct UnionFind {
    var parent: [Int32]

    init(count: Int) { parent = (0..<Int32(count)).map { $0 } }

    mutating func add() -> Int32 {
        parent.append(Int32(parent.count))
        return Int32(parent.count - 1)
    }

    /// The root of `node`'s set; every node on the way is pointed at it.
    mutating func root(_ node: Int32) -> Int32 {
        var current = node
        while parent[Int(current)] != current { current = parent[Int(current)] }
        var walk = node
        while parent[Int(walk)] != current {
            let next = parent[Int(walk)]
            parent[Int(walk)] = current
            walk = next
        }
        return current
    }
}

/// Pupil keys to union-find nodes: a roster pupil's node is the position of the first
/// pupil with that key; a key no pupil has gets a node of its own when first seen.
struct FamilyNodes {
    let roster: Roster
    var unknownNodes: [String: Int32] = [:]
    var unknownKeys: [String] = []

    init(roster: Roster) { self.roster = roster }

    mutating func node(_ key: String, in sets: inout UnionFind) -> Int32 {
        if let position = roster.studentPosition(forKey: key) { return Int32(position) }
        if let node = unknownNodes[key] { return node }
        let node = sets.add()
        unknownNodes[key] = node
        unknownKeys.append(key)
        return node
    }
}
