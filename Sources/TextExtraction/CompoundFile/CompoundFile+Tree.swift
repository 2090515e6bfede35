extension CompoundFile {
    /// Entry indices directly inside storage `index` (the red-black tree under its
    /// `child`), each visited once, so a looped tree ends instead of spinning.
    func children(of index: Int) -> [Int] {
        guard entries.indices.contains(index), entries[index].isStorage else { return [] }
        var found: [Int] = []
        var visited = Set<Int>()
        var pending = [entries[index].child]
        while let next = pending.popLast() {
            let position = Int(next)
            guard next != Self.noStream, entries.indices.contains(position), visited.insert(position).inserted,
                  position != 0 else { continue }
            found.append(position)
            pending.append(entries[position].left)
            pending.append(entries[position].right)
        }
        return found.sorted()
    }

    /// The child of storage `index` named `name` (case-insensitive, as CFB compares).
    func child(named name: String, of index: Int = 0) -> Int? {
        let wanted = name.uppercased()
        return children(of: index).first { entries[$0].name.uppercased() == wanted }
    }

    /// The named stream's bytes inside storage `index`, or `nil` when it is absent.
    func stream(named name: String, in index: Int = 0, budget: inout Int) throws(CompoundFileError) -> [UInt8]? {
        guard let position = child(named: name, of: index), entries[position].isStream else { return nil }
        return try read(position, budget: &budget)
    }
}
