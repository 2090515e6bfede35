/// Reads RFC 4180 records one at a time over UTF-8 bytes (delimiters, quotes and line
/// breaks are ASCII, so multi-byte characters pass through untouched); tolerant of stray
/// quotes and ragged rows. Line breaks and tabs inside fields become spaces.
struct CSVRecordReader {
    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var index = 0

    init(text: String, delimiter: Character) {
        bytes = Array(text.utf8)
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    mutating func next() -> [String]? {
        guard index < bytes.count else { return nil }
        let quote = UInt8(ascii: "\"")
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(Self.flattened(byte))
                }
            } else if byte == quote, field.allSatisfy({ $0 == 0x20 }) {
                field.removeAll(keepingCapacity: true)
                quoted = true
            } else if byte == delimiter {
                fields.append(Self.text(field))
                field.removeAll(keepingCapacity: true)
            } else if byte == 0x0A {
                break
            } else {
                field.append(Self.flattened(byte))
            }
        }
        fields.append(Self.text(field))
        return fields
    }

    private static func flattened(_ byte: UInt8) -> UInt8 {
        byte == 0x0A || byte == 0x09 || byte == 0x0D ? 0x20 : byte
    }

    private static func text(_ field: [UInt8]) -> String {
        var slice = field[...]
        while slice.first == 0x20 { slice = slice.dropFirst() }
        while slice.last == 0x20 { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
