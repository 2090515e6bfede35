/// A CSV file read into rows of fields, each row remembering the line it started on.
/// Handles quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and
/// comma, semicolon or tab delimiters (chosen from the header line).
struct CSVTable {
    struct Row {
        var line: Int
        var fields: [String]
    }

    var rows: [Row] = []
    /// Limit hits and repairs, as (line, reason).
    var notes: [(line: Int, reason: String)] = []

    init(text: String, limits: RosterImportLimits) {
        let bytes = Array(text.utf8)
        let delimiter = Self.delimiter(bytes)
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var index = 0
        var truncated = false
        func endField() {
            if fields.count < limits.maxColumns {
                fields.append(String(decoding: field, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
        }
        func endRow() {
            if fields.count >= limits.maxColumns {
                notes.append((rowLine, "more than \(limits.maxColumns) columns (roster_max_columns); the rest ignored"))
            }
            if truncated {
                notes.append((rowLine, "a field longer than \(limits.maxFieldBytes) bytes was cut (roster_max_field_bytes)"))
                truncated = false
            }
            if !(fields.count == 1 && fields[0].isEmpty) && !fields.isEmpty {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            rowLine = line
        }
        while index < bytes.count, rows.count <= limits.maxRows {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == 34 {
                    if index < bytes.count, bytes[index] == 34 { append(34) ; index += 1 } else { inQuotes = false }
                } else {
                    if byte == 10 { line += 1 }
                    append(byte)
                }
                continue
            }
            switch byte {
            case 34 where field.isEmpty: inQuotes = true
            case delimiter: endField()
            case 13: continue
            case 10:
                line += 1
                endField()
                endRow()
            default: append(byte)
            }
        }
        if inQuotes { notes.append((rowLine, "a quoted field is never closed; read to the end of the file")) }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            endRow()
        }
        if rows.count > limits.maxRows {
            rows.removeLast(rows.count - limits.maxRows)
            notes.append((line, "more than \(limits.maxRows) rows (roster_max_rows); the rest ignored"))
        }

        func append(_ byte: UInt8) {
            if field.count < limits.maxFieldBytes { field.append(byte) } else { truncated = true }
        }
    }

    /// The most frequent of comma, tab and semicolon on the first line.
    static func delimiter(_ bytes: [UInt8]) -> UInt8 {
        let firstLine = bytes.prefix { $0 != 10 }
        let candidates: [UInt8] = [44, 9, 59]
        return candidates.max { a, b in firstLine.count(where: { $0 == a }) < firstLine.count(where: { $0 == b }) } ?? 44
    }
}
