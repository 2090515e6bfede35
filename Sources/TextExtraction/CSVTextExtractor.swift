import ChaperoneModel

/// Rows of a CSV (or TSV / semicolon-separated) attachment as `.tableRow` segments with
/// cells separated by tabs. Quoted fields may hold delimiters, doubled quotes and line
/// breaks. Row 0 is the first line (usually the header row).
enum CSVTextExtractor {
    static func extract(_ text: String, location: TextLocation, collector: inout SegmentCollector) {
        let delimiter = guessDelimiter(text)
        var reader = CSVRecordReader(text: text, delimiter: delimiter)
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

    /// The most frequent of `,` `;` and tab on the first line outside quotes.
    static func guessDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text.prefix(4096) {
            if character == "\n" && !quoted { break }
            if character == "\"" { quoted.toggle() }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key != ",") }
        return (best?.value ?? 0) > 0 ? best?.key ?? "," : ","
    }
}
