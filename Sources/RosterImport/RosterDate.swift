import ChaperoneModel

/// Reads dates of birth as MIS exports write them: `dd/mm/yyyy`, `d/m/yy`,
/// `dd-mm-yyyy`, `dd.mm.yyyy`, `yyyy-mm-dd` (CTF `xs:date`), optionally followed by a time.
enum RosterDate {
    static func parse(_ text: String) -> SchoolDate? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return parseCharacters(text) }
        var ascii = text
        return ascii.withUTF8(parseASCII)
    }

    /// `parse` of the text with UTF-8 bytes `bytes`, making no String for ASCII.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> SchoolDate? {
        UTF8Text.isASCII(bytes) ? parseASCII(bytes) : parseCharacters(String(decoding: bytes, as: UTF8.self))
    }

    /// The same reading on bytes, for ASCII text (every real export): the date is the
    /// first space-separated word up to any `T`, in three parts split on `/`, `-` or `.`.
    private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> SchoolDate? {
        func firstWord(_ range: Range<Int>, _ separator: UInt8) -> Range<Int> {
            var start = range.lowerBound
            while start < range.upperBound, bytes[start] == separator { start += 1 }
            var end = start
            while end < range.upperBound, bytes[end] != separator { end += 1 }
            return start..<end
        }
        let word = firstWord(firstWord(0..<bytes.count, 32), 84)
        // The three parts, held in place (no array per date: a roster has one per pupil).
        var parts = (0..<0, 0..<0, 0..<0)
        var count = 0
        var start = word.lowerBound
        for index in word.lowerBound...word.upperBound
        where index == word.upperBound || bytes[index] == 47 || bytes[index] == 45 || bytes[index] == 46 {
            if index > start {
                switch count {
                case 0: parts.0 = start..<index
                case 1: parts.1 = start..<index
                case 2: parts.2 = start..<index
                default: return nil
                }
                count += 1
            }
            start = index + 1
        }
        guard count == 3, let a = number(parts.0, bytes), let b = number(parts.1, bytes),
              let c = number(parts.2, bytes) else { return nil }
        return date(a, b, c, lengths: (parts.0.count, parts.1.count, parts.2.count))
    }

    /// `Int(_:)` over ASCII bytes: an optional `+`, then digits; nil on overflow.
    private static func number(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = range.lowerBound
        if bytes[index] == 43 { index += 1 }
        guard index < range.upperBound else { return nil }
        var value = 0
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte >= 48 && byte <= 57 else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(byte - 48))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// Day, month and year from three numbers and how many characters each was written with.
    private static func date(_ a: Int, _ b: Int, _ c: Int, lengths: (Int, Int, Int)) -> SchoolDate? {
        if lengths.0 == 4 { return SchoolDate(year: a, month: b, day: c) }
        guard lengths.0 <= 2, lengths.1 <= 2 else { return nil }
        switch lengths.2 {
        case 4: return SchoolDate(year: c, month: b, day: a)
        case 2: return SchoolDate(year: c <= 40 ? 2000 + c : 1900 + c, month: b, day: a)
        default: return nil
        }
    }

    /// The reading on Characters, for text with non-ASCII characters in it.
    static func parseCharacters(_ text: String) -> SchoolDate? {
        let datePart = text.split(separator: " ").first.map(String.init) ?? ""
        let datePortion = datePart.split(separator: "T").first.map(String.init) ?? ""
        let parts = datePortion.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        return date(a, b, c, lengths: (parts[0].count, parts[1].count, parts[2].count))
    }
}
