/// Finds UK mobile numbers: `07xxx xxxxxx`, `+44 7xxx xxxxxx`, `+44 (0)7xxx …` with
/// spaces, hyphens, dots or brackets between digit groups. The national significant
/// number must be ten digits in a mobile range (71–75, 77–79, or 7624 Isle of Man);
/// 070 personal numbers and 076 pagers are not mobiles.
struct PhoneScanner {
    let bytes: [UInt8]
    let tokens: [RawToken]

    /// A mobile number's raw range and its digits as written.
    struct Hit {
        var range: Range<Int>
        var digits: String
    }

    func scan() -> [Hit] {
        // Only a token of digits can start a number: a word costs no call to `match`.
        tokens.nonOverlappingMatches { index in tokens[index].isAllDigits ? match(at: index) : nil }
    }

    private func match(at index: Int) -> (Hit, Int)? {
        let first = tokens[index]
        guard first.isAllDigits, first.length <= 13 else { return nil }
        let leading = bytes[first.start]
        let plus = first.start > 0 && bytes[first.start - 1] == UInt8(ascii: "+")
        guard leading == UInt8(ascii: "0") || (plus && bytes[first.start..<first.end].starts(with: [52, 52])) else {
            return nil
        }
        if first.start > 0, isDigitOrLetter(bytes[first.start - 1]) { return nil }
        var digits: [UInt8] = Array(bytes[first.start..<first.end])
        var best: (Int, [UInt8])?
        var last = index
        while true {
            if isMobile(digits) { best = (last, digits) }
            guard digits.count < 14, last + 1 < tokens.count else { break }
            let next = tokens[last + 1]
            let gap = bytes.gap(tokens[last], next)
            guard next.isAllDigits, gap.count <= 2, gap.allSatisfy({ " -.()".utf8.contains($0) }) else { break }
            digits += bytes[next.start..<next.end]
            last += 1
        }
        guard let (end, found) = best else { return nil }
        let start = plus ? first.start - 1 : first.start
        return (Hit(range: start..<tokens[end].end, digits: String(decoding: found, as: UTF8.self)), end - index + 1)
    }

    private func isDigitOrLetter(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122)
    }

    /// True when `digits` is a complete UK mobile number in national or +44 form.
    func isMobile(_ digits: [UInt8]) -> Bool {
        var national = digits[...]
        if national.starts(with: [52, 52]) {
            national = national.dropFirst(2)
            if national.first == 48 { national = national.dropFirst() }
        } else if national.first == 48 {
            national = national.dropFirst()
        } else {
            return false
        }
        guard national.count == 10, national.first == 55 else { return false }
        let second = national[national.startIndex + 1]
        if (49...53).contains(second) || (55...57).contains(second) { return true }
        return national.starts(with: Array("7624".utf8))
    }
}
