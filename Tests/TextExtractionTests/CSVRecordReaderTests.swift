import SeededRandom
import Testing
@testable import TextExtraction

/// `CSVRecordReader` copies plain runs of a field at once; these hold it to the reading
/// byte by byte (`ByteAtATimeReader`, the rule as first written) on seeded text made of
/// every byte that matters to the reader: delimiters, quotes, blanks, tabs, CR and LF,
/// multi-byte characters, and plain letters.
@Suite struct CSVRecordReaderTests {
    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")])
    func readsWhatTheByteAtATimeRuleReads(delimiter: UInt8) {
        var random = SplitMix64(state: 0xC5F0 + UInt64(delimiter))
        let pieces: [[UInt8]] = [
            Array(",".utf8), Array(";".utf8), Array("\t".utf8), Array("\"".utf8), Array("\"\"".utf8), Array(" ".utf8),
            Array("  ".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8), Array("é".utf8), Array("😀".utf8),
            Array("Ava".utf8), Array("Collins".utf8), Array("LS18 4DL".utf8), Array("a@b.example".utf8), Array("7".utf8),
        ]
        for round in 0..<300 {
            var text: [UInt8] = []
            for _ in 0..<Int(random.next() % 120) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            for readsCR in [false, true] {
                var fast = CSVRecordReader(bytes: text, delimiter: delimiter, readsCRAsLineBreak: readsCR)
                var slow = ByteAtATimeReader(bytes: text, delimiter: delimiter, readsCRAsLineBreak: readsCR)
                var records = 0
                while true {
                    let (a, b) = (fast.next(), slow.next())
                    #expect(a?.text == b?.text && a?.hasContent == b?.hasContent, "round \(round), record \(records)")
                    guard a != nil, b != nil else { break }
                    records += 1
                }
            }
        }
    }
}

/// The reader's rule one byte at a time, as it was before plain runs were copied at once.
private struct ByteAtATimeReader {
    let bytes: [UInt8]
    let delimiter: UInt8
    let readsCRAsLineBreak: Bool
    var index = 0
    var row: [UInt8] = []

    init(bytes: [UInt8], delimiter: UInt8, readsCRAsLineBreak: Bool) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.readsCRAsLineBreak = readsCRAsLineBreak
    }

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
            }
        }
        endField()
        return (String(decoding: row, as: UTF8.self), hasContent)
    }

    private static func flattened(_ byte: UInt8) -> UInt8 {
        byte == 0x0A || byte == 0x09 || byte == 0x0D ? 0x20 : byte
    }
}
