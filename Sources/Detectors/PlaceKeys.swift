/// The roster index builder's distinct places and lone names ("surname okafor",
/// "postcode LS177PX"), each a one-byte tag and bytes, mapped to an integer: an
/// open-addressing hash table whose keys are appended to one byte buffer, so a repeated
/// surname or postcode is found without making a String or an array per key.
struct PlaceKeys {
    private var keyBytes: [UInt8] = []
    /// Key `i` is `keyBytes[keyEnds[i - 1]..<keyEnds[i]]` (from 0 for the first).
    private var keyEnds: [Int32] = []
    private var keyTags: [UInt8] = []
    private var keyHashes: [UInt64] = []
    private var values: [Int32] = []
    /// Key positions by hash, `empty` where free; the count is a power of two.
    private var slots: [Int32] = [Int32](repeating: PlaceKeys.empty, count: 64)
    /// Per table, so a roster cannot be written to collide on purpose.
    private let seed = UInt64.random(in: .min ... .max)

    private static let empty: Int32 = -1

    var count: Int { values.count }

    /// Makes room for `keys` keys without growing the table.
    mutating func reserve(keys: Int) {
        while keys * 2 > slots.count { grow() }
    }

    /// The value stored for (`tag`, `bytes`), or nil after storing `value` for it.
    mutating func existingValue(tag: UInt8, bytes: UnsafeBufferPointer<UInt8>, orInsert value: Int32) -> Int32? {
        let hash = Self.hash(tag, bytes, seed: seed)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let key = slots[slot]
            if key == Self.empty { break }
            if keyHashes[Int(key)] == hash, keyTags[Int(key)] == tag, keyEquals(Int(key), bytes) { return values[Int(key)] }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(values.count)
        keyBytes.append(contentsOf: bytes)
        keyEnds.append(Int32(keyBytes.count))
        keyTags.append(tag)
        keyHashes.append(hash)
        values.append(value)
        if values.count * 2 > slots.count { grow() }
        return nil
    }

    mutating func existingValue(tag: UInt8, bytes: [UInt8], orInsert value: Int32) -> Int32? {
        bytes.withUnsafeBufferPointer { existingValue(tag: tag, bytes: $0, orInsert: value) }
    }

    private func keyEquals(_ key: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = key == 0 ? 0 : Int(keyEnds[key - 1]), end = Int(keyEnds[key])
        guard end - start == bytes.count else { return false }
        var offset = 0
        while offset < bytes.count {
            if keyBytes[start + offset] != bytes[offset] { return false }
            offset += 1
        }
        return true
    }

    private mutating func grow() {
        var larger = [Int32](repeating: Self.empty, count: slots.count * 2)
        let mask = larger.count - 1
        for key in values.indices {
            var slot = Int(truncatingIfNeeded: keyHashes[key]) & mask
            while larger[slot] != Self.empty { slot = (slot + 1) & mask }
            larger[slot] = Int32(key)
        }
        slots = larger
    }

    /// A 64-bit multiply-and-mix hash of the tag and bytes, eight bytes at a time.
    static func hash(_ tag: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var state = seed ^ (UInt64(tag) << 56) ^ UInt64(bytes.count)
        var index = 0
        while index < bytes.count {
            var word: UInt64 = 0
            let end = min(index + 8, bytes.count)
            while index < end {
                word = word << 8 | UInt64(bytes[index])
                index += 1
            }
            state = (state ^ word) &* multiplier
            state ^= state >> 29
        }
        state = (state ^ (state >> 32)) &* multiplier
        return state ^ (state >> 29)
    }
}
