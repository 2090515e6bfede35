/// BIFF8 strings: XLUnicodeString (count, flags, 8-bit or UTF-16 characters) and the
/// shared-string table, whose strings may run on across CONTINUE records (each
/// continuation starts with a fresh high-byte flag).
enum ExcelSharedStrings {
    /// An XLUnicodeString (16-bit count) at `offset`, or `nil` when it is cut short.
    static func unicodeString(_ payload: [UInt8], at offset: Int) -> String? {
        guard let count = payload.u16(at: offset), let flags = payload.u8(at: offset + 2) else { return nil }
        return characters(payload.dropFirst(offset + 3), highByte: flags & 1 == 1, count: Int(count))
    }

    /// `count` characters (all when `nil`): UTF-16LE when `highByte`, else Latin-1 bytes.
    static func characters(_ bytes: ArraySlice<UInt8>, highByte: Bool, count: Int? = nil) -> String {
        if highByte {
            let wanted = count.map { min(bytes.count, 2 * $0) } ?? bytes.count
            return utf16LittleEndian(bytes.prefix(wanted))
        }
        let run = bytes.prefix(count ?? bytes.count)
        return String(decoding: run.map { UInt16($0) }, as: UTF16.self)
    }

    /// The strings of an SST record and its CONTINUE records (`parts`).
    static func parse(_ parts: [[UInt8]]) -> [String] {
        var cursor = Cursor(parts: parts)
        cursor.skip(8)
        var strings: [String] = []
        let declared = Int(parts.first?.u32(at: 4) ?? 0)
        while strings.count < declared, let count = cursor.u16(), let flags = cursor.u8() {
            let runs = flags & 0x08 != 0 ? Int(cursor.u16() ?? 0) : 0
            let extra = flags & 0x04 != 0 ? Int(cursor.u32() ?? 0) : 0
            guard let text = cursor.characters(Int(count), highByte: flags & 1 == 1) else { break }
            strings.append(text)
            cursor.skip(4 * runs + extra)
        }
        return strings
    }

    /// Reads across record boundaries; characters re-read the flag at each boundary.
    struct Cursor {
        let parts: [[UInt8]]
        var part = 0
        var offset = 0

        init(parts: [[UInt8]]) {
            self.parts = parts
        }

        private mutating func settle() {
            while part < parts.count, offset >= parts[part].count {
                offset -= parts[part].count
                part += 1
            }
        }

        mutating func u8() -> UInt8? {
            settle()
            guard part < parts.count else { return nil }
            defer { offset += 1 }
            return parts[part][offset]
        }

        mutating func u16() -> UInt16? {
            guard let low = u8(), let high = u8() else { return nil }
            return UInt16(low) | UInt16(high) << 8
        }

        mutating func u32() -> UInt32? {
            guard let low = u16(), let high = u16() else { return nil }
            return UInt32(low) | UInt32(high) << 16
        }

        mutating func skip(_ count: Int) {
            offset += max(0, count)
            settle()
        }

        mutating func characters(_ count: Int, highByte: Bool) -> String? {
            var units: [UInt16] = []
            var wide = highByte
            while units.count < count {
                guard part < parts.count else { return nil }
                if offset >= parts[part].count {
                    part += 1
                    guard part < parts.count, let flag = parts[part].first else { return nil }
                    wide = flag & 1 == 1
                    offset = 1
                }
                let data = parts[part]
                let available = (data.count - offset) / (wide ? 2 : 1)
                let take = min(count - units.count, available)
                for index in 0..<take {
                    units.append(wide ? UInt16(data[offset + 2 * index]) | UInt16(data[offset + 2 * index + 1]) << 8
                                      : UInt16(data[offset + index]))
                }
                offset += take * (wide ? 2 : 1)
                if take == 0, offset < data.count { return nil }
            }
            return String(decoding: units, as: UTF16.self)
        }
    }
}
