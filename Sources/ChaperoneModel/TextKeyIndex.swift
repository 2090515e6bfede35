/// Distinct texts (roster keys, lower-cased addresses, contact identities) numbered in
/// the order they were first inserted, and found again from their UTF-8 bytes: no String
/// is made and no `Hasher` runs for ASCII text, which is every real key and address.
///
/// Equality is `String`'s (canonical equivalence), as the dictionaries this replaces had
/// it: ASCII texts live in an open-addressing table over their bytes; any other text is
/// kept in a `[String: Int32]` beside it, and a lookup that could match across the two
/// (an ASCII text and one whose only non-ASCII characters decompose to ASCII, such as
/// U+212A KELVIN SIGN) looks in both.
public struct TextKeyIndex: Sendable {
    /// Every distinct text's bytes, as first inserted, by number.
    public private(set) var texts = PackedStrings()
    /// Open-addressing slots: the 32-bit hash of the text in it (high half) and its
    /// number + 1 (low half), or 0 when empty: one load per probe.
    private var slots: [UInt64]
    private var asciiCount = 0
    /// Texts with non-ASCII characters, compared as Strings.
    private var others: [String: Int32] = [:]

    /// An index with room for about `capacity` texts before it grows.
    public init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        texts.reserve(strings: capacity, bytesEach: 16)
    }

    /// The number of distinct texts.
    public var count: Int { texts.count }

    /// Text `number`, as first inserted.
    public subscript(number: Int) -> String { texts[number] }

    /// The number of `text`, or nil when it was never inserted.
    public func number(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { number(of: $0) }
    }

    /// The number of the text with UTF-8 bytes `bytes`, or nil when it was never inserted.
    public func number(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if UTF8Text.isASCII(bytes) {
            if let found = asciiNumber(of: bytes, hash: Self.hash(bytes)) { return found }
            return others.isEmpty ? nil : others[String(decoding: bytes, as: UTF8.self)].map(Int.init)
        }
        if let found = others[String(decoding: bytes, as: UTF8.self)] { return Int(found) }
        guard asciiCount > 0, let folded = Self.asciiEquivalent(bytes) else { return nil }
        return folded.withUnsafeBufferPointer { asciiNumber(of: $0, hash: Self.hash($0)) }
    }

    /// Inserts `text` unless an equal one is there; returns its number and whether it was new.
    @discardableResult
    public mutating func insert(_ text: String) -> (number: Int, inserted: Bool) {
        var text = text
        return text.withUTF8 { insert($0) }
    }

    /// Inserts the text with UTF-8 bytes `bytes` (valid UTF-8) unless an equal one is
    /// there; returns its number and whether it was new.
    @discardableResult
    public mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        let number = texts.count
        if UTF8Text.isASCII(bytes) {
            let hash = Self.hash(bytes)
            if let found = asciiNumber(of: bytes, hash: hash) { return (found, false) }
            if !others.isEmpty, let found = others[String(decoding: bytes, as: UTF8.self)] { return (Int(found), false) }
            if (asciiCount + 1) * 2 > slots.count { grow() }
            var slot = Int(hash) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = UInt64(hash) << 32 | UInt64(number + 1)
            asciiCount += 1
        } else {
            if let found = self.number(of: bytes) { return (found, false) }
            others[String(decoding: bytes, as: UTF8.self)] = Int32(number)
        }
        texts.append(bytes)
        return (number, true)
    }

    private func asciiNumber(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                let number = Int(entry & 0xFFFF_FFFF) - 1
                if texts.withUTF8(number, { UTF8Text.equal($0, bytes) }) { return number }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [UInt64](repeating: 0, count: size)
        for entry in slots where entry != 0 {
            var slot = Int(UInt32(truncatingIfNeeded: entry >> 32)) & (size - 1)
            while newSlots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            newSlots[slot] = entry
        }
        slots = newSlots
    }

    /// `bytes` with U+037E, U+1FEF and U+212A (the only characters whose canonical
    /// decomposition is ASCII: `;`, `` ` ``, `K`) replaced, when that leaves ASCII only.
    static func asciiEquivalent(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { folded.append(byte); index += 1; continue }
            guard index + 1 < bytes.count else { return nil }
            if byte == 0xCD, bytes[index + 1] == 0xBE { folded.append(59); index += 2; continue }
            guard index + 2 < bytes.count else { return nil }
            let second = bytes[index + 1], third = bytes[index + 2]
            if byte == 0xE1, second == 0xBF, third == 0xAF { folded.append(96) }
            else if byte == 0xE2, second == 0x84, third == 0xAA { folded.append(75) }
            else { return nil }
            index += 3
        }
        return folded
    }

    /// A per-process seed, so that the table's layout cannot be predicted from outside.
    private static let seed = UInt64.random(in: 0...UInt64.max)

    /// A fast 32-bit hash of `bytes`, eight bytes at a time.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var state = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                state = (state ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                state ^= state >> 31
                index += 8
            }
            if index < count {
                var word: UInt64 = 0, shift: UInt64 = 0
                while index < count { word |= UInt64(base[index]) << shift; shift += 8; index += 1 }
                state = (state ^ word) &* 0x94D0_49BB_1331_11EB
                state ^= state >> 29
            }
        }
        state = (state ^ (state >> 32)) &* 0xD6E8_FEB8_6659_FD93
        state ^= state >> 32
        return UInt32(truncatingIfNeeded: state)
    }
}
