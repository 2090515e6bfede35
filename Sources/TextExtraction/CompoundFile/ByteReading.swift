/// Bounds-checked little-endian reads from a byte array: every read past the end
/// returns `nil`, so parsers of binary formats never trap on hostile offsets.
extension Array where Element == UInt8 {
    func u8(at offset: Int) -> UInt8? {
        offset >= 0 && offset < count ? self[offset] : nil
    }

    func u16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func u32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
            | UInt32(self[offset + 3]) << 24
    }

    func u64(at offset: Int) -> UInt64? {
        guard let low = u32(at: offset), let high = u32(at: offset + 4) else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }

    /// `length` bytes from `offset`, or `nil` when they are not all there.
    func bytes(at offset: Int, length: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
        return self[offset..<(offset + length)]
    }
}

/// UTF-16LE bytes as a string (an odd trailing byte is ignored, lone surrogates replaced).
func utf16LittleEndian(_ bytes: some Collection<UInt8>) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var low: UInt8?
    for byte in bytes {
        if let first = low {
            units.append(UInt16(first) | UInt16(byte) << 8)
            low = nil
        } else {
            low = byte
        }
    }
    return String(decoding: units, as: UTF16.self)
}
