import ChaperoneModel

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
