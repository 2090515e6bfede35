/// Finds UPNs, ULNs, NHS numbers and National Insurance numbers among a segment's
/// tokens by shape and check character. Confidence is set later, by the engine, from
/// structure, context words and roster membership.
struct IdentifierScanner {
    let bytes: [UInt8]
    let tokens: [RawToken]

    func scan() -> [IdentifierHit] {
        tokens.nonOverlappingMatches(match(at:))
    }

    private func match(at index: Int) -> (IdentifierHit, Int)? {
        let token = tokens[index]
        if token.length == 13, let hit = upn(token) { return (hit, 1) }
        if token.length == 10, token.isAllDigits, let hit = tenDigits(token.start..<token.end, grouped: false) {
            return (hit, 1)
        }
        if token.length == 3, token.isAllDigits, let hit = groupedNHS(at: index) { return (hit, 3) }
        // Asked here first, so the common word that cannot start one costs no call to
        // `nino` and no optional hit copied back (a few per cent of a prose message).
        if token.length == 2 || token.length == 8 || token.length == 9, let found = nino(at: index) { return found }
        return nil
    }

    private func upn(_ token: RawToken) -> IdentifierHit? {
        let value = bytes.upperCased(token.start..<token.end)
        guard let validation = UniquePupilNumber.validate(bytes: value[...]) else { return nil }
        return IdentifierHit(kind: .upn, range: token.start..<token.end,
                             value: String(decoding: value, as: UTF8.self), isGrouped: false, upn: validation)
    }

    private func tenDigits(_ range: Range<Int>, grouped: Bool, digits: [UInt8]? = nil) -> IdentifierHit? {
        let value = digits ?? Array(bytes[range])
        let text = String(decoding: value, as: UTF8.self)
        if UniqueLearnerNumber.isValid(digits: value[...]) {
            return IdentifierHit(kind: .uln, range: range, value: text, isGrouped: grouped)
        }
        if NHSNumber.isValid(digits: value[...]) {
            return IdentifierHit(kind: .nhs, range: range, value: text, isGrouped: grouped)
        }
        return nil
    }

    /// `943 476 5870` or `943-476-5870`: the NHS's own 3-3-4 grouping.
    private func groupedNHS(at index: Int) -> IdentifierHit? {
        guard index + 2 < tokens.count else { return nil }
        let first = tokens[index], second = tokens[index + 1], third = tokens[index + 2]
        guard second.length == 3, second.isAllDigits, third.length == 4, third.isAllDigits,
              isSingleSeparator(bytes.gap(first, second)), bytes.gap(first, second) == bytes.gap(second, third)
        else { return nil }
        let digits = Array(bytes[first.start..<first.end] + bytes[second.start..<second.end] + bytes[third.start..<third.end])
        guard NHSNumber.isValid(digits: digits[...]) else { return nil }
        return tenDigits(first.start..<third.end, grouped: true, digits: digits)
    }

    private func isSingleSeparator(_ gap: ArraySlice<UInt8>) -> Bool {
        gap.count == 1 && (gap.first == 32 || gap.first == 45)
    }

    /// `AB123456C` or `AB 12 34 56 C` (single spaces at the conventional places).
    private func nino(at index: Int) -> (IdentifierHit, Int)? {
        let first = tokens[index]
        let compactForm = (first.length == 9 || first.length == 8) && first.digitCount == 6
        let spacedForm = first.length == 2 && first.isAllLetters && index + 1 < tokens.count && tokens[index + 1].isAllDigits
        guard compactForm || spacedForm else { return nil }
        var compact = bytes.upperCased(first.start..<first.end)
        var boundaries: [Int] = []
        var last = index
        while compact.count < 9, last + 1 < tokens.count {
            let next = tokens[last + 1]
            guard bytes.gap(tokens[last], next) == [32] else { break }
            boundaries.append(compact.count)
            compact += bytes.upperCased(next.start..<next.end)
            last += 1
        }
        guard compact.count == 9, boundaries.allSatisfy({ [2, 4, 6, 8].contains($0) }),
              NationalInsuranceNumber.isValid(compact: compact[...]) else { return nil }
        let range = first.start..<tokens[last].end
        let hit = IdentifierHit(kind: .nino, range: range, value: String(decoding: compact, as: UTF8.self),
                                isGrouped: !boundaries.isEmpty)
        return (hit, last - index + 1)
    }
}
