import ChaperoneModel

/// The importer's clean-ups of one cell on its UTF-8 bytes, each giving exactly what the
/// String rule it replaces gives (`trimmingCharacters`, `RosterText.list`,
/// `RosterText.addressLines`, `replacingSpaces`, `RosterAssembler.flag`). ASCII cells,
/// which are nearly all of them, make no String; a cell with non-ASCII bytes where a
/// Character could differ from its bytes goes through the String rule.
enum CellBytes {
    /// `range` of `bytes` (valid UTF-8) without leading and trailing whitespace, as
    /// `String.trimmingCharacters` trims it.
    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, CSVTable.isASCIISpace(bytes[lower]) { lower += 1 }
        while upper > lower, CSVTable.isASCIISpace(bytes[upper - 1]) { upper -= 1 }
        if lower == upper || bytes[lower] < 0x80 && bytes[upper - 1] < 0x80 { return lower..<upper }
        // A non-ASCII edge: Unicode whitespace, a BOM, or a combining mark on a space.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return range.lowerBound..<range.lowerBound
        }
        let start = text.utf8.distance(from: text.startIndex, to: first)
        let end = text.utf8.distance(from: text.startIndex, to: text.index(after: last))
        return range.lowerBound + start..<range.lowerBound + end
    }

    /// Calls `item` with each item of `RosterText.list` (addresses split on `;`, `,` and
    /// spaces, each trimmed, empty ones dropped) of the trimmed cell `range`.
    static func forEachListItem(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>,
                                _ item: (UnsafeBufferPointer<UInt8>) -> Void) {
        split(range, of: bytes, item, isSeparator: { byte, _ in byte == 59 || byte == 44 || byte == 32 },
              fallback: RosterText.list)
    }

    /// Calls `item` with each line of `RosterText.addressLines` (split on line breaks and
    /// commas, each trimmed, empty ones dropped) of the trimmed cell `range`.
    static func forEachAddressLine(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>,
                                   _ item: (UnsafeBufferPointer<UInt8>) -> Void) {
        // CR LF is one Character, neither "\n" nor "\r": the String rule does not split there.
        split(range, of: bytes, item, isSeparator: { byte, index in
            switch byte {
            case 44: true
            case 10: index == range.lowerBound || bytes[index - 1] != 13
            case 13: index + 1 == range.upperBound || bytes[index + 1] != 10
            default: false
            }
        }, fallback: RosterText.addressLines)
    }

    private static func split(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>,
                              _ item: (UnsafeBufferPointer<UInt8>) -> Void, isSeparator: (UInt8, Int) -> Bool,
                              fallback: (String) -> [String]) {
        let cell = UnsafeBufferPointer(rebasing: bytes[range])
        guard UTF8Text.isASCII(cell) else {
            for value in fallback(String(decoding: cell, as: UTF8.self)) {
                var value = value
                value.withUTF8(item)
            }
            return
        }
        var start = range.lowerBound
        for index in range.lowerBound...range.upperBound where index == range.upperBound || isSeparator(bytes[index], index) {
            var lower = start, upper = index
            while lower < upper, CSVTable.isASCIISpace(bytes[lower]) { lower += 1 }
            while upper > lower, CSVTable.isASCIISpace(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { item(UnsafeBufferPointer(rebasing: bytes[lower..<upper])) }
            start = index + 1
        }
    }

    /// Appends `value` upper-cased (when `uppercase`) and without whitespace, as
    /// `value.uppercased().replacingSpaces` (or `value.replacingSpaces`) gives it.
    static func appendWithoutSpaces(_ value: UnsafeBufferPointer<UInt8>, uppercase: Bool, to output: inout [UInt8]) {
        guard UTF8Text.isASCII(value) else {
            let text = String(decoding: value, as: UTF8.self)
            output.append(contentsOf: (uppercase ? text.uppercased() : text).replacingSpaces.utf8)
            return
        }
        for byte in value where !CSVTable.isASCIISpace(byte) {
            output.append(uppercase && byte >= 97 && byte <= 122 ? byte - 32 : byte)
        }
    }

    /// `RosterAssembler.flag` of the value.
    static func flag(_ value: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard UTF8Text.isASCII(value) else { return RosterAssembler.flag(String(decoding: value, as: UTF8.self)) }
        guard value.count <= 5 else { return nil }
        var word = UInt64(value.count) << 56
        for (index, byte) in value.enumerated() {
            word |= UInt64(byte >= 65 && byte <= 90 ? byte + 32 : byte) << (8 * UInt64(index))
        }
        if trueWords.contains(word) { return true }
        if falseWords.contains(word) { return false }
        return nil
    }

    private static let trueWords = ["y", "yes", "true", "1", "t"].map(word)
    private static let falseWords = ["n", "no", "false", "0", "f"].map(word)

    /// A word of at most five ASCII bytes and its length in one integer.
    private static func word(_ text: String) -> UInt64 {
        var word = UInt64(text.utf8.count) << 56
        for (index, byte) in text.utf8.enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
        return word
    }
}
