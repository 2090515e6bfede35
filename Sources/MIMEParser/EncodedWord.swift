/// One RFC 2047 encoded word found in header bytes: its charset, decoded bytes and
/// where it ends.
struct EncodedWord {
    var charset: String
    var decodedBytes: [UInt8]
    var end: Int

    /// For every index, the first index at or after it holding `?=`, a space or a control
    /// byte (or the end). Lets `parse` find a word's end in constant time, so a header
    /// full of unterminated `=?` starts is still decoded in linear time.
    static func stops(_ bytes: [UInt8]) -> [Int32] {
        var stops = [Int32](repeating: Int32(bytes.count), count: bytes.count + 1)
        var index = bytes.count - 1
        while index >= 0 {
            let isTerminator = bytes[index] == UInt8(ascii: "?") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "=")
            stops[index] = isTerminator || isSpaceOrControl(bytes[index]) ? Int32(index) : stops[index + 1]
            index -= 1
        }
        return stops
    }

    /// Parses an encoded word starting at `start` (which holds `=`), or `nil`.
    static func parse(_ bytes: [UInt8], at start: Int, stops: [Int32]) -> EncodedWord? {
        let question = UInt8(ascii: "?")
        guard start + 1 < bytes.count, bytes[start + 1] == question else { return nil }
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != question {
            if isSpaceOrControl(bytes[index]) || index - charsetStart > 64 { return nil }
            index += 1
        }
        guard index + 2 < bytes.count, index > charsetStart, bytes[index + 2] == question else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        let encoding = bytes[index + 1] | 0x20
        index += 3
        let textStart = index
        guard textStart < bytes.count else { return nil }
        index = Int(stops[textStart])
        guard index + 1 < bytes.count, bytes[index] == question, bytes[index + 1] == UInt8(ascii: "=") else { return nil }
        let encoded = bytes[textStart..<index]
        let decoded: [UInt8]
        switch encoding {
        case UInt8(ascii: "b"): decoded = Base64Decoder.decode(encoded).bytes
        case UInt8(ascii: "q"): decoded = QuotedPrintableDecoder.decode(encoded, underscoreIsSpace: true).bytes
        default: return nil
        }
        return EncodedWord(charset: charset, decodedBytes: decoded, end: index + 2)
    }

    private static func isSpaceOrControl(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F
    }
}
