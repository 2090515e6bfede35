extension TableColumns {
    /// What a heading (its `MISColumn.key`) makes of its column.
    enum HeadingKind: Sendable {
        case name, secret, ambiguousSecret
    }

    /// Every heading of `nameHeadings`, `secretHeadings` and `ambiguousSecretHeadings`,
    /// looked up by bytes (the three sets share no heading).
    static let headingKinds = KeywordTable<HeadingKind>(
        nameHeadings.map { ($0, .name) } + secretHeadings.map { ($0, .secret) }
            + ambiguousSecretHeadings.map { ($0, .ambiguousSecret) })

    /// The longest heading in the tables (longer keys cannot name a column).
    static let longestHeading = (nameHeadings.union(secretHeadings).union(ambiguousSecretHeadings)).map(\.utf8.count).max() ?? 0

    /// `characterHeadings(in:)` over the bytes of an ASCII row, where a byte is a
    /// Character except CR LF (one Character): nil for any other row. A cell is trimmed
    /// of spaces, quotes, tabs and lone CRs and LFs (a CR LF pair is not trimmed, as
    /// `trimmingSpaces` does not trim the Character), then keyed as `MISColumn.key` keys
    /// it: ASCII lower-cased, without spaces, underscores, dots, hyphens and quotes.
    static func asciiHeadings(in row: UnsafeBufferPointer<UInt8>) -> Columns? {
        guard !row.contains(where: { $0 >= 0x80 }) else { return nil }
        var columns = Columns()
        var key = [UInt8](repeating: 0, count: longestHeading)
        var cellStart = 0
        var position = 0
        while cellStart <= row.count {
            var cellEnd = cellStart
            while cellEnd < row.count, row[cellEnd] != 9 { cellEnd += 1 }
            defer { cellStart = cellEnd + 1; position += 1 }
            var lower = cellStart, upper = cellEnd
            while lower < upper, isTrimmed(row, at: lower, in: lower..<upper) { lower += 1 }
            while upper > lower, isTrimmed(row, at: upper - 1, in: lower..<upper) { upper -= 1 }
            var length = 0
            var fits = true
            for index in lower..<upper {
                let byte = row[index]
                if byte == 32 || byte == 95 || byte == 46 || byte == 45 || byte == 9 || byte == 34 { continue }
                guard length < key.count else { fits = false; break }
                key[length] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                length += 1
            }
            guard fits, length > 0 else { continue }
            switch headingKinds.value(key, 0..<length) {
            case .name?: columns.names.insert(position)
            case .secret?: columns.secrets[position] = false
            case .ambiguousSecret?: columns.secrets[position] = true
            case nil: break
            }
        }
        return columns
    }

    /// Whether the byte at `index` is a Character `trimmingSpaces` drops: a space, tab
    /// or quote, or a CR or LF that is not half of a CR LF pair within `cell`.
    private static func isTrimmed(_ row: UnsafeBufferPointer<UInt8>, at index: Int, in cell: Range<Int>) -> Bool {
        switch row[index] {
        case 32, 9, 34: return true
        case 13: return !(index + 1 < cell.upperBound && row[index + 1] == 10)
        case 10: return !(index > cell.lowerBound && row[index - 1] == 13)
        default: return false
        }
    }
}
