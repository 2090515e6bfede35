/// One RFC 2047 encoded word found in header bytes: its charset, decoded bytes and
/// where it ends.
struct EncodedWord {
    var charset: String
    var decodedBytes: [UInt8]
    var end: Int

    /// Parses an encoded word starting at `start` (which holds `=`), or `nil`.
    static func parse(_ bytes: [UInt8], at start: Int) -> EncodedWord? {
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
        while index + 1 < bytes.count, !(bytes[index] == question && bytes[index + 1] == UInt8(ascii: "=")) {
            if isSpaceOrControl(bytes[index]) { return nil }
            index += 1
        }
        guard index + 1 < bytes.count else { return nil }
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
