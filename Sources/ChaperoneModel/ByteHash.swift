/// A fast, unseeded 64-bit hash of a byte range, eight bytes at a time: the hash of a
/// word in the roster's word trie (`WordAutomaton`) and of a key in a trust's shared
/// filters (`KnownAddressFilter`, the first-word and pattern-start filters), which every
/// school must compute alike and so takes no per-process seed. Safe unseeded there:
/// message text only looks keys up in tables built from the roster, it never inserts
/// any, so crafted collisions cannot lengthen a probe. Tables that hold outside text
/// seed their own hash (`TextKeyIndex`).
public enum ByteHash {
    /// The hash of `text[start..<end]`.
    @inlinable @inline(__always)
    public static func hash(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: end - start) &* 0x9E37_79B9_7F4A_7C15
        var position = start
        let raw = UnsafeRawBufferPointer(text)
        while end - position >= 8 {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            position += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while position < end {
            tail |= UInt64(text[position]) << shift
            shift += 8
            position += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }
}
