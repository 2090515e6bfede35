/// Reads RFC 4180 records one at a time over UTF-8 bytes (delimiters, quotes and line
/// breaks are ASCII, so multi-byte characters pass through untouched); tolerant of stray
/// quotes and ragged rows. Each record comes back as one tab-separated line: line
/// breaks and tabs inside fields become spaces, blanks around fields are trimmed.
struct CSVRecordReader {
    private let bytes: [UInt8]
    private let delimiter: UInt8
    /// Read CRLF as LF and a lone CR as LF (bytes whose line breaks were not normalised).
    private let readsCRAsLineBreak: Bool
    private var index = 0
    /// The record being built, its storage reused from record to record.
    private var row: [UInt8] = []

    init(text: String, delimiter: Character) {
        self.init(bytes: Array(text.utf8), delimiter: delimiter.asciiValue ?? UInt8(ascii: ","))
    }

    init(bytes: [UInt8], delimiter: UInt8, readsCRAsLineBreak: Bool = false) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.readsCRAsLineBreak = readsCRAsLineBreak
    }

    /// The next record as `cell\tcell\t…`, and whether any cell has content; `nil` at the end.
    mutating func next() -> (text: String, hasContent: Bool)? {
        guard index < bytes.count else { return nil }
        let quote = UInt8(ascii: "\"")
        row.removeAll(keepingCapacity: true)
        var fieldStart = 0
        var quoted = false
        var hasContent = false
        func endField() {
            while row.count > fieldStart, row[row.count - 1] == 0x20 { row.removeLast() }
            if row.count > fieldStart { hasContent = true }
        }
        while index < bytes.count {
            var byte = bytes[index]
            index += 1
            if byte == 0x0D, readsCRAsLineBreak {
                if index < bytes.count, bytes[index] == 0x0A { continue }
                byte = 0x0A
            }
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        row.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    row.append(Self.flattened(byte))
                }
            } else if byte == quote, row.count == fieldStart {
                quoted = true
            } else if byte == delimiter {
                endField()
                row.append(0x09)
                fieldStart = row.count
            } else if byte == 0x0A {
                break
            } else if byte == 0x20, row.count == fieldStart {
                continue
            } else {
                row.append(Self.flattened(byte))
                appendPlainRun()
            }
        }
        endField()
        return (String(decoding: row, as: UTF8.self), hasContent)
    }

    /// Copies, in one go, the bytes from `index` up to the next one the loop above must
    /// look at (a delimiter, quote, line break, CR or tab): inside an unquoted field with
    /// content, every other byte is appended as it is, so most of a row is copied a run
    /// at a time rather than a byte at a time.
    private mutating func appendPlainRun() {
        let start = index
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D || byte == 0x09 { break }
            end += 1
        }
        if end > start { row.append(contentsOf: bytes[start..<end]) }
        index = end
    }

    private static func flattened(_ byte: UInt8) -> UInt8 {
        byte == 0x0A || byte == 0x09 || byte == 0x0D ? 0x20 : byte
    }
}
