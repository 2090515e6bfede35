import ChaperoneModel

/// Rows of a CSV (or TSV / semicolon-separated) attachment as `.tableRow` segments with
/// cells separated by tabs. Quoted fields may hold delimiters, doubled quotes and line
/// breaks. Row 0 is the first line (usually the header row).
enum CSVTextExtractor {
    static func extract(_ text: String, location: TextLocation, collector: inout SegmentCollector) {
        extract(utf8: Array(text.utf8), lineBreaksNormalised: true, location: location, collector: &collector)
    }

    /// Reads UTF-8 bytes a record at a time, so only the row being read is ever copied.
    /// `lineBreaksNormalised` false means CRLF and lone CRs are still in the bytes (the
    /// reader reads them as LF, as if `PartText.normalisedLineBreaks` had run).
    static func extract(utf8 bytes: [UInt8], lineBreaksNormalised: Bool, location: TextLocation,
                        collector: inout SegmentCollector) {
        let delimiter = guessDelimiter(utf8: bytes, lineBreaksNormalised: lineBreaksNormalised)
        var reader = CSVRecordReader(bytes: bytes, delimiter: delimiter.asciiValue ?? UInt8(ascii: ","),
                                     readsCRAsLineBreak: !lineBreaksNormalised)
        var row = 0
        while let record = reader.next() {
            defer { row += 1 }
            guard record.hasContent else { continue }
            var rowLocation = location
            rowLocation.detail = location.detail.map { "\($0)!row \(row + 1)" } ?? "row \(row + 1)"
            collector.add(TextSegment(location: rowLocation, role: .tableRow, text: record.text, table: 0, row: row))
            if collector.isFull { return }
        }
    }

    /// Characters of the text `guessDelimiter` reads.
    static let delimiterSearchCharacters = 4096

    /// `guessDelimiter` of the bytes' text, made from a prefix of them: enough bytes that
    /// the prefix holds more characters than the guess reads (then its first characters
    /// are the text's), or the whole text.
    static func guessDelimiter(utf8 bytes: [UInt8], lineBreaksNormalised: Bool) -> Character {
        var end = min(bytes.count, 16 * delimiterSearchCharacters)
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 || bytes[end - 1] == 0x0D { end += 1 }
        let prefix = lineBreaksNormalised ? Array(bytes[..<end]) : PartText.normalisedLineBreaks(Array(bytes[..<end]))
        let text = String(decoding: prefix, as: UTF8.self)
        if end < bytes.count, text.count <= delimiterSearchCharacters {
            let whole = lineBreaksNormalised ? bytes : PartText.normalisedLineBreaks(bytes)
            return guessDelimiter(String(decoding: whole, as: UTF8.self))
        }
        return guessDelimiter(text)
    }

    /// The most frequent of `,` `;` and tab on the first line outside quotes.
    static func guessDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text.prefix(delimiterSearchCharacters) {
            if character == "\n" && !quoted { break }
            if character == "\"" { quoted.toggle() }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key != ",") }
        return (best?.value ?? 0) > 0 ? best?.key ?? "," : ","
    }
}
