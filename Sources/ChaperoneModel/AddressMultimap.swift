/// Lower-cased address → the positions of the records that carry it (pupils, contacts),
/// in the order they were added. One dictionary entry per address and three integer
/// arrays for the lists, so a roster of 20,000 pupils and their parents makes no array
/// per address; most addresses have one record, and a lookup walks a short chain.
public struct AddressMultimap: Sendable {
    /// Address → its first entry.
    private var firstEntry: [String: Int32] = [:]
    /// Per entry: the record's position, the next entry of the same address (−1: none).
    private var records: [Int32] = []
    private var next: [Int32] = []
    /// Per first entry: the last entry of its address, where the next one is linked.
    private var lastOfFirst: [Int32] = []

    public init(capacity: Int = 0) {
        firstEntry.reserveCapacity(capacity)
        records.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
        lastOfFirst.reserveCapacity(capacity)
    }

    /// The number of distinct addresses.
    public var count: Int { firstEntry.count }

    /// Adds record `position` to `address`'s list (already lower-cased).
    public mutating func add(_ address: String, position: Int) {
        let entry = Int32(records.count)
        records.append(Int32(position))
        next.append(-1)
        lastOfFirst.append(entry)
        if let first = firstEntry[address] {
            next[Int(lastOfFirst[Int(first)])] = entry
            lastOfFirst[Int(first)] = entry
        } else {
            firstEntry[address] = entry
        }
    }

    /// The positions of the records with `address`, in the order added; empty when none.
    public func positions(of address: String) -> [Int] {
        guard let first = firstEntry[address] else { return [] }
        return chain(from: first)
    }

    /// True when some record has `address`.
    public func contains(_ address: String) -> Bool { firstEntry[address] != nil }

    /// Calls `body` with every address and its records' positions.
    public func forEach(_ body: (String, [Int]) throws -> Void) rethrows {
        for (address, first) in firstEntry { try body(address, chain(from: first)) }
    }

    private func chain(from first: Int32) -> [Int] {
        var result = [Int(records[Int(first)])]
        var entry = next[Int(first)]
        while entry >= 0 {
            result.append(Int(records[Int(entry)]))
            entry = next[Int(entry)]
        }
        return result
    }
}
