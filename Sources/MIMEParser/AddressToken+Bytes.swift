extension AddressToken {
    /// The tokens of ASCII text, read byte by byte with the same rule as
    /// `tokenizeCharacters` (on ASCII a Character is one byte, except CR LF, which is
    /// whitespace either way); `nil` when the text has a non-ASCII byte.
    static func tokenizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [AddressToken]? {
        for byte in bytes where byte >= 0x80 { return nil }
        var tokens: [AddressToken] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if isWhitespace(byte) {
                index += 1
            } else if let special = special(byte) {
                tokens.append(.special(special))
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                tokens.append(.quoted(readDelimited(bytes, &index, close: UInt8(ascii: "\""))))
            } else if byte == UInt8(ascii: "(") {
                tokens.append(.comment(readComment(bytes, &index)))
            } else if byte == UInt8(ascii: "[") {
                tokens.append(.domainLiteral("[" + readDelimited(bytes, &index, close: UInt8(ascii: "]")) + "]"))
            } else {
                let start = index
                while index < count, isAtomByte(bytes[index]) { index += 1 }
                tokens.append(.atom(text(bytes[start..<index])))
            }
        }
        return tokens
    }

    /// `Character.isWhitespace` on ASCII: tab, line feed, vertical tab, form feed,
    /// carriage return, space.
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func special(_ byte: UInt8) -> Character? {
        switch byte {
        case UInt8(ascii: "<"): "<"
        case UInt8(ascii: ">"): ">"
        case UInt8(ascii: "@"): "@"
        case UInt8(ascii: ","): ","
        case UInt8(ascii: ";"): ";"
        case UInt8(ascii: ":"): ":"
        default: nil
        }
    }

    private static func isAtomByte(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && special(byte) == nil
            && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "(") && byte != UInt8(ascii: "[")
    }

    private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    private static func readDelimited(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, close: UInt8) -> String {
        index += 1
        var text: [UInt8] = []
        while index < bytes.count, bytes[index] != close {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
            text.append(bytes[index])
            index += 1
        }
        index += 1
        return String(decoding: text, as: UTF8.self)
    }

    private static func readComment(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> String {
        var depth = 0
        var text: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                text.append(bytes[index + 1])
                index += 2
                continue
            }
            index += 1
            if byte == UInt8(ascii: "(") {
                depth += 1
                if depth == 1 { continue }
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { break }
            }
            text.append(byte)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
