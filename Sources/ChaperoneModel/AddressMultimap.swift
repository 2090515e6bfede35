/// Lower-cased address → the positions of the records that carry it (pupils, contacts),
/// in the order they were added. The addresses are numbered by a `TextKeyIndex` (bytes,
/// no String per address) and the lists are four integer arrays, so a roster of 20,000
/// pupils and their parents makes no array per address; most addresses have one
/// record, and a lookup walks a short chain.
public struct AddressMultimap: Sendable {
    private var addresses: TextKeyIndex
    /// Per address number: its first and last entry.
    private var firstEntry: [Int32] = []
    private var lastEntry: [Int32] = []
    /// Per entry: the record's position, the next entry of the same address (−1: none).
    private var records: [Int32] = []
    private var next: [Int32] = []

    public init(capacity: Int = 0) {
        addresses = TextKeyIndex(capacity: capacity)
        firstEntry.reserveCapacity(capacity)
        lastEntry.reserveCapacity(capacity)
        records.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
    }

    /// The number of distinct addresses.
    public var count: Int { addresses.count }

    /// Adds record `position` to `address`'s list (already lower-cased).
    public mutating func add(_ address: String, position: Int) {
        var address = address
        address.withUTF8 { add($0, position: position) }
    }

    /// Adds record `position` to the list of the address with UTF-8 bytes `address`
    /// (already lower-cased).
    public mutating func add(_ address: UnsafeBufferPointer<UInt8>, position: Int) {
        let entry = Int32(records.count)
        records.append(Int32(position))
        next.append(-1)
        let (number, inserted) = addresses.insert(address)
        if inserted {
            firstEntry.append(entry)
            lastEntry.append(entry)
        } else {
            next[Int(lastEntry[number])] = entry
            lastEntry[number] = entry
        }
    }

    /// The positions of the records with `address`, in the order added; empty when none.
    public func positions(of address: String) -> [Int] {
        guard let number = addresses.number(of: address) else { return [] }
        return chain(from: firstEntry[number])
    }

    /// True when some record has `address`.
    public func contains(_ address: String) -> Bool { addresses.number(of: address) != nil }

    /// Calls `body` with the UTF-8 bytes of every address, in the order first added.
    public func forEachAddressUTF8(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        for number in 0..<addresses.count { try addresses.texts.withUTF8(number, body) }
    }

    /// Calls `body` with every address and its records' positions, addresses in the
    /// order they were first added.
    public func forEach(_ body: (String, [Int]) throws -> Void) rethrows {
        for number in 0..<addresses.count { try body(addresses[number], chain(from: firstEntry[number])) }
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
