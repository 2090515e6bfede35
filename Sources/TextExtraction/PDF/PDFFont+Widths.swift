extension PDFFont {
    static let maxWidthEntries = 65_536

    /// How far `bytes` move the pen, in text space units (before the text matrix), or
    /// nil when the font gives no widths (the standard 14 fonts may omit them).
    func advance(of bytes: [UInt8], size: Double, charSpacing: Double, wordSpacing: Double) -> Double? {
        guard let widths else { return nil }
        var total = 0.0
        var index = 0
        while index + codeLength <= bytes.count {
            let code = codeLength == 2 ? UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1]) : UInt32(bytes[index])
            total += (widths[code] ?? missingWidth) / 1000 * size + charSpacing
            if codeLength == 1, code == 32 { total += wordSpacing }
            index += codeLength
        }
        return total
    }

    /// /FirstChar and /Widths of a simple font.
    mutating func readSimpleWidths(_ dictionary: [String: PDFObject], document: PDFDocument) {
        guard let first = document.value("FirstChar", in: dictionary).integer, (0..<256).contains(first),
              let list = document.value("Widths", in: dictionary).array else { return }
        var table: [UInt32: Double] = [:]
        for (offset, item) in list.prefix(256).enumerated() {
            if let width = document.resolve(item).number { table[UInt32(first + offset)] = width }
        }
        widths = table
        missingWidth = 500
    }

    /// /DW and /W of a composite font's descendant: `c [w1 w2 …]` and `cFirst cLast w`.
    mutating func readCompositeWidths(_ dictionary: [String: PDFObject], document: PDFDocument) {
        guard let descendant = document.resolve(document.value("DescendantFonts", in: dictionary).array?.first).dictionary
        else { return }
        missingWidth = document.value("DW", in: descendant).number ?? 1000
        var table: [UInt32: Double] = [:]
        let list = document.value("W", in: descendant).array ?? []
        var index = 0
        while index + 1 < list.count, table.count < Self.maxWidthEntries {
            guard let start = document.resolve(list[index]).integer, start >= 0, start < Int(UInt32.max) else { break }
            let next = document.resolve(list[index + 1])
            if let run = next.array {
                for (offset, item) in run.prefix(Self.maxWidthEntries).enumerated() {
                    if let width = document.resolve(item).number { table[UInt32(truncatingIfNeeded: start &+ offset)] = width }
                }
                index += 2
            } else if let last = next.integer, index + 2 < list.count, let width = document.resolve(list[index + 2]).number {
                if last >= start, last - start < Self.maxWidthEntries {
                    for code in start...last { table[UInt32(truncatingIfNeeded: code)] = width }
                }
                index += 3
            } else {
                break
            }
        }
        widths = table
    }
}
