/// Decodes quoted-printable (RFC 2045 §6.7): `=XX` in either case becomes a byte, `=` at
/// the end of a line (trailing blanks allowed) is a soft line break, and an invalid escape
/// is kept literally. With `underscoreIsSpace` it decodes RFC 2047 Q-encoding.
public enum QuotedPrintableDecoder {
    /// The decoded bytes and how many invalid escapes were kept literally.
    public struct Result: Hashable, Sendable {
        public var bytes: [UInt8]
        public var invalidEscapes: Int
    }

    public static func decode(_ input: some Collection<UInt8>, underscoreIsSpace: Bool = false) -> Result {
        let bytes = Array(input)
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var invalid = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_"), underscoreIsSpace {
                output.append(0x20)
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < bytes.count, let high = bytes[index + 1].hexDigitValue, let low = bytes[index + 2].hexDigitValue {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            if let afterBreak = softBreakEnd(bytes, from: index + 1) {
                index = afterBreak
                continue
            }
            invalid += 1
            output.append(byte)
            index += 1
        }
        return Result(bytes: output, invalidEscapes: invalid)
    }

    /// When only blanks follow `=` up to a line break (or the end), the index after it.
    private static func softBreakEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == 0x0A { return index + 1 }
        if bytes[index] == 0x0D {
            if index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
            return index + 1
        }
        return nil
    }

}
