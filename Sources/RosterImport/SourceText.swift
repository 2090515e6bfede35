/// Decodes a roster file's bytes: UTF-8 with or without BOM, UTF-16 with a BOM (Excel
/// "Unicode text"), and windows-1252 when the bytes are not valid UTF-8.
enum SourceText {
    enum Encoding: String {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case windows1252 = "windows-1252"
    }

    /// The file as valid UTF-8 bytes without a BOM; UTF-8 input comes back as it is,
    /// once validated (the reader works on bytes, not on one String of the file).
    static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8OrFallback(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (Array(utf16(bytes.dropFirst(2), littleEndian: true).utf8), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (Array(utf16(bytes.dropFirst(2), littleEndian: false).utf8), .utf16BE) }
        return utf8OrFallback(bytes)
    }

    private static func utf8OrFallback(_ bytes: [UInt8]) -> ([UInt8], Encoding) {
        // Validation alone (the String it makes is dropped): fast, and as strict as String.
        if String(validating: bytes, as: UTF8.self) != nil { return (bytes, .utf8) }
        return (Array(windows1252(bytes).utf8), .windows1252)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// windows-1252: ASCII and Latin-1 except 0x80–0x9F, which hold typographic marks.
    static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
            0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
