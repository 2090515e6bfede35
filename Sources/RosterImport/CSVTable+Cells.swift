extension CSVTable {
    /// Number of fields in `row`.
    func fieldCount(of row: Row) -> Int { row.fields.count }

    /// Every field of `row` as written, untrimmed (for header rows).
    func fields(of row: Row) -> [String] {
        cells[row.fields].map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Field `column` of `row` without leading and trailing whitespace; "" when the row
    /// is shorter. The only String a data cell becomes.
    func value(_ column: Int, in row: Row) -> String {
        guard column >= 0, column < row.fields.count else { return "" }
        let range = cells[row.fields.lowerBound + column]
        guard let trimmed = Self.asciiTrimmed(range, in: bytes) else {
            return String(decoding: bytes[range], as: UTF8.self).trimmingCharacters
        }
        return trimmed.isEmpty ? "" : String(decoding: bytes[trimmed], as: UTF8.self)
    }

    /// True when field `column` of `row` holds more than whitespace; makes no String for
    /// a cell with ASCII edges.
    func hasValue(_ column: Int, in row: Row) -> Bool {
        guard column >= 0, column < row.fields.count else { return false }
        let range = cells[row.fields.lowerBound + column]
        if let trimmed = Self.asciiTrimmed(range, in: bytes) { return !trimmed.isEmpty }
        return !String(decoding: bytes[range], as: UTF8.self).trimmingCharacters.isEmpty
    }

    /// `range` without ASCII whitespace at either end, or nil when a byte at a trimmed
    /// edge is not ASCII: then the edge may be Unicode whitespace (a no-break space, a
    /// BOM) or part of a larger character, and `String.trimmingCharacters` decides.
    static func asciiTrimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isASCIISpace(bytes[lower]) { lower += 1 }
        while upper > lower, isASCIISpace(bytes[upper - 1]) { upper -= 1 }
        guard lower == upper || bytes[lower] < 0x80 && bytes[upper - 1] < 0x80 else { return nil }
        return lower..<upper
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII
    /// characters `Character.isWhitespace` accepts.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 32 || byte >= 9 && byte <= 13 }
}
