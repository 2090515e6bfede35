/// A run of ASCII letters and digits in a segment's UTF-8 bytes. The shape detectors
/// (identifiers, phones, dates, credentials) read tokens and the bytes between them.
struct RawToken: Hashable {
    var start: Int
    var end: Int
    var digitCount: Int

    var length: Int { end - start }
    var isAllDigits: Bool { digitCount == length }
    var isAllLetters: Bool { digitCount == 0 }

    /// Splits `bytes` into tokens in one pass.
    static func tokens(in bytes: [UInt8]) -> [RawToken] {
        var tokens: [RawToken] = []
        tokens.reserveCapacity(bytes.count / 5)
        var start = -1
        var digits = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let isDigit = byte >= 48 && byte <= 57
            let isLetter = (byte | 0x20) >= 97 && (byte | 0x20) <= 122
            if isDigit || isLetter {
                if start < 0 { start = index; digits = 0 }
                if isDigit { digits += 1 }
            } else if start >= 0 {
                tokens.append(RawToken(start: start, end: index, digitCount: digits))
                start = -1
            }
        }
        if start >= 0 { tokens.append(RawToken(start: start, end: bytes.count, digitCount: digits)) }
        return tokens
    }
}

extension Array where Element == UInt8 {
    /// The bytes of `token` upper-cased (ASCII).
    func upperCased(_ range: Range<Int>) -> [UInt8] {
        self[range].map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
    }

    /// The bytes of `range` lower-cased (ASCII) as a String.
    func lowerCasedString(_ range: Range<Int>) -> String {
        String(decoding: self[range].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The bytes between two tokens, as they were written.
    func gap(_ left: RawToken, _ right: RawToken) -> ArraySlice<UInt8> {
        self[left.end..<Swift.max(left.end, right.start)]
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: self[range], as: UTF8.self)
    }
}
