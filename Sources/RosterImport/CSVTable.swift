/// A CSV file read into rows of fields, each row remembering the line it started on.
/// Handles quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and
/// comma, semicolon or tab delimiters (chosen from the header line).
///
/// Bytes, not Strings: every field's unquoted bytes are kept one after another in
/// `bytes` and a row is a run of `cells` (ranges into `bytes`), so reading a roster makes
/// no String for a cell until a reader asks for its value (`CSVTable+Cells.swift`).
struct CSVTable {
    /// One row: the line it started on and its fields, `cells[fields]`.
    struct Row {
        var line: Int
        var fields: Range<Int>
    }

    /// The unquoted bytes of every field, in file order.
    private(set) var bytes: [UInt8] = []
    /// Each field's range in `bytes`, rows one after another.
    private(set) var cells: [Range<Int>] = []
    private(set) var rows: [Row] = []
    /// Limit hits and repairs, as (line, reason).
    private(set) var notes: [(line: Int, reason: String)] = []

    /// Reads UTF-8 text (`SourceText.utf8` gives it for any roster encoding).
    init(utf8 input: [UInt8], limits: RosterImportLimits) {
        let delimiter = Self.delimiter(input)
        bytes.reserveCapacity(input.count)
        cells.reserveCapacity(input.count / 8)
        var rowStart = 0
        var fieldStart = 0
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var index = 0
        var truncated = false
        var fieldCut = false
        func endField() {
            if fieldCut { Self.replaceCutCharacter(in: &bytes, from: fieldStart) }
            fieldCut = false
            if cells.count - rowStart < limits.maxColumns {
                cells.append(fieldStart..<bytes.count)
            } else {
                bytes.removeSubrange(fieldStart...)
            }
            fieldStart = bytes.count
        }
        func endRow() {
            let count = cells.count - rowStart
            if count >= limits.maxColumns {
                notes.append((rowLine, "more than \(limits.maxColumns) columns (roster_max_columns); the rest ignored"))
            }
            if truncated {
                notes.append((rowLine, "a field longer than \(limits.maxFieldBytes) bytes was cut (roster_max_field_bytes)"))
                truncated = false
            }
            if count > 1 || count == 1 && !cells[rowStart].isEmpty {
                rows.append(Row(line: rowLine, fields: rowStart..<cells.count))
            } else {
                cells.removeSubrange(rowStart...)
            }
            rowStart = cells.count
            rowLine = line
        }
        func append(_ byte: UInt8) {
            if bytes.count - fieldStart < limits.maxFieldBytes { bytes.append(byte) } else { truncated = true; fieldCut = true }
        }
        /// Appends `input[run]` as `append` would, byte by byte: up to the field's limit.
        func append(_ run: Range<Int>, of input: UnsafeBufferPointer<UInt8>) {
            let room = max(0, limits.maxFieldBytes - (bytes.count - fieldStart))
            if run.count > room { truncated = true; fieldCut = true }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[run.lowerBound..<run.lowerBound + min(room, run.count)]))
        }
        input.withUnsafeBufferPointer { input in
            while index < input.count, rows.count <= limits.maxRows {
                let byte = input[index]
                if inQuotes {
                    if byte != 34 && byte != 10 {
                        // A run of ordinary bytes inside quotes, copied at once.
                        var end = index + 1
                        while end < input.count, input[end] != 34, input[end] != 10 { end += 1 }
                        append(index..<end, of: input)
                        index = end
                        continue
                    }
                    index += 1
                    if byte == 34 {
                        if index < input.count, input[index] == 34 { append(34); index += 1 } else { inQuotes = false }
                    } else {
                        line += 1
                        append(byte)
                    }
                    continue
                }
                if byte != 34 && byte != delimiter && byte != 13 && byte != 10 {
                    // A run of ordinary bytes of an unquoted field, copied at once.
                    var end = index + 1
                    while end < input.count {
                        let next = input[end]
                        if next == 34 || next == delimiter || next == 13 || next == 10 { break }
                        end += 1
                    }
                    append(index..<end, of: input)
                    index = end
                    continue
                }
                index += 1
                switch byte {
                case 34 where bytes.count == fieldStart: inQuotes = true
                case delimiter: endField()
                case 13: continue
                case 10:
                    line += 1
                    endField()
                    endRow()
                default: append(byte)
                }
            }
        }
        if inQuotes { notes.append((rowLine, "a quoted field is never closed; read to the end of the file")) }
        if bytes.count > fieldStart || cells.count > rowStart {
            endField()
            endRow()
        }
        if rows.count > limits.maxRows {
            rows.removeLast(rows.count - limits.maxRows)
            notes.append((line, "more than \(limits.maxRows) rows (roster_max_rows); the rest ignored"))
        }
    }

    /// A field cut at `roster_max_field_bytes` can end inside a character: its last
    /// bytes are then replaced by U+FFFD, as `String(decoding:)` reads them, so that every
    /// field's bytes are valid UTF-8 and readers can use them without a String.
    static func replaceCutCharacter(in bytes: inout [UInt8], from start: Int) {
        var lead = bytes.count - 1
        while lead >= start, lead > bytes.count - 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= start, bytes[lead] >= 0xC0 else { return }
        let length = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2
        guard lead + length > bytes.count else { return }
        bytes.removeSubrange(lead...)
        bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
    }

    /// The most frequent of comma, tab and semicolon on the first line.
    static func delimiter(_ bytes: [UInt8]) -> UInt8 {
        let firstLine = bytes.prefix { $0 != 10 }
        let candidates: [UInt8] = [44, 9, 59]
        return candidates.max { a, b in firstLine.count(where: { $0 == a }) < firstLine.count(where: { $0 == b }) } ?? 44
    }
}
