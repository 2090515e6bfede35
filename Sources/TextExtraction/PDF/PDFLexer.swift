/// Reads PDF tokens from a byte buffer. Every call to `next()` consumes at least one
/// byte or returns nil at the end, so loops over it always finish; stray delimiters are
/// skipped rather than failing the read.
struct PDFLexer {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
        self.position = max(0, min(start, self.end))
    }

    var isAtEnd: Bool { position >= end }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default:
            false
        }
    }

    static func isRegular(_ byte: UInt8) -> Bool { !isWhitespace(byte) && !isDelimiter(byte) }

    /// Skips whitespace and comments.
    mutating func skipWhitespace() {
        while position < end {
            let byte = bytes[position]
            if Self.isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < end, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    mutating func next() -> PDFToken? {
        while true {
            skipWhitespace()
            guard position < end else { return nil }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "/"):
                position += 1
                return .name(readName())
            case UInt8(ascii: "("):
                position += 1
                return .string(readLiteralString())
            case UInt8(ascii: "<"):
                if position + 1 < end, bytes[position + 1] == UInt8(ascii: "<") {
                    position += 2
                    return .dictionaryOpen
                }
                position += 1
                return .string(readHexString())
            case UInt8(ascii: ">"):
                position += 1
                if position < end, bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    return .dictionaryClose
                }
            case UInt8(ascii: "["):
                position += 1
                return .arrayOpen
            case UInt8(ascii: "]"):
                position += 1
                return .arrayClose
            case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                position += 1
            default:
                let start = position
                while position < end, Self.isRegular(bytes[position]) { position += 1 }
                if let number = Self.number(bytes[start..<position]) { return .number(number) }
                return .keyword(String(decoding: bytes[start..<position], as: UTF8.self))
            }
        }
    }
}
