import ChaperoneModel

/// Finds calendar dates in the UK forms: `dd/mm/yyyy`, `d/m/yy`, `dd-mm-yyyy`,
/// `dd.mm.yyyy`, `yyyy-mm-dd`, `3 March 2014`, `3rd Mar 2014`, `March 3, 2014`.
/// Numeric dates are read day-first; two-digit years are 20yy unless that is in the
/// future of any plausible pupil (then 19yy).
struct DateScanner {
    let bytes: [UInt8]
    let tokens: [RawToken]

    struct Hit {
        var range: Range<Int>
        var date: SchoolDate
    }

    static let months: KeywordTable<Int> = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var pairs: [(String, Int)] = [("sept", 9)]
        for (index, name) in names.enumerated() {
            pairs.append((name, index + 1))
            if name.count > 3 { pairs.append((String(name.prefix(3)), index + 1)) }
        }
        return KeywordTable(pairs)
    }()

    func scan() -> [Hit] {
        // Every form ends in a token of digits alone (the year, or the last number of
        // 12/03/2014), so a start whose third token is not one is passed over unread.
        tokens.nonOverlappingMatches { index in
            guard index + 2 < tokens.count, tokens[index + 2].isAllDigits else { return nil }
            return numeric(at: index) ?? written(at: index)
        }
    }

    private func number(_ token: RawToken) -> Int? {
        guard token.isAllDigits, token.length <= 4 else { return nil }
        return bytes[token.start..<token.end].reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private func numeric(at index: Int) -> (Hit, Int)? {
        guard index + 2 < tokens.count else { return nil }
        let a = tokens[index], b = tokens[index + 1], c = tokens[index + 2]
        // One separator byte, the same twice (read in place: this runs for every token).
        guard b.start - a.end == 1, c.start - b.end == 1, bytes[a.end] == bytes[b.end] else { return nil }
        let separator = bytes[a.end]
        guard separator == 47 || separator == 45 || separator == 46,
              let first = number(a), let second = number(b), let third = number(c) else { return nil }
        let date: SchoolDate?
        if a.length == 4, b.length <= 2, c.length <= 2 {
            date = SchoolDate(year: first, month: second, day: third)
        } else if a.length <= 2, b.length <= 2, c.length == 4 || c.length == 2 {
            date = SchoolDate(year: c.length == 2 ? Self.century(third) : third, month: second, day: first)
        } else {
            date = nil
        }
        guard let date else { return nil }
        return (Hit(range: a.start..<c.end, date: date), 3)
    }

    static func century(_ twoDigits: Int) -> Int {
        twoDigits <= 40 ? 2000 + twoDigits : 1900 + twoDigits
    }

    /// A day token (`3`, `03`, `3rd`), returning the day.
    private func day(_ token: RawToken) -> Int? {
        guard token.length <= 4, token.digitCount >= 1, token.digitCount <= 2 else { return nil }
        var position = token.start
        var value = 0
        while position < token.end, bytes[position] >= 48, bytes[position] <= 57 {
            value = value * 10 + Int(bytes[position] - 48)
            position += 1
        }
        let digits = position - token.start
        guard digits >= 1, digits <= 2 else { return nil }
        switch token.end - position {
        case 0: return value
        case 2:
            let suffix = (bytes[position] | 0x20, bytes[position + 1] | 0x20)
            let ordinal = suffix == (115, 116) || suffix == (110, 100) || suffix == (114, 100) || suffix == (116, 104)
            return ordinal ? value : nil  // st nd rd th
        default: return nil
        }
    }

    private func month(_ token: RawToken) -> Int? {
        guard token.isAllLetters, token.length >= 3, token.length <= 9 else { return nil }
        return Self.months.value(bytes, token.start..<token.end)
    }

    private func year(_ token: RawToken) -> Int? {
        guard token.isAllDigits, token.length == 4 else { return nil }
        return number(token)
    }

    private func written(at index: Int) -> (Hit, Int)? {
        guard index + 2 < tokens.count else { return nil }
        let a = tokens[index], b = tokens[index + 1], c = tokens[index + 2]
        guard b.start - a.end <= 2, c.start - b.end <= 2 else { return nil }
        if let d = day(a), let m = month(b), let y = year(c), let date = SchoolDate(year: y, month: m, day: d) {
            return (Hit(range: a.start..<c.end, date: date), 3)
        }
        if let m = month(a), let d = day(b), let y = year(c), let date = SchoolDate(year: y, month: m, day: d) {
            return (Hit(range: a.start..<c.end, date: date), 3)
        }
        return nil
    }
}
